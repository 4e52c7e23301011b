"""Swedish formatting of dates and times, and the partial dates minutes carry."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.text.dates import PartialDate, format_range, format_when, parse_time


def test_full_meeting_date_with_time_span():
    assert format_when(PartialDate(2021, 11, 17), dt.time(13), dt.time(16)) == \
        "onsdag 17 november 2021 kl. 13.00–16.00"


def test_month_only_and_unknown_dates_never_get_a_day():
    assert format_when(PartialDate(2022, 3), dt.time(9)) == "mars 2022 (dag ej känd)"
    assert format_when(None) == "datum ej fastställt"


def test_multi_day_range():
    assert format_range(dt.date(2022, 4, 5), dt.date(2022, 4, 6)) == "tisdag 5 april 2022 – onsdag 6 april 2022"
    assert format_range(dt.datetime(2022, 5, 5, 9), dt.datetime(2022, 5, 5, 11, 45)) == \
        "torsdag 5 maj 2022 kl. 09.00–11.45"


@pytest.mark.parametrize("value, expected", [("13:00", dt.time(13)), ("9.30", dt.time(9, 30)), ("1300", dt.time(13))])
def test_times_in_the_forms_editors_write(value, expected):
    assert parse_time(value) == expected


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13", "17/11"])
def test_impossible_dates_are_rejected(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_day_and_month_names_are_babels_for_every_day():
    """dates.py asks Babel for the Swedish names once and assembles the text itself: the same text
    as Babel's own formatting, day by day."""
    from babel.dates import format_date

    from generator.text.dates import format_day, format_day_short, format_month

    day = dt.date(2015, 1, 1)
    while day.year < 2031:
        assert format_day(day) == format_date(day, "EEEE d MMMM y", locale="sv_SE")
        assert format_day_short(day) == format_date(day, "d MMM y", locale="sv_SE")
        if day.day == 1:
            assert format_month(day.year, day.month) == format_date(day, "LLLL y", locale="sv_SE")
        day += dt.timedelta(days=1)
