"""通报: one printable document for a whole run — ranking per peer group and level, crawl coverage,
the worst problems, the overrides applied, and every agency's 整改清单 on its own pages.

HTML with print CSS (A4, a page break before each agency, table headers repeated on every page);
PDF through a headless Chromium where one is installed (``chromium --headless --print-to-pdf``).
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from core import store
from core.model import LEVEL_LABELS, LEVELS, STATUS_LABELS
from core.store import workbench

from .export import (
    ExportError,
    finding_rows,
    rectification_sections,
    rectification_summary,
    resolve_run,
    sections_html,
)
from .problems import outcome_of, shorten_middle

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless_shell")

PRINT_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm; }
body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
       font-size: 10.5pt; line-height: 1.5; color: #111; max-width: 62em; margin: 1.5em auto; }
h1 { font-size: 20pt; text-align: center; margin: 0.2em 0; }
.meta { text-align: center; color: #444; margin-bottom: 1.5em; }
h2 { font-size: 14pt; border-bottom: 2px solid #333; margin-top: 1.6em; }
h3 { font-size: 12pt; margin: 1.2em 0 0.4em; }
h4 { font-size: 11pt; margin: 1em 0 0.3em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #eee; }
td.n { text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.agency { break-before: page; }
.agency h2 { border-bottom: none; }
.fail { color: #a00; } .muted { color: #666; }
small { color: #444; }
a { color: #124; text-decoration: none; word-break: break-all; }
@media print { body { max-width: none; margin: 0; } }
"""


class PdfError(Exception):
    """No headless browser, or it failed; the message is one line."""


def tongbao_html(db, run_id: int | None = None) -> tuple[int, str]:
    """(run id, the 通报 as one HTML document) for a run (default: the latest with findings)."""
    run_id = resolve_run(db, run_id)
    run = store.get_run(db, run_id) or {}
    scores = store.scorecard(db, run_id)
    findings = finding_rows(db, run_id)
    notices = workbench.notice_titles(db)
    by_agency: dict[str, list[dict]] = defaultdict(list)
    for row in findings:
        by_agency[row["agency_id"]].append(row)

    parts = [
        "<!DOCTYPE html><html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>政务公开网站检查情况通报（审计运行 #{run_id}）</title><style>{PRINT_CSS}</style></head><body>",
        "<h1>政务公开网站检查情况通报</h1>",
        (f"<p class='meta'>审计运行 #{run_id} · 按 {_e(run.get('as_of') or (run.get('started') or '')[:10])} 判断期限 · "
        f"检查 {len(scores)} 个单位 · 抓取 {run.get('pages') or 0} 个页面</p>"),
        _overview(run, scores),
        _ranking(scores, notices),
        _coverage(db, run_id, scores),
        _problems(db, run_id, scores),
        _overrides(db, run_id),
    ]
    for number, score in enumerate(scores, start=1):
        parts.append(_agency_section(number, score, by_agency.get(score["agency_id"], [])))
    parts.append("</body></html>")
    return run_id, "\n".join(parts)


def _e(value) -> str:
    return html.escape("" if value is None else str(value))


def _percent(value) -> str:
    return f"{value:.1f}%" if value is not None else "—"


def _overview(run: dict, scores: list[dict]) -> str:
    counts = json.loads(run.get("counts") or "{}")
    counted = "，".join(f"{STATUS_LABELS[s]} {counts[s]} 条" for s in STATUS_LABELS if counts.get(s) and s != "not_applicable")
    ranked = [s for s in scores if s["percent"] is not None]
    unscored = [s for s in scores if s["percent"] is None]
    by_level = defaultdict(list)
    for s in ranked:
        by_level[s["level"]].append(s["percent"])
    averages = "；".join(f"{LEVEL_LABELS.get(level, level)}平均得分率 {sum(v) / len(v):.1f}%（{len(v)} 个单位）"
                        for level in LEVELS for v in [by_level.get(level)] if v)
    text = [f"本次检查 {len(scores)} 个单位，适用规则的结论：{counted or '无'}。"]
    if averages:
        text.append(averages + "。")
    if unscored:
        text.append("以下单位没有可计分的结论（网站无法访问或无可核查的要求），不参加排名："
                    + "、".join(_e(s["name"]) for s in unscored) + "。")
    text.append("只有“通过”“未通过”计分；“无法核查”“需人工核实”“未到期”不计入得分，覆盖率 = 有结论的规则 / 适用的规则。"
                "排名只在受同一组通知约束的单位之间进行，并分级别排列。")
    return "<h2>一、总体情况</h2>" + "".join(f"<p>{t}</p>" for t in text)


def _ranking(scores: list[dict], notices: dict[str, dict]) -> str:
    groups: dict[str, list[dict]] = defaultdict(list)
    for s in scores:
        groups[s["notices"] or ""].append(s)
    parts = ["<h2>二、得分排名</h2>"]
    for number, (group, rows) in enumerate(groups.items(), start=1):
        names = "；".join(_e(notices.get(n, {}).get("title") or n) for n in group.split(",") if n) or "（无适用通知）"
        parts.append(f"<h3>（{number}）适用通知：{names}</h3>")
        for level in LEVELS:
            level_rows = sorted((r for r in rows if r["level"] == level),
                                key=lambda r: (r["rank_in_level"] is None, r["rank_in_level"] or 0, r["name"]))
            if not level_rows:
                continue
            parts.append(f"<h4>{LEVEL_LABELS[level]}</h4><table><thead><tr><th>同级排名</th><th>组内排名</th><th>单位</th>"
                         "<th>得分率</th><th>折算分</th><th>覆盖率</th><th>通过</th><th>未通过</th><th>无法核查</th>"
                         "<th>需人工核实</th><th>未到期</th></tr></thead><tbody>")
            for r in level_rows:
                points = f"{r['evaluation_points']:.2f}" if r.get("evaluation_points") is not None else "—"
                parts.append(
                    f"<tr><td class='n'>{r['rank_in_level'] or '—'}</td><td class='n'>{r['rank'] or '—'}</td>"
                    f"<td>{_e(r['name'])}</td><td class='n'>{_percent(r['percent'])}</td><td class='n'>{points}</td>"
                    f"<td class='n'>{_percent(r['coverage'])}</td><td class='n'>{r['passed']}</td>"
                    f"<td class='n'>{r['failed']}</td><td class='n'>{r['errors']}</td><td class='n'>{r['manual']}</td>"
                    f"<td class='n'>{r['pending'] or 0}</td></tr>")
            parts.append("</tbody></table>")
    return "\n".join(parts)


def _coverage(db, run_id: int, scores: list[dict]) -> str:
    parts = ["<h2>三、抓取覆盖情况</h2><p>每个单位本次抓取到的页面和失败的请求；抓取未完整时，“未找到”不记为未通过。</p>",
             ("<table><thead><tr><th>单位</th><th>抓取页面</th><th>抓取失败</th><th>抓取是否完整</th>"
             "<th>有结论 / 适用规则</th></tr></thead><tbody>")]
    for s in sorted(scores, key=lambda r: r["name"]):
        crawl = workbench.crawl_coverage(db, run_id, s["agency_id"])
        record = crawl.get("record")
        if record is None:
            complete = "—"
        elif record.get("complete"):
            complete = "完整"
        else:
            complete = f"<span class='fail'>未完整</span><br><small>{_e(record.get('detail') or '')}</small>"
        parts.append(f"<tr><td>{_e(s['name'])}</td><td class='n'>{crawl['pages']}</td><td class='n'>{crawl['errors']}</td>"
                     f"<td>{complete}</td><td class='n'>{s['verdicts'] or 0} / {s['applicable'] or 0}</td></tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _problems(db, run_id: int, scores: list[dict]) -> str:
    parts = ["<h2>四、突出问题</h2><h3>（一）未落实单位最多的要求</h3>"]
    worst = workbench.most_failed_rules(db, run_id)
    if not worst:
        parts.append("<p>本次检查没有未通过的要求。</p>")
    else:
        parts.append("<table><thead><tr><th>要求</th><th>通知</th><th>未通过 / 有结论单位</th><th>未通过的单位</th></tr>"
                     "</thead><tbody>")
        for r in worst:
            parts.append(f"<tr><td>{_e(r['rule_title'])}<br><small>{_e(r['rule_id'])}</small></td>"
                         f"<td>{_e(r['notice_title'] or r['notice'])}</td><td class='n'>{r['failing']} / {r['verdicts']}</td>"
                         f"<td>{_e(r['failing_agencies'])}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("<h3>（二）各单位最主要的问题</h3>")
    problems = store.problems_of_run(db, run_id)
    names = {s["agency_id"]: s["name"] for s in scores}
    shown: dict[str, int] = defaultdict(int)
    items = []
    for f in problems:
        shown[f["agency_id"]] += 1
        if shown[f["agency_id"]] <= 2:
            items.append(f"<li><strong>{_e(names.get(f['agency_id'], f['agency_id']))}</strong> "
                         f"［{STATUS_LABELS[f['status']]}］{_e(f['rule_title'])}："
                         f"{_e(shorten_middle(outcome_of(f['detail']), 160))}</li>")
    parts.append("<ul>" + "".join(items) + "</ul>" if items else "<p>无。</p>")
    return "\n".join(parts)


def _overrides(db, run_id: int) -> str:
    rows = workbench.overridden_findings(db, run_id)
    parts = ["<h2>五、申诉复核</h2>"]
    if not rows:
        parts.append("<p>本次运行没有应用申诉复核结论。</p>")
        return "\n".join(parts)
    parts.append("<p>以下结论经督查人员复核，替换了机器判断；得分按复核后的结论计算。</p><table><thead><tr><th>单位</th>"
                 "<th>要求</th><th>机器判断</th><th>复核结论</th><th>复核理由</th><th>复核人 / 日期</th><th>有效至</th></tr>"
                 "</thead><tbody>")
    for r in rows:
        parts.append(
            f"<tr><td>{_e(r['agency_name'] or r['agency_id'])}</td><td>{_e(r['rule_title'] or r['rule_id'])}</td>"
            f"<td>{_e(STATUS_LABELS.get(r['machine_status'], r['machine_status']))}</td>"
            f"<td>{_e(STATUS_LABELS.get(r['status'], r['status']))}</td><td>{_e(r['override_reason'])}</td>"
            f"<td>{_e(r['override_reviewer'])} / {_e(r['override_date'])}</td><td>{_e(r['override_expires'] or '长期')}</td></tr>")
    parts.append("</tbody></table>")
    return "\n".join(parts)


def _agency_section(number: int, score: dict, rows: list[dict]) -> str:
    level = LEVEL_LABELS.get(score["level"], score["level"])
    rank = (f"组内第 {score['rank']} 名，{level}第 {score['rank_in_level']} 名" if score.get("rank") else "不参加排名")
    heading = "六、各单位整改清单" if number == 1 else ""
    return (f"<section class='agency'>{'<h2>' + heading + '</h2>' if heading else ''}"
            f"<h2>（{number}）{_e(score['name'])}整改清单</h2>"
            f"<p>{level} · {rank} · {_e(rectification_summary(score))}</p>"
            f"{sections_html(rectification_sections(rows), heading_tag='h3')}</section>")


# -- PDF ------------------------------------------------------------------------------------------


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def html_to_pdf(html_path: Path, pdf_path: Path, timeout: int = 180) -> None:
    """Print an HTML file to PDF with a headless Chromium (its print CSS applies)."""
    browser = find_chromium()
    if browser is None:
        raise PdfError("没有找到无头浏览器（chromium），无法生成 PDF；HTML 已写出，可在浏览器中打印"
                       "（Debian: apt-get install chromium fonts-wqy-microhei）")
    with tempfile.TemporaryDirectory(prefix="zwgk-pdf-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path.resolve()}", html_path.resolve().as_uri()]
        try:
            result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfError(f"{browser} 在 {timeout} 秒内没有生成 PDF") from None
    if result.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise PdfError(f"{browser} 未能生成 PDF（退出码 {result.returncode}：{last}）")


__all__ = ["ExportError", "PdfError", "find_chromium", "html_to_pdf", "tongbao_html"]
