"""People: roles, person lines, name lists and blocks (generator/importer/people.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.importer import normalise_role

from .helpers import event_on, load


@pytest.mark.parametrize("written, role", [
    ("ordf.", "ordförande"), ("ordförande", "ordförande"), ("v. ordf", "vice ordförande"),
    ("vice ordförande", "vice ordförande"), ("FC", "förbundschef"), ("tf FC", "t.f. förbundschef"),
    ("t.f. förbundschef", "t.f. förbundschef"), ("ersättare", "ersättare"), ("ledamot", "ledamot"),
    ("projektchef Fyren", "projektchef Fyren"),
])
def test_roles_are_normalised(written, role):
    assert normalise_role(written) == role


def test_presidium_groups_with_federation_and_role():
    _, result = load("presidium.txt")
    meta = result.meta
    assert meta["type"] == "presidiemöte"
    assert meta["date"] == dt.date(2022, 10, 12)
    groups = {g["group"]: g for g in meta["present"]}
    assert list(groups) == ["Norrback", "Sydvik", "ELA", "Östra Dalen"]
    assert groups["Norrback"]["federation"] == "norrback"
    assert groups["Norrback"]["people"] == [
        {"name": "Karin Ås", "federation": "norrback", "role": "ordförande"},
        {"name": "Per Lund", "federation": "norrback", "role": "vice ordförande"},
        {"name": "Lisa Holm", "federation": "norrback", "role": "förbundschef"},
    ]
    assert groups["Sydvik"]["people"][1] == {"name": "Berit Sand", "federation": "sydvik",
                                             "role": "t.f. förbundschef"}
    assert groups["ELA"]["people"][0]["role"] == "ersättare"
    assert groups["Östra Dalen"]["people"][2]["role"] == "projektchef Fyren"
    assert any("Sydvick" in n for n in meta["import_notes"])      # the misspelt label is noted
    assert "Norrback: Karin" not in result.body                   # the list moved to front matter


def test_protocol_with_paragraph_signs_and_one_person_a_line():
    _, result = load("protokoll_paragrafer.txt")
    meta = result.meta
    assert meta["title"] == "Beredningsgrupp östra Västmark 9 februari 2022"
    assert (meta["type"], meta["date"], meta["start"], meta["end"]) == (
        "beredningsgrupp", dt.date(2022, 2, 9), "13:15", "16:00")
    assert meta["location"] == "Stadshuset, Sala" and meta["secretary"] == "Maja Berg"
    assert meta["present"] == [
        {"name": "Lena Vik", "role": "Sala kommun"},
        {"name": "Jon Ås", "role": "Försäkringskassan"},
        {"name": "Rut Lind", "federation": "norrback", "role": "förbundschef"},
    ]
    assert result.slug == "2022-02-09-beredningsgrupp-vastmark"
    assert "## § 1 Mötets öppnande\n\nLena öppnade mötet" in result.body
    assert event_on(result, "2022-04-06")["title"] == "Beredningsgruppsmöte"
    assert event_on(result, "2022-04-06")["start"] == "2022-04-06 09:00"
    assert event_on(result, "2022-04-07")["status"] == "inställd"
