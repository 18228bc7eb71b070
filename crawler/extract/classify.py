"""Page types: one of policy, interpretation, plan, annual_report, progress_report, statistics, notice, news, list, other."""

from __future__ import annotations

import re

from core.text import to_simplified

_TYPE_PATTERNS = [
    ("interpretation", re.compile(r"解读|图解|一图读懂|答记者问|政策问答")),
    ("annual_report", re.compile(r"(信息公开|政务公开).{0,6}(年度报告|年报)|年度报告|工作年报")),
    ("progress_report", re.compile(r"落实情况|进展情况|完成情况|推进情况|执行情况")),
    ("plan", re.compile(r"实施方案|工作方案|工作措施|分工方案|工作要点|任务分解|责任分工|试点方案")),
    ("statistics", re.compile(r"统计公报|统计数据|统计月报")),
    ("policy", re.compile(r"(通知|意见|决定|办法|规定|通告|批复|复函|答复|通报|条例|细则|规划|预案|令)$")),
    ("notice", re.compile(r"公示|公告|招聘|征求意见|启事|通知")),
]


_GUIDE = re.compile(r"公开指南|公开制度|公开目录|依申请公开$")
# a title that names the annual report without being it: "召开…年报编制和发布部署会", "关于做好…年度报告编制工作的通知"
_REPORT_ITSELF = re.compile(r"(年度报告|年报)\s*(?:[（(][^（()）]{0,20}[)）])?\s*(?:\.(?:pdf|docx?|wps))?\s*$", re.IGNORECASE)
# a document on interpretation work ("…政策文件解读工作实施办法的通知", "关于做好政策解读工作的通知") is no interpretation
_ON_INTERPRETATION = re.compile(r"解读(?:工作)?[^，,。]{0,8}(?:办法|制度|规定|细则|机制|方案)(?:的通知|（试行）|\(试行\))?$"
                                r"|关于[^，,。]{0,20}解读工作的(?:通知|意见)$")


def classify_page(title: str | None, *, doc_number: str | None, is_list: bool) -> str:
    """One of policy, interpretation, plan, annual_report, progress_report, statistics, notice, news, list, other."""
    if title and _GUIDE.search(title) and not doc_number:
        return "other"
    if is_list:
        return "list"
    if not title:
        return "other"
    simplified = to_simplified(title)
    for page_type, pattern in _TYPE_PATTERNS:
        if page_type == "annual_report" and not _REPORT_ITSELF.search(simplified):
            continue
        if page_type == "interpretation" and _ON_INTERPRETATION.search(simplified):
            continue
        if pattern.search(simplified):
            if page_type == "notice" and doc_number:
                return "policy"
            return page_type
    if doc_number:
        return "policy"
    return "news"

