"""Working days on the official calendar, with 调休, and years the package does not cover."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.workdays import WorkdayCalendar

CAL = WorkdayCalendar()


@pytest.mark.parametrize(
    "start, n, end",
    [
        ("2017-05-23", 10, "2017-06-07"),  # Sat 05-27 worked, 05-29/30 端午
        ("2017-05-10", 30, "2017-06-22"),
        ("2019-06-25", 20, "2019-07-23"),
        ("2016-09-12", 3, "2016-09-18"),  # Sun 09-18 worked after 中秋
        ("2017-09-29", 1, "2017-09-30"),  # Sat 09-30 was a make-up workday before 国庆
        ("2017-09-30", 1, "2017-10-09"),  # then 10-01..08 off
        ("2017-05-23", 0, "2017-05-23"),  # 同步: the same day
        ("2017-10-01", 1, "2017-10-09"),  # a start on a holiday counts from the next working day
    ],
)
def test_working_days_after(start, n, end):
    deadline = CAL.working_days_after(dt.date.fromisoformat(start), n)
    assert deadline.date == dt.date.fromisoformat(end)
    assert not deadline.provisional


def test_find_workday_off_by_one_is_not_ours():
    import chinese_calendar

    # chinese_calendar.find_workday gives one day too many when starting on a holiday
    start = dt.date(2017, 10, 1)
    assert chinese_calendar.find_workday(1, start) != CAL.working_days_after(start, 1).date


def test_uncovered_year_uses_weekdays_and_says_provisional():
    deadline = CAL.working_days_after(dt.date(2027, 1, 4), 5)  # Monday
    assert deadline.date == dt.date(2027, 1, 11)
    assert deadline.provisional


def test_crossing_into_uncovered_year_is_provisional():
    assert CAL.working_days_after(dt.date(2026, 12, 28), 10).provisional


def test_calendar_file_declares_a_new_year(tmp_path):
    path = tmp_path / "calendar.yaml"
    path.write_text("years:\n  2027:\n    holidays: [2027-01-01, 2027-01-04]\n    workdays: [2027-01-09]\n")
    cal = WorkdayCalendar(path)
    deadline = cal.working_days_after(dt.date(2026, 12, 31), 3)
    # 01-01 holiday, 01-04 holiday (declared), 01-05, 01-06, 01-07
    assert deadline.date == dt.date(2027, 1, 7)
    assert not deadline.provisional
    assert cal.is_workday(dt.date(2027, 1, 9))  # a declared Saturday make-up day


dates = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2026, 11, 1))


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=0, max_value=40))
def test_monotonic_in_n(start, n):
    assert CAL.working_days_after(start, n).date <= CAL.working_days_after(start, n + 1).date


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=1, max_value=40))
def test_lands_on_a_working_day_and_agrees_with_day_by_day_count(start, n):
    import chinese_calendar

    end = CAL.working_days_after(start, n).date
    assert chinese_calendar.is_workday(end)
    days = [start + dt.timedelta(days=i) for i in range(1, (end - start).days + 1)]
    assert sum(chinese_calendar.is_workday(d) for d in days) == n
    assert CAL.working_days_between(start, end) == n
