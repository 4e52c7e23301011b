"""Minutes read together: series, postponed questions taken up later, mentions by item."""
from __future__ import annotations

import random
from types import SimpleNamespace

from generator.minutes import crossref
from generator.minutes.agenda import AgendaItem
from generator.text.dates import PartialDate
from generator.minutes.decisions import Finding
from generator.minutes.facts import MinutesFacts
from generator.content.model import Federation, Meeting, Project

WORDS = ["budget", "konferens", "hemsida", "VIS", "uppföljning", "statistik", "rekrytering", "lokaler",
         "kommunikation", "insatser", "Övrigt", "samverkan"]


# What each meeting's minutes were found to hold, beside the meetings (as the build keeps it).
MINUTES: dict[Meeting, MinutesFacts] = {}


def make_meeting(slug: str, date: PartialDate | None, facts: MinutesFacts, federations=(), projects=(),
                 type_slug: str = "fc") -> Meeting:
    meeting = Meeting(source=None, slug=slug, url=f"/moten/{slug}/", type_slug=type_slug, date=date,
                      federations=tuple(federations), projects=tuple(projects))
    MINUTES[meeting] = facts
    return meeting


def make_site(meetings, federations=(), projects=()):
    return SimpleNamespace(meetings=sorted(meetings, key=lambda m: m.sort_key, reverse=True),
                           federations=list(federations), projects=list(projects))


def relate(site) -> crossref.Relations:
    return crossref.relate(site, MINUTES)


def random_site(seed: int):
    rng = random.Random(seed)
    feds = [Federation(source=None, slug=s, url=f"/forbund/{s}/") for s in ("a", "b", "c", "d")]
    meetings = []
    for n in range(120):
        agenda = []
        for number in range(1, rng.randint(1, 6) + 1):
            title = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
            headings = tuple(" ".join(rng.sample(WORDS, rng.randint(1, 2))) for _ in range(rng.randint(0, 2)))
            agenda.append(AgendaItem(number, title, f"punkt-{number}", headings))
        findings = []
        for _ in range(rng.randint(0, 3)):
            subject = " ".join(rng.sample(WORDS, rng.randint(1, 4))) if rng.random() < 0.9 else "Frågan"
            findings.append(Finding("bordlagt", f"{subject} bordläggs.", rng.randrange(len(agenda)), subject=subject))
        if rng.random() < 0.3:
            findings.append(Finding("beslut", "Mötet beslutar.", None))
        date = None if rng.random() < 0.05 else PartialDate(2016 + n // 12, n % 12 + 1, rng.randint(1, 28))
        meetings.append(make_meeting(f"m{n:03d}", date, MinutesFacts("", tuple(agenda), (), tuple(findings)),
                                     federations=rng.sample(feds, rng.randint(1, 3)), type_slug=rng.choice("xy")))
    return make_site(meetings, feds)


def closed_by_walking(site, related: crossref.Relations) -> dict[tuple[str, int], tuple[str, str] | None]:
    """The rule, the slow way: walk the later meetings of the series, the first item that takes it up."""
    found = {}
    for meeting in site.meetings:
        for index, decision in enumerate(related.decisions_of.get(meeting, ())):
            if decision.kind != "bordlagt":
                continue
            found[meeting.slug, index] = None
            later = related.next.get(meeting)
            while later is not None:
                item = next((i for i in related.agenda.get(later, ()) if crossref.takes_up(decision.subject, i)), None)
                if item is not None:
                    found[meeting.slug, index] = (later.slug, item.anchor)
                    break
                later = related.next.get(later)
    return found


def test_postponed_questions_close_where_walking_the_series_would_close_them():
    for seed in range(5):
        site = random_site(seed)
        related = relate(site)
        expected = closed_by_walking(site, related)
        got = {(m.slug, i): (d.closed_by.meeting.slug, d.closed_by.item.anchor) if d.closed_by else None
               for m in site.meetings for i, d in enumerate(related.decisions_of.get(m, ())) if d.kind == "bordlagt"}
        assert got == expected
        assert sum(1 for v in got.values() if v) > 10 and sum(1 for v in got.values() if v is None) > 5
        for meeting in site.meetings:
            for decision in related.decisions_of.get(meeting, ()):
                if decision.closed_by:
                    assert decision.closed_by.url == f"{decision.closed_by.meeting.url}#{decision.closed_by.item.anchor}"


def test_words_spread_over_two_items_do_not_take_a_question_up():
    item = AgendaItem(1, "Konferens", "punkt-1")
    first = make_meeting("m1", PartialDate(2021, 1, 1), MinutesFacts("", (item,), (), (
        Finding("bordlagt", "Konferens om budget bordläggs.", 0, subject="Konferens budget"),)))
    spread = make_meeting("m2", PartialDate(2021, 2, 1), MinutesFacts("", (
        AgendaItem(1, "Konferens", "punkt-1"), AgendaItem(2, "Budget", "punkt-2")), (), ()))
    together = make_meeting("m3", PartialDate(2021, 3, 1), MinutesFacts("", (
        AgendaItem(1, "Övrigt", "punkt-1"), AgendaItem(2, "Rapporter", "punkt-2", ("Budget för konferensen",))), (), ()))
    site = make_site([first, spread, together])
    related = relate(site)
    [decision] = related.decisions_of[first]
    assert decision.closed_by.meeting is together and decision.closed_by.url == "/moten/m3/#punkt-2"
    assert not decision.is_open and [related.next[m].slug for m in (first, spread)] == ["m2", "m3"]


def test_mentions_list_each_meeting_once_with_its_items_in_agenda_order():
    project = Project(source=None, slug="mia", url="/projekt/mia/", name="MIA")
    fed = Federation(source=None, slug="roslagen", url="/forbund/roslagen/")
    agenda = tuple(AgendaItem(n, f"Punkt {n}", f"punkt-{n}") for n in (1, 2, 3))
    named = make_meeting("m1", PartialDate(2022, 1, 1), MinutesFacts(
        "", agenda, (("projekt:mia", (None, 2, 0)),), (Finding("beslut", "Beslut.", 2),)), federations=[fed])
    site = make_site([named], [fed], [project])
    related = relate(site)
    [mention] = related.mentioned_in[project]
    assert mention.meeting is named and [p.url for p in mention.items] == ["/moten/m1/#punkt-1", "/moten/m1/#punkt-3"]
    [front_matter_only] = related.mentioned_in[fed]
    assert front_matter_only.meeting is named and front_matter_only.items == ()
    [decision] = related.decisions_of[named]
    assert decision.place.url == "/moten/m1/#punkt-3" and decision.item is agenda[2] and related.decisions == (decision,)
