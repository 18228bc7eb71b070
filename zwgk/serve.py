"""Datasette on an audit database: the project's Chinese metadata, canned queries and
dashboards, served read-only (immutable), optionally behind a password and without SQL."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import yaml

METADATA = Path(__file__).resolve().parent / "datasette" / "metadata.yml"
ACCOUNT = "supervisor"


def metadata_for(db: str | Path, *, password: str | None = None) -> dict:
    """The project metadata for this database file.

    Datasette names a database after its file (findings.db → findings); the
    template writes "{db}" where that name goes.  With a password, every page
    needs the ``supervisor`` account (datasette-auth-passwords).
    """
    text = METADATA.read_text(encoding="utf-8").replace("{db}", Path(db).stem)
    metadata = yaml.safe_load(text)
    if password:
        from datasette_auth_passwords.utils import hash_password

        metadata.setdefault("plugins", {})["datasette-auth-passwords"] = {
            f"{ACCOUNT}_password_hash": hash_password(password),
        }
        metadata["allow"] = {"id": ACCOUNT}
    return metadata


def write_metadata(db: str | Path, *, password: str | None = None) -> Path:
    directory = Path(tempfile.mkdtemp(prefix="zwgk-serve-"))
    path = directory / "metadata.json"
    path.write_text(json.dumps(metadata_for(db, password=password), ensure_ascii=False), encoding="utf-8")
    os.chmod(path, 0o600)  # may hold a password hash
    return path


def datasette_command(db: str, *, host: str = "127.0.0.1", port: int = 8001, password: str | None = None,
                      allow_sql: bool = True) -> list[str]:
    # -i (immutable): Datasette opens the file read-only, so no SQL can change it.
    command = [
        sys.executable, "-m", "datasette", "serve", "-i", str(db), "--metadata", str(write_metadata(db, password=password)),
        "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
        "--setting", "sql_time_limit_ms", "5000",
    ]
    if not allow_sql:
        command += ["--setting", "default_allow_sql", "off"]
    return command
