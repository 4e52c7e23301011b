"""Dates and times: the partial dates minutes carry, and Swedish formatting via Babel."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date as _babel_format_date

from generator.i18n import N_, _

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
        """Accept a date, 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' (Word's dashes too); raise ValueError
        otherwise."""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        text = str(value).strip().translate(_DASHES)
        parts = text.split("-")
        if not all(part.isdigit() and part.isascii() for part in parts):
            raise ValueError(text)
        numbers = [int(p) for p in parts]
        if len(parts) == 3 and len(parts[0]) == 4 and all(len(p) <= 2 for p in parts[1:]):
            dt.date(*numbers)  # raises ValueError for 2021-02-30
            return cls(*numbers)
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) <= 2 and 1 <= numbers[1] <= 12:
            return cls(numbers[0], numbers[1])
        if len(parts) == 1 and len(parts[0]) == 4:
            return cls(numbers[0])
        raise ValueError(text)


class TimeFormError(ValueError):
    """A date or time that cannot be read as meant: what is wrong, and how to write it."""

    def __init__(self, message: str, fix: str, kind: str = "time"):
        super().__init__(message)
        self.message = message
        self.fix = fix
        self.kind = kind      # "time", "range" (two times where one is wanted) or "date"


TIME_FIX = N_("write the time as 13.30 or 13:30 (kl. 13.30, 9 and 0930 work too)")
# Word's autocorrect and PDFs turn hyphens into dashes and minus signs.
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
                         "\u2212": "-"})
# Colons from other fonts and scripts (full-width, the ratio sign) are colons.
_COLONS = str.maketrans({"\uff1a": ":", "\u2236": ":", "\ua789": ":"})
_CLOCK_WORD = re.compile(r"^(?:klockan|kl\.?)\s*", re.IGNORECASE)
_HOURS = re.compile(r"\d{1,2}")
_HOURS_MINUTES = re.compile(r"(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?")
_RUN_OF_DIGITS = re.compile(r"(\d{1,2})(\d{2})")
_SHORT_MINUTES = re.compile(r"\d{1,2}[.:]\d")
_COMMA = re.compile(r"\d{1,2},\d+")
_RANGE = re.compile(r".+\d\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?\d.*", re.IGNORECASE)


def parse_time(value: str) -> dt.time:
    """A time of day the way Swedes write it: '13.30', '13:30', 'kl. 13.30', '9', '09.00',
    '1330'. Anything that could be read more than one way, or is no time ('25.61', '13,3',
    '13.3'), raises TimeFormError: never a silently different time."""
    text = " ".join(str(value).split())
    spoken = _CLOCK_WORD.sub("", text).translate(_COLONS)
    if _HOURS.fullmatch(spoken):
        return _clock(text, int(spoken), 0)
    match = _HOURS_MINUTES.fullmatch(spoken)
    if match:
        if match.group(3) not in (None, "00"):
            raise TimeFormError(_("'{value}' has seconds").format(value=text), _("give hours and minutes only, e.g. 13.30"))
        return _clock(text, int(match.group(1)), int(match.group(2)))
    match = _RUN_OF_DIGITS.fullmatch(spoken)
    if match:
        return _clock(text, int(match.group(1)), int(match.group(2)))
    if _SHORT_MINUTES.fullmatch(spoken):
        raise TimeFormError(_("'{value}' has one digit for the minutes, so it could mean two times").format(value=text),
                            _("write the minutes with two digits: {one} or {other}").format(
                                one=f"{spoken[:-1]}{spoken[-1]}0", other=f"{spoken[:-1]}0{spoken[-1]}"))
    if _COMMA.fullmatch(spoken):
        raise TimeFormError(_("'{value}' is not a time of day (a comma is not read as a time)").format(value=text),
                            _(TIME_FIX))
    if _RANGE.fullmatch(spoken.translate(_DASHES)):
        raise TimeFormError(_("'{value}' is two times, but this field holds one").format(value=text),
                            _("put the start time here and the end time in 'end'"), kind="range")
    raise TimeFormError(_("'{value}' is not a time of day").format(value=text), _(TIME_FIX))


def _clock(text: str, hours: int, minutes: int) -> dt.time:
    if hours > 23 or minutes > 59:
        raise TimeFormError(_("'{value}' is not a time of day: hours go from 0 to 23 and minutes from 00 to 59")
                            .format(value=text), _("check the digits; {fix}").format(fix=_(TIME_FIX)))
    return dt.time(hours, minutes)


def parse_date_text(value: str) -> dt.date:
    """'2022-04-05' (dashes from Word's autocorrect too); raises TimeFormError."""
    text = str(value).strip().translate(_DASHES)
    try:
        return dt.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else _loose_date(text)
    except ValueError:
        raise TimeFormError(_("'{value}' is not a date").format(value=value),
                            _("write the date as YYYY-MM-DD, e.g. 2022-04-05"), kind="date") from None


def _loose_date(text: str) -> dt.date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not match:
        raise ValueError(text)
    return dt.date(*map(int, match.groups()))


def parse_date_or_datetime(value: str) -> dt.date | dt.datetime:
    """'2022-04-05' → date; '2022-04-05 13.30', '2022-04-05 kl. 9' or '2022-04-05T13:30' →
    naive datetime (the site's time zone applies); raises TimeFormError."""
    text = " ".join(str(value).split())
    match = re.fullmatch(r"(\S+?),?(?:[ T](.+))?", text)
    day = parse_date_text(match.group(1))
    if not match.group(2):
        return day
    try:
        return dt.datetime.combine(day, parse_time(match.group(2)))
    except TimeFormError as exc:
        fix = exc.fix if exc.kind == "range" else _("write the date, a space and the time, e.g. 2022-04-05 13.30")
        raise TimeFormError(_("the time in '{value}': {problem}").format(value=text, problem=exc.message), fix,
                            kind=exc.kind) from None


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
