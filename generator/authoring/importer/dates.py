"""Swedish dates and times in a text: pure functions, no knowledge of minutes or files."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.authoring.importer.words import MONTH_NAMES, WEEKDAY_NAMES


_MONTH_WORDS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}


_MONTH_WORDS.update({"jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                     "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12})


_WEEKDAY_WORDS = {name: number for number, name in enumerate(WEEKDAY_NAMES)}


_MONTH_RE = "|".join(sorted(_MONTH_WORDS, key=len, reverse=True))


_WEEKDAY_RE = "|".join(WEEKDAY_NAMES)


_ORD = r"(?::(?:e|a))?"          # 15:e, 1:a


_WD = rf"(?:(?P<wd>{_WEEKDAY_RE})(?:en|ens)?\s+(?:den\s+)?)?"


_DAY_MONTH = re.compile(
    rf"(?<![\w/.,:-]){_WD}(?:den\s+)?(?P<d1>[0-3]?\d){_ORD}"
    rf"(?:\s*(?P<join>[-–]|och|eller|till|alternativt)\s*(?P<d2>[0-3]?\d){_ORD})?"
    rf"\s+(?P<m>{_MONTH_RE})\.?(?![\w])"
    rf"(?:\s+(?P<y>(?:19|20)\d\d)(?![\d]))?", re.IGNORECASE)


_DAY_LIST = re.compile(
    rf"(?<![\w/.,:-])(?P<list>[0-3]?\d{_ORD}(?:\s*,\s*[0-3]?\d{_ORD})*)\s*,\s*[0-3]?\d{_ORD}"
    rf"\s*(?:,|och|samt)\s*[0-3]?\d{_ORD}\s+(?P<m>{_MONTH_RE})\.?(?![\w])"
    rf"(?:\s+(?P<y>(?:19|20)\d\d)(?![\d]))?", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"(?<![\w\d]\s)(?<![\d])\b(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b",
                         re.IGNORECASE)


_NUMERIC = re.compile(
    rf"(?<![\w/.:-]){_WD}(?P<d>[0-3]?\d)/(?P<m>1[0-2]|0?[1-9])"
    r"(?:(?:\s+|-|/)(?P<y>(?:19|20)\d\d)|[/-](?P<yy>\d\d))?(?![\d/])", re.IGNORECASE)


# '12.3.2024', '05.11.2024': day, month and a four-digit year with points (never without the
# year, which would read a time such as '12.30' as a date)
_DOTTED = re.compile(
    rf"(?<![\w/.:-]){_WD}(?P<d>[0-3]?\d)\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d\d)(?![\d]|\.\d)", re.IGNORECASE)


_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")


_COMPACT = re.compile(r"(?<![\w-])(?P<y>(?:20)?\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\w-])")


_WEEK = re.compile(r"(?<![\w])(?:vecka|v\.)\s*(?P<w>[1-5]?\d)(?![\d])", re.IGNORECASE)


_RELATIVE = re.compile(r"(?<![\w])(?P<rel>i\s?morgon|i\s?övermorgon)(?![\w])", re.IGNORECASE)


_URL = re.compile(r"<?(?:https?://|www\.)[^\s>]+>?", re.IGNORECASE)


_MONEY_AFTER = re.compile(r"\s*(?:kr|kronor|sek|st|personer|deltagare)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    """One date written in the text: '5-6 april', '20/1', '211231', 'vecka 27', 'imorgon'."""
    start: int
    end: int
    text: str
    kind: str                       # "day-month", "numeric", "iso", "compact", "week", "relative"
    day: int | None = None
    month: int | None = None
    year: int | None = None         # only when written
    day2: int | None = None         # second day: '5-6 april', '24 eller 25 januari'
    joiner: str | None = None       # "range", "alternative" or "both"
    weekday: int | None = None      # 0 = måndag, when written
    week: int | None = None
    days_after: int | None = None   # 'imorgon' = 1 day after the meeting


def month_number(word: str) -> int | None:
    """'november' → 11, 'nov.' → 11, 'Maj' → 5; None for anything else."""
    return _MONTH_WORDS.get(word.lower().rstrip("."))


def expand_two_digit_year(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _joiner(word: str | None) -> str | None:
    if not word:
        return None
    word = word.lower()
    if word in ("-", "–", "till"):
        return "range"
    if word in ("eller", "alternativt"):
        return "alternative"
    return "both"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
        return True
    except ValueError:
        return False


def _url_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _URL.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start < b or a < end <= b for a, b in spans)


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date written in `text`, in order; dates inside web addresses are skipped."""
    urls = _url_spans(text)
    found: list[DateMention] = []

    def weekday(match) -> int | None:
        wd = match.groupdict().get("wd")
        return _WEEKDAY_WORDS.get(wd.lower()) if wd else None

    for m in _DAY_MONTH.finditer(text):
        day, month = int(m["d1"]), month_number(m["m"])
        if not month or not 1 <= day <= 31:
            continue
        day2 = int(m["d2"]) if m["d2"] else None
        if day2 is not None and not 1 <= day2 <= 31:
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), "day-month", day, month,
                                 int(m["y"]) if m["y"] else None, day2, _joiner(m["join"]), weekday(m)))
    for m in _DAY_LIST.finditer(text):
        # '3, 17 och 24 mars': the days before the last pair, each a date of that month
        month = month_number(m["m"])
        for day_match in re.finditer(r"[0-3]?\d", m["list"]):
            day = int(day_match.group(0))
            if month and 1 <= day <= 31:
                start = m.start("list") + day_match.start()
                found.append(DateMention(start, m.start("list") + day_match.end(), day_match.group(0),
                                         "day-month", day, month, int(m["y"]) if m["y"] else None))
    for m in _NUMERIC.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if not 1 <= day <= 31:
            continue
        year = int(m["y"]) if m["y"] else (expand_two_digit_year(int(m["yy"])) if m["yy"] else None)
        found.append(DateMention(m.start(), m.end(), m.group(0), "numeric", day, month, year,
                                 weekday=weekday(m)))
    for m in _DOTTED.finditer(text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(year, month, day):
            found.append(DateMention(m.start(), m.end(), m.group(0), "numeric", day, month, year,
                                     weekday=weekday(m)))
    for m in _ISO.finditer(text):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if _valid(year, month, day):
            found.append(DateMention(m.start(), m.end(), m.group(0), "iso", day, month, year))
    for m in _COMPACT.finditer(text):
        raw_year = m["y"]
        year = int(raw_year) if len(raw_year) == 4 else expand_two_digit_year(int(raw_year))
        month, day = int(m["m"]), int(m["d"])
        if not _valid(year, month, day) or _MONEY_AFTER.match(text, m.end()):
            continue
        found.append(DateMention(m.start(), m.end(), m.group(0), "compact", day, month, year))
    for m in _WEEK.finditer(text):
        week = int(m["w"])
        if 1 <= week <= 53:
            found.append(DateMention(m.start(), m.end(), m.group(0), "week", week=week))
    for m in _RELATIVE.finditer(text):
        days = 2 if "över" in m["rel"].lower() else 1
        found.append(DateMention(m.start(), m.end(), m.group(0), "relative", days_after=days))

    found = [d for d in found if not _inside(urls, d.start, d.end)]
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue  # overlaps a longer mention found at the same place
        kept.append(mention)
    return kept


def standalone_years(text: str) -> list[int]:
    """Years written on their own in a sentence: '2022 blir det', '2022 års Omvärldsdag'."""
    return [int(y) for y in re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/-])", text)]


def resolve_day(day: int, month: int, year: int | None, reference: dt.date | None,
                roll_forward: bool) -> tuple[dt.date | None, str]:
    """Complete a day and month to a date.

    With a written year: that date. Without: the reference's year; when that lies before the
    reference and the sentence speaks of something coming (`roll_forward`), the next year.
    Returns (date or None, how: "written", "reference", "rolled", "past", "no-year", "invalid").
    """
    if year is not None:
        return (dt.date(year, month, day), "written") if _valid(year, month, day) else (None, "invalid")
    if reference is None:
        return None, "no-year"
    if not _valid(reference.year, month, day):
        return None, "invalid"
    candidate = dt.date(reference.year, month, day)
    if candidate >= reference:
        return candidate, "reference"
    if roll_forward and _valid(reference.year + 1, month, day):
        return dt.date(reference.year + 1, month, day), "rolled"
    return candidate, "past"


def iso_week_range(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of ISO week `week` of `year` (Swedish week numbers are ISO weeks)."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


@dataclass(frozen=True)
class TimeSpan:
    start: int
    end: int
    begins: str           # "HH:MM"
    ends: str | None


_TIME_KL = re.compile(
    r"(?<![\w])kl(?:ockan)?\.?\s*(?P<h1>[0-2]?\d)(?:[.:](?P<m1>[0-5]\d))?"
    r"(?:\s*(?:[-–]|till)\s*(?:kl\.?\s*)?(?P<h2>[0-2]?\d)(?:[.:](?P<m2>[0-5]\d))?)?(?![\d])",
    re.IGNORECASE)


_TIME_BARE = re.compile(
    r"(?<![\w/.:-])(?P<h1>[0-2]?\d)[.:](?P<m1>[0-5]\d)\s*[-–]\s*(?P<h2>[0-2]?\d)(?:[.:](?P<m2>[0-5]\d))?(?![\d])")


def _hhmm(hours: str, minutes: str | None) -> str | None:
    h, m = int(hours), int(minutes or 0)
    return f"{h:02d}:{m:02d}" if 0 <= h <= 23 and 0 <= m <= 59 else None


def find_time_spans(text: str) -> list[TimeSpan]:
    """'kl 16-18', 'kl 11.30-15', 'kl. 9:00–11:45', '17.45-18.45' → start and end as HH:MM."""
    spans: list[TimeSpan] = []
    for pattern in (_TIME_KL, _TIME_BARE):
        for m in pattern.finditer(text):
            if any(s.start <= m.start() < s.end for s in spans):
                continue
            begins = _hhmm(m["h1"], m["m1"])
            ends = _hhmm(m["h2"], m["m2"]) if m["h2"] else None
            if begins is None or (m["h2"] and (ends is None or ends <= begins)):
                continue
            spans.append(TimeSpan(m.start(), m.end(), begins, ends))
    spans.sort(key=lambda s: s.start)
    return spans


def format_swedish_date(day: dt.date, with_year: bool = True) -> str:
    """2021-11-17 → '17 november 2021'."""
    text = f"{day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text
