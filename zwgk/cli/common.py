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




def write_or_fail(path, write):
    """``write(path)``, or — when the file cannot be written (missing folder, read-only disk, a
    directory in the way) — one line naming it and exit, instead of a traceback after the work."""
    try:
        return write(path)
    except OSError as exc:
        fail(f"{path}: 无法写入 ({exc.strerror or exc})")


def write_text_or_fail(path, text: str) -> None:
    """Write a UTF-8 text file, or one line naming it and exit."""
    from pathlib import Path

    write_or_fail(Path(path), lambda p: p.write_text(text, encoding="utf-8"))


class IsoDate(click.ParamType):
    """A YYYY-MM-DD date option; a wrong one is one Chinese line, not click's usage block.
    The value is a datetime at midnight, as click.DateTime gave (callers take ``.date()``)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        import datetime as dt

        if isinstance(value, dt.datetime):
            return value
        if isinstance(value, dt.date):
            return dt.datetime.combine(value, dt.time())
        try:
            return dt.datetime.strptime(str(value), "%Y-%m-%d")
        except ValueError:
            flag = f"--{param.name.replace('_', '-')}" if param is not None else "日期"
            fail(f"{flag} {value}: 不是有效日期，应为 YYYY-MM-DD，如 2017-06-30 (invalid date)")
