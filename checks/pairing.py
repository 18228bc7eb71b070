"""Pair policy documents with their interpretations (政策解读).

A pair is made by a link between the two pages (相关解读 on the policy, 政策原文 /
原文链接 on the interpretation, or any link from an interpretation to the policy),
by the policy's 文号 quoted in the interpretation's title, or by the policy's name
(《…》 or the part after 关于) quoted there.
"""

from __future__ import annotations

import re

from core.text import to_simplified

from .kinds.base import Evidence, Page, title_of


def pair_interpretations(evidence: Evidence) -> list[tuple[Page, Page, str]]:
    """(policy, interpretation, how) for every pair found; how is link, doc_number or title.

    Computed once per agency: every interpretation rule and the stored pairs read the same result."""
    if "interpretation_pairs" not in evidence.derived:
        evidence.derived["interpretation_pairs"] = _pair(evidence)
    return evidence.derived["interpretation_pairs"]


def _pair(evidence: Evidence) -> list[tuple[Page, Page, str]]:
    policies = [p for p in evidence.pages if p.page_type == "policy"]
    interpretations = [p for p in evidence.pages if p.page_type == "interpretation"]
    if not policies or not interpretations:
        return []
    interpretation_urls = {p.url for p in interpretations}
    policy_urls = {p.url for p in policies}
    linked: set[tuple[str, str]] = set()
    for frm, to, anchor in evidence.links_between(sorted(policy_urls), sorted(interpretation_urls)):
        linked.add((frm, to))
    for frm, to, anchor in evidence.links_between(sorted(interpretation_urls), sorted(policy_urls)):
        linked.add((to, frm))
    pairs = []
    for policy in policies:
        quoted = quoted_name(title_of(policy))
        for interpretation in interpretations:
            title = title_of(interpretation)
            if (policy.url, interpretation.url) in linked:
                pairs.append((policy, interpretation, "link"))
            elif policy.doc_number and policy.doc_number in title:
                pairs.append((policy, interpretation, "doc_number"))
            elif quoted and quoted in title:
                pairs.append((policy, interpretation, "title"))
    return pairs


def quoted_name(title: str) -> str | None:
    """The part of a policy title an interpretation quotes: 《…》, or the text after 关于."""
    match = re.search(r"《([^》]{4,})》", title)
    if match:
        return match.group(1)
    core = re.sub(r"^.*?关于", "", title)
    core = re.sub(r"^(印发|转发|公布)", "", core)
    core = re.sub(r"的(通知|意见|决定|通告|批复)$", "", core)
    return core if len(core) >= 6 else None


# Documents the 解读 obligation does not reach.  It is for 规范性文件 and major policy documents
# (国办发〔2016〕80号 实施细则: "谁起草谁解读", 政策性文件与解读方案、解读材料同步); replies and approvals to
# one addressee (批复, 复函, 函, 答复), appointments and dismissals, commendations and rewards, the setting up or
# reshuffling of working groups and joint meetings, reports of results (…情况的通报, …检查情况通报) and decisions on one
# party (行政处罚决定, …罚〔2031〕3号, 行政许可决定), work arrangements and campaigns (关于做好…工作的通知, 关于开展…检查的
# 通知) and announcements of one transaction (…挂牌出让公告, …中标候选人公示) set no policy for the public, so a missing
# 解读 of them is no failure.  Decided on the genre a title ends with, never on its topic.
_NO_INTERPRETATION_NEEDED = re.compile(
    r"(批复|复函|的函|答复|任免|免职|任职|聘任|聘请|表彰|嘉奖|记功|奖励|通报表扬|通报批评|讣告)"
    r"|(领导小组|委员会|工作组|指挥部|联席会议|协调小组|专责小组)(成员)?(制度)?的(通知|批复|复函)$"
    r"|(情况|结果)的?通报$"
    r"|关于(?:切实|进一步|认真|全力)?做好[^，,。]{2,40}工作的(?:紧急)?通知$"  # a work arrangement (…春节期间安全生产工作)
    r"|关于(?:组织)?开展[^，,。]{2,40}(?:工作|活动|行动|检查|排查|整治|评估|调查|普查)的(?:紧急)?通知$"  # a campaign to carry out
    r"|(?:出让|拍卖|挂牌|招标|中标|成交|采购|竞价|竞买|租赁)[^，,。]{0,10}(?:公告|公示)$"  # one transaction
    r"|处罚决定(书)?(信息)?(公开|公示)?([（(][^）)]*[)）])?$|(准予|不予)(行政)?许可决定|罚(字)?〔\d{4}〕"
)


def needs_interpretation(page: Page) -> bool:
    """Whether the 解读 obligation reaches this policy document (see ``_NO_INTERPRETATION_NEEDED``)."""
    return page.page_type == "policy" and not _NO_INTERPRETATION_NEEDED.search(to_simplified(title_of(page)))
