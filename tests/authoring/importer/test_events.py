"""Proposed events from the dates the minutes announce (generator/importer/events.py)."""
from __future__ import annotations

import datetime as dt


from .helpers import event_on, load


def test_hybrid_meeting_events():
    _, result = load("fc_hybrid.txt")
    nxt = event_on(result, "2023-01-18")             # '18/1' after a November meeting
    assert nxt["title"] == "Förbundschefsmöte" and nxt["status"] == "preliminär"
    assert "eftermiddagen" in nxt["note"]
    assert any("2023" in n for n in nxt["import_notes"])
    course = event_on(result, "2022-12-12")
    assert course["start"] == "2022-12-12 09:00" and course["end"] == "2022-12-12 12:00"
    assert course["location"] == "Sala"
    deadline = event_on(result, "2022-12-01")
    assert deadline["title"].startswith("Sista dag")
    fair = event_on(result, "2023-03-20")             # 'vecka 12', next year
    assert fair["end"] == dt.date(2023, 3, 26) and "vecka 12" in fair["note"]
    for event in result.events:
        assert event.meta["announced_in"] == result.slug


def test_presidium_events():
    _, result = load("presidium.txt")
    samrad = event_on(result, "2023-03-02")        # '2 mars' after an October meeting
    assert samrad["start"] == "2023-03-02 16:00" and samrad["end"] == "2023-03-02 18:00"
    assert "vastmark" in samrad["federations"] and "norrback" in samrad["federations"]
    launch = event_on(result, "2022-11-01")
    assert launch["title"] == "Sydvik lanserar den nya webbplatsen" and launch["federations"] == ["sydvik"]
    assert event_on(result, "2022-11-24")["title"] == "Inspirationsdag"


def test_cancelled_and_alternative_dates_with_a_date_set_by_an_editor():
    _, result = load("beredning_utan_datum.txt", reference=(2022, 3))
    assert result.meta["date"] == "2022-03" and result.slug == "2022-03-beredningsgrupp-vastmark"
    cancelled = event_on(result, "2022-05-05")
    assert cancelled["status"] == "inställd"
    tuesday, wednesday = event_on(result, "2022-05-03"), event_on(result, "2022-05-04")
    assert tuesday["start"] == "2022-05-03 09:00" and wednesday["end"] == "2022-05-04 16:00"
    assert "3 maj" in tuesday["note"] and "4 maj" in tuesday["note"]
    conference = event_on(result, "2022-04-05")
    assert conference["end"] == dt.date(2022, 4, 6) and conference["online"] is True
    # '211231' lies in the past and '30 juni' names no event
    assert not [e for e in result.events if str(e.meta["start"]).startswith(("2021-12-31", "2022-06-30"))]


def test_list_style_meeting_events():
    _, result = load("fc_lista.txt")
    june = event_on(result, "2022-06-15")                    # heading date, time in the section
    assert june["start"] == "2022-06-15 11:30" and june["end"] == "2022-06-15 15:00"
    assert "vid regn" in june["note"]
    september = event_on(result, "2022-09-28")
    assert september["start"] == "2022-09-28 16:00" and "online" not in september   # 'förmodligen digitalt'
    assert "förmodligen" in september["note"]
    tomorrow = [e.meta for e in result.events if str(e.meta["start"]) == "2022-03-04"]
    assert sorted(e["title"] for e in tomorrow) == ["Klustermöte", "Sista dag – Synpunkter till styrgruppen"]
    assert event_on(result, "2022-05-19")["title"] == "Länskonferens"


# ---------------------------------------------------------------- announced dates in other forms

def test_several_dates_in_one_sentence_are_several_meetings():
    _, result = load("styrelseprotokoll.txt")
    events = {str(e.meta["start"]): e.meta for e in result.events}
    assert sorted(events) == ["2024-06-03", "2024-09-16", "2024-09-23", "2024-12-09"]
    assert all(e["title"] == "Styrelsemöte" and e["announced_in"] == result.slug for e in events.values())
    assert all(e["federations"] == ["vastmark"] for e in events.values())


def test_a_meeting_moved_from_one_date_to_another():
    _, result = load("styrelseprotokoll.txt")
    moved_from, moved_to = event_on(result, "2024-09-16"), event_on(result, "2024-09-23")
    assert moved_from["status"] == "inställd" and "Flyttat till 23 september." in moved_from["note"]
    assert moved_to["status"] == "preliminär" and "Flyttat från 16 september." in moved_to["note"]
    _, fc = load("fc_namnlista.txt")
    assert event_on(fc, "2024-04-17")["status"] == "inställd" and "start" in event_on(fc, "2024-04-17")
    assert event_on(fc, "2024-04-17")["start"] == dt.date(2024, 4, 17)      # the old date has no time
    assert event_on(fc, "2024-04-24")["start"] == "2024-04-24 13:00"
    assert event_on(fc, "2024-04-24")["end"] == "2024-04-24 16:00"


def test_alternatives_and_week_numbers():
    _, result = load("fc_namnlista.txt")
    for day in ("2024-05-15", "2024-05-16"):
        assert "Alternativa datum: 15 maj eller 16 maj." in event_on(result, day)["note"]
    week = event_on(result, "2024-10-07")
    assert week["end"] == dt.date(2024, 10, 13) and "vecka 41" in week["note"]
    _, presidium = load("presidium_fetstil.md")
    assert event_on(presidium, "2024-09-16")["title"] == "Presidiemöte"


def test_every_proposed_event_says_it_is_unconfirmed():
    for name in ("styrelseprotokoll.txt", "fc_natverket.txt", "presidium_fetstil.md"):
        _, result = load(name)
        assert result.events
        for event in result.events:
            assert event.meta["note"].endswith("Datumet är aviserat i minnesanteckningarna och inte bekräftat.")


def test_a_conference_with_a_deadline_and_the_next_meeting_online():
    _, result = load("fc_natverket.txt")
    conference = event_on(result, "2024-04-23")
    assert (conference["end"], conference["location"]) == (dt.date(2024, 4, 24), "Uppsala")
    assert event_on(result, "2024-03-15")["title"].startswith("Sista dag")
    following = event_on(result, "2024-02-14")
    assert (following["title"], following["start"], following["online"]) == (
        "Förbundschefsmöte", "2024-02-14 09:00", True)
