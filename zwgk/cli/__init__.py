"""The ``zwgk`` command line: thin wrappers, one module per command group, over the functions the tests call."""

from __future__ import annotations

import click

from . import audit, exports, merge, node, overrides, pages, rules, serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="zwgk-audit")
def cli():
    """zwgk-audit：核查政府网站是否落实政务公开通知要求。

    Crawl agency portals, check the rules of 政务公开 notices, write findings to SQLite, browse them in Datasette.
    """



for command in (audit.audit, audit.crawl, audit.check, serve.serve, audit.demo, pages.extract, exports.export,
                exports.report, rules.rules, overrides.overrides, merge.merge,
                node.enqueue, node.node, node.queue_status):
    cli.add_command(command)
