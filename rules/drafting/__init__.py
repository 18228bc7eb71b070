"""The parts of the rule drafter (:mod:`rules.draft`): structure, candidates, deadlines, obligations, metadata, tables,
topics, compare; scorer and train (a learned obligation scorer, an experiment off by default)."""
