"""Dates and times: the partial dates minutes carry, and Swedish formatting via Babel."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date as _babel_format_date

LOCALE = "sv_SE"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day (or month) may be unknown because the original lost it.

    Never completed with an invented day: `day` stays None, and formatting says so.
    """
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def is_full(self) -> bool:
        return self.month is not None and self.day is not None

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.is_full else None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        if self.is_full:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, value) -> "PartialDate":
        """Accept a date, 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'; raise ValueError otherwise."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and 1900 <= value <= 2999:
            return cls(value)
        text = str(value).strip()
        parts = text.split("-")
        try:
            numbers = [int(p) for p in parts]
        except ValueError:
            raise ValueError(text) from None
        if len(parts) == 3 and len(parts[0]) == 4:
            dt.date(*numbers)  # raises ValueError for 2021-02-30
            return cls(*numbers)
        if len(parts) == 2 and len(parts[0]) == 4 and 1 <= numbers[1] <= 12:
            return cls(numbers[0], numbers[1])
        if len(parts) == 1 and len(parts[0]) == 4:
            return cls(numbers[0])
        raise ValueError(text)


def parse_time(value) -> dt.time:
    """'13:00', '13.00', '9:00' or YAML's base-60 integer for unquoted 13:00 (= 780)."""
    if isinstance(value, dt.time):
        return value
    if isinstance(value, bool):
        raise ValueError(str(value))
    if isinstance(value, int):
        # PyYAML reads an unquoted 13:00 as the sexagesimal number 780.
        hours, minutes = divmod(value, 60)
        return dt.time(hours, minutes)
    text = str(value).strip().replace(".", ":")
    hours, _, minutes = text.partition(":")
    return dt.time(int(hours), int(minutes or 0))


def parse_date_or_datetime(value) -> dt.date | dt.datetime:
    """'2022-04-05' → date; '2022-04-05 09:00' or '2022-04-05T09:00' → naive datetime."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().replace("T", " ")
    day_part, _, time_part = text.partition(" ")
    day = dt.date.fromisoformat(day_part)
    if not time_part:
        return day
    return dt.datetime.combine(day, parse_time(time_part))


# ---------- formatting (Swedish) ----------

@lru_cache(maxsize=None)
def _names(pattern: str) -> tuple[str, ...]:
    """Babel's Swedish names for one pattern field, asked once: 'EEEE' gives the weekdays from
    Monday, 'MMMM', 'MMM' and 'LLLL' the months from January (index 0 unused). Formatting a day
    through Babel costs a fraction of a millisecond, and the calendar formats thousands of days."""
    if pattern.startswith("E"):
        return tuple(_babel_format_date(dt.date(2001, 1, 1 + n), pattern, locale=LOCALE) for n in range(7))
    return ("",) + tuple(_babel_format_date(dt.date(2001, m, 1), pattern, locale=LOCALE) for m in range(1, 13))


def format_day(day: dt.date) -> str:
    """'onsdag 17 november 2021' (Babel's "EEEE d MMMM y")."""
    return f"{_names('EEEE')[day.weekday()]} {day.day} {_names('MMMM')[day.month]} {day.year}"


def format_day_short(day: dt.date) -> str:
    """'17 nov. 2021' (Babel's "d MMM y")."""
    return f"{day.day} {_names('MMM')[day.month]} {day.year}"


def format_month(year: int, month: int) -> str:
    """'november 2021' (Babel's "LLLL y")."""
    return f"{_names('LLLL')[month]} {year}"


def format_time(value: dt.time) -> str:
    """Swedish style uses a full stop: '13.00'."""
    return f"{value.hour:02d}.{value.minute:02d}"


def format_time_span(start: dt.time | None, end: dt.time | None) -> str:
    if start and end:
        return f"kl. {format_time(start)}–{format_time(end)}"
    if start:
        return f"kl. {format_time(start)}"
    return ""


def format_partial(date: PartialDate | None) -> str:
    if date is None:
        return "datum ej fastställt"
    if date.is_full:
        return format_day(date.as_date())
    if date.month is not None:
        return f"{format_month(date.year, date.month)} (dag ej känd)"
    return f"{date.year} (datum ej känt)"


def format_when(date: PartialDate | None, start: dt.time | None = None,
                end: dt.time | None = None) -> str:
    """'onsdag 17 november 2021 kl. 13.00–16.00' or the partial form."""
    text = format_partial(date)
    if date is not None and date.is_full:
        span = format_time_span(start, end)
        if span:
            text += " " + span
    return text


def format_range(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None) -> str:
    """An event's span: one day with times, or several days."""
    start_day = start.date() if isinstance(start, dt.datetime) else start
    end_day = (end.date() if isinstance(end, dt.datetime) else end) if end else start_day
    start_time = start.time() if isinstance(start, dt.datetime) else None
    end_time = end.time() if isinstance(end, dt.datetime) else None
    if start_day == end_day:
        return format_when(PartialDate(start_day.year, start_day.month, start_day.day),
                           start_time, end_time)
    first = format_day(start_day)
    last = format_day(end_day)
    if start_time:
        first += f" kl. {format_time(start_time)}"
    if end_time:
        last += f" kl. {format_time(end_time)}"
    return f"{first} – {last}"
