"""What a rule kind receives and returns."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from ..targets import Agency
from ..workdays import Deadline


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


@dataclass
class Evidence:
    """Everything crawled for one agency in one run."""

    agency: Agency
    pages: list[Page]
    links_from: Callable[[list[str]], list[tuple[str, str, str]]]  # urls -> (from, to, anchor)
    links_to: Callable[[list[str]], list[tuple[str, str, str]]]
    by_url: dict[str, Page] = field(default_factory=dict)

    def __post_init__(self):
        self.by_url = {p.url: p for p in self.pages}


@dataclass
class Outcome:
    status: str  # pass | fail | error | manual | not_applicable
    reason: str
    detail: str
    evidence: Page | None = None
    deadline: Deadline | dt.date | None = None

    def as_row(self) -> dict:
        deadline = self.deadline
        if isinstance(deadline, Deadline):
            deadline = deadline.date
        return {
            "status": self.status,
            "reason": self.reason,
            "detail": self.detail,
            "evidence_url": self.evidence.url if self.evidence else None,
            "evidence_title": self.evidence.title if self.evidence else None,
            "evidence_date": self.evidence.published if self.evidence else None,
            "deadline": deadline.isoformat() if deadline else None,
        }


def compile_any(patterns, default: str) -> re.Pattern:
    """A regex matching any of the given plain words or regexes."""
    if not patterns:
        return re.compile(default)
    if isinstance(patterns, str):
        patterns = [patterns]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def title_of(page: Page) -> str:
    return page.title_simplified or page.title or ""


def provisional_note(deadline) -> str:
    if isinstance(deadline, Deadline) and deadline.provisional:
        return "（注意：该年度的法定节假日安排尚未收录，期限按周一至周五工作日暂计，可在 rules/calendar.yaml 中补充。）"
    return ""


def cite(page: Page) -> str:
    return f"《{page.title or page.url}》（{page.published or '日期不详'}，{page.url}）"
