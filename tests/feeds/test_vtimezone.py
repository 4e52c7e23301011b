"""The VTIMEZONE the feeds carry: compact yearly rules that agree with the tz database."""
from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest

from generator.feeds.vtimezone import vtimezone


def offsets_agree(name: str, first_year: int, last_year: int) -> list[dt.datetime]:
    """Local times (every hour of every switch day, noon of every other day) whose offset differs
    between the VTIMEZONE, read back by icalendar, and zoneinfo."""
    zone = zoneinfo.ZoneInfo(name)
    # Renamed, so icalendar must read the rules instead of looking the name up in its tz database
    # (and uniquely: icalendar remembers zones by TZID).
    alias = f"Under-Test-{name.replace('/', '-')}-{first_year}-{last_year}"
    data = vtimezone(name, first_year, last_year).to_ical().replace(f"TZID:{name}".encode(), f"TZID:{alias}".encode())
    parsed = icalendar.Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + data + b"END:VCALENDAR\r\n")
    own = parsed.walk("VTIMEZONE")[0].to_tz()
    assert alias in repr(own)
    wrong = []
    day = dt.date(first_year, 1, 1)
    while day.year <= last_year:
        noon = dt.datetime.combine(day, dt.time(12))
        switch_day = noon.replace(tzinfo=zone).utcoffset() != (noon - dt.timedelta(days=1)).replace(tzinfo=zone).utcoffset()
        for hour in range(24) if switch_day else [12]:
            local = dt.datetime.combine(day, dt.time(hour, 30))
            first, second = local.replace(tzinfo=zone, fold=0), local.replace(tzinfo=zone, fold=1)
            if first.utcoffset() != second.utcoffset():
                continue            # the hour that happens twice or never: not a fixed answer to compare
            if local.replace(tzinfo=own).utcoffset() != first.utcoffset():
                wrong.append(local)
        day += dt.timedelta(days=1)
    return wrong


def test_stockholm_is_two_yearly_rules_on_the_last_sundays_of_march_and_october():
    zone = vtimezone("Europe/Stockholm", 2021, 2023)
    summer, = zone.walk("DAYLIGHT")
    winter, = zone.walk("STANDARD")
    assert summer["RRULE"].to_ical() in (b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", b"FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
    assert winter["RRULE"].to_ical() in (b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", b"FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
    assert summer["DTSTART"].dt.time() == dt.time(2, 0) and winter["DTSTART"].dt.time() == dt.time(3, 0)
    assert (summer["TZOFFSETFROM"].td, summer["TZOFFSETTO"].td) == (dt.timedelta(hours=1), dt.timedelta(hours=2))
    assert (winter["TZOFFSETFROM"].td, winter["TZOFFSETTO"].td) == (dt.timedelta(hours=2), dt.timedelta(hours=1))
    assert b"RDATE" not in zone.to_ical()          # Outlook misreads RDATE-based zones


def test_stockholm_rules_agree_with_the_tz_database_hour_by_hour():
    assert offsets_agree("Europe/Stockholm", 2019, 2030) == []


@pytest.mark.parametrize("name", ["America/New_York", "Australia/Sydney", "Asia/Tokyo", "Africa/Casablanca"])
def test_other_zones_are_right_too_with_rules_or_with_the_fallback(name):
    assert offsets_agree(name, 2021, 2024) == []


def test_a_zone_without_summer_time_has_one_fixed_offset():
    zone = vtimezone("Asia/Tokyo", 2021, 2022)
    assert not zone.walk("DAYLIGHT")
    standard, = zone.walk("STANDARD")
    assert standard["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == dt.timedelta(hours=9)
