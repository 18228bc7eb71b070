"""What a rule kind receives and returns."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from core.model import Agency, Page

from ..workdays import Deadline


@dataclass
class Evidence:
    """Everything crawled for one agency in one run."""

    agency: Agency
    pages: list[Page]
    links_from: Callable[[list[str]], list[tuple[str, str, str]]]  # urls -> (from, to, anchor)
    links_to: Callable[[list[str]], list[tuple[str, str, str]]]
    by_url: dict[str, Page] = field(default_factory=dict)
    # what several kinds derive from the same pages (the policy ↔ interpretation pairs): computed once per agency
    derived: dict = field(default_factory=dict)
    # (from_urls, to_urls) -> links from any of the first to any of the second; the store answers it in SQL
    between: Callable[[list[str], list[str]], list[tuple[str, str, str]]] | None = None

    def __post_init__(self):
        self.by_url = {p.url: p for p in self.pages}

    def links_between(self, from_urls: list[str], to_urls: list[str]) -> list[tuple[str, str, str]]:
        if self.between is not None:
            return self.between(from_urls, to_urls)
        targets = set(to_urls)
        return [link for link in self.links_from(from_urls) if link[1] in targets]


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
    return page.display_title


def provisional_note(deadline) -> str:
    if isinstance(deadline, Deadline) and deadline.provisional:
        return "（注意：该年度的法定节假日安排尚未收录，期限按周一至周五工作日暂计，可在 rules/calendar.yaml 中补充。）"
    return ""


def cite(page: Page) -> str:
    return f"《{page.title or page.url}》（{page.published or '日期不详'}，{page.url}）"


# -- parameter schemas ----------------------------------------------------------------------
# Each kind module declares PARAMS = {name: Param(...)} for every parameter its evaluate reads,
# and may define ``requires(params, notice) -> str | None`` for rules across parameters.


@dataclass(frozen=True)
class Param:
    """One parameter a kind reads: its type (int, str, "date", "regex", "list" or "regexes"), whether
    a rule must give it, the values allowed, the least value, and what it means (for the README)."""

    type: object
    doc: str
    required: bool = False
    choices: tuple = ()
    minimum: int | None = None


def _problem(name: str, spec: Param, value) -> str | None:
    if spec.type is int:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"参数 {name} 应为整数"
        if spec.minimum is not None and value < spec.minimum:
            return f"参数 {name} 不能小于 {spec.minimum}（现为 {value}）"
    elif spec.type == "date":
        try:
            dt.date.fromisoformat(str(value))
        except ValueError:
            return f"参数 {name} 日期无效 {value!r} (use YYYY-MM-DD)"
    elif spec.type in ("regex", "regexes", "list"):
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            return f"参数 {name} 应为文字或文字列表"
        if spec.type != "list":
            for pattern in values:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    return f"参数 {name} 的正则表达式无效 {pattern!r}（{exc}）"
    elif spec.type is str and not isinstance(value, (str, int)):
        return f"参数 {name} 应为文字"
    if spec.choices and value not in spec.choices:
        return f"参数 {name} 应为 {' 或 '.join(spec.choices)}（现为 {value!r}）"
    return None


def param_problems(kind_module, params: dict, notice) -> tuple[list[str], list[str]]:
    """(errors, unread): problems with the parameters a kind reads, and the names it does not read."""
    schema: dict[str, Param] = kind_module.PARAMS
    errors = [f"缺少参数 {name}" for name, spec in schema.items() if spec.required and name not in params]
    for name, value in params.items():
        if name in schema:
            problem = _problem(name, schema[name], value)
            if problem:
                errors.append(problem)
    requires = getattr(kind_module, "requires", None)
    if requires and not errors:
        problem = requires(params, notice)
        if problem:
            errors.append(problem)
    return errors, sorted(set(params) - set(schema))
