"""Topic ids of the vocabulary (``rules/topics.yaml``) that a topic obligation names.

The vocabulary's ``titles`` patterns say how a page publishing a topic is titled; a task sentence that
names the item (做好预决算公开, 公开随机抽查结果) contains the same phrase, so the same patterns find the
topic in the task.  The vocabulary is read by its own loader (``checks.topics``), so a drafted rule
refers only to ids the ``topic_disclosed`` kind accepts.
"""

from __future__ import annotations

from rules.topics import DEFAULT_VOCABULARY, VocabularyError, load_vocabulary


def topic_ids(text: str) -> list[str]:
    """Ids of the topics whose title patterns the obligation's text (comparable form) matches."""
    try:
        vocabulary = load_vocabulary(DEFAULT_VOCABULARY)
    except VocabularyError:
        return []
    return [topic.id for topic in vocabulary.topics.values() if topic.title_pattern(text)]
