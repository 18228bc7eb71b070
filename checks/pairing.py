"""Pair policy documents with their interpretations (政策解读).

A pair is made by a link between the two pages (相关解读 on the policy, 政策原文 /
原文链接 on the interpretation, or any link from an interpretation to the policy),
by the policy's 文号 quoted in the interpretation's title, or by the policy's name
(《…》 or the part after 关于) quoted there.
"""

from __future__ import annotations

import re

from .kinds.base import Evidence, Page, title_of


def pair_interpretations(evidence: Evidence) -> list[tuple[Page, Page, str]]:
    """(policy, interpretation, how) for every pair found; how is link, doc_number or title."""
    policies = [p for p in evidence.pages if p.page_type == "policy"]
    interpretations = [p for p in evidence.pages if p.page_type == "interpretation"]
    if not policies or not interpretations:
        return []
    interpretation_urls = {p.url for p in interpretations}
    policy_urls = {p.url for p in policies}
    linked: set[tuple[str, str]] = set()
    for frm, to, anchor in evidence.links_from(sorted(policy_urls)):
        if to in interpretation_urls:
            linked.add((frm, to))
    for frm, to, anchor in evidence.links_from(sorted(interpretation_urls)):
        if to in policy_urls:
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
