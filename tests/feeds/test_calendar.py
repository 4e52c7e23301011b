"""The iCal feeds: what calendar apps read, parsed with icalendar and expanded with recurring-ical-events."""
from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import recurring_ical_events

from generator.pipeline.build import build
from generator.errors import BuildFailed

from conftest import FEDERATIONS, MEETING, PROJECTS, TODAY

UTC = dt.timezone.utc
STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")
WINTER_MEETING = "meetings/2021-11-17-forbundschefsmote.md"   # the fixture's MEETING: 13:00–16:00 CET
SUMMER_MEETING = "meetings/2022-06-15-presidiemote.md"


def meeting(uid: str, title: str, date: str, start: str = "", end: str = "", extra: str = "", body: str = "") -> str:
    times = (f'start: "{start}"\n' if start else "") + (f'end: "{end}"\n' if end else "")
    return (f"---\nuid: {uid}\ntitle: {title}\ntype: presidiemöte\ndate: {date}\n{times}"
            f"federations: [roslagen]\n{extra}---\n{body}\n")


def event(uid: str, title: str, start: str, end: str = "", extra: str = "", body: str = "") -> str:
    return (f"---\nuid: {uid}\ntitle: {title}\nstart: {start}\n" + (f"end: {end}\n" if end else "")
            + f"federations: [sundbyberg]\nprojects: [mia]\n{extra}---\n{body}\n")


@pytest.fixture
def calendar_site(site):
    """The fixture site plus a summer meeting, an all-day, a multi-day and a cancelled event."""
    site.add({
        SUMMER_MEETING: meeting("p-2022-06-15", "Presidiemöte juni", "2022-06-15", "13:00", "15:00",
                                "location: Tibble kyrka\n"),
        "events/2022-05-10-ansokan.md": event("e-ansokan", "Sista dag för ansökan", "2022-05-10"),
        "events/2022-04-05-finsam-konferens.md": event("e-finsam", "Finsam-konferens", "2022-04-05", "2022-04-06",
                                                       "status: preliminär\n"),
        "events/2021-12-08-julmote.md": event("e-jul", "Julmöte", "2021-12-08 15:00", "2021-12-08 17:00",
                                              "status: inställd\n"),
    })
    return site


def raw_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def events_of(cal: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}


def expand(data: bytes, start: dt.date, end: dt.date, own_zone: bool = True) -> dict[str, tuple]:
    """uid → (start, end) of every occurrence between two days, as recurring-ical-events sees them.

    own_zone renames the zone so the parser must use the feed's own VTIMEZONE rather than
    its built-in tz database: what an app without Olson names (Outlook) has to do."""
    if own_zone:
        data = data.replace(b"TZID:Europe/Stockholm", b"TZID:Sitegen-Test-Zone")
        data = data.replace(b"TZID=Europe/Stockholm", b"TZID=Sitegen-Test-Zone")
        data = data.replace(b"X-WR-TIMEZONE:Europe/Stockholm\r\n", b"")
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0]: (e["DTSTART"].dt, e["DTEND"].dt)
            for e in recurring_ical_events.of(cal).between(start, end)}


# ---------- the calendar as a whole ----------

def test_every_feed_parses_and_declares_itself(calendar_site):
    with open(calendar_site.root / "site.yaml", "a", encoding="utf-8") as config:
        config.write("feed:\n  refresh_hours: 6\n")
    calendar_site.build()
    feeds = sorted(calendar_site.out.rglob("*.ics"))
    subscriptions = [p for p in feeds if p.name == "kalender.ics"]
    assert len(subscriptions) == 4          # the site, two federations, one project
    for path in feeds:
        data = path.read_bytes()
        cal = icalendar.Calendar.from_ical(data)
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["PRODID"]).startswith("-//sitegen//")
        assert str(cal["METHOD"]) == "PUBLISH"
        used = {e[key].params["TZID"] for e in cal.walk("VEVENT") for key in ("DTSTART", "DTEND")
                if key in e and "TZID" in e[key].params}
        declared = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
        assert used == declared, path     # a VTIMEZONE for every TZID, none unused
        if path.name == "kalender.ics":
            assert str(cal["NAME"]) == str(cal["X-WR-CALNAME"]) and "Testnätverket" in str(cal["NAME"])
            assert str(cal["X-WR-CALDESC"])
            assert cal["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
            assert cal["REFRESH-INTERVAL"].dt == dt.timedelta(hours=6)
            assert b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in data
        else:   # a single-event download: a named calendar makes Outlook open it as a new calendar
            assert "NAME" not in cal and "X-WR-CALNAME" not in cal
            assert len(cal.walk("VEVENT")) == 1


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_characters(calendar_site):
    # Two-octet letters all along, so a fold must fall between two of them.
    title = "Länsövergripande förbundschefsmöte " + "åäöÅÄÖ" * 12
    calendar_site.add({"events/2021-12-15-lang.md": event("e-lang", f'"{title}"', "2021-12-15")})
    calendar_site.build()
    data = (calendar_site.out / "kalender.ics").read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")                 # no bare line feeds
    lines = raw_lines(data)
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")                                        # raises if a character was split
    summary_at = next(i for i, line in enumerate(lines) if line.startswith("SUMMARY:Länsöver".encode()))
    assert lines[summary_at + 1].startswith(b" ") and lines[summary_at + 2].startswith(b" ")  # it folds twice
    assert str(events_of(calendar_site.ical("kalender.ics"))["e-lang"]["SUMMARY"]) == title


# ---------- time ----------

def test_summer_and_winter_meetings_have_the_right_utc_times(calendar_site):
    calendar_site.build()
    data = (calendar_site.out / "kalender.ics").read_bytes()
    for own_zone in (True, False):
        found = expand(data, dt.date(2021, 11, 1), dt.date(2022, 7, 1), own_zone)
        winter_start, winter_end = found["m-2021-11-17"]
        summer_start, summer_end = found["p-2022-06-15"]
        assert winter_start.astimezone(UTC) == dt.datetime(2021, 11, 17, 12, 0, tzinfo=UTC)   # CET, +01:00
        assert winter_end.astimezone(UTC) == dt.datetime(2021, 11, 17, 15, 0, tzinfo=UTC)
        assert summer_start.astimezone(UTC) == dt.datetime(2022, 6, 15, 11, 0, tzinfo=UTC)   # CEST, +02:00
        assert summer_end.astimezone(UTC) == dt.datetime(2022, 6, 15, 13, 0, tzinfo=UTC)
    vevent = events_of(calendar_site.ical("kalender.ics"))["p-2022-06-15"]
    assert vevent["DTSTART"].params["TZID"] == "Europe/Stockholm"


def test_both_summer_time_switches_are_right(site):
    # Sweden switches on the last Sunday of March (02.00 → 03.00) and of October (03.00 → 02.00).
    site.add({
        "events/2022-03-26-fore-var.md": event("before-spring", "Före", "2022-03-26 23:00", "2022-03-26 23:30"),
        "events/2022-03-27-efter-var.md": event("after-spring", "Efter", "2022-03-27 03:30", "2022-03-27 04:00"),
        "events/2022-10-29-fore-host.md": event("before-autumn", "Före", "2022-10-29 12:00", "2022-10-29 13:00"),
        "events/2022-10-30-efter-host.md": event("after-autumn", "Efter", "2022-10-30 03:30", "2022-10-30 04:00"),
    })
    site.build()
    found = expand((site.out / "kalender.ics").read_bytes(), dt.date(2022, 3, 1), dt.date(2022, 12, 1))
    utc = {uid: times[0].astimezone(UTC).replace(tzinfo=None) for uid, times in found.items()}
    assert utc["before-spring"] == dt.datetime(2022, 3, 26, 22, 0)
    assert utc["after-spring"] == dt.datetime(2022, 3, 27, 1, 30)
    assert utc["before-autumn"] == dt.datetime(2022, 10, 29, 10, 0)
    assert utc["after-autumn"] == dt.datetime(2022, 10, 30, 2, 30)


def test_all_day_and_multi_day_events_end_on_the_following_day(calendar_site):
    calendar_site.build()
    vevents = events_of(calendar_site.ical("kalender.ics"))
    one_day, two_days = vevents["e-ansokan"], vevents["e-finsam"]
    assert one_day["DTSTART"].params.get("VALUE") == "DATE" and one_day["DTSTART"].dt == dt.date(2022, 5, 10)
    assert one_day["DTEND"].dt == dt.date(2022, 5, 11)
    assert two_days["DTSTART"].dt == dt.date(2022, 4, 5) and two_days["DTEND"].dt == dt.date(2022, 4, 7)
    data = (calendar_site.out / "kalender.ics").read_bytes()
    assert "e-finsam" in expand(data, dt.date(2022, 4, 6), dt.date(2022, 4, 7))      # still on the last day
    assert "e-finsam" not in expand(data, dt.date(2022, 4, 7), dt.date(2022, 4, 8))  # and not after it


def test_meeting_with_unknown_day_is_left_out_of_every_feed(calendar_site):
    calendar_site.add({"meetings/2022-03-beredningsgrupp.md": "---\nuid: b-2022-03\ntitle: Beredningsgrupp\n"
                                                              "type: beredningsgrupp\ndate: 2022-03\n"
                                                              "federations: [roslagen]\n---\n"})
    calendar_site.build()
    for path in calendar_site.out.rglob("*.ics"):
        assert "b-2022-03" not in events_of(icalendar.Calendar.from_ical(path.read_bytes()))


# ---------- status and what each event says ----------

def test_cancelled_event_stays_in_the_feed_as_cancelled(calendar_site):
    calendar_site.build()
    for feed in ("kalender.ics", "forbund/sundbyberg/kalender.ics"):
        cancelled = events_of(calendar_site.ical(feed))["e-jul"]
        assert str(cancelled["STATUS"]) == "CANCELLED"
        assert str(cancelled["TRANSP"]) == "TRANSPARENT"
        assert str(cancelled["SUMMARY"]).startswith("INSTÄLLT: ")
    preliminary = events_of(calendar_site.ical("kalender.ics"))["e-finsam"]
    assert str(preliminary["STATUS"]) == "TENTATIVE"
    assert str(events_of(calendar_site.ical("kalender.ics"))["m-2021-11-17"]["STATUS"]) == "CONFIRMED"


def test_cancelled_meeting_is_cancelled_in_the_feed(site):
    site.add({SUMMER_MEETING: meeting("p-2022-06-15", "Presidiemöte", "2022-06-15", "13:00", "15:00",
                                      "status: inställt\n")})
    site.build()
    assert str(events_of(site.ical("kalender.ics"))["p-2022-06-15"]["STATUS"]) == "CANCELLED"


def test_event_carries_summary_description_url_location_and_categories(calendar_site):
    calendar_site.build()
    vevent = events_of(calendar_site.ical("kalender.ics"))["m-2021-11-17"]
    page = "https://example.se/moten/2021-11-17-forbundschefsmote/"
    assert str(vevent["SUMMARY"]) == "Förbundschefsmöte 17 november 2021"
    assert str(vevent["URL"]) == page
    description = str(vevent["DESCRIPTION"])
    assert page in description and "Kipa hälsar välkommen" in description
    assert "<" not in description and "&nbsp;" not in description      # text, not HTML (the footnote has one)
    assert str(vevent["LOCATION"]) == "Sollentuna och digitalt"
    assert list(vevent["CATEGORIES"].cats) == ["Förbundschefsmöte", "Roslagen", "Sundbyberg"]
    assert vevent["UID"] == "m-2021-11-17@example.se"
    assert vevent["DTSTAMP"].dt.tzinfo is not None and vevent["LAST-MODIFIED"].dt == vevent["DTSTAMP"].dt


def test_federation_and_project_feeds_hold_only_their_events(calendar_site):
    calendar_site.build()
    assert set(events_of(calendar_site.ical("forbund/roslagen/kalender.ics"))) == {"m-2021-11-17", "p-2022-06-15"}
    assert set(events_of(calendar_site.ical("projekt/mia/kalender.ics"))) == {"m-2021-11-17", "e-ansokan",
                                                                               "e-finsam", "e-jul"}


def test_single_event_download_is_the_same_event_as_in_the_feed(calendar_site):
    calendar_site.build()
    single = calendar_site.ical("handelser/2022-04-05-finsam-konferens/2022-04-05-finsam-konferens.ics")
    [only] = single.walk("VEVENT")
    in_feed = events_of(calendar_site.ical("kalender.ics"))["e-finsam"]
    for key in ("UID", "SEQUENCE", "DTSTAMP", "SUMMARY", "DTSTART", "DTEND"):
        assert only[key].to_ical() == in_feed[key].to_ical()


def test_feeds_keep_past_events_only_for_past_days_when_set(calendar_site):
    with open(calendar_site.root / "site.yaml", "a", encoding="utf-8") as config:
        config.write("feed:\n  past_days: 30\n")
    calendar_site.build(today=dt.date(2022, 6, 1))
    kept = set(events_of(calendar_site.ical("kalender.ics")))
    assert "p-2022-06-15" in kept and "e-ansokan" in kept            # coming, and 22 days ago
    assert "m-2021-11-17" not in kept and "e-finsam" not in kept     # long past
    assert (calendar_site.out / "moten/2021-11-17-forbundschefsmote/2021-11-17-forbundschefsmote.ics").is_file()


# ---------- escaping ----------

def test_commas_semicolons_backslashes_and_newlines_are_escaped(site):
    title = "Plan, budget; mål \\ uppföljning\nandra raden"
    site.add({"events/2021-12-01-tecken.md": event("e-tecken", '"Plan, budget; mål \\\\ uppföljning\\nandra raden"',
                                                   "2021-12-01", extra='location: "Rum 1, plan 2; hus \\\\ B"\n')})
    site.build()
    data = (site.out / "kalender.ics").read_bytes()
    unfolded = data.replace(b"\r\n ", b"")
    assert "SUMMARY:Plan\\, budget\\; mål \\\\ uppföljning\\nandra raden\r\n".encode() in unfolded
    vevent = events_of(site.ical("kalender.ics"))["e-tecken"]
    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["LOCATION"]) == "Rum 1, plan 2; hus \\ B"


@pytest.mark.parametrize("field", ["title", "location", "note", "uid"])
def test_content_cannot_inject_a_property_or_a_component(site, field):
    attack = "Möte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Injected\nBEGIN:VALARM\nACTION:AUDIO"
    values = {"uid": "e-attack", "title": "Attack", "location": "Rum", "note": "Not"}
    values[field] = '"' + attack.replace("\r", "\\r").replace("\n", "\\n") + '"'
    site.add({"events/2021-12-02-attack.md": "---\n" + "".join(f"{k}: {v}\n" for k, v in values.items())
              + "start: 2021-12-02\nfederations: [roslagen]\n---\nText\n\nEND:VEVENT\nBEGIN:VEVENT\n"})
    site.build()
    # The site's and Roslagen's feeds hold the fixture meeting and this event; the download only the event.
    for feed, count in (("kalender.ics", 2), ("forbund/roslagen/kalender.ics", 2),
                        ("handelser/2021-12-02-attack/2021-12-02-attack.ics", 1)):
        data = (site.out / feed).read_bytes()
        lines = raw_lines(data)
        assert lines.count(b"BEGIN:VEVENT") == lines.count(b"END:VEVENT") == count
        assert lines.count(b"BEGIN:VCALENDAR") == 1
        assert not [line for line in lines if line.startswith((b"UID:injected", b"SUMMARY:Injected",
                                                               b"BEGIN:VALARM", b"ACTION:"))]
        cal = icalendar.Calendar.from_ical(data)
        assert len(cal.walk("VEVENT")) == count and not cal.walk("VALARM")
        attacked = [e for e in cal.walk("VEVENT") if "2021-11-17" not in str(e["URL"])]
        [vevent] = attacked
        text = {"title": str(vevent["SUMMARY"]), "location": str(vevent.get("LOCATION")),
                "note": str(vevent["DESCRIPTION"]), "uid": str(vevent["UID"])}[field]
        assert attack.replace("\r\n", "\n") in text            # kept as text, not as structure


def test_site_title_cannot_inject_into_the_calendar_name(site):
    config = (site.root / "site.yaml").read_text(encoding="utf-8")
    config = config.replace("title: Testnätverket", 'title: "Nätverket\\nBEGIN:VEVENT\\nUID:x"')
    (site.root / "site.yaml").write_text(config, encoding="utf-8")
    site.build()
    data = (site.out / "kalender.ics").read_bytes()
    assert b"\r\nBEGIN:VEVENT\r\nUID:x" not in data
    unfolded = data.replace(b"\r\n ", b"")
    assert "\r\nNAME:Nätverket\\nBEGIN:VEVENT\\nUID:x\r\n".encode() in unfolded
    assert "\r\nX-WR-CALNAME:Nätverket\\nBEGIN:VEVENT\\nUID:x\r\n".encode() in unfolded
    assert len(site.ical("kalender.ics").walk("VEVENT")) == 1


# ---------- UID, SEQUENCE, LAST-MODIFIED across builds ----------

def test_uid_survives_a_rename_and_an_edit(site):
    site.build()
    before = events_of(site.ical("kalender.ics"))["m-2021-11-17"]["UID"]
    source = site.root / "content" / WINTER_MEETING
    text = source.read_text(encoding="utf-8").replace("title: Förbundschefsmöte 17 november 2021",
                                                      "title: FC-nätverkets möte").replace("Kipa hälsar", "Ordf. hälsar")
    source.unlink()
    (site.root / "content/meetings/2021-11-17-fc-natverket.md").write_text(text, encoding="utf-8")
    site.build()
    [after] = site.ical("kalender.ics").walk("VEVENT")
    assert after["UID"] == before and str(after["SUMMARY"]) == "FC-nätverkets möte"
    assert int(after["SEQUENCE"]) == 0          # neither time, place nor status changed


def edit(site, rel: str, old: str, new: str) -> None:
    path = site.root / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def revision(site) -> tuple[int, dt.datetime, dt.datetime]:
    vevent = events_of(site.ical("kalender.ics"))["m-2021-11-17"]
    return int(vevent["SEQUENCE"]), vevent["LAST-MODIFIED"].dt, vevent["DTSTAMP"].dt


def test_sequence_rises_when_time_place_or_status_changes_and_only_then(site):
    site.build(today=dt.date(2021, 11, 1))
    assert revision(site) == (0, dt.datetime(2021, 10, 31, 23, 0, tzinfo=UTC), dt.datetime(2021, 10, 31, 23, 0, tzinfo=UTC))

    edit(site, WINTER_MEETING, "Kipa hälsar välkommen.", "Kipa hälsar alla välkomna.")   # a typo fix
    site.build(today=dt.date(2021, 11, 2))
    assert revision(site)[0] == 0
    assert revision(site)[1] == dt.datetime(2021, 10, 31, 23, 0, tzinfo=UTC)

    edit(site, WINTER_MEETING, 'start: "13:00"', 'start: "14:00"')                     # the time moves
    site.build(today=dt.date(2021, 11, 3))
    sequence, modified, stamp = revision(site)
    assert sequence == 1 and modified == stamp == dt.datetime(2021, 11, 2, 23, 0, tzinfo=UTC)

    edit(site, WINTER_MEETING, "location: Sollentuna", "location: Solna")               # the place changes
    site.build(today=dt.date(2021, 11, 4))
    assert revision(site)[0] == 2

    edit(site, WINTER_MEETING, "online: true", "online: true\nstatus: inställt")        # cancelled
    site.build(today=dt.date(2021, 11, 5))
    assert revision(site)[0] == 3

    site.build(today=dt.date(2021, 11, 6))                                              # nothing changed
    assert revision(site)[0] == 3


def test_a_clean_checkout_keeps_sequences_through_the_committed_lock(site, tmp_path):
    site.build()
    edit(site, WINTER_MEETING, 'start: "13:00"', 'start: "14:00"')
    site.build(today=dt.date(2021, 11, 2))
    assert revision(site)[0] == 1
    # A fresh clone: content, site.yaml and calendar.lock, but no output/ and no caches.
    from conftest import SiteTree
    clone = SiteTree(tmp_path / "clone")
    for path in (site.root / "content").rglob("*.md"):
        target = clone.root / "content" / path.relative_to(site.root / "content")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    (clone.root / "calendar.lock").write_bytes((site.root / "calendar.lock").read_bytes())
    clone.build(today=dt.date(2021, 11, 3))
    assert revision(clone) == revision(site)
    assert (clone.out / "kalender.ics").read_bytes() == (site.out / "kalender.ics").read_bytes()


def test_rebuilding_the_same_input_leaves_the_lock_and_feeds_byte_identical(calendar_site):
    calendar_site.build()
    lock = (calendar_site.root / "calendar.lock").read_bytes()
    feed = (calendar_site.out / "kalender.ics").read_bytes()
    calendar_site.build(today=dt.date(2021, 11, 20))   # a later day, same content
    assert (calendar_site.root / "calendar.lock").read_bytes() == lock
    assert (calendar_site.out / "kalender.ics").read_bytes() == feed


def test_a_failed_build_does_not_touch_the_lock(site):
    site.build()
    lock = (site.root / "calendar.lock").read_bytes()
    edit(site, WINTER_MEETING, 'start: "13:00"', 'start: "14:00"')
    site.add({"meetings/2021-12-01-trasig.md": "---\ntitle: Trasig\ntype: styrelse\ndate: 2021-13-45\n---\n"})
    with pytest.raises(BuildFailed):
        site.build()
    assert (site.root / "calendar.lock").read_bytes() == lock


def test_a_damaged_lock_is_a_plain_error(site):
    site.build()
    before = (site.out / "kalender.ics").read_bytes()
    (site.root / "calendar.lock").write_text("events:\n  \"m-2021-11-17\": {sequence: many}\n", encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        site.build()
    [problem] = failed.value.problems
    assert str(problem).startswith("calendar.lock:2: events: the entry for 'm-2021-11-17' is damaged — ")
    assert (site.out / "kalender.ics").read_bytes() == before


def test_headers_file_serves_feeds_as_utf8_text_calendar(calendar_site):
    calendar_site.build()
    lines = (calendar_site.out / "_headers").read_text(encoding="utf-8").splitlines()
    for feed in ("/kalender.ics", "/forbund/roslagen/kalender.ics", "/projekt/mia/kalender.ics"):
        at = lines.index(feed)
        assert lines[at + 1] == "  Content-Type: text/calendar; charset=utf-8"


def test_folding_gives_the_bytes_icalendar_gives():
    """ical.fold() replaces icalendar's character-by-character folding: same bytes, including
    multi-byte characters at the limit and escapes that must not be split from what they escape."""
    import random

    from icalendar.parser.string import _foldline

    from generator.feeds.ical import fold

    alphabet = "ab \\^,;:åäöÅ€😀\"x"
    rng = random.Random(9)
    lines = ["", "x" * 74, "x" * 75, "å" * 37 + "x", "x" * 73 + "\\n" + "y" * 80, "x" * 72 + "^'" + "y" * 80]
    lines += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 250))) for _ in range(5000)]
    for line in lines:
        assert fold(line) == _foldline(line).encode("utf-8"), line
