"""The page reader never raises: thousands of mutated real-looking pages (issue 13).

Pages are the hostile fixtures and the bundled sample portals, mutated the way the web
mangles them: control characters and NUL after scripts and styles, random binary spliced
in, cut at any byte, spans deleted or repeated, broken hrefs (``http://[``), unclosed tags,
re-encoded in a different charset than declared.  ``understand`` (what the spider calls)
must return fields for every one — an unreadable page is stored with an extraction error,
not dropped — and ``extract_page`` may only refuse with ``NotHTMLError``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT
from crawler.extract import NotHTMLError, extract_page
from crawler.understand import understand

PAGES = sorted(
    [p.read_bytes() for p in (FIXTURES / "hostile" / "site").rglob("*.html")]
    + [p.read_bytes() for p in (ROOT / "samples" / "portals").rglob("*.html")][:60]
)
EXAMPLES = int(os.environ.get("ZWGK_FUZZ_EXAMPLES", "3000"))
CONTROL = [bytes([c]) for c in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)]
NASTY = [
    b'<a href="http://[">x</a>', b'<a href="http://[fe80::1/">x</a>', b'<a href="//:0">x</a>',
    b'<a href="http://a:99999/">x</a>', b"<script>", b"</script>\x0b", b"</style>\x0c\x1a", b"<!--", b"<![CDATA[",
    b"<title>" + "标题".encode() * 5000 + b"</title>", b'<meta http-equiv="refresh" content="0;url=javascript:1">',
    b'<meta charset="x-unknown-charset">', b"\xef\xbb\xbf", b"\xff\xfe", b"<h1>", b"</html></html><html>",
    "发布时间：2017-13-45".encode(), "〔2017〕号".encode(), b"<datastore><record><![CDATA[<a href=", b"&#0;&#xD800;",
]


@st.composite
def mutated_pages(draw):
    page = bytearray(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(page)))
        how = draw(st.sampled_from(["control", "binary", "nasty", "cut", "delete", "repeat", "reencode"]))
        if how == "control":
            page[at:at] = b"".join(draw(st.lists(st.sampled_from(CONTROL), min_size=1, max_size=8)))
        elif how == "binary":
            page[at:at] = draw(st.binary(min_size=1, max_size=400))
        elif how == "nasty":
            page[at:at] = draw(st.sampled_from(NASTY))
        elif how == "cut":
            del page[at:]
        elif how == "delete":
            del page[at: at + draw(st.integers(1, 500))]
        elif how == "repeat":
            page[at:at] = page[at: at + draw(st.integers(1, 300))] * draw(st.integers(2, 5))
        else:
            text = bytes(page).decode("utf-8", errors="replace")
            page = bytearray(text.encode(draw(st.sampled_from(["gbk", "big5", "utf-16", "latin-1"])), errors="replace"))
    return bytes(page)


CONTENT_TYPES = st.sampled_from([None, "text/html", "text/html; charset=utf-8", "text/html; charset=gbk",
                                 "text/html; charset=ISO-8859-1", "text/html; charset=bogus", "application/octet-stream"])
URLS = st.sampled_from(["http://127.0.0.1:8801/zwgk/201706/t20170605_3101.html", "http://127.0.0.1:8801/",
                        "http://[::1]:8801/index.html", "https://www.example.gov.cn/col/col12/index.html"])


class Tally:
    runs = 0
    refused = 0
    recorded_errors = 0


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(body=st.one_of(mutated_pages(), st.binary(max_size=3000)), content_type=CONTENT_TYPES, url=URLS)
def test_reading_a_mangled_page_never_raises(body, content_type, url):
    Tally.runs += 1
    understood = understand(body, url, content_type, {"anchor": "链接", "date": "2017-06-05"})
    info = understood.info
    assert understood.size == len(body) and understood.raw_sha256
    assert info.title is None or len(info.title) <= 300
    if getattr(info, "extraction_error", None):
        Tally.recorded_errors += 1
    try:
        extract_page(body, url, content_type=content_type)
    except NotHTMLError:
        Tally.refused += 1


def test_fuzz_figures_are_reported(capsys):
    """Prints the figures of the fuzz run above (pytest -s shows them)."""
    if Tally.runs:
        with capsys.disabled():
            print(f"\nfuzz: {Tally.runs} pages read, 0 uncaught exceptions, {Tally.refused} refused as not HTML, "
                  f"{Tally.recorded_errors} stored with an extraction error")
    assert Tally.runs == 0 or Tally.runs >= min(EXAMPLES, 1000)
