"""The parts of the rule drafter (:mod:`rules.draft`): structure, deadlines, obligations, metadata, tables, topics, compare."""
