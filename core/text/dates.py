"""Dates and numbers as Chinese pages and notices write them: the one parser both extraction and drafting use."""

from __future__ import annotations

import datetime as dt
import re

from .normalise import normalise_width

# Year digits are written digit by digit (二〇一七); some pages type the zero as a letter O.
_YEAR_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERALS = {**_YEAR_DIGITS, "两": 2}

DATE_PATTERN = r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(DATE_PATTERN)
_CN_DATE_RE = re.compile(r"([〇○零ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_FULLWIDTH_DIGIT = re.compile(r"[０-９]")
ANY_DIGIT = re.compile(r"[0-9０-９〇○零一二三四五六七八九]")


def cn_number(text: str) -> int:
    """20, 二十, 三十, 十五, 一百, 两 → int."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _NUMERALS:
            current = _NUMERALS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def make_date(year, month, day) -> str | None:
    """YYYY-MM-DD, or None when the parts are not a calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (ValueError, TypeError):
        return None


def date_without_marks(year, digits: str) -> str | None:
    """The date a year and its month-and-day digits give when a capture dropped 年/月/日 ("2019" + "612" =
    2019-06-12): only when the digits split into a month and a day in exactly one way ("111": 1-11 or 11-1, none)."""
    readings = {make_date(year, digits[:cut], digits[cut:]) for cut in (1, 2) if digits[cut:][:1] not in ("", "0")}
    readings.discard(None)
    return readings.pop() if len(readings) == 1 else None


def month_end(year: int, month: int) -> str | None:
    """The last day of a month (X月底前), or None when ``month`` is not one."""
    if not 1 <= month <= 12:
        return None
    return (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()


def parse_date(text: str) -> str | None:
    """First date in ``text`` as YYYY-MM-DD (2017-06-07, 2017年6月7日, 二〇一七年六月七日, full-width forms)."""
    if _FULLWIDTH_DIGIT.search(text):
        text = normalise_width(text)
    match = _DATE_RE.search(text)
    if match:
        return make_date(*match.groups())
    match = _CN_DATE_RE.search(text)
    if match:
        year = "".join(str(_YEAR_DIGITS[c]) for c in match.group(1))
        return make_date(year, cn_number(match.group(2)), cn_number(match.group(3)))
    return None
