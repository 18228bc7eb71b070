"""Hostile and realistic portals on 127.0.0.1 for the crawl tests (issue 13).

One small county portal (tests/fixtures/hostile/site/: home page, 政务公开 column, a plan
"…关于印发…2017年政务公开工作实施方案的通知", a policy, its interpretation, news, a leadership
page, a department sharing the site under /bm/fgw/) is served cleanly and in every hostile
variant a real portal shows: redirects, lying charsets, control characters, binary bodies,
broken hrefs, a site-name <h1>, a next-only pager of 200 items, anti-bot answers, resets,
hangs, gzip bombs, oversized and truncated bodies.  Each case runs on its own port(s), so
one audit run covers every case; :data:`CASES` says which clean case has the same content
(auditable cases must give the same verdicts) and which cases cannot be audited (they must
give no ``fail``).

``python -m tests.hostile_portals`` serves every case and prints the targets file, for
trying the crawler by hand.
"""

from __future__ import annotations

import datetime as dt
import gzip
import random
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hostile"
SITE_DIR = FIXTURES / "site"
TEMPLATES = FIXTURES / "templates"
SITE_NAME = "示范县人民政府"
DEPT_NAME = "示范县发展和改革委员会"
UTF8_META = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
CLEAN_LOGO = '<div class="logo"><a href="/index.html"><img src="/images/logo.png" alt="示范县人民政府"></a></div>'
DNS_FAILURE_URL = "http://zwgk-hostile-portal.invalid/index.html"


@dataclass(frozen=True)
class Case:
    """One served portal behaviour.

    ``auditable``: the content can be read, so the findings must equal those of ``reference``
    (a clean case serving the same content).  Otherwise the portal cannot be audited (or only
    in part) and no finding may be ``fail``.
    """

    name: str
    auditable: bool
    what: str
    reference: str | None = None
    start: str = "/index.html"
    ports: int = 1
    level: str = "county"
    agency_name: str = SITE_NAME
    shared_with: str | None = None  # a second agency served by the same port (a shared site)

    @property
    def agency_id(self) -> str:
        return self.name


def _cases() -> list[Case]:
    auditable = [
        Case("redirect-root-302", True, "起始网址 / 302 跳转到 /index.html", "clean", start="/"),
        Case("redirect-port-301", True, "起始网址 301 跳转到同一主机的另一端口（如 http→https、裸域名→www）", "clean",
             start="/", ports=2),
        Case("redirect-chain-3", True, "三次跳转（302 → 301 → 302）后到达首页", "clean", start="/"),
        Case("meta-refresh", True, "起始页用 <meta http-equiv=refresh> 跳转", "clean", start="/"),
        Case("js-location-href", True, "起始页用 window.location.href 一行脚本跳转", "clean", start="/"),
        Case("js-location-replace", True, "起始页用 location.replace() 一行脚本跳转", "clean", start="/"),
        Case("charset-header-utf8-bytes-gbk", True, "HTTP 头 UTF-8，内容 GBK，<meta> gb2312", "clean"),
        Case("charset-header-utf8-bytes-gbk-nometa", True, "HTTP 头 UTF-8，内容 GBK，无 <meta>", "clean"),
        Case("charset-header-gbk-bytes-utf8", True, "HTTP 头 GBK，内容 UTF-8，<meta> utf-8", "clean"),
        Case("charset-header-gbk-bytes-utf8-nometa", True, "HTTP 头 GBK，内容 UTF-8，无 <meta>", "clean"),
        Case("charset-meta-gb2312-bytes-utf8", True, "无 HTTP 字符集，<meta> gb2312，内容 UTF-8", "clean"),
        Case("charset-meta-utf8-bytes-gbk", True, "无 HTTP 字符集，<meta> utf-8，内容 GBK", "clean"),
        Case("charset-bom-utf8-header-gbk", True, "UTF-8 BOM，HTTP 头与 <meta> 均为 GBK", "clean"),
        Case("charset-header-latin1-bytes-gbk", True, "HTTP 头 ISO-8859-1（服务器默认），内容 GBK，<meta> gb2312", "clean"),
        Case("control-characters", True, "文章页 </script>、</style> 后有 \\x0b \\x0c \\x1a 控制字符", "clean"),
        Case("binary-as-html", True, "一个链接返回声明为 text/html 的二进制内容", "clean"),
        Case("bad-href", True, '首页有 href="http://[fe80::1" 这样的坏链接', "clean"),
        Case("site-name-h1", True, "每页页头有写着网站名称的 <h1>", "clean"),
        Case("shared-site", True, "政府在网站根目录、部门在 /bm/fgw/ 子目录，共用一个网站", "clean",
             shared_with="shared-site-dept"),
        Case("shared-site-dept", True, "共用网站中的部门（起始网址在子目录）", "dept-alone",
             start="/bm/fgw/index.html", level="department", agency_name=DEPT_NAME),
        Case("pager-next-only", True, "200 条信息的栏目，只有“下一页”翻页（10 页）", "pager-flat"),
    ]
    unauditable = [
        Case("http-403", False, "全站 HTTP 403"),
        Case("http-404", False, "起始网址 HTTP 404"),
        Case("http-500", False, "全站 HTTP 500"),
        Case("http-503", False, "全站 HTTP 503"),
        Case("ruishu-412", False, "瑞数：HTTP 412 与 $_ts 脚本"),
        Case("ruishu-202", False, "瑞数：HTTP 202 与 $_ts 脚本（约 6 KB）"),
        Case("jsl-521", False, "加速乐：HTTP 521 与 __jsl_clearance 脚本"),
        Case("safedog-verify", False, "安全狗：HTTP 200 的 WebShieldSessionVerify 跳转脚本页"),
        Case("cookie-script-8k", False, "HTTP 200，约 8 KB 只有设置 cookie 脚本的页面"),
        Case("empty-200", False, "HTTP 200，内容为空"),
        Case("no-visible-text", False, "HTTP 200，页面没有任何可见文字（脚本渲染的空壳）"),
        Case("blocked-after-home", False, "首页正常，其余页面都返回 412 反爬虫验证"),
        Case("truncated-article", False, "方案页 Content-Length 虚报，连接中途关闭"),
        Case("connection-reset", False, "连接被重置"),
        Case("hang", False, "接受连接后不再应答"),
        Case("dns-failure", False, "域名无法解析"),
        Case("redirect-loop", False, "跳转循环", start="/"),
        Case("redirect-long-chain", False, "15 次跳转", start="/"),
        Case("gzip-bomb", False, "gzip 炸弹（100 MB 解压后）"),
        Case("oversized", False, "超过 20 MB 的页面（无 Content-Length）"),
    ]
    references = [
        Case("clean", True, "干净的网站（参照）"),
        Case("dept-alone", True, "部门网站单独运行（参照）", start="/bm/fgw/index.html", level="department",
             agency_name=DEPT_NAME),
        Case("pager-flat", True, "200 条信息在一页（参照）"),
    ]
    return auditable + unauditable + references


CASES: dict[str, Case] = {case.name: case for case in _cases()}
REFERENCES = ("clean", "dept-alone", "pager-flat")


def tried_cases() -> list[Case]:
    """The cases under test (every case but the references and the second agency of a shared site)."""
    return [c for c in CASES.values() if c.name not in REFERENCES]


# -- content --------------------------------------------------------------------------------


def _site_file(path: str) -> str | None:
    relative = path.split("?", 1)[0].lstrip("/") or "index.html"
    if relative.endswith("/"):
        relative += "index.html"
    file = (SITE_DIR / relative).resolve()
    if SITE_DIR.resolve() not in file.parents or not file.is_file():
        return None
    return file.read_text(encoding="utf-8")


_PAGER_TOPICS = ["防汛抗旱", "安全生产", "森林防火", "秸秆禁烧", "春季农业生产", "冬季供暖保障", "食品安全检查", "消防安全",
                 "义务教育招生", "城乡低保核查", "扶贫资金管理", "河道采砂管理", "校园周边环境整治", "道路交通安全",
                 "地质灾害防治", "农村危房改造", "环境空气质量改善", "重大项目建设", "民生实事", "招商引资"]
_PAGER_ISSUERS = ["示范县人民政府办公室", "示范县教育局", "示范县财政局", "示范县农业农村局", "示范县应急管理局",
                  "示范县水利局", "示范县住房和城乡建设局", "示范县民政局", "示范县生态环境分局", "示范县交通运输局"]
PAGER_ITEMS = 200
PAGER_PER_PAGE = 20
PAGER_PLAN_INDEX = 198  # the plan is near the end: only a complete crawl of the pager finds it


def pager_items() -> list[tuple[str, str, str]]:
    """(title, path, date) of the 200 items, newest first; item 198 is the 2017 plan (2017-06-05)."""
    items = []
    first = dt.date(2017, 12, 20)
    for i in range(PAGER_ITEMS):
        day = first - dt.timedelta(days=i)
        if i == PAGER_PLAN_INDEX:
            title, issuer = "示范县人民政府办公室关于印发示范县2017年政务公开工作实施方案的通知", "示范县人民政府办公室"
        else:
            issuer = _PAGER_ISSUERS[i % len(_PAGER_ISSUERS)]
            title = f"{issuer}关于做好{_PAGER_TOPICS[(i // len(_PAGER_ISSUERS)) % len(_PAGER_TOPICS)]}工作的通知"
        items.append((title, f"/gkml/{day:%Y%m}/t{day:%Y%m%d}_{5000 + i}.html", day.isoformat()))
    return items


def _pager_page(path: str, flat: bool) -> str | None:
    items = pager_items()
    if path in ("/", "/index.html"):
        return (TEMPLATES / "pager_home.html").read_text(encoding="utf-8")
    match = re.fullmatch(r"/gkml/index(?:_(\d+))?\.html", path)
    if match:
        number = int(match.group(1) or 0)
        if flat:
            if number:
                return None
            shown, pager = items, f"共{len(items)}条"
        else:
            pages = -(-len(items) // PAGER_PER_PAGE)
            if number >= pages:
                return None
            shown = items[number * PAGER_PER_PAGE:(number + 1) * PAGER_PER_PAGE]
            # next/previous only, as many TRS and county sites print them
            pager = f"共{len(items)}条 第{number + 1}/{pages}页 "
            if number:
                previous = "index.html" if number == 1 else f"index_{number - 1}.html"
                pager += f'<a href="{previous}">上一页</a> '
            if number + 1 < pages:
                pager += f'<a href="index_{number + 1}.html">下一页</a>'
        rows = "\n".join(f'<li><a href="{p}" title="{t}">{t}</a><span class="date">{d}</span></li>' for t, p, d in shown)
        return Template((TEMPLATES / "list.html").read_text(encoding="utf-8")).substitute(rows=rows, pager=pager)
    for title, item_path, date in items:
        if item_path == path:
            issuer = title.split("关于", 1)[0]
            return Template((TEMPLATES / "article.html").read_text(encoding="utf-8")).substitute(
                title=title, date=date, issuer=issuer)
    return None


# Anti-bot answers, written to look like what the products send (no real site's page is copied).
def _ruishu_page(size: int) -> str:
    rng = random.Random(412)
    blob = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._") for _ in range(size))
    return (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
        f'<meta id="9DhefwqGPrzR" content="{blob[: size // 2]}" r="m">'
        '<script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts)$_ts=window[\'$_ts\']={};'
        f'$_ts.nsd=84651;$_ts.cd="{blob[size // 2:]}";</script>'
        '<script type="text/javascript" charset="utf-8" src="/4QbVtADbnLVIc/d.FxJzG50F.dfe1675.js" r="m"></script>'
        "</head><body></body></html>"
    )


_JSL_PAGE = (
    "<script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')"
    "+('_')+('s')+('=')+(+!+[]+'')+(1+6)+(2+3)+'.'+(7-1)+'|'+'-1|'+'d8%2Bq'+('%3D')+';max-age=3600;path=/';"
    "location.href=location.pathname+location.search</script>"
)
_SAFEDOG_PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title></title></head><body>'
    '<script type="text/javascript">var WebShieldSessionVerify="K3d7XbQ9aLm2Zp8R";'
    'document.cookie="safedog-flow-item="+WebShieldSessionVerify+";path=/";'
    'self.location="/index.html?WebShieldSessionVerify="+WebShieldSessionVerify;</script></body></html>'
)


def _cookie_script_page() -> str:
    rng = random.Random(8)
    names = ["_0x" + "".join(rng.choice("0123456789abcdef") for _ in range(4)) for _ in range(40)]
    lines = []
    while sum(map(len, lines)) < 8000:
        a, b = rng.sample(names, 2)
        lines.append(f"var {a}=function({b}){{return {b}^{rng.randint(1000, 99999)}}};")
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><script type="text/javascript">'
        + "".join(lines)
        + 'document.cookie="__tst_status="+_0x1a2b(' + str(rng.randint(10**8, 10**9)) + ')+"#;path=/";'
        + "location.reload();</script></head><body></body></html>"
    )


_NO_TEXT_PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title></title>'
    '<link href="/static/css/app.3f2a.css" rel="stylesheet"></head>'
    '<body><div id="app"></div><script src="/static/js/chunk-vendors.8d1e.js"></script>'
    '<script src="/static/js/app.77b2.js"></script></body></html>'
)
_HTTP_ERROR_PAGE = "<html><head><title>{0}</title></head><body><center><h1>{0}</h1></center><hr><center>nginx</center></body></html>"

# (header charset, body encoding, meta charset, BOM) of the eight charset cases
_CHARSETS = {
    "charset-header-utf8-bytes-gbk": ("utf-8", "gbk", "gb2312", False),
    "charset-header-utf8-bytes-gbk-nometa": ("utf-8", "gbk", None, False),
    "charset-header-gbk-bytes-utf8": ("gbk", "utf-8", "utf-8", False),
    "charset-header-gbk-bytes-utf8-nometa": ("gbk", "utf-8", None, False),
    "charset-meta-gb2312-bytes-utf8": (None, "utf-8", "gb2312", False),
    "charset-meta-utf8-bytes-gbk": (None, "gbk", "utf-8", False),
    "charset-bom-utf8-header-gbk": ("gbk", "utf-8", "gbk", True),
    "charset-header-latin1-bytes-gbk": ("ISO-8859-1", "gbk", "gb2312", False),
}


def _encode(html: str, case: str) -> tuple[bytes, str]:
    """Bytes and Content-Type of a page for a charset case (UTF-8 for every other case)."""
    if case not in _CHARSETS:
        return html.encode("utf-8"), "text/html; charset=utf-8"
    header, body_encoding, meta, bom = _CHARSETS[case]
    meta_tag = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    html = html.replace(UTF8_META, meta_tag)
    data = html.encode(body_encoding, errors="xmlcharrefreplace")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return data, f"text/html; charset={header}" if header else "text/html"


_gzip_bomb: bytes | None = None


def gzip_bomb() -> bytes:
    global _gzip_bomb
    if _gzip_bomb is None:
        _gzip_bomb = gzip.compress(b"<html><body>" + b" " * (100 * 1024 * 1024), compresslevel=6)
    return _gzip_bomb


# -- the server ------------------------------------------------------------------------------


class HostileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""

    def log_message(self, *args):  # quiet: the crawler reports what it fetched
        pass

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass  # the case reset or abandoned the connection on purpose

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        case, port_index = self.server.case, self.server.port_index
        path = self.path.split("#", 1)[0]
        try:
            handler = getattr(self, "case_" + case.replace("-", "_"), None)
            if handler is not None:
                handled = handler(path, port_index)
                if handled is not False:
                    return
            self.serve_site(path, case)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # -- plain answers

    def send(self, status: int, body: bytes | str, content_type: str = "text/html; charset=utf-8",
             headers: dict | None = None):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def redirect(self, location: str, status: int = 302):
        self.send(status, f'<html><body>Moved <a href="{location}">here</a></body></html>', headers={"Location": location})

    def serve_site(self, path: str, case: str, transform=None):
        """The county portal of tests/fixtures/hostile/site, as ``case`` serves it."""
        if path.startswith("/bm/") and case not in ("shared-site", "dept-alone"):
            html = None  # the department's folder exists only where the site is shared
        else:
            html = _site_file(path)
        if html is None:
            self.send(404, _HTTP_ERROR_PAGE.format("404 Not Found"))
            return
        if case == "shared-site" and path in ("/", "/index.html"):
            html = html.replace("<!--DEPT-LINK-->", f'<a href="/bm/fgw/index.html">{DEPT_NAME}</a>')
        if case == "bad-href" and path in ("/", "/index.html"):
            html = html.replace("<!--EXTRA-LINKS-->", '<a href="http://[fe80::1/video/">视频点播</a> <a href="http://[">政务直播</a>')
        if case == "site-name-h1":
            html = html.replace(CLEAN_LOGO, f'<div class="logo"><h1>{SITE_NAME}</h1></div>')
        if transform:
            html = transform(html)
        data, content_type = _encode(html, case)
        self.send(200, data, content_type)

    # -- redirects (return False to fall through to the clean site)

    def case_redirect_root_302(self, path, port_index):
        if path != "/":
            return False
        self.redirect("/index.html", 302)

    def case_redirect_port_301(self, path, port_index):
        if port_index == 0:
            other = self.server.server_address[1] + 1
            self.redirect(f"http://127.0.0.1:{other}{'/index.html' if path == '/' else path}", 301)
            return None
        return False

    def case_redirect_chain_3(self, path, port_index):
        hops = {"/": ("/portal/", 302), "/portal/": ("/portal/index.jsp", 301), "/portal/index.jsp": ("/index.html", 302)}
        if path not in hops:
            return False
        self.redirect(*hops[path])

    def case_meta_refresh(self, path, port_index):
        if path != "/":
            return False
        self.send(200, '<html><head><meta http-equiv="refresh" content="0; url=/index.html"></head><body></body></html>')

    def case_js_location_href(self, path, port_index):
        if path != "/":
            return False
        self.send(200, '<html><head><script type="text/javascript">window.location.href="/index.html";</script></head></html>')

    def case_js_location_replace(self, path, port_index):
        if path != "/":
            return False
        self.send(200, "<html><script language=\"javascript\">location.replace('index.html')</script></html>")

    def case_redirect_loop(self, path, port_index):
        loop = {"/": "/a.html", "/a.html": "/b.html", "/b.html": "/"}
        self.redirect(loop.get(path, "/"), 302)

    def case_redirect_long_chain(self, path, port_index):
        match = re.fullmatch(r"/hop/(\d+)", path)
        hop = int(match.group(1)) if match else 0
        if path != "/" and not match:
            return False
        self.redirect("/index.html" if hop >= 15 else f"/hop/{hop + 1}", 302)

    # -- bodies the extractor must survive

    def case_control_characters(self, path, port_index):
        if not re.search(r"/t\d{8}_\d+\.html$", path):
            return False
        self.serve_site(path, "control-characters",
                        lambda html: html.replace("</script>", "</script>\x0b", 1).replace("</style>", "</style>\x0c\x1a\x00"))

    def case_binary_as_html(self, path, port_index):
        if path != "/zwgk/sjxz.html":
            return False
        self.send(200, random.Random(13).randbytes(6000), "text/html")

    def case_shared_site_dept(self, path, port_index):  # served by the shared-site port
        return False

    def case_dept_alone(self, path, port_index):
        return False

    def case_pager_next_only(self, path, port_index):
        html = _pager_page(path, flat=False)
        self.send(200, html) if html else self.send(404, _HTTP_ERROR_PAGE.format("404 Not Found"))

    def case_pager_flat(self, path, port_index):
        html = _pager_page(path, flat=True)
        self.send(200, html) if html else self.send(404, _HTTP_ERROR_PAGE.format("404 Not Found"))

    # -- portals that cannot be audited

    def case_http_403(self, path, port_index):
        self.send(403, _HTTP_ERROR_PAGE.format("403 Forbidden"))

    def case_http_404(self, path, port_index):
        self.send(404, _HTTP_ERROR_PAGE.format("404 Not Found"))

    def case_http_500(self, path, port_index):
        self.send(500, _HTTP_ERROR_PAGE.format("500 Internal Server Error"))

    def case_http_503(self, path, port_index):
        self.send(503, _HTTP_ERROR_PAGE.format("503 Service Temporarily Unavailable"))

    def case_ruishu_412(self, path, port_index):
        self.send(412, _ruishu_page(3000), headers={"Set-Cookie": "FSSBBIl1UgzbN7N80S=abc; Path=/"})

    def case_ruishu_202(self, path, port_index):
        self.send(202, _ruishu_page(6000), headers={"Set-Cookie": "FSSBBIl1UgzbN7N443S=abc; Path=/"})

    def case_jsl_521(self, path, port_index):
        self.send(521, _JSL_PAGE, headers={"Set-Cookie": "__jsluid_h=2f1e0c9b; max-age=31536000; path=/; HttpOnly"})

    def case_safedog_verify(self, path, port_index):
        self.send(200, _SAFEDOG_PAGE)

    def case_cookie_script_8k(self, path, port_index):
        self.send(200, _cookie_script_page())

    def case_empty_200(self, path, port_index):
        self.send(200, b"")

    def case_no_visible_text(self, path, port_index):
        self.send(200, _NO_TEXT_PAGE)

    def case_blocked_after_home(self, path, port_index):
        if path in ("/", "/index.html"):
            return False
        self.send(412, _ruishu_page(3000))

    def case_truncated_article(self, path, port_index):
        if path != "/zwgk/201706/t20170605_3101.html":
            return False
        data = _site_file(path).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data) * 20))  # lies
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self._reset()

    def case_connection_reset(self, path, port_index):
        self._reset()

    def case_hang(self, path, port_index):
        self.server.stopping.wait(120)
        self.close_connection = True

    def case_gzip_bomb(self, path, port_index):
        self.send(200, gzip_bomb(), headers={"Content-Encoding": "gzip"})

    def case_oversized(self, path, port_index):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Connection", "close")
        self.end_headers()  # no Content-Length: the size is only known while reading
        chunk = ("<p>" + "示范县人民政府政务公开" * 400 + "</p>\n").encode("utf-8")
        self.wfile.write(b"<html><body>")
        sent = 0
        while sent < 30 * 1024 * 1024 and not self.server.stopping.is_set():
            self.wfile.write(chunk)
            sent += len(chunk)
        self.close_connection = True

    def _reset(self):
        """Close with RST instead of FIN."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # resets and abandoned connections are what these portals are for


class HostilePortals:
    """Context manager: serve the given cases (default: all) on consecutive ports from ``port_base``.

    ``urls`` maps each case to its start URL once open; :meth:`targets_yaml` writes the agencies.
    """

    def __init__(self, port_base: int, cases: list[str] | None = None):
        self.port_base = port_base
        self.cases = [CASES[name] for name in (cases or list(CASES))]
        self.servers: list[_Server] = []
        self.urls: dict[str, str] = {}
        self.stopping = threading.Event()

    @staticmethod
    def ports_needed(cases: list[str] | None = None) -> int:
        return sum(c.ports for c in (CASES[n] for n in (cases or list(CASES))) if c.name not in ("shared-site-dept", "dns-failure"))

    def __enter__(self):
        port = self.port_base
        shared_port: dict[str, int] = {}
        for case in self.cases:
            if case.name == "dns-failure":
                self.urls[case.name] = DNS_FAILURE_URL
                continue
            if case.name == "shared-site-dept":
                continue  # served by the shared-site server, assigned below
            for index in range(case.ports):
                server = _Server(("127.0.0.1", port + index), HostileHandler)
                server.case, server.port_index, server.stopping = case.name, index, self.stopping
                threading.Thread(target=server.serve_forever, daemon=True).start()
                self.servers.append(server)
            self.urls[case.name] = f"http://127.0.0.1:{port}{case.start}"
            shared_port[case.name] = port
            port += case.ports
        dept = CASES["shared-site-dept"]
        if "shared-site" in shared_port and dept in self.cases:
            self.urls[dept.name] = f"http://127.0.0.1:{shared_port['shared-site']}{dept.start}"
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for server in self.servers:
            server.shutdown()
            server.server_close()
        self.servers.clear()

    def targets_yaml(self) -> str:
        lines = ["agencies:"]
        for case in self.cases:
            if case.name not in self.urls:
                continue
            lines += [
                f"  - id: {case.agency_id}",
                f"    name: {case.agency_name}",
                f"    level: {case.level}",
                "    province: 河南省",
                f"    urls: ['{self.urls[case.name]}']",
            ]
        return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    base = int(sys.argv[1]) if len(sys.argv) > 1 else 18800
    with HostilePortals(base) as portals:
        print(portals.targets_yaml())
        print(f"# serving {len(portals.servers)} ports from {base}; Ctrl-C stops", file=sys.stderr)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
