"""Turn Swedish minutes (plain text or Markdown exported from Word) into content files.

`import_minutes` is pure: text in, front matter + normalised Markdown body + proposed events +
report lines out. `import_command` is the `sitegen import` command around it: it reads files,
loads the known federations and projects from content/, writes (or, with --dry-run, shows) the
files and prints a report.

The importer never invents. A field it cannot find stays out of the front matter and the report
says so; a date it had to reason about (a missing year, a weekday that does not match) carries an
import note. The body keeps every word of the original; only the Markdown around the words is
cleaned (agenda headings, bullets, stray bold markers, paragraphs broken in two by Word).

Sections, in order: Swedish dates and times (pure functions), known names and matching, the
header fields (title, type, date, people, place), the body, the proposed events, assembling the
result, writing files.
"""
from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TextIO

import yaml

from .slugs import slugify
from .sources import load_sources

# =============================================================================================
# Swedish dates and times — pure functions, no knowledge of minutes or files
# =============================================================================================

MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december"]
_MONTH_WORDS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_WORDS.update({"jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                     "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12})
WEEKDAY_NAMES = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
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
_MONTH_YEAR = re.compile(rf"(?<![\w\d]\s)(?<![\d])\b(?P<m>{_MONTH_RE})\s+(?P<y>(?:19|20)\d\d)\b",
                         re.IGNORECASE)
_NUMERIC = re.compile(
    rf"(?<![\w/.:-]){_WD}(?P<d>[0-3]?\d)/(?P<m>1[0-2]|0?[1-9])"
    r"(?:(?:\s+|-|/)(?P<y>(?:19|20)\d\d)|/(?P<yy>\d\d))?(?![\d/])", re.IGNORECASE)
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
    for m in _NUMERIC.finditer(text):
        day, month = int(m["d"]), int(m["m"])
        if not 1 <= day <= 31:
            continue
        year = int(m["y"]) if m["y"] else (expand_two_digit_year(int(m["yy"])) if m["yy"] else None)
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


# =============================================================================================
# Known federations and projects, and finding them in a text
# =============================================================================================

@dataclass(frozen=True)
class KnownItem:
    slug: str
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    owner: str | None = None        # projects: the owning federation's slug

    def names(self) -> list[str]:
        out = []
        for name in (self.name, self.short_name, *self.aliases):
            if name and name not in out:
                out.append(name)
        return out

    @property
    def label(self) -> str:
        return self.short_name or self.name


@dataclass
class KnownNames:
    federations: list[KnownItem] = field(default_factory=list)
    projects: list[KnownItem] = field(default_factory=list)

    @classmethod
    def from_site(cls, site_root: Path) -> tuple["KnownNames", list[str]]:
        """Read content/federations and content/projects; broken files are reported, not fatal."""
        sources, problems = load_sources(site_root)
        federations, projects = [], []
        for source in sources:
            meta = source.meta
            aliases = meta.get("aliases") or []
            if isinstance(aliases, str):
                aliases = [aliases]
            aliases = tuple(str(a) for a in aliases if a)
            if source.kind == "federations" and meta.get("name"):
                federations.append(KnownItem(source.slug, str(meta["name"]),
                                             str(meta.get("short_name") or ""), aliases))
            elif source.kind == "projects" and meta.get("name"):
                projects.append(KnownItem(source.slug, str(meta["name"]), "", aliases,
                                          str(meta["owner"]) if meta.get("owner") else None))
        known = cls(federations, projects)
        # owners may be written as a name or alias: store the slug
        resolved = []
        for project in known.projects:
            owner = known.federation(project.owner) if project.owner else None
            resolved.append(KnownItem(project.slug, project.name, "", project.aliases,
                                      owner.slug if owner else project.owner))
        known.projects = resolved
        return known, [str(p) for p in problems]

    def federation(self, reference: str | None) -> KnownItem | None:
        if not reference:
            return None
        key = reference.casefold().strip()
        for item in self.federations:
            if key == item.slug or key in (n.casefold() for n in item.names()):
                return item
        return None

    def by_slug(self, slug: str) -> KnownItem | None:
        for item in self.federations + self.projects:
            if item.slug == slug:
                return item
        return None


@dataclass(frozen=True)
class NameMatch:
    item: KnownItem
    start: int
    end: int
    surface: str
    fuzzy: bool


_TOKEN = re.compile(r"\w+(?:-\w+)*")
_COUNTY_AFTER = re.compile(r"\s+läns?\b", re.IGNORECASE)
_REGION_BEFORE = re.compile(r"\bregion(?:en)?\s+$", re.IGNORECASE)
FUZZY_CUTOFF = 0.85


def _is_acronym(name: str) -> bool:
    letters = name.replace("-", "")
    return len(letters) <= 5 and letters.isupper()


@lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern:
    words = [w for w in re.split(r"[\s\-–]+", name.strip()) if w]
    core = r"[\s\-–]+".join(re.escape(w) for w in words)
    flags = 0 if _is_acronym(name) else re.IGNORECASE
    # inflections: Roslagens, MIA:s, MIA-projektet, BIP-metoden, Cresco Creares
    return re.compile(rf"(?<![\w.@/]){core}(?::?s|-\w+)?(?!\w)", flags)


def _rejected(text: str, start: int, end: int) -> bool:
    """'Stockholms län' is the county and 'Region Stockholm' a member, not a federation."""
    return bool(_COUNTY_AFTER.match(text, end) or _REGION_BEFORE.search(text[max(0, start - 12):start]))


def find_names(text: str, items: list[KnownItem]) -> list[NameMatch]:
    """Every mention of a known item: exact (any case, Swedish inflections), then close
    misspellings of capitalised names ('Cresco Create' → Cresco Creare, 'Söderstälje')."""
    urls = _url_spans(text)
    candidates: list[NameMatch] = []
    for item in items:
        for name in item.names():
            for m in _name_pattern(name).finditer(text):
                if _inside(urls, m.start(), m.end()) or _rejected(text, m.start(), m.end()):
                    continue
                candidates.append(NameMatch(item, m.start(), m.end(), m.group(0), False))
    exact_spans = [(c.start, c.end) for c in candidates]
    tokens = list(_TOKEN.finditer(text))
    for item in items:
        for name in item.names():
            if _is_acronym(name) or len(name) < 6:
                continue
            target = " ".join(name.casefold().split())
            size = len(name.split())
            initial = target[:1]
            for i in range(len(tokens) - size + 1):
                first, last = tokens[i], tokens[i + size - 1]
                head = first.group(0)[:1]
                if not head.isupper() or head.casefold() != initial:
                    continue
                window = " ".join(t.group(0).casefold() for t in tokens[i:i + size])
                if abs(len(window) - len(target)) > 3:
                    continue
                gaps = [text[a.end():b.start()] for a, b in zip(tokens[i:i + size], tokens[i + 1:i + size])]
                if any(not re.fullmatch(r"[ \t-]{1,3}", gap) for gap in gaps):
                    continue          # the words must stand together: not across '(' or a line break
                if _inside(exact_spans, first.start(), last.end()) or _inside(urls, first.start(), last.end()):
                    continue
                if window == target or window.rstrip("s") == target:
                    continue
                ratio = max(difflib.SequenceMatcher(None, window, target).ratio(),
                            difflib.SequenceMatcher(None, window.rstrip("s"), target).ratio())
                # every word must be close on its own: 'Samordningsförbunden är' is not 'Samordningsförbundet VärNa'
                each = all(difflib.SequenceMatcher(None, a, b).ratio() >= 0.75
                           for a, b in zip(window.split(), target.split()))
                if ratio >= FUZZY_CUTOFF and each and not _rejected(text, first.start(), last.end()):
                    candidates.append(NameMatch(item, first.start(), last.end(),
                                                text[first.start():last.end()], True))
    candidates.sort(key=lambda c: (c.start, -(c.end - c.start), c.fuzzy))
    kept: list[NameMatch] = []
    for c in candidates:
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept


def best_name(label: str, items: list[KnownItem]) -> tuple[KnownItem | None, bool]:
    """The item a short label ('Sthlm stad', 'Söderstälje', 'Värna') stands for, and whether the
    match was only by similar spelling."""
    cleaned = " ".join(label.replace("*", "").split()).strip(" :")
    key = cleaned.casefold()
    for item in items:
        if key in (n.casefold() for n in item.names()) or key == item.slug:
            return item, False
    matches = find_names(cleaned, items)
    if matches and matches[0].end - matches[0].start >= len(cleaned) * 0.6:
        return matches[0].item, matches[0].fuzzy
    best, best_ratio = None, 0.0
    for item in items:
        for name in item.names():
            ratio = difflib.SequenceMatcher(None, key, name.casefold()).ratio()
            if ratio > best_ratio:
                best, best_ratio = item, ratio
    if best is not None and best_ratio >= 0.8:
        return best, True
    return None, False


# =============================================================================================
# Meeting types
# =============================================================================================

# canonical type → patterns that name it (matched on lower-cased words)
MEETING_TYPES: list[tuple[str, str]] = [
    ("förbundschefsmöte", r"förbundsch?e+f+\w*m[öo]te\w*|förbundschef\w*\s+m[öo]te\w*|fc-?m[öo]te\w*"
                          r"|fc-nätverk\w*|förbundschefsträff\w*|förbundschefsnätverk\w*"),
    ("presidiemöte", r"\w*presidi\w*"),
    ("beredningsgrupp", r"beredningsgrupp\w*"),
    ("styrelse", r"styrelsem[öo]te\w*|styrelsesammanträde\w*|styrelseprotokoll\w*|styrelsen"),
    ("medlemssamråd", r"\w*samråd\w*"),
    ("styrgrupp", r"styrgrupp\w*"),
    ("arbetsgrupp", r"arbetsgrupp\w*"),
]
NETWORK_TYPES = {"förbundschefsmöte", "presidiemöte"}   # meetings across federations
TYPE_TITLES = {"förbundschefsmöte": "Förbundschefsmöte", "presidiemöte": "Presidiemöte",
               "beredningsgrupp": "Beredningsgruppsmöte", "styrelse": "Styrelsemöte",
               "medlemssamråd": "Medlemssamråd", "styrgrupp": "Styrgruppsmöte",
               "arbetsgrupp": "Arbetsgruppsmöte"}
# the well-spelt forms; a title word matching a type but not one of these gets corrected
_CANONICAL_WORDS = {"förbundschefsmöte": ("förbundschefsmöte", "förbundschefsmötet", "förbundschefsmöten")}
_FUZZY_TYPE_WORDS = {"förbundschefsmöte": "förbundschefsmöte", "presidiemöte": "presidiemöte",
                     "beredningsgruppsmöte": "beredningsgrupp", "styrelsemöte": "styrelse",
                     "medlemssamråd": "medlemssamråd", "styrgruppsmöte": "styrgrupp"}
_NOT_THIS_MEETING = re.compile(r"\b(?:från|om|inför|till|på|nästa|kommande|föregående)\s+(?:\w+\s+)?$",
                               re.IGNORECASE)


def type_in_line(line: str) -> tuple[str | None, re.Match | None]:
    """The meeting type a title line names, with the matching word (fuzzy for misspellings)."""
    lowered = line.lower()
    for canonical, pattern in MEETING_TYPES:
        m = re.search(rf"(?<!\w)(?:{pattern})(?!\w)", lowered)
        if m:
            return canonical, m
    for word in re.finditer(r"\w{8,}", lowered):
        close = difflib.get_close_matches(word.group(0), _FUZZY_TYPE_WORDS, n=1, cutoff=0.8)
        if close:
            return _FUZZY_TYPE_WORDS[close[0]], word
    return None, None


def guess_type_from_text(text: str) -> tuple[str | None, int]:
    """When the header does not say: the type the text speaks of most as *this* meeting's kind.
    Mentions after 'från/om/inför/nästa …' ('Rapport från styrelsemötet') do not count."""
    scores: dict[str, int] = {}
    lowered = text.lower()
    for canonical, pattern in MEETING_TYPES:
        if canonical in ("styrgrupp", "arbetsgrupp", "medlemssamråd"):
            continue  # too often mentioned as other bodies
        for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", lowered):
            if canonical == "styrelse" and m.group(0) == "styrelsen":
                continue
            if _NOT_THIS_MEETING.search(lowered[max(0, m.start() - 30):m.start()]):
                continue
            scores[canonical] = scores.get(canonical, 0) + 1
    if not scores:
        return None, 0
    best = max(scores, key=lambda k: scores[k])
    return best, scores[best]


# =============================================================================================
# People
# =============================================================================================

_ROLE_RULES: list[tuple[str, str]] = [
    (r"t\.?\s*f\.?\s*(?:fc|förbundschef)", "t.f. förbundschef"),
    (r"(?:v\.?|vice)\s*ordf(?:\.|örande)?", "vice ordförande"),
    (r"ordf(?:\.|örande)?", "ordförande"),
    (r"fc|förbundschef", "förbundschef"),
    (r"ers(?:\.|ättare)?", "ersättare"),
    (r"led(?:\.|amot)?", "ledamot"),
    (r"sekr(?:\.|eterare)?", "sekreterare"),
    (r"projektchef|projektledare|processledare|processtödjare|samordnare|kanslist|controller"
     r"|utvärderare|kommunikatör|adjungerad", None),
]


def normalise_role(text: str) -> str:
    """'v. ordf' → 'vice ordförande', 'tf FC' → 't.f. förbundschef', 'projektchef MIA' kept whole."""
    cleaned = " ".join(text.strip(" .,;").split())
    for pattern, canonical in _ROLE_RULES:
        m = re.match(rf"(?:{pattern})(?=$|[\s,.])\.?", cleaned, re.IGNORECASE)
        if m:
            rest = cleaned[m.end():].strip(" ,")
            head = canonical or m.group(0).lower()
            return f"{head} {rest}".strip() if rest else head
    return cleaned


_NAME_WORD = re.compile(r"^[A-ZÅÄÖÉÜ][\wéüÅÄÖåäö'’.-]*$")


def looks_like_name(text: str) -> bool:
    """'Annika A', 'Lotta Lindblad Söderman', 'Kipa' — capitalised, at most six words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(ch.isdigit() for ch in text) or len(text) > 60:
        return False
    capitalised = sum(1 for w in words if _NAME_WORD.match(w))
    return capitalised >= max(1, len(words) - 1) and bool(_NAME_WORD.match(words[0]))


def _split_names(text: str) -> list[str]:
    text = text.replace("*", "").strip().rstrip(".")
    # commas outside parentheses, then ' och ' / ' o ' / ' & '
    parts, depth, current = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    names = []
    for part in parts:
        # "Eva Strand (v. ordf) Sophia Dahlgren (FC)": a closing parenthesis ends a person
        for piece in re.split(r"(?<=\))\s+(?=[A-ZÅÄÖ])", part):
            for name in re.split(r"\s+(?:och|o|&|samt)\s+", piece):
                name = name.strip(" .")
                if name:
                    names.append(name)
    return names


def parse_person(text: str, federation: str | None = None,
                 known: KnownNames | None = None) -> str | dict | None:
    """'Kipa' → 'Kipa'; 'Eva Strand (v. ordf)' → {name, role}; 'Anna Ek (Roslagen, FC)' →
    {name, federation, role} when Roslagen is a known federation; None when it is no name."""
    text = text.strip(" .")
    role = None
    m = re.match(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]+)\)\s*$", text)
    if m:
        text = m["name"].strip()
        roles = []
        for part in m["role"].split(","):
            fed, _ = best_name(part, known.federations) if known else (None, False)
            if fed is not None and not federation:
                federation = fed.slug
            elif part.strip():
                roles.append(normalise_role(part))
        role = ", ".join(roles) or None
    text = " ".join(text.split())
    if not looks_like_name(text):
        return None
    if role is None and federation is None:
        return text
    person: dict = {"name": text}
    if federation:
        person["federation"] = federation
    if role:
        person["role"] = role
    return person


def parse_people(text: str, known: KnownNames) -> tuple[list | None, list[str]]:
    """A list of names (with 'X från Y' groups); None when something is not a name."""
    notes: list[str] = []
    loose: list = []
    groups: list[dict] = []
    for segment in re.split(r";", text.replace("*", "")):
        origin = None
        m = re.search(r"\s+(?:från|fr\.)\s+(?P<org>[^,]+?)\s*\.?$", segment)
        if m:
            origin = m["org"].strip()
            segment = segment[:m.start()]
        names = _split_names(segment)
        if not names:
            continue
        fed, fuzzy = best_name(origin, known.federations) if origin else (None, False)
        people = [parse_person(n, fed.slug if fed else None, known) for n in names]
        if any(p is None for p in people):
            return None, notes
        if origin:
            group: dict = {"group": fed.label if fed else origin}
            if fed:
                group["federation"] = fed.slug
            group["people"] = people
            groups.append(group)
            if fuzzy:
                notes.append(f"'{origin}' read as {fed.slug}")
        else:
            loose.extend(people)
    return loose + groups, notes


# =============================================================================================
# The result
# =============================================================================================

@dataclass
class ProposedEvent:
    slug: str
    meta: dict
    body: str


@dataclass
class ImportResult:
    slug: str                          # file name of the meeting, without .md
    meta: dict                         # front matter, in the order of docs/schema-spec.md
    body: str                          # normalised Markdown with every word of the original
    events: list[ProposedEvent]
    report: list[str]                  # English lines for the person importing
    removed_lines: list[str] = field(default_factory=list)  # header lines now in front matter


MEETING_ORDER = ["uid", "title", "type", "date", "date_note", "start", "end", "location", "online",
                 "online_link", "federations", "chair", "secretary", "present", "absent", "guests",
                 "projects", "publish_names", "source", "import_notes"]
EVENT_ORDER = ["uid", "title", "start", "end", "location", "online", "online_link", "federations",
               "projects", "status", "announced_in", "note", "import_notes"]


def _ordered(meta: dict, order: list[str]) -> dict:
    return {key: meta[key] for key in order if key in meta and meta[key] not in (None, "", [])}


def stable_uid(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


# =============================================================================================
# Reading the header: labels, title, date, place
# =============================================================================================

GENERIC_TITLES = {"minnesanteckningar", "minnesanteckning", "anteckningar", "protokoll",
                  "mötesanteckningar", "mötesprotokoll", "dagordning", "agenda"}

_GENERIC_PREFIX = re.compile(r"^(?:minnesanteckningar|minnesanteckning|mötesanteckningar|anteckningar|protokoll)"
                             r"(?:\s+(?:från|för|vid))?\s*[:,–-]?\s+", re.IGNORECASE)

LABELS: dict[str, str] = {
    "ordförande": "chair", "mötesordförande": "chair", "ordf": "chair", "ordf.": "chair",
    "sekreterare": "secretary", "sekr": "secretary", "sekr.": "secretary",
    "protokollförare": "secretary", "antecknare": "secretary", "vid pennan": "secretary",
    "justerare": "ignore",
    "närvarande": "present", "deltagare": "present", "närvarande ledamöter": "present",
    "frånvarande": "absent", "anmält förhinder": "absent", "förhinder": "absent",
    "ej närvarande": "absent",
    "gäster": "guests", "gäst": "guests", "inbjudna": "guests", "inbjudna gäster": "guests",
    "adjungerade": "guests",
    "plats": "place", "lokal": "place", "mötesplats": "place",
    "tid": "time", "datum": "date", "datum och tid": "date", "tid och plats": "timeplace",
    "länk": "link", "teamslänk": "link", "möteslänk": "link",
}
_LABEL_RE = "|".join(sorted((re.escape(k) for k in LABELS), key=len, reverse=True))
# "Närvarande i rummet:", "**På Teams:**" — the sub-labels that split present people into groups
_SUBGROUP = (r"(?:i|på|via)\s+(?:rummet|plats|plats\w*|lokalen|teams|zoom|skype|länk|distans|webben)"
             r"|digitalt|fysiskt|online|på\s+länk")
_LINE_LABEL = re.compile(rf"^(?P<label>{_LABEL_RE})(?:\s+(?P<sub>{_SUBGROUP}))?\s*:\s*", re.IGNORECASE)
_INLINE_LABEL = re.compile(rf"(?:(?<=\s)|^)(?P<label>{_LABEL_RE}|{_SUBGROUP})(?:\s+(?P<sub>{_SUBGROUP}))?\s*:\s*",
                           re.IGNORECASE)
_ONLINE_WORDS = re.compile(r"\b(?:teams\w*|zoom|skype|digital\w*|online|distans|webbinari\w*|webinari\w*"
                           r"|videomöte\w*|länk)\b", re.IGNORECASE)
_HEDGE_WORDS = (r"förmodligen|troligen|troligtvis|kanske|eventuellt|ev\.|preliminärt|vid regn|vid behov"
                r"|om möjligt|alternativt")
_HEDGE = re.compile(rf"\b(?:{_HEDGE_WORDS})(?!\w)", re.IGNORECASE)


def _strip_markup(line: str) -> str:
    line = re.sub(r"^\s{0,3}#{1,6}\s*", "", line)
    line = line.replace("**", "").replace("__", "")
    return " ".join(line.split())


def split_labelled(line: str) -> list[tuple[str, str | None, str]]:
    """'Ordförande: Kipa Sekreterare: Elin' → [('ordförande', None, 'Kipa'), ('sekreterare', None, 'Elin')].
    Sub-labels of the present list ('På Teams:') become their own parts."""
    plain = _strip_markup(line)
    if not _LINE_LABEL.match(plain):
        return []
    marks = list(_INLINE_LABEL.finditer(plain))
    parts = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(plain)
        parts.append((m["label"], m["sub"] or None, plain[m.end():end].strip()))
    return parts


def parse_place(value: str) -> tuple[str | None, bool | None, str | None, list[str]]:
    """'Sollentuna och Teams' → ('Sollentuna', True, None, []); conditions become notes."""
    value = value.strip().rstrip(".")
    notes: list[str] = []
    link = None
    url = _URL.search(value)
    if url:
        link = url.group(0).strip("<>")
        if link.startswith("www."):
            link = "https://" + link
        value = (value[:url.start()] + value[url.end():]).strip()
    if _HEDGE.search(value):
        notes.append(f"Platsen är villkorad i originalet: ”{value}”.")
        first = re.split(r",|\bvid\b|\bom\b", value, maxsplit=1)[0].strip()
        return (first or None), None, link, notes
    parts = [p.strip() for p in re.split(r"\s+(?:och|samt|\+|&)\s+|,|/|\+", value) if p.strip()]
    places = [p for p in parts if not _ONLINE_WORDS.search(p)]
    online = any(_ONLINE_WORDS.search(p) for p in parts) or bool(link)
    return (", ".join(places) or None), (True if online else None), link, notes


# =============================================================================================
# The body: clean Markdown, no word lost
# =============================================================================================

@dataclass
class Block:
    kind: str              # "heading", "para", "bullet", "numbered"
    text: str
    level: int = 0
    number: str = ""
    lines: list[int] = field(default_factory=list)   # source line numbers


_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(?:§\s*)?(?P<n>\d{1,2})\\?[.)]\s+(?P<text>\S.*)$")
_PARAGRAPH_SIGN = re.compile(r"^§\s*(?P<n>\d{1,3})\s+(?P<text>\S.*)$")
_LETTERED = re.compile(r"^(?P<n>[a-h])\)\s+(?P<text>\S.*)$")
_BULLET = re.compile(r"^\s*(?:[-–•▪●◦]|\*(?=\s)|\\-)\s*(?P<text>\S.*)$")
_END_PUNCT = ".!?:;"


def _unbold(text: str) -> str:
    text = text.strip()
    text = re.sub(r"^(\*\*|__)(.*?)\1(\s*[:.]?)$", r"\2\3", text)
    if text.count("**") == 1 or (text.startswith("**") and text.endswith("**")):
        text = text.replace("**", "")
    return text.strip()


def _heading_text(text: str) -> str:
    text = _unbold(_strip_markup(text))
    text = re.sub(r"^[-–•*]\s+", "", text)
    return text.rstrip(":").strip()


def _agenda_candidate(line: str) -> tuple[int, str] | None:
    plain = _heading_text(line)
    m = _NUMBERED.match(plain) or _PARAGRAPH_SIGN.match(plain)
    if not m:
        return None
    text = m["text"].strip()
    if len(text.split()) > 20 or len(text) > 160:
        return None
    bold_or_heading = bool(_MD_HEADING.match(line)) or "**" in line
    if text.endswith(".") and not bold_or_heading:
        return None
    return int(m["n"]), text


def find_agenda(lines: list[str]) -> set[int]:
    """Line numbers of the numbered agenda items: the longest rising 1, 2, 3 … chain.

    A run of numbered lines without text between them is an ordinary list, not the agenda."""
    candidates: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        c = _agenda_candidate(line)
        if c is None:
            continue
        prev_numbered = i > 0 and _agenda_candidate(lines[i - 1]) is not None and lines[i - 1].strip()
        next_numbered = i + 1 < len(lines) and _agenda_candidate(lines[i + 1]) is not None
        is_heading = bool(_MD_HEADING.match(line)) or "**" in line
        if (prev_numbered or next_numbered) and not is_heading:
            continue  # "1. a\n2. b\n3. c" — a list inside an item
        candidates.append((i, c[0]))
    best: list[int] = []
    for start in range(len(candidates)):
        chain = [candidates[start]]
        for item in candidates[start + 1:]:
            if chain[-1][1] < item[1] <= chain[-1][1] + 3:
                chain.append(item)
        if len(chain) > len(best):
            best = [line for line, _ in chain]
    return set(best) if len(best) >= 2 else set()


def _standalone(lines: list[str], i: int) -> bool:
    before = i == 0 or not lines[i - 1].strip()
    after = i + 1 >= len(lines) or not lines[i + 1].strip()
    return before and after


def _next_content(lines: list[str], i: int) -> str | None:
    for line in lines[i + 1:]:
        if line.strip():
            return line.strip()
    return None


def _prev_content(lines: list[str], i: int) -> str | None:
    for line in reversed(lines[:i]):
        if line.strip():
            return line.strip()
    return None


def _plain_heading(lines: list[str], i: int) -> bool:
    """A short standalone line that introduces the paragraphs after it: 'ESF-projektet MIA'."""
    text = _unbold(lines[i].strip())
    if not text or not _standalone(lines, i):
        return False
    words = text.split()
    if len(words) > 10 or len(text) > 80 or text[-1] in _END_PUNCT + ",":
        return False
    if not text[0].isupper() or text.lower() in GENERIC_TITLES:
        return False
    if _URL.search(text) or ": " in text or find_date_mentions(text) or find_time_spans(text):
        return False
    previous, following = _prev_content(lines, i), _next_content(lines, i)
    if following is None or following.startswith("//"):
        return False          # a signature, not a heading
    if _MD_HEADING.match(following) or _agenda_candidate(following) or (previous and _MD_HEADING.match(previous)):
        return False          # a heading needs text under it; a line under a heading is text
    if previous and _unbold(previous).endswith(":"):
        return False          # the value of 'Tidpunkt:'
    return True


def normalise_body(lines: list[str]) -> list[Block]:
    """Blocks of clean Markdown from the original lines (header lines already blanked)."""
    agenda = find_agenda(lines)
    has_agenda = bool(agenda)
    first_agenda = min(agenda) if agenda else len(lines)
    blocks: list[Block] = []
    para: list[str] = []
    para_lines: list[int] = []

    def flush():
        if para:
            blocks.append(Block("para", "\n".join(para), lines=list(para_lines)))
            para.clear()
            para_lines.clear()

    def sub_level(i: int) -> int:
        return 3 if has_agenda and i > first_agenda else 2

    for i, raw in enumerate(lines):
        line = raw.rstrip()
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        if line.endswith("\\") and not line.endswith("\\\\"):
            line = line[:-1].rstrip()
        if not line.strip():
            flush()
            continue
        stripped = line.strip()
        if i in agenda:
            flush()
            plain = _heading_text(stripped)
            m = _NUMBERED.match(plain) or _PARAGRAPH_SIGN.match(plain)
            sign = "§ " if plain.startswith("§") else ""
            blocks.append(Block("heading", f"{sign}{m['n']}. {_unbold(m['text']).rstrip(':').strip()}"
                                if not sign else f"§ {m['n']} {_unbold(m['text']).strip()}",
                                level=2, lines=[i]))
            continue
        md = _MD_HEADING.match(stripped)
        if md and md.group(1):
            flush()
            text = _heading_text(stripped)
            if not text:
                continue
            if text.endswith(".") and len(text.split()) > 8:
                blocks.append(Block("para", f"**{text}**", lines=[i]))
            else:
                blocks.append(Block("heading", text, level=sub_level(i), lines=[i]))
            continue
        lettered = _LETTERED.match(_unbold(stripped))
        if lettered and _standalone(lines, i) and len(stripped.split()) <= 12 \
                and stripped[-1] not in ".,;:" and _next_content(lines, i):
            flush()
            blocks.append(Block("heading", _unbold(stripped), level=3 if has_agenda or blocks else 2, lines=[i]))
            continue
        if _plain_heading(lines, i):
            flush()
            blocks.append(Block("heading", _unbold(stripped).rstrip(":"), level=sub_level(i), lines=[i]))
            continue
        bullet = _BULLET.match(line)
        if bullet and not stripped.startswith("**") and not re.match(r"^-{3,}\s*$", stripped):
            flush()
            following = _next_content(lines, i)
            text = bullet["text"].strip()
            if (has_agenda and i > first_agenda and _standalone(lines, i) and following
                    and not _BULLET.match(following) and not _MD_HEADING.match(following)
                    and not _agenda_candidate(following) and len(text.split()) <= 12
                    and text[-1] not in _END_PUNCT):
                # '-Jämlikhetsdata /Johanna' alone above its paragraphs: a sub-topic of the item
                blocks.append(Block("heading", _unbold(text), level=3, lines=[i]))
                continue
            blocks.append(Block("bullet", bullet["text"].strip(), lines=[i]))
            continue
        numbered = _NUMBERED.match(stripped)
        if numbered:
            flush()
            blocks.append(Block("numbered", numbered["text"].strip(), number=numbered["n"], lines=[i]))
            continue
        para.append(stripped)
        para_lines.append(i)
        if hard_break:
            flush()
    flush()
    return _join_broken_paragraphs(blocks)


def _join_broken_paragraphs(blocks: list[Block]) -> list[Block]:
    """Word splits a sentence over two paragraphs ('det finns goda' / 'möjligheter att …')."""
    out: list[Block] = []
    for block in blocks:
        if (out and block.kind == "para" and out[-1].kind == "para" and block.text[:1].islower()
                and out[-1].text.rstrip()[-1:] not in _END_PUNCT + ")\"”»*"):
            out[-1] = Block("para", out[-1].text.rstrip() + " " + block.text, lines=out[-1].lines + block.lines)
        else:
            out.append(block)
    return out


def render_blocks(blocks: list[Block]) -> str:
    parts: list[str] = []
    previous = None
    for block in blocks:
        if block.kind == "heading":
            text = "#" * block.level + " " + block.text
        elif block.kind == "bullet":
            text = "- " + block.text
        elif block.kind == "numbered":
            text = f"{block.number}. {block.text}"
        else:
            text = block.text
        same_list = previous is not None and previous.kind == block.kind and block.kind in ("bullet", "numbered")
        if parts:
            parts.append("\n" if same_list else "\n\n")
        parts.append(text)
        previous = block
    return "".join(parts).strip() + "\n"


# =============================================================================================
# Proposed events: the coming dates the minutes announce
# =============================================================================================

_EVENT_NOUN = re.compile(
    r"\b(?:\w*möte[tn]?|\w*mötes\w*|\w*sammanträde\w*|\w*träff(?:en|ar)?|träffas|ses|\w*konferens\w*"
    r"|\w*heldag\w*|\w{3,}dag(?:en|ar)?|\w+\s+dagen|\w*seminari\w*|\w*webb?inari\w*|workshop\w*"
    r"|\w*utbildning\w*|\w*samråd\w*|\w*vecka[n]?|öpp\w*\s+hus|lanser\w*|\w*föreläsning\w*"
    r"|\w*mässa[n]?|kick-?off|invigning\w*|\w*dialog(?:en)?)\b", re.IGNORECASE)
_NOT_EVENT_WORDS = {"idag", "dag", "dagen", "eftermiddag", "eftermiddagen", "förmiddag", "förmiddagen",
                    "vardag", "vardagen", "dagordning", "mötet", "möte", "möten", "vecka", "veckan",
                    "dagar", "dagarna"} | {f"{w}{s}" for w in WEEKDAY_NAMES for s in ("", "en", "ens", "ar")}
_DEADLINE = re.compile(r"\b(?:senast|sista\s+(?:dag|anmälningsdag\w*)|deadline|anmälan\s+senast)\b",
                       re.IGNORECASE)
_CANCELLED = re.compile(r"\bställ(?:s|es|ts|des)\s+(?:\w+\s+)?in\b|\binställ\w*|\bavbok\w*|\butgår\b",
                        re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:nästa|kommer|kommande|ska|skall|bokas|bokat|bokad|planera\w*|inbjudan|bjuder"
                     r"|anmäl\w*|senast|äger\s+rum|blir|tar\s+sikte|save\s+the\s+date|föreslås|välja"
                     r"|lanserar|genomförs|hålls|startar|börjar|preliminärt|imorgon|i\s+morgon)\b",
                     re.IGNORECASE)
_PAST = re.compile(r"\b(?:genomfördes|genomförts|avslutades|avslutats|hölls|hållits|ägde\s+rum|skedde"
                   r"|startade|började|deltog|var|rapporterar|rapporterade|berättade|informerade)\b",
                   re.IGNORECASE)
_NEXT_MEETING = re.compile(r"\bnästa\s+(?P<what>\w*möte[t]?|sammanträde[t]?|\w*träff(?:en)?|\w*samråd(?:et)?"
                           r"|beredningsgrupp\w*)\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(r"\b(?:välja\s+mellan|välj|alternativ\w*|antingen)\b", re.IGNORECASE)
_PART_OF_DAY = re.compile(r"\bpå\s+(?:eftermiddagen|förmiddagen|morgonen|kvällen)\b|\bhela\s+dagen\b"
                          r"|\binnan\s+lunch\b|\befter\s+lunch\b", re.IGNORECASE)
_LOCATION_VERB = re.compile(r"\b(?:hålla\s+till|håller\s+till|äger\s+rum|ses|träffas|vara)\s+(?:i|på)\s+"
                            r"(?P<place>[A-ZÅÄÖ][^.;]{2,60})")
# '… hålls 12 december kl 9-12 i Sala', '… genomförs 14-15 juni i Södertälje'
_PLACE_AFTER_DATE = re.compile(r"^[^.;:]{0,40}?\b(?:i|på)\s+(?P<place>(?!Teams\b|Zoom\b)[A-ZÅÄÖ][\wåäö-]+"
                               r"(?:\s+[A-ZÅÄÖ][\wåäö-]+)*)")
GENERIC_EVENT_TITLES = {"möte", "träff", "heldag", "dag", "lansering", "mötestid", "utbildning",
                        "workshop", "föreläsning", "seminarium", "konferens"}
MAX_EVENT_DAYS = 14


@dataclass
class Sentence:
    text: str
    heading: str           # nearest heading
    parent: str            # the agenda item (level 2) it belongs to
    label: str             # 'Insatskatalogen' in 'Insatskatalogen: Elin informerade …'
    section: str           # all text of the section, for a time or place said elsewhere
    in_heading: bool = False


_ABBREVIATION_END = re.compile(r"(?:\b(?:kl|ca|ev|bl\.a|t\.ex|fr\.o\.m|t\.o\.m|resp|nr|jfr|dvs|s\.k|p\.g\.a|m\.fl)\.)$",
                               re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """Lines, then sentences; 'kl. 9:00', 'bl.a. Elin' do not end a sentence."""
    out = []
    for line in text.split("\n"):
        pieces: list[str] = []
        for piece in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”*(])", line):
            if pieces and _ABBREVIATION_END.search(pieces[-1]):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        out.extend(p.strip() for p in pieces if p.strip())
    return out


def sentences_of(blocks: list[Block]) -> list[Sentence]:
    """Each sentence with the heading it stands under and the text of its section."""
    sections: list[tuple[Block | None, Block | None, list[Block]]] = []
    current_h2 = current_h = None
    current: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            sections.append((current_h2, current_h, current))
            if block.level <= 2:
                current_h2 = block
            current_h = block
            current = [block]
        else:
            current.append(block)
    sections.append((current_h2, current_h, current))
    out: list[Sentence] = []
    for h2, h, members in sections:
        section_text = "\n".join(b.text for b in members)
        heading = h.text if h else ""
        parent = h2.text if h2 else heading
        for block in members:
            label_m = re.match(r"^\*{0,2}([A-ZÅÄÖ][^:.!?]{1,50}?)\*{0,2}:\s", block.text)
            label = label_m.group(1) if label_m and len(label_m.group(1).split()) <= 6 else ""
            for sentence in split_sentences(block.text):
                out.append(Sentence(sentence, heading, parent, label, section_text,
                                    in_heading=block.kind == "heading"))
    return out


def _clean_title(text: str, mentions: list[DateMention]) -> str:
    """Strip numbering, dates, times, '/Name' and hedges from a heading: 'Konferens 19:e maj –
    lägesrapport / Elin' → 'Konferens'."""
    for mention in sorted(mentions, key=lambda d: -d.start):
        text = text[:mention.start] + " " + text[mention.end:]
    text = re.sub(r"^\s*(?:§\s*)?\d{1,2}[.)]\s*", "", text)
    text = _TIME_KL.sub(" ", text)
    text = _TIME_BARE.sub(" ", text)
    text = re.sub(r"\s/\s*[^/]*$|/\s*[A-ZÅÄÖ][\wåäö]*(?:\s*(?:,|och|o)\s*[A-ZÅÄÖ][\wåäö]*)*\s*$", "", text)
    parts = [p.strip(" ,–-?!") for p in re.split(r"\s[–-]\s|,|\?|:", text)]
    parts = [p for p in parts if p]
    chosen = next((p for p in parts if _event_noun(p)), parts[0] if parts else "")
    chosen = re.sub(rf"\s*\b(?:{_HEDGE_WORDS})(?!\w).*$", "", chosen, flags=re.IGNORECASE)
    chosen = re.sub(r"\s*\b(?:helt\s+)?digital\w*\s*$|\s*\bvia\s+teams\s*$|\s*\b(?:var|den|på|kl\.?)\s*$",
                    "", chosen, flags=re.IGNORECASE)
    chosen = " ".join(chosen.split())
    if chosen.isupper() and len(chosen) > 4:
        chosen = chosen.capitalize()
    return chosen[:1].upper() + chosen[1:] if chosen else ""


def _event_noun(text: str, plain_meeting: bool = False) -> str | None:
    """The first word that names an event ('konferens', 'Almedalsvecka', 'öppet hus'); with
    `plain_meeting`, a bare 'möte' counts too."""
    for m in _EVENT_NOUN.finditer(text):
        word = m.group(0)
        if plain_meeting and word.lower() in ("möte", "mötet"):
            return word
        if word.lower() in _NOT_EVENT_WORDS or word.lower().endswith(("dagsläget",)):
            continue
        if word.lower().split()[-1] in ("dagen",) and not word.split()[0][:1].isupper():
            continue
        return word
    return None


def _noun_title(sentence: str, before: int) -> str | None:
    """The event noun nearest before the date (or anywhere), with a capitalised word before it
    ('ASF dagen', 'Gemensam heldag')."""
    best = None
    for m in _EVENT_NOUN.finditer(sentence):
        word = m.group(0)
        low = word.lower()
        if low in _NOT_EVENT_WORDS or low.split()[-1] == "dagen" and not word.split()[0][:1].isupper():
            continue
        if best is None or m.start() <= before:
            best = m
    if best is None:
        return None
    title = best.group(0)
    if re.match(r"lanser", title, re.IGNORECASE):
        return "Lansering"
    prefix = sentence[:best.start()].rstrip()
    prev = re.search(r"(\w+)$", prefix)
    if prev and prev.group(1)[:1].isupper() and prev.start() > 0 and " " in prefix:
        title = f"{prev.group(1)} {title}"
    if title.lower() in ("träffas", "ses"):
        title = "Träff"
    return title[:1].upper() + title[1:]


@dataclass
class _Candidate:
    start: dt.date
    end: dt.date | None
    begins: str | None
    ends: str | None
    title: str
    status: str
    online: bool | None
    location: str | None
    federations: list[str]
    projects: list[str]
    note: list[str]
    import_notes: list[str]
    sentence: str
    group: int
    kind: str = "event"        # or "deadline": never merged with an event on the same day
    quality: int = 0           # how the title was found: 3 own line, 2 heading, 1 noun, 0 generic


def propose_events(sentences: list[Sentence], reference: dt.date | None, meeting_type: str,
                   meeting_federations: list[str], known: KnownNames,
                   report: list[str], exact: bool = True) -> list[_Candidate]:
    """Coming dates in the minutes → events (status preliminär, or inställd when cancelled).

    `reference` is the meeting's date; `exact` is False when only its month is known (then the
    reference is the 1st, and 'imorgon' cannot be placed)."""
    candidates: list[_Candidate] = []
    no_year: list[str] = []
    periods: list[str] = []
    for index, s in enumerate(sentences):
        mentions = [m for m in find_date_mentions(s.text) if m.kind != "week" or not any(
            o.kind in ("day-month", "numeric") for o in find_date_mentions(s.text))]
        if not mentions:
            continue
        next_ctx = bool(_NEXT_MEETING.search(s.text) or _NEXT_MEETING.search(s.heading)
                        or _NEXT_MEETING.search(s.parent))
        cancelled = bool(_CANCELLED.search(s.text))
        deadline = bool(_DEADLINE.search(s.text))
        noun = _event_noun(s.text) or (_event_noun(s.heading) if s.in_heading else None)
        future = bool(_FUTURE.search(s.text)) or next_ctx
        past = bool(_PAST.search(s.text)) and not future
        if not (next_ctx or noun or deadline or cancelled) or past:
            continue
        years = standalone_years(_DAY_MONTH.sub(" ", s.text))
        sentence_year = years[0] if len(set(years)) == 1 else None
        spans = find_time_spans(s.text)
        group = index
        paired = _pair_range(s.text, mentions)
        for mention in mentions:
            if mention in paired.values():
                continue
            dates: list[tuple[dt.date, dt.date | None]] = []
            notes: list[str] = []
            if mention.kind == "relative":
                if reference is None or not exact:
                    no_year.append(mention.text)
                    continue
                dates.append((reference + dt.timedelta(days=mention.days_after), None))
            elif mention.kind == "week":
                year = sentence_year or (reference.year if reference else None)
                if year is None:
                    no_year.append(mention.text)
                    continue
                try:
                    monday, sunday = iso_week_range(year, mention.week)
                except ValueError:
                    continue      # 'vecka 53' in a year without one
                if reference and sunday < reference:
                    if not future or sentence_year:
                        continue
                    try:
                        monday, sunday = iso_week_range(year + 1, mention.week)
                    except ValueError:
                        continue
                    notes.append(f"Året står inte i texten; {monday.year} antaget eftersom veckan "
                                 f"ligger före mötet.")
                elif not sentence_year:
                    notes.append(f"Året står inte i texten; {monday.year} taget från mötets datum.")
                dates.append((monday, sunday))
                notes.append(f"Datum osäkert: bara {mention.text} är angiven.")
            else:
                year = mention.year or sentence_year
                day, how = resolve_day(mention.day, mention.month, year, reference, future)
                if day is None:
                    if how == "no-year":
                        no_year.append(re.sub(r"^den\s+", "", mention.text.rstrip(".")))
                    continue
                if how == "past" or (reference and day < reference):
                    continue
                if how == "rolled":
                    notes.append(f"Året står inte i texten; {day.year} antaget eftersom datumet "
                                 f"ligger före mötet.")
                elif how == "reference" and not mention.year and not sentence_year:
                    notes.append(f"Året står inte i texten; {day.year} taget från mötets datum.")
                end_day = None
                if mention.day2 is not None:
                    second, _ = resolve_day(mention.day2, mention.month, day.year, None, False)
                    if second is None:
                        continue
                    if mention.joiner == "range":
                        end_day = second
                    else:
                        dates.append((day, None))
                        dates.append((second, None))
                        if mention.joiner == "alternative":
                            notes.append(f"Alternativa datum: {format_swedish_date(day, False)} eller "
                                         f"{format_swedish_date(second, False)}.")
                        day = None
                partner = paired.get(mention.start)
                if partner is not None and day is not None:
                    second, _ = resolve_day(partner.day, partner.month, partner.year or day.year, None, False)
                    if second and second > day:
                        end_day = second
                if day is not None:
                    dates.append((day, end_day))
                    weeks = [w.week for w in find_date_mentions(s.text) if w.kind == "week"]
                    last = end_day or day
                    if weeks and not any(day.isocalendar()[1] <= w <= last.isocalendar()[1] for w in weeks):
                        notes.append(f"Texten anger vecka {weeks[0]}, men {day.isoformat()} ligger i vecka "
                                     f"{day.isocalendar()[1]} – kontrollera.")
                if mention.weekday is not None and day is not None and day.weekday() != mention.weekday:
                    notes.append(f"Veckodagen ({WEEKDAY_NAMES[mention.weekday]}) stämmer inte med "
                                 f"{day.isoformat()} – kontrollera datumet.")
            if exact and reference and any(d == reference and mention.kind != "relative" for d, _ in dates):
                continue  # the meeting itself
            for start, end in dates:
                if end and (end - start).days > MAX_EVENT_DAYS:
                    periods.append(f"{start.isoformat()}–{end.isoformat()} ({_short(s.text)})")
                    break
                candidates.append(_make_candidate(s, mention, start, end, spans, next_ctx, cancelled,
                                                  deadline, meeting_type, meeting_federations, known,
                                                  notes, group))
    _mark_alternatives(candidates, sentences)
    merged = _merge(candidates)
    if no_year:
        report.append("events: no full date for " + ", ".join(sorted(set(no_year)))
                      + " (the meeting's own date is missing or incomplete) — add these events by hand")
    if periods:
        report.append("periods (not made events): " + "; ".join(periods))
    return merged


def _short(text: str, length: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def _pair_range(text: str, mentions: list[DateMention]) -> dict:
    """'med inledning söndagen den 3 juli och avslutning torsdagen den 7 juli', 'från 3 till 7
    maj': the first date's start → the second mention (which then is no event of its own)."""
    pairs: dict = {}
    dated = [m for m in mentions if m.kind in ("day-month", "numeric", "iso", "compact") and m.day2 is None]
    for a, b in zip(dated, dated[1:]):
        between = text[a.end:b.start].lower()
        before = text[max(0, a.start - 25):a.start].lower()
        if re.search(r"\b(?:till(?:\s+och\s+med)?|t\.?o\.?m\.?|avslutning|slutar|[-–])\b|[-–]", between) and \
                (re.search(r"\b(?:från|fr\.?o\.?m\.?|inledning|start\w*|börjar)\b", before + between)
                 or between.strip() in ("-", "–")):
            pairs[a.start] = b
    return pairs


def _make_candidate(s: Sentence, mention: DateMention, start: dt.date, end: dt.date | None,
                    spans: list[TimeSpan], next_ctx: bool, cancelled: bool, deadline: bool,
                    meeting_type: str, meeting_federations: list[str], known: KnownNames,
                    notes: list[str], group: int) -> _Candidate:
    # time: the first span after this date in the sentence, else one said in the section
    begins = ends = None
    following = [t for t in spans if t.start >= mention.end]
    span = following[0] if following else (spans[0] if len(spans) == 1 else None)
    if span is None and s.in_heading:
        section_spans = find_time_spans(s.section)
        dated_elsewhere = [m for m in find_date_mentions(s.section) if m.kind != "relative"]
        if len(section_spans) == 1 and len(dated_elsewhere) <= 1:
            span = section_spans[0]
    if span is not None:
        begins, ends = span.begins, span.ends
    public = ("Alternativa", "Datum osäkert")
    note = list(dict.fromkeys(n for n in notes if n.startswith(public)))
    import_notes = [n for n in notes if not n.startswith(public)]
    part = _PART_OF_DAY.search(s.text)
    if part and begins is None:
        note.append(f"Tid: {part.group(0)}.")
    # title
    line_label = re.match(r"^\s*(?:[-–•*]\s*)?([A-ZÅÄÖ][\wåäö ]{1,30}?):\s", s.text)
    if next_ctx and not deadline:
        own = _clean_title(s.text, find_date_mentions(s.text))
        own_noun = _event_noun(own) if own else None
        if (own_noun and own_noun.lower() not in ("mötet", "möte") and not line_label
                and not own.lower().startswith("nästa") and len(own.split()) <= 6):
            title = own.rstrip(".")
        else:
            title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
            said = _NEXT_MEETING.search(s.text) or _NEXT_MEETING.search(s.heading) or _NEXT_MEETING.search(s.parent)
            what = said.group("what").lower() if said else ""
            if what and not re.fullmatch(r"möte[t]?|sammanträde[t]?|träff(?:en)?", what):
                # 'Nästa samråd', 'Nästa styrgruppsmöte': the minutes name the kind of meeting
                what = re.sub(r"(?<=samråd)et$|(?<=möte)t$|(?<=träff)en$", "", what)
                if slugify(what) != slugify(TYPE_TITLES.get(meeting_type, "")):
                    title = what[:1].upper() + what[1:]
        if line_label and not _event_noun(line_label.group(1)):
            title = f"{title} {line_label.group(1).strip()}"
    elif deadline:
        clause = re.split(r"\s[–-]\s|:", s.text)[0]
        topic = clause if len(clause.split()) <= 6 and clause != s.text else (
            s.label or _clean_title(s.heading, find_date_mentions(s.heading)))
        title = f"Sista dag – {topic.strip()}" if topic else "Sista dag"
    elif s.in_heading:
        title = _clean_title(s.text, find_date_mentions(s.text))
    else:
        title = _noun_title(s.text, mention.start) or "Händelse"
        launch = re.search(r"(?:\b[A-ZÅÄÖ][\wåäö-]*\s+)?\blanser\w*\b[^.;:()]*?(?=\s*(?:den\s+)?"
                           + re.escape(mention.text) + ")", s.text)
        if title == "Lansering" and launch:
            clause = launch.group(0).strip(" ,")
            if re.search(r"lanser\w*$", clause):
                topic = s.label or _clean_title(s.heading, find_date_mentions(s.heading))
                clause = f"{clause} {topic[:1].lower() + topic[1:]}" if topic else clause
            title = clause[:1].upper() + clause[1:]
        elif title.lower() in GENERIC_EVENT_TITLES:
            topic = s.label or _clean_title(s.heading, find_date_mentions(s.heading))
            if (topic and title.lower() in ("möte", "mötestid") and _event_noun(topic, plain_meeting=True)
                    and not topic.lower().startswith(("nästa", "övrigt"))):
                title = topic
            elif topic and not topic.lower().startswith(("övrigt", "nästa")):
                title = f"{title} – {topic}"
    title = title.strip() or "Händelse"
    quality = 0
    if next_ctx and not deadline:
        quality = 3 if title != TYPE_TITLES.get(meeting_type) else 2
    elif s.in_heading:
        quality = 2
    elif title.lower() not in GENERIC_EVENT_TITLES and " – " not in title:
        quality = 1
    # online and place
    scope = s.text if not s.in_heading else s.text + "\n" + s.section
    online = None
    if _ONLINE_WORDS.search(s.text) or (s.in_heading and _ONLINE_WORDS.search(s.section)):
        hedge = _HEDGE.search(scope)
        if hedge:
            said = next((x for x in split_sentences(scope) if _HEDGE.search(x)), s.text)
            note.append(f"Formen är inte bestämd: ”{_short(said, 90)}”")
        else:
            online = True
    location = None
    labelled = re.search(r"(?im)^\W*(?:plats|lokal|mötesplats)\s*:\**\s*(?P<place>\S[^\n]*)$", s.section)
    place = _LOCATION_VERB.search(scope) or _PLACE_AFTER_DATE.search(s.text[mention.end:])
    if labelled and (s.in_heading or next_ctx):
        location, is_online, _, place_notes = parse_place(labelled.group("place").replace("*", ""))
        note.extend(n for n in place_notes if n not in note)
        if is_online and online is None and not place_notes:
            online = True
    elif place:
        location = place.group("place").strip(" ,")
        import_notes.append("Platsen är läst ur texten – kontrollera.")
    # federations: those named in the sentence, else the meeting's
    named = [m.item.slug for m in find_names(s.text, known.federations)]
    if next_ctx:
        federations = list(dict.fromkeys(list(meeting_federations) + named))
    else:
        federations = list(dict.fromkeys(named)) or list(meeting_federations)
    projects = list(dict.fromkeys(m.item.slug for m in find_names(s.text + "\n" + s.heading, known.projects)))
    return _Candidate(start, end, begins, ends, title, "inställd" if cancelled else "preliminär", online,
                      location, federations, projects, note, import_notes, s.text, group,
                      "deadline" if deadline and not next_ctx else "event", quality)


def _mark_alternatives(candidates: list[_Candidate], sentences: list[Sentence]) -> None:
    """'ni kan välja mellan följande; – Tisdag 3 maj … – Onsdag 4 maj …': each day notes the others."""
    by_section: dict[str, list[_Candidate]] = {}
    for c in candidates:
        if c.status == "inställd":
            continue
        section = next((s.section for s in sentences if s.text == c.sentence), "")
        if _ALTERNATIVES.search(section) and len(c.sentence.split()) <= 8:
            by_section.setdefault(section, []).append(c)
    for group in by_section.values():
        if len(group) < 2:
            continue
        days = ", ".join(format_swedish_date(c.start, False) for c in group)
        for c in group:
            c.note.append(f"Ett av flera tillfällen att välja mellan: {days}.")


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One event per day and time: later mentions add a time, the online flag and notes."""
    merged: list[_Candidate] = []
    for c in candidates:
        same = next((m for m in merged if m.start == c.start and m.kind == c.kind
                     and (m.begins is None or c.begins is None or m.begins == c.begins)), None)
        if same is None:
            merged.append(c)
            continue
        if same.begins is None and c.begins:
            same.begins, same.ends = c.begins, c.ends
        if same.end is None and c.end:
            same.end = c.end
        if same.online is None and c.online:
            same.online = True
        if same.location is None and c.location:
            same.location = c.location
        if c.status == "inställd":
            same.status = "inställd"
        for item in c.note:
            if item not in same.note:
                same.note.append(item)
        for item in c.import_notes:
            if item not in same.import_notes:
                same.import_notes.append(item)
        for slug in c.projects:
            if slug not in same.projects:
                same.projects.append(slug)
        generic = GENERIC_EVENT_TITLES | {"heldag", "heldagen"}
        if c.title.lower() not in generic and (same.title.lower() in generic or c.quality > same.quality):
            same.title, same.quality = c.title, max(c.quality, same.quality)
        same.sentence += "\n" + c.sentence
    return merged


# =============================================================================================
# Assembling the result
# =============================================================================================

def _normalise_text(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", "    ")
    return text


def _is_title_candidate(line: str) -> bool:
    plain = _strip_markup(line)
    if not plain or len(plain.split()) > 14 or _LINE_LABEL.match(plain):
        return False
    if _NUMBERED.match(plain) or _BULLET.match(line):
        return False
    return not (plain.endswith(".") and len(plain.split()) > 6)


def _header_date(line: str) -> tuple[dt.date | None, tuple[int, int] | None, TimeSpan | None]:
    """A full date, or a month and year, written in a header line; and a time span."""
    full = None
    for mention in find_date_mentions(line):
        if mention.year and mention.day and mention.day2 is None and _valid(mention.year, mention.month, mention.day):
            full = dt.date(mention.year, mention.month, mention.day)
            break
    month_year = None
    if full is None:
        m = _MONTH_YEAR.search(line)
        if m and month_number(m["m"]):
            month_year = (int(m["y"]), month_number(m["m"]))
    spans = find_time_spans(line)
    return full, month_year, spans[0] if spans else None


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _fmt_people(value) -> list[str]:
    """Front-matter people as report lines, grouped as in the minutes."""
    def person(p):
        if isinstance(p, str):
            return p
        extra = ", ".join(x for x in (p.get("role"), p.get("federation")) if x)
        return f"{p.get('name')} ({extra})" if extra else str(p.get("name"))
    lines, loose = [], []
    for item in value:
        if isinstance(item, dict) and "people" in item:
            lines.append(f"{item['group']}: " + ", ".join(person(p) for p in item["people"]))
        else:
            loose.append(person(item))
    if loose:
        lines.insert(0, ", ".join(loose))
    return lines


@dataclass
class _Labelled:
    """What the labelled header lines gave: people fields, raw place/time/date/link values."""
    fields: dict
    removed: set
    place: str | None
    time: str | None
    date: str | None
    link: str | None


def _read_labelled_fields(lines: list[str], agenda: set[int], known: KnownNames, notes: list[str],
                          report: list[str]) -> _Labelled:
    """'Ordförande: Kipa Sekreterare: Elin', 'Närvarande i rummet: … På Teams: …', 'Plats: …'.

    The first occurrence of each label counts. Place, time and date labels count only in the
    header; people may also be listed under the first agenda items ('1. Välkommen' /
    'Närvarande: …'). Neither counts under 'Nästa möte', where 'Datum: … Plats: …' describe the
    next meeting. A line is removed from the body only when all of it went into a field.
    """
    # Place, time and date labels count only in the header; people may also be listed under the
    # first agenda items ('1. Välkommen' / 'Närvarande: …'). Neither counts under 'Nästa möte',
    # where 'Datum: … Plats: …' describe the next meeting.
    header_end, people_end = _header_limits(lines, agenda)
    fields: dict[str, object] = {}
    removed: set[int] = set()
    place_value = time_value = date_value = link_value = None
    present_parts: list[tuple[str | None, str]] = []
    present_lines: set[int] = set()
    i = 0
    while i < people_end:
        line = lines[i]
        plain = _strip_markup(line)
        bare = plain.rstrip(":").strip().lower()
        # 'Närvarande' / 'Frånvarande' on a line of its own, the names in the block below
        if bare in LABELS and LABELS[bare] in ("present", "absent", "guests") and LABELS[bare] not in fields:
            block, j = [], i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            while j < len(lines) and lines[j].strip():
                block.append(j)
                j += 1
            kind = LABELS[bare]
            value = _people_block([lines[k] for k in block], known, notes, report)
            if value is not None and block and kind not in fields:
                fields[kind] = value
                removed.update([i, *block])
                i = j
                continue
        parts = split_labelled(line)
        if parts and i >= header_end and any(LABELS.get(label.lower()) in ("place", "time", "date", "timeplace", "link")
                                             for label, _, _ in parts):
            parts = []            # 'Plats:' in the body belongs to something else
        if parts:
            consumed = True
            for label, sub, value in parts:
                kind = LABELS.get(label.lower(), "present" if re.match(_SUBGROUP, label, re.IGNORECASE) else None)
                if kind is None:
                    consumed = False
                    continue
                if kind == "present":
                    present_lines.add(i)
                    present_parts.append((sub or (label if LABELS.get(label.lower()) is None else None), value))
                    if "present" not in fields:
                        fields["present"] = None  # filled below
                elif kind in ("absent", "guests") and kind not in fields:
                    people, extra = parse_people(value, known)
                    if people is None or not people:
                        consumed = False
                        continue
                    fields[kind] = people
                    notes.extend(f"Tolkat: {n}." for n in extra)
                elif kind in ("chair", "secretary") and kind not in fields:
                    person = parse_person(value.lstrip("/").strip(), None, known)
                    if person is None:
                        consumed = False
                        continue
                    fields[kind] = person
                elif kind == "place" and place_value is None:
                    place_value = value
                elif kind == "timeplace" and place_value is None:
                    time_value, place_value = value, value
                elif kind == "time" and time_value is None:
                    time_value = value
                elif kind == "date" and date_value is None:
                    date_value = value
                elif kind == "link" and link_value is None:
                    link_value = value
                elif kind == "ignore":
                    consumed = False
                else:
                    consumed = False
            if consumed:
                removed.add(i)
        i += 1
    if present_parts:
        groups, flat, ok = [], [], True
        for sub, value in present_parts:
            people, extra = parse_people(value, known)
            if people is None:
                ok = False
                break
            if sub:
                groups.append({"group": sub[:1].upper() + sub[1:], "people": people})
            else:
                flat.extend(people)
        if ok:
            fields["present"] = flat + groups
        else:
            fields.pop("present", None)
            removed -= present_lines
            report.append("present: the list has parts that are not names — left in the text, set it by hand")
    # 'Vid pennan' with the name on the next line: '//Catarina'
    if "secretary" not in fields:
        for k, line in enumerate(lines):
            if re.match(r"^\s*vid\s+pennan\s*:?\s*$", _strip_markup(line), re.IGNORECASE):
                following = _next_content(lines, k)
                if following:
                    person = parse_person(following.lstrip("/").strip(), None, known)
                    if person:
                        fields["secretary"] = person
                break
            m = re.match(r"^\s*vid\s+pennan\s*:?\s*/*\s*(?P<name>\S.*)$", _strip_markup(line), re.IGNORECASE)
            if m:
                person = parse_person(m["name"], None, known)
                if person:
                    fields["secretary"] = person
                break

    return _Labelled(fields, removed, place_value, time_value, date_value, link_value)


def import_minutes(text: str, source_name: str, known: KnownNames,
                   reference: dt.date | tuple[int, int] | None = None) -> ImportResult:
    """Read one set of minutes. `reference` is the meeting date an editor has settled when the
    text lacks one (a date, or (year, month)); it is never guessed here."""
    text = _normalise_text(text)
    lines = text.split("\n")
    meta: dict = {"uid": stable_uid(source_name, text)}
    report: list[str] = []
    notes: list[str] = []                 # Swedish, into import_notes

    # ---- labelled header fields ----
    agenda = find_agenda(lines)
    labelled = _read_labelled_fields(lines, agenda, known, notes, report)
    fields, removed = labelled.fields, labelled.removed
    place_value, time_value, date_value, link_value = labelled.place, labelled.time, labelled.date, labelled.link

    # ---- title, type and date from the first lines ----
    title_line = None
    meeting_type = None
    type_match_text = None
    date_full: dt.date | None = None
    month_year: tuple[int, int] | None = None
    header_span: TimeSpan | None = None
    seen = 0
    for k, line in enumerate(lines):
        if not line.strip() or k in removed:
            continue
        seen += 1
        if seen > 6 or k in agenda:
            break
        plain = _strip_markup(line)
        if plain.lower().rstrip(":") in GENERIC_TITLES:
            continue
        if not _is_title_candidate(line):
            break
        full, my, span = _header_date(plain)
        kind, m = type_in_line(plain)
        rest = plain
        for mention in find_date_mentions(plain):
            rest = rest.replace(mention.text, " ")
        for sp in find_time_spans(plain):
            rest = rest.replace(plain[sp.start:sp.end], " ")
        rest_words = [w for w in _words(rest) if w not in WEEKDAY_NAMES]
        if kind and meeting_type is None:
            meeting_type, title_line, type_match_text = kind, k, m.group(0)
        if full and date_full is None:
            date_full = full
        if my and month_year is None and date_full is None:
            month_year = my
        if span and header_span is None:
            header_span = span
        if (full or my or span) and not rest_words:
            removed.add(k)          # a line with only the date and time
        if title_line is not None and k > title_line + 2:
            break
    if date_value and date_full is None:
        full, my, span = _header_date(date_value)
        date_full = date_full or full
        month_year = month_year or my
        header_span = header_span or span
    if time_value and header_span is None:
        spans = find_time_spans(time_value if re.search(r"kl", time_value, re.IGNORECASE) else "kl " + time_value)
        header_span = spans[0] if spans else None
        if date_full is None:
            full, my, _ = _header_date(time_value)
            date_full = full
            month_year = month_year or my

    # ---- federations and projects ----
    fed_matches = find_names(text, known.federations)
    federations: list[str] = []
    for m in fed_matches:
        if m.item.slug not in federations:
            federations.append(m.item.slug)
        if m.fuzzy:
            notes.append(f"”{m.surface}” tolkat som {m.item.label} (stavningen skiljer sig) – kontrollera.")
    for group in (fields.get("present") or []):
        if isinstance(group, dict) and group.get("federation") and group["federation"] not in federations:
            federations.append(group["federation"])
    project_matches = find_names(text, known.projects)
    projects: list[str] = []
    for m in project_matches:
        if m.item.slug not in projects:
            projects.append(m.item.slug)
        if m.fuzzy:
            notes.append(f"”{m.surface}” tolkat som {m.item.name} (stavningen skiljer sig) – kontrollera.")
    if not federations and projects:
        owners = {known.by_slug(p).owner for p in projects if known.by_slug(p) and known.by_slug(p).owner}
        if len(owners) == 1:
            owner = owners.pop()
            federations.append(owner)
            named = ", ".join(known.by_slug(p).name for p in projects
                              if known.by_slug(p) and known.by_slug(p).owner == owner)
            notes.append(f"Inget förbund nämns; {owner} tillagt eftersom det äger projekten som nämns "
                         f"({named}) – kontrollera.")

    # ---- the type, when the header did not say ----
    type_guessed = False
    if meeting_type is None:
        if _presidium_groups(fields.get("present")):
            meeting_type, type_guessed = "presidiemöte", True
        else:
            guess, count = guess_type_from_text(text)
            if guess:
                meeting_type, type_guessed = guess, True
    if meeting_type is None:
        meeting_type = "möte"
        report.append("type: not found — set it by hand (förbundschefsmöte, presidiemöte, beredningsgrupp, …)")
        notes.append("Mötestypen står inte i texten – ange den för hand.")
    elif type_guessed:
        report.append(f"type: {meeting_type} (guessed from the text — check)")
        notes.append(f"Mötestypen ({meeting_type}) är gissad ur texten – kontrollera.")

    # ---- date: from the text, or from the editor ----
    date_note = None
    if date_full is None and month_year is None and reference is not None:
        if isinstance(reference, dt.date):
            date_full = reference
        else:
            month_year = tuple(reference)
        notes.append("Datumet står inte i texten; det är satt av en redaktör.")
    if date_full:
        meta_date: object = date_full
        ref_date = date_full
    elif month_year:
        meta_date = f"{month_year[0]:04d}-{month_year[1]:02d}"
        ref_date = dt.date(month_year[0], month_year[1], 1)
        date_note = "Dagen står inte i originalet."
        report.append(f"date: only {meta_date} — the day is not in the text")
    else:
        meta_date = None
        ref_date = None
        date_note = "Datum saknas i originalet."
        report.append("date: not found — set it by hand")

    # ---- title ----
    type_title = TYPE_TITLES.get(meeting_type, meeting_type.capitalize())
    if title_line is not None:
        title = _strip_markup(lines[title_line])
        canonical_words = _CANONICAL_WORDS.get(meeting_type)
        if (canonical_words and type_match_text and type_match_text.lower() not in canonical_words
                and re.fullmatch(r"förbundsche\w*m[öo]te[tn]?", type_match_text.lower())):
            title = re.sub(re.escape(type_match_text), type_title, title, count=1, flags=re.IGNORECASE)
            notes.append(f"”{type_match_text}” i rubriken skrivs som ”{type_title}”.")
        stripped_title = _GENERIC_PREFIX.sub("", title).strip(" :")
        if stripped_title:
            title = stripped_title[:1].upper() + stripped_title[1:]
        title = title.strip(" :")
        title_date_written = bool(find_date_mentions(title))
        in_title = set(_words(title)) | set(_words(type_title))
        if all(w in in_title for w in _words(_strip_markup(lines[title_line])) if w != type_match_text.lower()):
            removed.add(title_line)   # the heading now is the title
    else:
        title = type_title
        if len(federations) == 1 and known.by_slug(federations[0]):
            title += " " + known.by_slug(federations[0]).label
        title_date_written = False
        report.append(f"title: made up from the type — '{title}…' — check")
    if not title_date_written:
        if date_full:
            title += " " + format_swedish_date(date_full)
        elif month_year:
            title += f" {MONTH_NAMES[month_year[1] - 1]} {month_year[0]}"

    # ---- place ----
    location = online = online_link = None
    if place_value:
        location, online, online_link, place_notes = parse_place(place_value)
        notes.extend(place_notes)
    if link_value:
        url = _URL.search(link_value)
        if url:
            online_link = url.group(0).strip("<>")
            online = True
    present = fields.get("present")
    if online is None and present and any(isinstance(g, dict) and "people" in g and _ONLINE_WORDS.search(g["group"])
                                          for g in present):
        online = True
    if location is None and online is None:
        report.append("place: not found — set it by hand")

    # ---- assemble the meeting's front matter ----
    meta.update({"title": title, "type": meeting_type})
    if meta_date is not None:
        meta["date"] = meta_date
    if date_note:
        meta["date_note"] = date_note
    if header_span and date_full:
        meta["start"] = header_span.begins
        if header_span.ends:
            meta["end"] = header_span.ends
    elif header_span:
        notes.append(f"Tiden {header_span.begins}–{header_span.ends or ''} står i texten men dagen saknas.")
    if location:
        meta["location"] = location
    if online is not None:
        meta["online"] = online
    if online_link:
        meta["online_link"] = online_link
    if federations:
        meta["federations"] = federations
    for key in ("chair", "secretary", "present", "absent", "guests"):
        if fields.get(key):
            meta[key] = repair_split_names(fields[key], text, notes)
    for key, label in (("chair", "chair"), ("secretary", "secretary"), ("present", "present")):
        if key not in meta:
            report.append(f"{label}: not found — set it by hand")
    if projects:
        meta["projects"] = projects
    meta["source"] = Path(source_name).name

    # ---- body ----
    body_lines = ["" if k in removed else line for k, line in enumerate(lines)]
    blocks = normalise_body(body_lines)
    body = render_blocks(blocks) if blocks else "\n"

    # ---- slug ----
    type_slug = slugify(meeting_type)
    in_title = list(dict.fromkeys(m.item.slug for m in find_names(title, known.federations)))
    if len(in_title) == 1:
        suffix = f"-{in_title[0]}"
    elif not in_title and len(federations) == 1 and meeting_type not in NETWORK_TYPES:
        suffix = f"-{federations[0]}"
    else:
        suffix = ""
    if date_full:
        slug = f"{date_full.isoformat()}-{type_slug}{suffix}"
    elif month_year:
        slug = f"{month_year[0]:04d}-{month_year[1]:02d}-{type_slug}{suffix}"
    else:
        slug = f"odaterat-{type_slug}{suffix}"

    # ---- events ----
    sentences = sentences_of(blocks)
    event_report: list[str] = []
    candidates = propose_events(sentences, ref_date, meeting_type, federations, known, event_report,
                                exact=date_full is not None)
    events: list[ProposedEvent] = []
    used: set[str] = set()
    for c in sorted(candidates, key=lambda c: (c.start, c.begins or "")):
        event_slug = f"{c.start.isoformat()}-{slugify(c.title)[:60].strip('-') or 'handelse'}"
        while event_slug in used:
            event_slug += "-2"
        used.add(event_slug)
        start: object = f"{c.start.isoformat()} {c.begins}" if c.begins else c.start
        end: object = None
        if c.end and c.end != c.start:
            end = c.end
        elif c.ends:
            end = f"{c.start.isoformat()} {c.ends}"
        emeta = {"uid": stable_uid(meta["uid"], c.start.isoformat(), slugify(c.title)),
                 "title": c.title, "start": start, "end": end, "location": c.location,
                 "online": c.online, "federations": c.federations, "projects": c.projects,
                 "status": c.status, "announced_in": slug,
                 "note": " ".join(c.note) or None,
                 "import_notes": c.import_notes + ["Föreslagen av importen ur minnesanteckningarna – kontrollera."]}
        quoted = "\n".join("> " + line for line in c.sentence.split("\n"))
        ebody = f"Aviserat i minnesanteckningarna från {title}:\n\n{quoted}\n"
        events.append(ProposedEvent(event_slug, _ordered(emeta, EVENT_ORDER), ebody))

    if notes:
        meta["import_notes"] = list(dict.fromkeys(notes))
    meta = _ordered(meta, MEETING_ORDER)

    # ---- report ----
    lines_out = [f"title: {meta['title']}", f"type: {meta['type']}"]
    if "date" in meta:
        lines_out.append(f"date: {meta['date']}" + (f" {meta.get('start', '')}–{meta.get('end', '')}"
                                                    if "start" in meta else ""))
    place_bits = [meta.get("location") or "", "online" if meta.get("online") else ""]
    if any(place_bits):
        lines_out.append("place: " + ", ".join(b for b in place_bits if b))
    for key in ("chair", "secretary"):
        if key in meta:
            lines_out.append(f"{key}: {_fmt_people([meta[key]])[0]}")
    for key in ("present", "absent", "guests"):
        if key in meta:
            grouped = _fmt_people(meta[key])
            lines_out.append(f"{key}:")
            lines_out.extend("  " + g for g in grouped)
    if federations:
        lines_out.append("federations: " + ", ".join(federations))
    if projects:
        lines_out.append("projects: " + ", ".join(projects))
    lines_out.extend(report)
    lines_out.extend(event_report)
    for note in meta.get("import_notes", []):
        lines_out.append(f"note: {note}")
    return ImportResult(slug=slug, meta=meta, body=body, events=events, report=lines_out,
                        removed_lines=[lines[k] for k in sorted(removed)])


def repair_split_names(value, text: str, notes: list[str]):
    """'Kjell Sjun demark' → 'Kjell Sjundemark' when the joined form is written elsewhere."""
    if isinstance(value, list):
        return [repair_split_names(v, text, notes) for v in value]
    if isinstance(value, dict):
        return {k: (repair_split_names(v, text, notes) if k in ("name", "people") else v)
                for k, v in value.items()}
    if not isinstance(value, str):
        return value
    words = value.split()
    for i in range(1, len(words) - 1):
        joined = " ".join(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
        if re.search(rf"(?<!\w){re.escape(joined)}(?!\w)", text):
            notes.append(f"Namnet ”{value}” är läst som ”{joined}”, "
                         f"som det skrivs på annat ställe i texten.")
            return joined
    return value


def _header_limits(lines: list[str], agenda: set[int]) -> tuple[int, int]:
    """Where the header ends (first agenda item, first heading after the title, or first long
    paragraph) and where people lists stop being read (the third agenda item or 'Nästa möte')."""
    header_end = len(lines)
    first_content = next((k for k, line in enumerate(lines) if line.strip()), 0)
    for k, line in enumerate(lines):
        if k in agenda or (k > first_content and _MD_HEADING.match(line) and _MD_HEADING.match(line).group(1)) \
                or len(line.split()) > 25:
            header_end = k
            break
    ordered = sorted(agenda)
    people_end = ordered[2] if len(ordered) >= 3 else len(lines)
    for k, line in enumerate(lines):
        if _NEXT_MEETING.search(_strip_markup(line)) and (k in agenda or _MD_HEADING.match(line)
                                                          or len(line.split()) <= 4):
            people_end = min(people_end, k)
            break
    return header_end, max(people_end, header_end)


def _presidium_groups(present) -> bool:
    if not present:
        return False
    groups = [g for g in present if isinstance(g, dict) and g.get("federation")]
    roles = {p.get("role") for g in groups for p in g["people"] if isinstance(p, dict)}
    return len(groups) >= 2 and bool(roles & {"ordförande", "vice ordförande"})


_ORGANISATION = re.compile(r"(?i:kommun|stad\b|region|försäkringskassan|arbetsförmedlingen|förbund|vården"
                           r"|hälsocentral|psykiatri|socialtjänst|kansli)|\bFK\b|\bAF\b|\b[a-zåäö]{3,}")


def _people_block(block: list[str], known: KnownNames, notes: list[str], report: list[str]) -> list | None:
    """The lines under a 'Närvarande' heading: a name list, bullets, or the presidium form
    'Roslagen: Lotta Lindblad Söderman (ordförande), Eva Strand (v. ordf) Sophia Dahlgren (FC)'."""
    if not block:
        return None
    cleaned = [_BULLET.match(line)["text"] if _BULLET.match(line) else line.strip() for line in block]
    cleaned = [line.replace("**", "").strip() for line in cleaned]
    labelled = [re.match(r"^(?P<label>[^:()]{2,40}?)\s*:\s*(?P<names>.+)$", line) for line in cleaned]
    if all(labelled):
        groups = []
        for m in labelled:
            label = m["label"].strip()
            fed, fuzzy = best_name(label, known.federations)
            people = []
            for name in _split_names(m["names"]):
                person = parse_person(name, fed.slug if fed else None, known)
                if person is None:
                    return None
                people.append(person)
            group: dict = {"group": fed.label if fed else label}
            if fed:
                group["federation"] = fed.slug
                if fuzzy:
                    notes.append(f"”{label}” tolkat som {fed.label} (stavningen skiljer sig) – kontrollera.")
            else:
                notes.append(f"Gruppen ”{label}” är inget känt förbund – kontrollera.")
            group["people"] = people
            groups.append(group)
        return groups
    outside = [re.sub(r"\([^()]*\)", "", line) for line in cleaned]
    if (len(cleaned) >= 2 and all(o.count(",") <= 1 for o in outside)
            and any("," in o and _ORGANISATION.search(o.split(",", 1)[1]) for o in outside)):
        # one person a line: 'Lisa Holm, Skövde kommun' — the organisation is kept as the role
        people = []
        for line, bare in zip(cleaned, outside):
            if "," not in bare:
                person = parse_person(line, None, known)
                if person is None:
                    return None
                people.append(person)
                continue
            name, rest = (part.strip() for part in line.split(",", 1))
            fed, _ = best_name(rest, known.federations)
            person = parse_person(name, fed.slug if fed else None, known)
            if person is None:
                return None
            if fed is None:
                person = {"name": person} if isinstance(person, str) else person
                person["role"] = ", ".join(x for x in (person.get("role"), rest.rstrip(".")) if x)
            people.append(person)
        return people
    people, extra = parse_people(", ".join(cleaned), known)
    if people is None:
        return None
    notes.extend(f"Tolkat: {n}." for n in extra)
    return people


# =============================================================================================
# Writing files: the `sitegen import` command
# =============================================================================================

class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value: str):
    if re.fullmatch(r"\d{1,2}:\d{2}", value):   # times in double quotes, as docs/schema-spec.md shows
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def to_file_text(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                      default_flow_style=False, width=100)
    return f"---\n{front}---\n{body.rstrip()}\n"


def _read_text(path: Path) -> tuple[str | None, str | None, str | None]:
    """(text, note, error) for one input file; errors are plain sentences, never tracebacks."""
    if not path.exists():
        return None, None, f"{path}: no such file"
    if path.is_dir():
        return None, None, f"{path}: is a folder, not a file"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, None, f"{path}: cannot be read ({exc.strerror or exc})"
    if not raw.strip():
        return None, None, f"{path}: is empty"
    if raw[:2] == b"PK" or raw[:4] == b"\xd0\xcf\x11\xe0" or raw[:5] == b"%PDF-":
        return None, None, (f"{path}: is a Word or PDF file, not text — save it as plain text (.txt) "
                            "or Markdown first")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None, None
            except UnicodeDecodeError:
                return None, None, f"{path}: is not readable text in {codec}"
    if b"\x00" in raw:
        return None, None, f"{path}: looks like a binary file, not text"
    try:
        return raw.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "read as Windows-1252 (not UTF-8)", None
    except UnicodeDecodeError:
        return None, None, f"{path}: is not UTF-8 text — save it as UTF-8 and try again"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _existing_uid(path: Path) -> str | None:
    try:
        from .sources import parse_front_matter
        meta, _, _, _ = parse_front_matter(path.read_text(encoding="utf-8"), path.name)
        return str(meta.get("uid")) if meta.get("uid") else None
    except Exception:  # a broken file is still a file we must not overwrite
        return None


def import_command(files: list[Path], site_root: Path, into: Path | None, dry_run: bool, force: bool,
                   out: TextIO) -> int:
    """`sitegen import FILE…`: write one meeting (and its proposed events) per file; 1 on any failure."""
    site_root = Path(site_root)
    meetings_dir = Path(into) if into else site_root / "content" / "meetings"
    if not meetings_dir.is_absolute() and into is not None:
        meetings_dir = site_root / meetings_dir
    events_dir = site_root / "content" / "events"
    known, problems = KnownNames.from_site(site_root)
    for problem in problems:
        out.write(f"warning: {problem}\n")
    if not known.federations:
        out.write("warning: no federations under content/federations — none will be recognised\n")
    status = 0
    planned: set[Path] = set()
    for path in files:
        path = Path(path)
        text, read_note, error = _read_text(path)
        if error:
            out.write(f"error: {error}\n")
            status = 1
            continue
        result = import_minutes(text, path.name, known)
        if read_note:
            result.report.append(f"note: {read_note}")
        # the meeting's file: a different meeting on the same day and type gets -2, -3 …
        slug = result.slug
        target = meetings_dir / f"{slug}.md"
        n = 2
        while (target in planned) or (target.exists() and _existing_uid(target) not in (None, result.meta["uid"])):
            slug = f"{result.slug}-{n}"
            target = meetings_dir / f"{slug}.md"
            n += 1
        if slug != result.slug:
            for event in result.events:
                event.meta["announced_in"] = slug
        writes: list[tuple[Path, str]] = [(target, to_file_text(result.meta, result.body))]
        skipped: list[str] = []
        for event in result.events:
            event_path = events_dir / f"{event.slug}.md"
            existing_meetings = sorted(meetings_dir.glob(f"{str(event.meta['start'])[:10]}-*.md"))
            if existing_meetings and event.meta.get("status") != "inställd" and any(
                    slugify(result.meta["type"]) in p.stem for p in existing_meetings):
                skipped.append(f"{str(event.meta['start'])[:10]} {event.meta['title']}: a meeting file for that "
                               f"day exists ({_rel(existing_meetings[0], site_root)}) — skipped")
                continue
            if event_path.exists() and _existing_uid(event_path) not in (None, event.meta["uid"]):
                skipped.append(f"{_rel(event_path, site_root)} exists, announced elsewhere — skipped")
                continue
            writes.append((event_path, to_file_text(event.meta, event.body)))
        existing = [p for p, _ in writes if p.exists()]
        out.write(f"{path.name} → {_rel(target, site_root)}\n")
        for line in result.report:
            out.write(f"  {line}\n")
        if result.events:
            out.write(f"  events proposed: {len(writes) - 1}\n")
            for p, _ in writes[1:]:
                out.write(f"    {_rel(p, site_root)}\n")
        for line in skipped:
            out.write(f"  event {line}\n")
        if existing and not force:
            for p in existing:
                out.write(f"  error: {_rel(p, site_root)} exists — not overwritten (use --force to replace it)\n")
            status = 1
            continue
        planned.add(target)
        if dry_run:
            for p, content in writes:
                out.write(f"--- would write {_rel(p, site_root)} ---\n{content}")
            continue
        for p, content in writes:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(content, encoding="utf-8")
            except OSError as exc:
                out.write(f"  error: cannot write {_rel(p, site_root)} ({exc.strerror or exc})\n")
                status = 1
                break
    if dry_run:
        out.write("Dry run: nothing was written.\n")
    return status
