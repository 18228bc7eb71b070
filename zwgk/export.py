"""Exports for the evaluation office (CSV / XLSX with Chinese headers) and the per-agency
rectification list (整改清单) as Markdown or HTML."""

from __future__ import annotations

import csv
import html
from pathlib import Path

from core import store
from core.model import LEVEL_LABELS as LEVEL_NAMES
from core.model import STATUS_LABELS as STATUS_NAMES
from core.text.normalise import strip_pinyin

SCORE_COLUMNS = [
    ("rank", "排名"), ("rank_in_level", "同级排名"), ("agency_id", "单位编号"), ("name", "单位"), ("level", "级别"),
    ("province", "省份"), ("percent", "得分率（%）"), ("evaluation_points", "折算分"), ("points_earned", "得分"),
    ("points_possible", "应得分"), ("passed", "通过"), ("failed", "未通过"), ("errors", "无法核查"),
    ("manual", "需人工核实"), ("pending", "未到期"), ("applicable", "适用规则"), ("coverage", "覆盖率（%）"),
    ("unscored", "不计分结论"),
    ("notices", "适用通知（排名范围）"), ("run_id", "运行编号"),
]
FINDING_COLUMNS = [
    ("agency_id", "单位编号"), ("agency_name", "单位"), ("level", "级别"), ("province", "省份"), ("rule_id", "规则"),
    ("rule_title", "要求"), ("notice_title", "通知"), ("status_name", "结论"), ("deadline", "期限"),
    ("evidence_url", "证据网址"), ("evidence_title", "证据标题"), ("evidence_date", "证据日期"), ("detail", "说明"),
    ("quote", "通知原文"), ("weight", "分值"), ("run_id", "运行编号"),
]


class ExportError(Exception):
    """Nothing to export (no such run or agency); the message is one line."""


def resolve_run(db, run_id: int | None) -> int:
    run_id = run_id or store.latest_findings_run(db)
    if not run_id or not store.run_has_findings(db, run_id):
        raise ExportError(f"没有运行 {run_id} 的核查结论" if run_id else "数据库中还没有核查结论")
    return run_id


def score_rows(db, run_id: int) -> list[dict]:
    return store.scorecard(db, run_id)


def finding_rows(db, run_id: int, include_not_applicable: bool = False) -> list[dict]:
    rows = store.findings_of_run(db, run_id, include_not_applicable)
    for row in rows:
        row["status_name"] = STATUS_NAMES.get(row["status"], row["status"])
        row["level"] = LEVEL_NAMES.get(row["level"], row["level"])
        # the rules table keeps the notice's text verbatim; readers get it without pinyin noise (務(wù))
        row["quote"] = strip_pinyin(row["quote"] or "")
    return rows


def write_table(rows: list[dict], columns: list[tuple[str, str]], path: Path, fmt: str, *, by_level: bool) -> None:
    if fmt == "csv":
        # UTF-8 with BOM: spreadsheet programs then read the Chinese headers correctly
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([label for _, label in columns])
            for row in rows:
                writer.writerow([_cell(row.get(key), key) for key, _ in columns])
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    groups: dict[str, list[dict]] = {}
    for row in rows:
        level = row.get("level") or ""
        name = LEVEL_NAMES.get(level, level) if by_level else "全部"
        groups.setdefault(name or "未分级", []).append(row)
    for name, group in (groups or {"全部": []}).items():
        sheet = workbook.create_sheet(name[:31])
        sheet.append([label for _, label in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in group:
            sheet.append([_cell(row.get(key), key) for key, _ in columns])
        sheet.freeze_panes = "A2"
        for index, (key, label) in enumerate(columns, start=1):
            width = max([len(str(label)) * 2] + [min(len(str(r.get(key) or "")) * 2, 60) for r in group[:200]])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(8, width)
    workbook.save(path)


def _cell(value, key):
    if key == "level":
        return LEVEL_NAMES.get(value, value)
    return value


def export_scores(db, run_id: int | None, fmt: str, path: Path) -> int:
    run_id = resolve_run(db, run_id)
    rows = score_rows(db, run_id)
    write_table(rows, SCORE_COLUMNS, path, fmt, by_level=True)
    return len(rows)


def export_findings(db, run_id: int | None, fmt: str, path: Path, include_not_applicable: bool = False) -> int:
    run_id = resolve_run(db, run_id)
    rows = finding_rows(db, run_id, include_not_applicable)
    for row in rows:  # finding_rows already names levels in Chinese; group by that name
        row["level"] = {v: k for k, v in LEVEL_NAMES.items()}.get(row["level"], row["level"])
    write_table(rows, FINDING_COLUMNS, path, fmt, by_level=True)
    return len(rows)


def rectification_list(db, agency_id: str, run_id: int | None, fmt: str) -> str:
    """整改清单: every failed obligation of one agency with its source sentence, deadline and evidence;
    then what could not be checked and what needs checking by hand."""
    agency = store.agency_row(db, agency_id)
    if agency is None:
        raise ExportError(f"没有编号为 {agency_id} 的单位")
    if run_id and not store.get_run(db, run_id):
        raise ExportError(f"没有编号为 {run_id} 的审计运行 (no run {run_id})")
    if run_id and not store.run_has_findings(db, run_id, agency_id):
        raise ExportError(f"运行 #{run_id} 中没有单位 {agency_id} 的核查结论 (no findings for {agency_id} in run {run_id})")
    run_id = run_id or store.latest_findings_run(db, agency_id)
    if not run_id:
        raise ExportError(f"单位 {agency_id} 还没有核查结论")
    rows = [r for r in finding_rows(db, run_id) if r["agency_id"] == agency_id]
    title = f"{agency['name']}政务公开整改清单（审计运行 #{run_id}）"
    summary = rectification_summary(store.score_of(db, run_id, agency_id))
    sections = rectification_sections(rows)
    if fmt == "md":
        return _markdown(title, summary, sections)
    return _html(title, summary, sections)


def rectification_sections(rows: list[dict]) -> list[tuple[str, list[dict]]]:
    """An agency's findings (finding_rows) in the 整改清单's three sections."""
    return [
        ("一、未落实的要求（需整改）", [r for r in rows if r["status"] == "fail"]),
        ("二、无法核查的要求（网站无法访问或被拦截，请确认网站可访问）", [r for r in rows if r["status"] == "error"]),
        ("三、需人工核实的要求", [r for r in rows if r["status"] == "manual"]),
    ]


def rectification_summary(score: dict) -> str:
    percent = f"{score.get('percent')}%" if score.get("percent") is not None else "—"
    return (f"得分率 {percent}，通过 {score.get('passed', 0)} 项，未通过 {score.get('failed', 0)} 项，"
            f"无法核查 {score.get('errors', 0)} 项，需人工核实 {score.get('manual', 0)} 项。")


def _markdown(title: str, summary: str, sections) -> str:
    lines = [f"# {title}", "", summary, ""]
    for heading, rows in sections:
        lines += [f"## {heading}", ""]
        if not rows:
            lines += ["无。", ""]
        for number, r in enumerate(rows, start=1):
            lines += [
                f"{number}. **{r['rule_title']}**（{r['rule_id']}）",
                f"   - 依据：{r['notice_title']}：“{r['quote']}”",
                f"   - 期限：{r['deadline'] or '—'}",
                f"   - 证据：{r['evidence_title'] or '—'} {r['evidence_url'] or ''}".rstrip(),
                f"   - 说明：{r['detail']}",
                "",
            ]
    return "\n".join(lines)


def _html(title: str, summary: str, sections) -> str:
    e = html.escape  # titles and details come from crawled pages: never trusted
    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>{e(title)}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}"
        "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}"
        "th{background:#f3f3f3}</style></head><body>",
        f"<h1>{e(title)}</h1><p>{e(summary)}</p>",
    ]
    parts.append(sections_html(sections))
    parts.append("</body></html>")
    return "\n".join(parts)


def sections_html(sections, heading_tag: str = "h2") -> str:
    """The 整改清单's sections as HTML tables (every crawled text escaped)."""
    e = html.escape
    parts = []
    for heading, rows in sections:
        parts.append(f"<{heading_tag}>{e(heading)}</{heading_tag}>")
        if not rows:
            parts.append("<p>无。</p>")
            continue
        parts.append("<table><thead><tr><th>序号</th><th>要求</th><th>依据（通知原文）</th><th>期限</th><th>证据</th>"
                     "<th>说明</th></tr></thead><tbody>")
        for number, r in enumerate(rows, start=1):
            evidence = (f"<a href='{e(r['evidence_url'], quote=True)}' rel='noopener noreferrer'>"
                        f"{e(r['evidence_title'] or r['evidence_url'])}</a>") if r["evidence_url"] else "—"
            reviewed = ""
            if r.get("machine_status"):
                reviewed = (f"<br><small>申诉复核：机器判断“{e(STATUS_NAMES.get(r['machine_status'], r['machine_status']))}”，"
                            f"复核为“{e(r['status_name'])}”（{e(r.get('override_reason') or '')}，"
                            f"复核人 {e(r.get('override_reviewer') or '')}）</small>")
            parts.append(
                f"<tr><td>{number}</td><td>{e(r['rule_title'])}</td><td>{e(r['notice_title'] or '')}：“{e(r['quote'])}”</td>"
                f"<td>{e(r['deadline'] or '—')}</td><td>{evidence}</td><td>{e(r['detail'])}{reviewed}</td></tr>"
            )
        parts.append("</tbody></table>")
    return "\n".join(parts)
