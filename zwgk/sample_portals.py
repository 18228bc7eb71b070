"""Serve the bundled sample portals (samples/portals/) on 127.0.0.1, one port per agency.

The agency ``xiangtan-county`` has no portal directory: nothing listens on its
port, which is how a site that does not answer looks to the crawler.
"""

from __future__ import annotations

import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
PORTALS_DIR = SAMPLES_DIR / "portals"

# id, name, level, province, parent, aliases, port offset (from the base port)
SAMPLE_AGENCIES = [
    ("luoyang", "洛阳市人民政府", "city", "河南省", "henan", ["洛阳市政府"], 0),
    ("kaifeng", "开封市人民政府", "city", "河南省", "henan", ["开封市政府"], 1),
    ("henan-tjj", "河南省统计局", "department", "河南省", "henan", ["省统计局"], 2),
    ("kunming", "昆明市人民政府", "city", "云南省", "yunnan", ["昆明市政府"], 3),
    ("yuxi", "玉溪市人民政府", "city", "云南省", "yunnan", [], 4),
    ("yuetang", "湘潭市岳塘区人民政府", "county", "湖南省", "xiangtan", ["岳塘区人民政府", "岳塘区"], 5),
    ("xiangtan-county", "湘潭县人民政府", "county", "湖南省", "xiangtan", ["湘潭县"], 6),
    ("shijiazhuang", "石家庄市人民政府", "city", "河北省", "hebei", ["石家庄市政府"], 7),
]
GBK_SITES = {"kaifeng"}  # served without a charset header: the page's <meta> declares gb2312


def sample_targets_yaml(port_base: int = 8801) -> str:
    lines = ["# Sample agencies for `zwgk demo` and the tests (portals in samples/portals/).", "agencies:"]
    for agency_id, name, level, province, parent, aliases, offset in SAMPLE_AGENCIES:
        lines += [
            f"  - id: {agency_id}",
            f"    name: {name}",
            f"    level: {level}",
            f"    province: {province}",
            f"    parent: {parent}",
            f"    aliases: [{', '.join(aliases)}]",
            f"    urls: [http://127.0.0.1:{port_base + offset}/index.html]",
        ]
    return "\n".join(lines) + "\n"


class _PortalHandler(SimpleHTTPRequestHandler):
    gbk = False
    delay = 0.0  # seconds before each answer: a slow portal, for interruption tests

    def send_head(self):
        if self.delay:
            time.sleep(self.delay)
        return super().send_head()

    def log_message(self, format, *args):  # quiet: the crawler reports what it fetched
        pass

    def guess_type(self, path):
        ctype = super().guess_type(path)
        if ctype == "text/html" and not self.gbk:
            return "text/html; charset=utf-8"
        return ctype


class SamplePortals:
    """Context manager: serve every sample portal on its port while open."""

    def __init__(self, port_base: int = 8801, root: Path = PORTALS_DIR, delay: float = 0.0):
        self.port_base = port_base
        self.delay = delay
        self.root = root
        self.servers: list[ThreadingHTTPServer] = []

    def __enter__(self):
        for agency_id, *_, offset in SAMPLE_AGENCIES:
            directory = self.root / agency_id
            if not directory.is_dir():
                continue
            handler = type("Handler", (_PortalHandler,), {"gbk": agency_id in GBK_SITES, "delay": self.delay})
            server = ThreadingHTTPServer(
                ("127.0.0.1", self.port_base + offset), functools.partial(handler, directory=str(directory))
            )
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self.servers.append(server)
        return self

    def __exit__(self, *exc):
        for server in self.servers:
            server.shutdown()
            server.server_close()
        self.servers.clear()
