"""The topic vocabulary (``rules/topics.yaml``): the concrete things agencies must publish, and how
a page that publishes one is recognised.

:func:`load_vocabulary` reads and validates the file once per path; :meth:`Topic.judge` says how
strongly one page shows one topic:

* ``strong`` — the title matches one of the topic's ``titles`` patterns and none of its
  ``exclude`` patterns (nor the vocabulary's ``common_exclude``), and the page is not news; or, for a
  topic whose disclosure *is* a policy document or list (``policy_is_disclosure``: 税收优惠政策, 收费目录清单,
  负面清单, 权责清单 …), a title that matches ``titles`` and is a policy about the topic (``exclude``);
* ``weak``   — only a loose sign: a ``loose`` word in the title, a page in a column whose name
  matches the topic's ``columns``, a policy or work document *about* the topic (a title or loose match
  that the topic's ``exclude`` holds apart from the item itself, unless the topic says that policy is the
  disclosure), or a title match on a news item (a title like 召开…推进会, or a
  page in a news column such as 要闻 or 工作动态: the extractor's ``news`` page type is only its
  fallback, so it is not used).  A weak match
  never passes a rule; it asks a supervisor to look (``manual``, reason ``weak_match``);
* ``None``   — nothing; also a title that the topic's ``unrelated`` patterns name as a different thing
  (a 政府网站抽查 report for the 双随机 topic, an 应急预案 for 安全生产): not the topic at all, so not even a candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
import functools
from functools import lru_cache
from pathlib import Path

import yaml

VOCABULARY_FILE_NAME = "topics.yaml"
DEFAULT_VOCABULARY = Path(__file__).resolve().parent / VOCABULARY_FILE_NAME
RHYTHMS = ("once", "yearly", "quarterly", "continuous")

# Words that say nothing about which disclosure a page is (issue 10: 制度 passed the rule on revising the
# agency's own disclosure rules, 报告 passed 预决算).  A title pattern, column name or keyword that is only
# one of these is not evidence; `rules lint` warns about rules that rely on one.
GENERIC_WORDS = frozenset({
    "制度", "报告", "机制", "内容", "工作", "情况", "信息", "公开", "方面", "力度", "积极", "主体", "平台",
    "建设", "平台建设", "政策", "事项", "项目", "管理", "服务", "通知", "公告", "公示", "政务", "政府", "规定",
    "清单", "目录", "结果", "数据", "措施", "方案", "改革", "发展", "监管",
})


# An instruction about the disclosure work itself (做好…信息公开工作) is no policy measure of any topic.
DISCLOSURE_WORK = re.compile("公开")


class VocabularyError(ValueError):
    """``rules/topics.yaml`` cannot be used; the message names the topic and the field."""


@dataclass(frozen=True)
class TopicMatch:
    """Why a page counts for a topic: ``strength`` (strong | weak) and what matched, in Chinese."""

    strength: str
    why: str
    pattern: str


_INTERPRETED_TITLE = re.compile(r"《[^》]{2,80}》(?=[^《》]{0,8}(?:政策)?(?:解读|图解|问答))")


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    source: str
    rhythm: str
    titles: tuple[re.Pattern, ...]
    exclude: tuple[re.Pattern, ...]
    loose: tuple[str, ...]
    columns: tuple[re.Pattern, ...]
    # The disclosure the regulation asks for is itself a policy document or list (税收优惠政策清单, 收费目录清单,
    # 负面清单, 权责清单, 促进就业的政策措施 …): a policy about the topic that matches `titles` is the item.
    policy_is_disclosure: bool = False
    # Titles that are a different thing altogether (not a policy about the topic): no evidence at all.
    unrelated: tuple[re.Pattern, ...] = ()
    # Every agency has such an item of its own (its budget, its functions, its guide, its annual report): a department
    # bound only as one of a group (市政府各部门) fails when it is missing.  Otherwise the topic is a field some
    # departments own (安全生产, 乡村振兴): missing on a department the rule does not name is for a person to judge.
    every_agency: bool = False

    def excluded(self, title: str, common: tuple[re.Pattern, ...] = ()) -> re.Pattern | None:
        return next((p for p in (*self.exclude, *common) if p.search(title)), None)

    def title_pattern(self, title: str) -> re.Pattern | None:
        return next((p for p in self.titles if p.search(title)), None)

    def column_pattern(self, column: str | None) -> re.Pattern | None:
        return next((p for p in self.columns if p.search(column)), None) if column else None

    @functools.cached_property
    def _anything(self) -> re.Pattern:
        """One pattern for all that can make a page count: a title pattern or a loose word (columns apart)."""
        return re.compile("|".join([*(f"(?:{p.pattern})" for p in self.titles), *map(re.escape, self.loose)]) or "(?!)")

    def judge(self, title: str, column: str | None, page_type: str | None,
              vocabulary: Vocabulary) -> TopicMatch | None:
        """How strongly a page with this title, column and type shows the topic."""
        if not title or (not self._anything.search(title) and self.column_pattern(column) is None):
            return None  # every verdict below rests on a title pattern, a loose word or the column: none is there
        if any(p.search(title) for p in vocabulary.common_exclude):
            return None
        if any(p.search(title) for p in self.unrelated):
            return None
        # an interpretation quotes the title it explains (《关于做好…工作的通知》政策解读): the quote is no instruction
        instruction = any(p.search(_INTERPRETED_TITLE.sub("", title)) for p in vocabulary.instructions)
        if instruction and (not self.policy_is_disclosure or DISCLOSURE_WORK.search(title)):
            # An instruction to do the work is not the data, result or list itself; nor, even for a policy topic,
            # is an instruction to do the *disclosure* work (关于做好…信息公开工作的通知) one of the topic's policies.
            return None
        pattern = self.title_pattern(title)
        if instruction or self.excluded(title):
            if vocabulary.news_like(title, column):
                return None
            if pattern and self.policy_is_disclosure:
                # For this topic the policy is what must be published (the regulation names the policy or list as
                # the item): a policy whose title matches a topic pattern is the disclosure.
                return TopicMatch("strong", f"标题符合“{pattern.pattern}”，是该事项的政策文件（该事项公开的即政策文件本身）",
                                  pattern.pattern)
            # A policy *about* the topic (…管理办法, 关于推进…的意见) is not the item itself, but it is no proof that
            # nothing was published either: a supervisor decides whether it meets the task.
            word = pattern.pattern if pattern else next((w for w in self.loose if w in title), None)
            if word:
                return TopicMatch("weak", f"标题是关于该事项的政策或工作文件（“{word}”），不是公开事项本身", word)
            return None
        if pattern:
            if vocabulary.news_like(title, column):
                return TopicMatch("weak", f"标题符合“{pattern.pattern}”，但该页是新闻动态或工作部署，不是公开事项本身", pattern.pattern)
            return TopicMatch("strong", f"标题符合“{pattern.pattern}”", pattern.pattern)
        if vocabulary.news_like(title, column):
            return None  # a loose word in a news item says nothing about the disclosure
        word = next((w for w in self.loose if w in title), None)
        if word:
            return TopicMatch("weak", f"标题仅含泛指词“{word}”", word)
        column_pattern = self.column_pattern(column)
        if column_pattern:
            return TopicMatch("weak", f"仅所在栏目“{column}”相符，标题未表明公开事项", column_pattern.pattern)
        return None


@dataclass(frozen=True)
class Vocabulary:
    topics: dict[str, Topic]
    common_exclude: tuple[re.Pattern, ...]
    news_titles: tuple[re.Pattern, ...]
    news_columns: tuple[re.Pattern, ...]
    path: Path
    # instructions to do the work (关于做好…工作的通知): no evidence, except as a policy of a policy_is_disclosure topic
    instructions: tuple[re.Pattern, ...] = ()

    def __getitem__(self, topic_id: str) -> Topic:
        return self.topics[topic_id]

    def __contains__(self, topic_id: str) -> bool:
        return topic_id in self.topics

    def excluded(self, topic: Topic, title: str) -> bool:
        return topic.excluded(title, (*self.common_exclude, *self.instructions)) is not None

    def news_like(self, title: str, column: str | None = None) -> bool:
        """A news item: reports an event rather than publishing an item (by its title or its column)."""
        return any(p.search(title) for p in self.news_titles) or bool(
            column and any(p.search(column) for p in self.news_columns))


def vocabulary_for(rules_dir: Path | None) -> Vocabulary:
    """The vocabulary beside a rule directory, or the bundled one when that directory has none."""
    if rules_dir is not None and (Path(rules_dir) / VOCABULARY_FILE_NAME).exists():
        return load_vocabulary(Path(rules_dir) / VOCABULARY_FILE_NAME)
    return load_vocabulary(DEFAULT_VOCABULARY)


@lru_cache(maxsize=8)
def load_vocabulary(path: Path = DEFAULT_VOCABULARY) -> Vocabulary:
    """Read and check ``topics.yaml``; raises :class:`VocabularyError` naming topic and field."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path}: 无法读取词表 ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise VocabularyError(f"{path}: 需要 topics 列表")
    common = _patterns(data.get("common_exclude") or [], f"{path}: common_exclude")
    news = _patterns(data.get("news_titles") or [], f"{path}: news_titles")
    news_columns = _patterns(data.get("news_columns") or [], f"{path}: news_columns")
    instructions = _patterns(data.get("instructions") or [], f"{path}: instructions")
    topics: dict[str, Topic] = {}
    for i, entry in enumerate(data["topics"], start=1):
        topic = _topic(entry, f"{path}: topics[{i}]")
        if topic.id in topics:
            raise VocabularyError(f"{path}: topic id '{topic.id}' 重复")
        topics[topic.id] = topic
    return Vocabulary(topics, common, news, news_columns, path, instructions)


def _topic(entry, where: str) -> Topic:
    if not isinstance(entry, dict):
        raise VocabularyError(f"{where}: 应为映射")
    if entry.get("id"):
        where = f"{where} ({entry['id']})"
    unknown = set(entry) - {"id", "name", "source", "rhythm", "titles", "exclude", "loose", "columns",
                            "policy_is_disclosure", "unrelated", "every_agency"}
    if unknown:
        raise VocabularyError(f"{where}: 未知字段 {sorted(unknown)}")
    for key in ("id", "name", "rhythm", "titles"):
        if not entry.get(key):
            raise VocabularyError(f"{where}: 缺少字段 '{key}'")
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", str(entry["id"])):
        raise VocabularyError(f"{where}: id 只能包含 a-z 0-9 -")
    if entry["rhythm"] not in RHYTHMS:
        raise VocabularyError(f"{where}: rhythm 应为 {' / '.join(RHYTHMS)}")
    for flag in ("policy_is_disclosure", "every_agency"):
        if not isinstance(entry.get(flag, False), bool):
            raise VocabularyError(f"{where}: {flag} 应为 true 或 false")
    loose = entry.get("loose") or []
    if not isinstance(loose, list) or not all(isinstance(w, str) and w for w in loose):
        raise VocabularyError(f"{where}: loose 应为词语列表")
    return Topic(
        id=entry["id"],
        name=entry["name"],
        source=entry.get("source") or "",
        rhythm=entry["rhythm"],
        titles=_patterns(entry["titles"], f"{where}: titles"),
        exclude=_patterns(entry.get("exclude") or [], f"{where}: exclude"),
        loose=tuple(loose),
        columns=_patterns(entry.get("columns") or [], f"{where}: columns"),
        policy_is_disclosure=entry.get("policy_is_disclosure", False),
        unrelated=_patterns(entry.get("unrelated") or [], f"{where}: unrelated"),
        every_agency=entry.get("every_agency", False),
    )


def _patterns(values, where: str) -> tuple[re.Pattern, ...]:
    if isinstance(values, str) or not isinstance(values, list):
        raise VocabularyError(f"{where}: 应为正则表达式列表")
    compiled = []
    for value in values:
        if not isinstance(value, str) or not value:
            raise VocabularyError(f"{where}: 应为非空文字 ({value!r})")
        try:
            compiled.append(re.compile(value))
        except re.error as exc:
            raise VocabularyError(f"{where}: 正则表达式无效 {value!r} ({exc})") from None
    return tuple(compiled)
