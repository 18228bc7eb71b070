"""What one agency's crawl reached, recorded per run: the evidence that an absence is real.

The 政务公开 sections ("section links": links whose text or path names them, and the
pagination of lists) are what the rules look in.  The crawl of an agency is complete when
none of them was left behind: not cut by the page cap or the depth cap, no list whose
pagination was not finished, no section page that failed for a transient reason (timeout,
reset, 5xx, anti-bot answer).  A 404 is the site's own answer and does not make a crawl
incomplete.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Failures that say nothing about what the page holds.
TRANSIENT_KINDS = {"timeout", "refused", "reset", "dns", "blocked", "other", "too_large", "redirect", "extract"}


@dataclass
class AgencyCoverage:
    pages: int = 0
    errors: int = 0
    blocked: int = 0
    section_errors: int = 0
    page_cap_reached: bool = False
    section_links_left: int = 0  # section links never requested because of the page cap
    depth_cut: set = field(default_factory=set)  # section links beyond the depth cap
    pagination_left: int = 0
    first_problem_url: str | None = None

    def failed(self, url: str, kind: str, section: bool) -> None:
        self.errors += 1
        if kind == "blocked":
            self.blocked += 1
        if section and kind in TRANSIENT_KINDS:
            self.section_errors += 1
            self.first_problem_url = self.first_problem_url or url

    def row(self, run_id: int, agency_id: str, seen: set, finished: bool) -> dict:
        depth_cut = len(self.depth_cut - seen)
        parts = []
        if not finished:
            parts.append("抓取未结束（被中断）")
        if self.page_cap_reached and self.section_links_left:
            parts.append(f"达到每个单位的页数上限，{self.section_links_left} 个政务公开栏目链接未抓取")
        if depth_cut:
            parts.append(f"{depth_cut} 个政务公开栏目链接超过链接深度上限")
        if self.pagination_left:
            parts.append(f"{self.pagination_left} 个列表翻页未抓取完")
        if self.section_errors:
            parts.append(f"{self.section_errors} 个政务公开栏目页面抓取失败或被拦截（如 {self.first_problem_url}）")
        complete = not parts
        return {
            "run_id": run_id,
            "agency_id": agency_id,
            "pages": self.pages,
            "errors": self.errors,
            "blocked": self.blocked,
            "page_cap_reached": int(self.page_cap_reached),
            "section_links_left": self.section_links_left,
            "depth_cut_links": depth_cut,
            "pagination_left": self.pagination_left,
            "section_errors": self.section_errors,
            "finished": int(finished),
            "complete": int(complete),
            "detail": "网站抓取完整" if complete else "该单位网站未抓取完整：" + "；".join(parts),
        }
