"""The Datasette command ``zwgk serve`` becomes: the audit database read-only, the plugin's metadata,
optionally behind a password and without arbitrary SQL."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path

from . import PASSWORD_HASH_ENV


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def datasette_command(db: str | Path, *, host: str = "127.0.0.1", port: int = 8001,
                      allow_sql: bool = True) -> list[str]:
    # Not -i (immutable): a later audit changes the file, and Datasette caches what an immutable
    # file holds (counts, schema), so a running server would show a mix of runs.  The database is
    # served mutable but read-only: Datasette reads with mode=ro and the plugin's prepare_connection
    # sets PRAGMA query_only on every connection to it, its write connection included.
    command = [
        sys.executable, "-m", "datasette", "serve", str(db),
        "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
        "--setting", "sql_time_limit_ms", "5000", "--setting", "max_returned_rows", "2000",
    ]
    if not allow_sql:
        command += ["--setting", "default_allow_sql", "off"]
    return command


def datasette_environment(password: str | None) -> dict[str, str]:
    """The environment for the server: with a password, its hash for the plugin (never the password)."""
    env = dict(os.environ)
    env.pop(PASSWORD_HASH_ENV, None)
    if password:
        from datasette_auth_passwords.utils import hash_password

        env[PASSWORD_HASH_ENV] = hash_password(password)
    return env
