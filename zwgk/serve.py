"""Datasette on an audit database, with the project's Chinese metadata, served read-only."""

from __future__ import annotations

import sys
from pathlib import Path

METADATA = Path(__file__).resolve().parent / "datasette" / "metadata.yml"


def datasette_command(db: str, *, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    # -i (immutable): Datasette opens the file read-only, so no SQL can change it.
    return [
        sys.executable, "-m", "datasette", "serve", "-i", str(db), "--metadata", str(METADATA),
        "--host", host, "--port", str(port), "--setting", "default_page_size", "50",
    ]
