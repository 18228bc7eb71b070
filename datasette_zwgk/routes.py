"""The workbench's own pages: an agency, a rule, and a fetched page's stored copy.

URLs (``{db}`` is the database name, findings.db → findings):

``/-/zwgk/{db}/agency/{agency_id}[?run=N&all=1]``  score per notice, coverage, findings by status, changes
``/-/zwgk/{db}/rule/{rule_id}[?run=N]``            the quote, the kind, which agencies pass and fail
``/-/zwgk/{db}/copy/{sha256}``                     the stored copy: SHA-256, fetch time, sandboxed frame
``/-/zwgk/{db}/raw/{sha256}``                      the bytes exactly as fetched, ``Content-Security-Policy: sandbox``
``/-/zwgk/{db}/text/{sha256}``                     the page's extracted text as plain text

Reads go through core.store on Datasette's read-only connection; every page needs the
same permission as the database (so a password covers them too).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlsplit

import sqlite_utils
from datasette.utils.asgi import NotFound, Response

from core.model import LEVEL_LABELS, STATUS_LABELS
from core import store
from core.store import workbench
from core.text import strip_pinyin

# The order a supervisor reads findings in: what is wrong first.
STATUS_ORDER = ("fail", "error", "manual", "pending", "pass", "not_applicable")
RAW_HEADERS = {
    # sandbox: no scripts, no forms, no same-origin; the crawled page can do nothing in the browser
    "Content-Security-Policy": "sandbox; default-src 'none'; img-src 'none'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def agency_url(db_name: str, agency_id: str) -> str:
    return f"/-/zwgk/{db_name}/agency/{agency_id}"


def rule_url(db_name: str, rule_id: str) -> str:
    return f"/-/zwgk/{db_name}/rule/{rule_id}"


async def _database(datasette, request):
    name = request.url_vars["db"]
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"没有数据库 {name}")
    await datasette.ensure_permissions(request.actor, [("view-database", name), "view-instance"])
    return name, db


async def _read(db, function, *args):
    return await db.execute_fn(lambda conn: function(sqlite_utils.Database(conn), *args))


def _int(value) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _is_web_url(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in ("http", "https")


def _days_late(finding: dict, as_of: str | None) -> int | None:
    """Calendar days past the deadline of a failed obligation: to the late publication, or to the as-of date."""
    if finding["status"] != "fail" or not finding.get("deadline"):
        return None
    try:
        deadline = dt.date.fromisoformat(finding["deadline"][:10])
        end = dt.date.fromisoformat((finding.get("evidence_date") or as_of or dt.date.today().isoformat())[:10])
    except ValueError:
        return None
    return (end - deadline).days if end > deadline else None


def _finding_for_display(finding: dict, db_name: str, as_of: str | None = None) -> dict:
    finding = dict(finding)
    finding["days_late"] = _days_late(finding, as_of)
    finding["status_text"] = STATUS_LABELS.get(finding["status"], finding["status"])
    if finding.get("machine_status"):
        finding["machine_text"] = STATUS_LABELS.get(finding["machine_status"], finding["machine_status"])
    finding["quote"] = strip_pinyin(finding.get("quote") or "")
    finding["live_url"] = finding["evidence_url"] if _is_web_url(finding.get("evidence_url")) else None
    sha = finding.get("evidence_sha256")
    finding["copy_url"] = f"/-/zwgk/{db_name}/copy/{sha}" if sha else None
    finding["rule_url"] = rule_url(db_name, finding["rule_id"])
    return finding


async def agency_page(datasette, request):
    db_name, db = await _database(datasette, request)
    agency_id = request.url_vars["agency_id"]
    show_all = request.args.get("all") == "1"

    def gather(database):
        asked = _int(request.args.get("run"))
        if asked and not store.run_has_findings(database, asked, agency_id):
            # an explicit run without this agency's findings is not found, not an empty page
            return {"missing_run": asked}
        run_id = workbench.findings_run(database, asked, agency_id)
        agency = workbench.agency_overview(database, agency_id, run_id) if run_id else None
        if agency is None:
            return None
        return dict(
            run_id=run_id, agency=agency,
            notice_scores=workbench.notice_scores_of(database, run_id, agency_id),
            findings=workbench.agency_findings(database, agency_id, run_id, include_not_applicable=show_all),
            changes=workbench.changes_since_previous(database, run_id, agency_id),
            previous=workbench.previous_findings_run(database, run_id),
        )

    data = await _read(db, gather)
    if data is None:
        raise NotFound(f"没有单位 {agency_id} 的审计结论")
    if "missing_run" in data:
        raise NotFound(f"运行 #{data['missing_run']} 中没有单位 {agency_id} 的审计结论")
    as_of = data["agency"]["run"].get("as_of") or (data["agency"]["run"].get("started") or "")[:10] or None
    findings = [_finding_for_display(f, db_name, as_of) for f in data["findings"]]
    groups = [(status, STATUS_LABELS[status], [f for f in findings if f["status"] == status])
              for status in STATUS_ORDER]
    for change in data["changes"]:
        change["before_text"] = STATUS_LABELS.get(change["before"], change["before"])
        change["after_text"] = STATUS_LABELS.get(change["after"], change["after"])
    agency = data["agency"]
    return Response.html(await datasette.render_template("zwgk_agency.html", {
        **data, "db_name": db_name, "groups": [g for g in groups if g[2]], "show_all": show_all,
        "level_text": LEVEL_LABELS.get(agency["level"], agency["level"]),
        "status_labels": STATUS_LABELS,
    }, request=request))


async def rule_page(datasette, request):
    db_name, db = await _database(datasette, request)
    rule_id = request.url_vars["rule_id"]

    def gather(database):
        rule = workbench.rule_with_notice(database, rule_id)
        if rule is None:
            return None
        run_id = workbench.findings_run(database, _int(request.args.get("run")))
        return dict(rule=rule, run_id=run_id, findings=workbench.rule_findings(database, rule_id, run_id))

    data = await _read(db, gather)
    if data is None:
        raise NotFound(f"没有规则 {rule_id}")
    findings = [dict(f, agency_url=agency_url(db_name, f["agency_id"]),
                     status_text=STATUS_LABELS.get(f["status"], f["status"]),
                     level_text=LEVEL_LABELS.get(f["level"], f["level"])) for f in data["findings"]]
    groups = [(status, STATUS_LABELS[status], [f for f in findings if f["status"] == status])
              for status in STATUS_ORDER]
    data["rule"]["quote"] = strip_pinyin(data["rule"]["quote"] or "")
    return Response.html(await datasette.render_template("zwgk_rule.html", {
        **data, "db_name": db_name, "groups": [g for g in groups if g[2]],
    }, request=request))


async def _stored(datasette, request) -> tuple[str, dict]:
    db_name, db = await _database(datasette, request)
    sha256 = request.url_vars["sha256"]
    copy = await _read(db, workbench.stored_copy, sha256)
    if copy is None:
        raise NotFound(f"没有保存的页面 {sha256}")
    return db_name, copy


def _evidence_headers(copy: dict) -> dict:
    return {"X-Content-SHA256": copy["sha256"], "X-Fetched-At": copy.get("fetched_at") or ""}


async def raw_page(datasette, request):
    """The bytes exactly as fetched, under a sandboxing CSP (scripts never run)."""
    _, copy = await _stored(datasette, request)
    content_type = copy.get("content_type") or "application/octet-stream"
    return Response(copy["body"], content_type=content_type, headers={**RAW_HEADERS, **_evidence_headers(copy)})


async def text_page(datasette, request):
    """The page's extracted text, as plain text with its provenance on top."""
    _, copy = await _stored(datasette, request)
    header = (f"网址：{copy.get('url') or ''}\n抓取时间：{copy.get('fetched_at') or ''}\n"
              f"SHA-256：{copy['sha256']}\n\n")
    return Response.text(header + (copy.get("text") or ""), headers={**RAW_HEADERS, **_evidence_headers(copy)})


async def copy_page(datasette, request):
    """The stored copy with its SHA-256 (recomputed from the bytes) and fetch time, the page in a sandboxed frame."""
    db_name, copy = await _stored(datasette, request)
    verified = hashlib.sha256(copy["body"]).hexdigest() == copy["sha256"]
    return Response.html(await datasette.render_template("zwgk_copy.html", {
        "db_name": db_name, "copy": copy, "verified": verified,
        "live_url": copy.get("url") if _is_web_url(copy.get("url")) else None,
        "agency_url": agency_url(db_name, copy["agency_id"]) if copy.get("agency_id") else None,
    }, request=request), headers=_evidence_headers(copy))


ROUTES = [
    (r"^/-/zwgk/(?P<db>[^/]+)/agency/(?P<agency_id>[^/]+)$", agency_page),
    (r"^/-/zwgk/(?P<db>[^/]+)/rule/(?P<rule_id>[^/]+)$", rule_page),
    (r"^/-/zwgk/(?P<db>[^/]+)/copy/(?P<sha256>[0-9a-f]{64})$", copy_page),
    (r"^/-/zwgk/(?P<db>[^/]+)/raw/(?P<sha256>[0-9a-f]{64})$", raw_page),
    (r"^/-/zwgk/(?P<db>[^/]+)/text/(?P<sha256>[0-9a-f]{64})$", text_page),
]
