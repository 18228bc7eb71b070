"""zwgk serve: Datasette on an audit database."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import click

from core import store

from .common import fail
from .database import require_audit_database


@click.command()
@click.argument("db", type=click.Path(), default="findings.db")
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址（局域网部署用 0.0.0.0，并设置密码）")
@click.option("--port", "-p", default=8001, show_default=True, type=int)
@click.option("--password-env", metavar="VAR",
              help="从环境变量 VAR 读取密码：所有页面需以 supervisor 账号登录 (/-/login)")
@click.option("--sql/--no-sql", "allow_sql", default=None,
              help="允许/禁止任意 SQL 查询（默认：只在本机地址 127.0.0.1 上允许；表格浏览和预设查询总是可用）")
def serve(db, host, port, password_env, allow_sql):
    """Browse findings in Datasette, read-only (浏览审计结果)."""
    import os

    from datasette_zwgk.serve import (
        datasette_command,
        datasette_environment,
        is_loopback,
    )

    if not Path(db).exists():
        fail(f"{db}: 数据库不存在，请先运行 zwgk audit 或 zwgk demo")
    password = None
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            fail(f"环境变量 {password_env} 未设置或为空")
    # A file that is not an audit database is refused before anything writes to it.
    require_audit_database(db, write=False)
    # Bring the schema up to date (views, full-text index) before serving the file read-only.
    try:
        store.open_db(db).conn.close()
    except sqlite3.Error as exc:
        fail(f"{db}: 无法打开数据库（{exc}）")
    if allow_sql is None:
        allow_sql = is_loopback(host)  # arbitrary SQL only for whoever sits at this machine, unless asked
    command = datasette_command(db, host=host, port=port, allow_sql=allow_sql)
    click.echo(f"Datasette: http://{host}:{port}/  （Ctrl-C 退出）", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    # exec: the server is this process, so killing `zwgk serve` frees the port.
    os.execve(command[0], command, datasette_environment(password))
