"""What the command groups share: one-line errors, aligned columns for Chinese text."""

from __future__ import annotations

import sys
import unicodedata

import click


def fail(message: str, code: int = 2):
    """Print one line for the user (no traceback) and exit."""
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


