"""The data model every stage shares: agencies, pages as the checks see them, finding statuses.

Nothing here reads files or the database; :mod:`core.targets` builds agencies from
a targets file and :mod:`core.store` builds pages from an audit database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LEVELS = ("province", "city", "county", "department")
LEVEL_LABELS = {"province": "省级", "city": "市级", "county": "县级", "department": "部门"}

# Finding statuses, in the order supervisors read them, with the Chinese label they see.
STATUS_LABELS = {
    "pass": "通过",
    "fail": "未通过",
    "error": "无法核查",
    "manual": "需人工核实",
    "pending": "未到期",
    "not_applicable": "不适用",
}
FINDING_STATUSES = tuple(STATUS_LABELS)


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    level: str
    urls: tuple[str, ...]
    province: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    scope: tuple[str, ...] = field(default_factory=tuple)  # URL prefixes this agency owns (targets `scope:`)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def scopes(self) -> list[tuple[str, str]]:
        """(host:port, path prefix) pairs that are in scope for this agency's crawl.

        A start URL at the site root puts the whole host in scope; a start URL
        below the root (a department hosted on its government's portal) keeps
        the crawl within that directory.  An explicit ``scope`` (URL prefixes)
        replaces what the start URLs imply.
        """
        result = []
        for url in self.scope or self.urls:
            parts = urlsplit(url)
            path = parts.path or "/"
            if self.scope:
                prefix = path  # a declared prefix is taken as written
            else:
                prefix = path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"
            result.append((parts.netloc.lower(), prefix))
        return result


@dataclass
class Page:
    """A crawled page as the checks see it (no body text: findings cite, they don't quote)."""

    url: str
    title: str | None
    title_simplified: str | None
    published: str | None
    page_type: str | None
    column: str | None
    doc_number: str | None
    spam: int = 0

    @property
    def published_date(self) -> dt.date | None:
        return dt.date.fromisoformat(self.published) if self.published else None

    @property
    def display_title(self) -> str:
        return self.title_simplified or self.title or ""
