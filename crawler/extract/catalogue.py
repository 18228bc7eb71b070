"""The 信息公开目录 header table (索引号 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期 …) that catalogue pages of every CMS print."""

from __future__ import annotations

import re

from .dom import raw_text, text_of

# Labels of the 信息公开 catalogue header (索引号 / 发文机关 / 成文日期 / 标题 / 发文字号 / 发布日期 …)
_CATALOGUE_LABELS = {
    "标题": "title", "名称": "title", "文件名称": "title", "信息名称": "title", "文件标题": "title",
    "发布日期": "published", "公开日期": "published", "发布时间": "published", "公开时间": "published",
    "成文日期": "written", "发文日期": "issued", "生成日期": "generated",
    "发文字号": "doc_number", "文号": "doc_number", "发文文号": "doc_number",
    "发文机关": "issuer", "发布机构": "issuer", "发文单位": "issuer", "公开机构": "issuer",
    "索引号": "index_no", "主题分类": "category", "分类": "category",
}
_LABEL_CLEAN = re.compile(r"[\s\u3000:：]+")
MAX_CELL_CHILDREN = 4


def catalogue_fields(tree) -> dict[str, str]:
    """Fields of the catalogue header table: a label cell followed by its value cell, or
    "label：value" in one cell."""
    fields: dict[str, str] = {}
    for cell in tree.iter("td", "th", "dt", "span", "b", "strong", "label", "li", "p", "div"):
        if len(cell) > MAX_CELL_CHILDREN:
            continue  # a container (menu, list, page body), not a label cell: skip joining its whole text
        raw = raw_text(cell)
        if len(raw) > 60:
            continue
        label = _LABEL_CLEAN.sub("", raw)
        key = _CATALOGUE_LABELS.get(label)
        value = ""
        if key:
            following = cell.getnext()
            if following is None and cell.getparent() is not None and cell.getparent().tag in ("td", "th", "dt"):
                following = cell.getparent().getnext()  # <td><b>标题：</b></td><td>…</td>
            value = text_of(following) if following is not None else (cell.tail or "").strip()
            if _LABEL_CLEAN.sub("", value) in _CATALOGUE_LABELS:
                continue  # a header row of a list table: labels follow labels
        else:
            match = re.match(r"^\s*([\u4e00-\u9fff\u3000 ]{2,8}?)\s*[:：]\s*(.+)$", raw, re.S)
            if match and cell.tag in ("td", "li", "span", "p"):
                key = _CATALOGUE_LABELS.get(_LABEL_CLEAN.sub("", match.group(1)))
                value = re.sub(r"\s+", " ", match.group(2)).strip()
        if key and value and key not in fields and len(value) < 200:
            fields[key] = value
    return fields

