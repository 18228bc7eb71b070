"""site_security: no crawled page carries injected spam (hidden links 暗链, gambling, finance
or game text planted in a government page).

pass: no page was flagged by the extractor.
fail: flagged pages exist; the first is the evidence and up to five are listed.
"""

from __future__ import annotations

from .base import Evidence, Outcome, cite

WEB_CHECKABLE = True
PARAMS: dict = {}



def evaluate(rule, evidence: Evidence, calendar) -> Outcome:
    flagged = [p for p in evidence.pages if p.spam]
    if not flagged:
        return Outcome("pass", "clean", f"已抓取的 {len(evidence.pages)} 个页面均未发现暗链或被植入的无关内容。")
    listed = "；".join(cite(p) for p in flagged[:5])
    more = f"等 {len(flagged)} 个页面" if len(flagged) > 5 else ""
    return Outcome(
        "fail", "spam_found",
        f"发现疑似被植入暗链或赌博、理财等无关内容的页面{more}：{listed}。请核查网站安全。",
        evidence=flagged[0],
    )
