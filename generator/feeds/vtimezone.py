"""A VTIMEZONE for the site's time zone, in the compact form every calendar client reads.

icalendar can write a VTIMEZONE from zoneinfo, but it lists each switch as an RDATE, and
Outlook misreads that form (events an hour off all summer). So the zone's rules become one
yearly RRULE per switch ("last Sunday of March at 02.00"), as Google and Outlook write them,
checked against zoneinfo for every year the feed covers. A zone whose switches do not fit
that shape gets each switch of those years listed by date instead (RDATE).
"""
from __future__ import annotations

import calendar as _weeks
import datetime as dt
import zoneinfo
from dataclasses import dataclass
from functools import lru_cache

import icalendar

EARLIEST_YEAR = 1970
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Switch:
    """One change of UTC offset, as seen on the wall clock just before it."""
    local: dt.datetime              # naive wall-clock time in the offset it switches from
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str                       # TZNAME after the switch
    daylight: bool                  # summer time after the switch


@dataclass(frozen=True)
class Rule:
    """'The nth (or last, -1) weekday of a month at a wall-clock time' plus the offsets."""
    month: int
    weekday: int                    # 0 = Monday
    nth: int                        # 1..4, or -1 for the last one
    time: dt.time
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    daylight: bool

    def day(self, year: int) -> dt.date:
        if self.nth == -1:
            last = dt.date(year, self.month, _weeks.monthrange(year, self.month)[1])
            return last - dt.timedelta(days=(last.weekday() - self.weekday) % 7)
        first = dt.date(year, self.month, 1)
        return first + dt.timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))

    def switch(self, year: int) -> Switch:
        return Switch(dt.datetime.combine(self.day(year), self.time), self.offset_from, self.offset_to,
                      self.name, self.daylight)


def _offset(tz: zoneinfo.ZoneInfo, instant: dt.datetime) -> dt.timedelta:
    return instant.astimezone(tz).utcoffset()


@lru_cache(maxsize=512)
def switches(tz: zoneinfo.ZoneInfo, year: int) -> list[Switch]:
    """Every offset change in a year: a day at a time, then bisected to the minute."""
    found = []
    instant = dt.datetime(year, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(year + 1, 1, 1, tzinfo=dt.timezone.utc)
    offset = _offset(tz, instant)
    while instant < end:
        following = instant + dt.timedelta(days=1)
        next_offset = _offset(tz, following)   # each day's offset computed once: this runs for decades
        if offset != next_offset:
            low, high = instant, following            # offset(low) is the old one, offset(high) the new
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                middle = middle.replace(second=0, microsecond=0)
                if middle <= low:
                    middle = low + dt.timedelta(minutes=1)
                if _offset(tz, middle) == _offset(tz, low):
                    low = middle
                else:
                    high = middle
            before, after = _offset(tz, low), _offset(tz, high)
            local = (high + before).replace(tzinfo=None)
            at = high.astimezone(tz)
            found.append(Switch(local, before, after, at.tzname() or "", bool(at.dst())))
        instant, offset = following, next_offset
    return found


def _switches_at(tz: zoneinfo.ZoneInfo, switch: Switch) -> bool:
    """Whether the zone makes exactly this switch: two offsets looked up instead of scanning the
    year (walking a rule back to the year it began used to scan decades day by day)."""
    instant = (switch.local - switch.offset_from).replace(tzinfo=dt.timezone.utc)
    if _offset(tz, instant - dt.timedelta(minutes=1)) != switch.offset_from:
        return False
    at = instant.astimezone(tz)
    return at.utcoffset() == switch.offset_to and (at.tzname() or "") == switch.name and bool(at.dst()) == switch.daylight


def _rules_for(switch: Switch) -> list[Rule]:
    """The rules that put this switch on its day: 'nth weekday' and, near the month's end, 'last'."""
    day = switch.local.date()
    candidates = [(day.day - 1) // 7 + 1]
    if day.day + 7 > _weeks.monthrange(day.year, day.month)[1]:
        candidates.insert(0, -1)
    return [Rule(day.month, day.weekday(), nth, switch.local.time(), switch.offset_from, switch.offset_to,
                 switch.name, switch.daylight) for nth in candidates if nth <= 4 or nth == -1]


def yearly_rules(tz: zoneinfo.ZoneInfo, first_year: int, last_year: int) -> list[tuple[Rule, int]] | None:
    """(rule, first year it holds) for each switch, if the switches of every year in the range
    follow the same rules; None when they do not (the caller lists the switches instead)."""
    reference = switches(tz, last_year)
    rules: list[Rule] = []
    for switch in reference:
        fitting = [r for r in _rules_for(switch)
                   if all(r.switch(y) in switches(tz, y) for y in range(first_year, last_year + 1))]
        if not fitting:
            return None
        rules.append(fitting[0])
    for year in range(first_year, last_year + 1):
        if len(switches(tz, year)) != len(rules):
            return None
    result = []
    for rule in rules:
        since = first_year
        while since > EARLIEST_YEAR and _switches_at(tz, rule.switch(since - 1)):
            since -= 1
        result.append((rule, since))
    return result


def _observance(rule: Rule, since: int) -> icalendar.cal.Component:
    part = icalendar.TimezoneDaylight() if rule.daylight else icalendar.TimezoneStandard()
    part.add("dtstart", rule.switch(since).local)
    part.add("tzoffsetfrom", rule.offset_from)
    part.add("tzoffsetto", rule.offset_to)
    part.add("tzname", rule.name)
    nth = "-1" if rule.nth == -1 else str(rule.nth)
    part.add("rrule", {"freq": "yearly", "bymonth": rule.month, "byday": nth + WEEKDAYS[rule.weekday]})
    return part


def _listed(zone: icalendar.Timezone, tz: zoneinfo.ZoneInfo, first_year: int, last_year: int) -> icalendar.Timezone:
    """Every switch of the range listed by date (RDATE), for zones without a yearly rule.
    (icalendar's own Timezone.from_tzinfo skipped whole years of Casablanca's switches.)"""
    start = dt.datetime(first_year, 1, 1, tzinfo=dt.timezone.utc).astimezone(tz)
    opening = icalendar.TimezoneStandard()
    opening.add("dtstart", dt.datetime(first_year, 1, 1))
    opening.add("tzoffsetfrom", start.utcoffset())
    opening.add("tzoffsetto", start.utcoffset())
    opening.add("tzname", start.tzname() or "")
    zone.add_component(opening)
    groups: dict[tuple, list[Switch]] = {}
    for year in range(first_year, last_year + 1):
        for switch in switches(tz, year):
            groups.setdefault((switch.offset_from, switch.offset_to, switch.name, switch.daylight), []).append(switch)
    for (offset_from, offset_to, label, daylight), found in groups.items():
        part = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
        part.add("dtstart", found[0].local)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("tzname", label)
        for later in found[1:]:
            part.add("rdate", later.local)
        zone.add_component(part)
    return zone


@lru_cache(maxsize=32)
def vtimezone(name: str, first_year: int, last_year: int) -> icalendar.Timezone:
    """VTIMEZONE for zone `name`, right for every moment from first_year to last_year."""
    tz = zoneinfo.ZoneInfo(name)
    first_year = max(first_year, EARLIEST_YEAR)
    last_year = max(last_year + 1, first_year)        # an event late in December may end in January
    rules = yearly_rules(tz, first_year, last_year)
    zone = icalendar.Timezone()
    zone.add("tzid", name)
    zone.add("x-lic-location", name)
    if rules is None:
        return _listed(zone, tz, first_year, last_year)
    if not rules:                                     # no summer time: one fixed offset
        instant = dt.datetime(last_year, 7, 1, tzinfo=dt.timezone.utc).astimezone(tz)
        part = icalendar.TimezoneStandard()
        part.add("dtstart", dt.datetime(EARLIEST_YEAR, 1, 1))
        part.add("tzoffsetfrom", instant.utcoffset())
        part.add("tzoffsetto", instant.utcoffset())
        part.add("tzname", instant.tzname() or name)
        zone.add_component(part)
        return zone
    for rule, since in sorted(rules, key=lambda pair: (not pair[0].daylight, pair[0].month)):
        zone.add_component(_observance(rule, since))
    return zone
