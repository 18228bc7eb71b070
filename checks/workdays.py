"""Working days on the official Chinese holiday calendar.

Holidays and weekend make-up workdays (调休) come from ``chinese_calendar``
for the years it covers.  For later years a user-editable file
(``rules/calendar.yaml``) can declare them once the State Council publishes
the year's arrangement; failing that, Monday–Friday are taken as working days
and every result says it is provisional.

We count ourselves rather than use ``chinese_calendar.find_workday``, which
returns one day too many when the start date is itself a holiday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    provisional: bool  # True when a year outside the official calendar was counted by weekdays

    def isoformat(self) -> str:
        return self.date.isoformat()


class WorkdayCalendar:
    """Which days are working days; see the module docstring for the sources."""

    def __init__(self, calendar_file: str | Path | None = None):
        self.extra_holidays: set[dt.date] = set()
        self.extra_workdays: set[dt.date] = set()
        self.declared_years: set[int] = set()
        # chinese_calendar validates every date it is asked about (~70 µs); a check asks about the
        # same few hundred days thousands of times (cProfile of `zwgk check` on the bench farm, issue 9)
        self._workdays: dict[dt.date, bool] = {}
        if calendar_file and Path(calendar_file).exists():
            self._load(Path(calendar_file))

    def _load(self, path: Path) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for year, spec in (data.get("years") or {}).items():
            self.declared_years.add(int(year))
            for day in (spec or {}).get("holidays") or []:
                self.extra_holidays.add(_as_date(day))
            for day in (spec or {}).get("workdays") or []:
                self.extra_workdays.add(_as_date(day))

    def is_official(self, year: int) -> bool:
        """True when the year's holidays are known (package or calendar file)."""
        return year in self.declared_years or _package_covers(year)

    def is_workday(self, day: dt.date) -> bool:
        known = self._workdays.get(day)
        if known is None:
            known = self._workdays[day] = self._is_workday(day)
        return known

    def _is_workday(self, day: dt.date) -> bool:
        if day.year in self.declared_years:
            if day in self.extra_workdays:
                return True
            if day in self.extra_holidays:
                return False
            return day.weekday() < 5
        if _package_covers(day.year):
            import chinese_calendar

            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def working_days_after(self, start: dt.date, n: int) -> Deadline:
        """The day on which "within n working days of start" ends.

        Counting starts the day after ``start``; n = 0 means the same day
        (同步发布).  Example: 10 working days after 2017-05-23 is 2017-06-07
        (2017-05-27, a Saturday, was a make-up workday; 05-29/30 were holidays).
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        day = start
        provisional = not self.is_official(start.year)
        counted = 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                counted += 1
            if not self.is_official(day.year):
                provisional = True
        return Deadline(day, provisional)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count


def _as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _package_covers(year: int) -> bool:
    import chinese_calendar

    # chinese_calendar raises NotImplementedError outside its data; probe once per year.
    if year not in _COVERAGE:
        try:
            chinese_calendar.is_holiday(dt.date(year, 1, 1))
            _COVERAGE[year] = True
        except NotImplementedError:
            _COVERAGE[year] = False
    return _COVERAGE[year]


_COVERAGE: dict[int, bool] = {}
