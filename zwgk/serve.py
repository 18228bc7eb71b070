"""Datasette on an audit database, with the project's Chinese metadata, served read-only."""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import yaml

METADATA = Path(__file__).resolve().parent / "datasette" / "metadata.yml"


def metadata_for(db: str | Path) -> dict:
    """The project metadata with its per-table settings keyed by this database's name.

    Datasette names a database after its file (findings.db → findings); the
    template keeps its table settings under "*" so it fits any file name.
    """
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if "*" in databases:
        databases[Path(db).stem] = databases.pop("*")
    return metadata


def datasette_command(db: str, *, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    metadata_file = Path(tempfile.mkdtemp(prefix="zwgk-serve-")) / "metadata.json"
    metadata_file.write_text(json.dumps(metadata_for(db), ensure_ascii=False), encoding="utf-8")
    # -i (immutable): Datasette opens the file read-only, so no SQL can change it.
    return [
        sys.executable, "-m", "datasette", "serve", "-i", str(db), "--metadata", str(metadata_file),
        "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
    ]
