"""The parts of the rule drafter (:mod:`rules.draft`): structure, candidates, deadlines, obligations, metadata, tables,
topics, compare; scorer (a learned score that keeps units no rule could read) and train (which rebuilds it)."""
