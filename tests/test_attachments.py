"""Attachments: file type by content, text from PDF and DOCX, a plan found only as an attachment."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import docx
import pytest
from conftest import free_port_base, zwgk

from core import store
from core.documents import attachment_text, sniff_type
from crawler.understand import understand


def make_docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_pdf(text: str) -> bytes:
    """A one-page PDF with an ASCII text line (built by hand: no PDF library needed)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


PLAN_DOCX = make_docx("某县2017年政务公开工作实施方案", "为贯彻落实国务院办公厅2017年政务公开工作要点，制定本方案。")


def test_file_type_is_decided_by_content():
    assert sniff_type(PLAN_DOCX) == "docx"
    assert sniff_type(make_pdf("hello")) == "pdf"
    assert sniff_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "ole"
    assert sniff_type(b"<html><body>x</body></html>") == "html"


def test_pdf_and_docx_text():
    assert "Implementation plan 2017" in attachment_text(make_pdf("Implementation plan 2017"), "pdf")
    assert "政务公开工作实施方案" in attachment_text(PLAN_DOCX, "docx")
    assert attachment_text(b"%PDF-broken", "pdf") == ""


def test_attachment_takes_its_title_from_the_document_when_the_link_says_little():
    understood = understand(PLAN_DOCX, "http://a/P020170605.doc", None,
                            {"anchor": "附件1", "parent_date": "2017-06-05"})
    info = understood.info
    assert info.title == "某县2017年政务公开工作实施方案"
    assert (info.page_type, info.published, info.file_type) == ("plan", "2017-06-05", "docx")


class Portal(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        pages = {
            "/": ("text/html; charset=utf-8", "<html><head><title>某县人民政府</title></head><body>"
                  "<a href='/tzgg/notice.html'>关于印发某县2017年政务公开工作实施方案的通知</a></body></html>".encode()),
            "/tzgg/notice.html": ("text/html; charset=utf-8", (
                "<html><head><title>关于印发方案的通知_某县人民政府</title></head><body><h1>关于印发方案的通知</h1>"
                "<p>发布时间：2017-06-05</p><p>各乡镇：现将方案印发给你们。</p>"
                "<a href='/files/P020170605.doc'>附件1</a></body></html>").encode()),
            # a .doc link that is really a DOCX, served as an octet stream
            "/files/P020170605.doc": ("application/octet-stream", PLAN_DOCX),
        }
        ctype, body = pages.get(self.path, ("text/plain", b"not found"))
        self.send_response(200 if self.path in pages else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def portal(tmp_path):
    port = free_port_base(1)
    server = ThreadingHTTPServer(("127.0.0.1", port), Portal)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    targets = tmp_path / "targets.yaml"
    targets.write_text("agencies:\n  - {id: mouxian, name: 某县人民政府, level: county, province: 河南省, "
                       f"urls: ['http://127.0.0.1:{port}/']}}\n", encoding="utf-8")
    yield targets
    server.shutdown()
    server.server_close()


def test_plan_published_only_as_an_attachment_is_found(portal, tmp_path):
    db = tmp_path / "a.db"
    zwgk("audit", "--targets", str(portal), "--db", str(db))
    database = store.open_db(db)
    page = next(p for p in store.rows(database, "pages") if p["url"].endswith(".doc"))
    assert (page["title"], page["page_type"], page["published"], page["file_type"]) == (
        "某县2017年政务公开工作实施方案", "plan", "2017-06-05", "docx")
    finding, = store.rows(database, "findings", agency_id="mouxian", rule_id="henan-2017-plan")
    assert finding["status"] == "pass" and finding["evidence_url"].endswith(".doc")
