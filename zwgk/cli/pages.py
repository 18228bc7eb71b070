"""zwgk extract: what the extractor understands of one page."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import fail


@click.command()
@click.argument("source")
@click.option("--url", help="页面原始网址（读取本地文件时用于解析相对链接和网址中的日期）")
@click.option("--encoding", help="强制使用的编码（默认从字节和 meta 判断）")
def extract(source, url, encoding):
    """Print what the extractor understands of a page (FILE or URL) as JSON."""
    from crawler.extract import NotHTMLError, extract_page

    if source.startswith(("http://", "https://")):
        import urllib.request

        try:
            with urllib.request.urlopen(source, timeout=15) as response:
                body, content_type, url = response.read(), response.headers.get("Content-Type"), url or response.url
        except OSError as exc:
            fail(f"{source}: 无法获取 ({exc})")
    else:
        path = Path(source)
        if not path.is_file():
            fail(f"{source}: 文件不存在")
        body, content_type, url = path.read_bytes(), None, url or path.resolve().as_uri()
    try:
        info = extract_page(body, url, content_type=content_type, encoding=encoding)
    except NotHTMLError as exc:
        fail(f"{source}: 不是 HTML 页面 ({exc})")
    except LookupError:
        fail(f"未知编码 {encoding!r}")
    data = info.as_dict()
    data["links"] = len(data["links"])
    data.pop("link_dates")
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


