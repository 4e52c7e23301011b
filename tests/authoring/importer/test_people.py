"""People: roles, person lines, name lists and blocks (generator/importer/people.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.importer import import_minutes, normalise_role, parse_people
from generator.authoring.importer.people import is_affiliation, parse_person_line

from .helpers import KNOWN, event_on, load


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


# ---------------------------------------------------------------- member lines as lists write them

@pytest.mark.parametrize("line, person", [
    ("Karin Ek (C), Tierps kommun, vice ordförande",
     {"name": "Karin Ek", "role": "vice ordförande, Tierps kommun (C)"}),
    ("Anna Lind, Samordningsförbundet Norrback", {"name": "Anna Lind", "federation": "norrback"}),
    ("Cecilia Ny, Västmark (mötesordförande)",
     {"name": "Cecilia Ny", "federation": "vastmark", "role": "mötesordförande"}),
    ("Lina Berg, Försäkringskassan", {"name": "Lina Berg", "role": "Försäkringskassan"}),
    ("Olof Sand (M)", {"name": "Olof Sand", "role": "(M)"}),
    ("- Bo Nyström (FC)", {"name": "Bo Nyström", "role": "förbundschef"}),
    ("Kipa", "Kipa"),
])
def test_member_lines_with_party_organisation_and_role(line, person):
    assert parse_person_line(line, KNOWN) == person


def test_a_line_of_prose_is_no_person():
    assert parse_person_line("Ordföranden öppnade mötet och hälsade alla välkomna", KNOWN) is None


def test_affiliations_after_a_comma_stay_with_their_person():
    people, _ = parse_people("Elsa Ås, Östra Dalen, Mikael Ström (FK), Tove Ek (Region), Kipa", KNOWN)
    assert people == [{"name": "Elsa Ås", "federation": "ostra-dalen"},
                      {"name": "Mikael Ström", "role": "FK"},
                      {"name": "Tove Ek", "role": "Region"}, "Kipa"]
    assert is_affiliation("Sala kommun", KNOWN) and is_affiliation("vice ordförande", KNOWN)
    assert not is_affiliation("Mikael Ström (FK)", KNOWN)


def test_board_protocol_groups_people_under_its_own_headings():
    _, result = load("styrelseprotokoll.txt")
    meta = result.meta
    groups = {g["group"]: g["people"] for g in meta["present"]}
    assert list(groups) == ["Beslutande ledamöter", "Tjänstgörande ersättare", "Ersättare", "Övriga närvarande"]
    assert groups["Beslutande ledamöter"][0] == {"name": "Karin Ek", "role": "ordförande, Sala kommun (C)"}
    assert groups["Tjänstgörande ersättare"] == [{"name": "Olof Sand", "role": "Heby kommun (M)"}]
    # the chair and the secretary are read from their roles in the list, and a note says so
    assert (meta["chair"], meta["secretary"]) == ("Karin Ek", "Jonas Fors")
    assert any("läst ur rollen" in n for n in meta["import_notes"])
    # the justerare is no field: the name stays in the text, as does the signature
    assert "Justerare\nPer Holm" in result.body and "Vid protokollet\nJonas Fors" in result.body


def test_people_continue_on_the_lines_below_their_label():
    _, result = load("styrelse_tid_och_plats.txt")
    present = result.meta["present"]
    assert [p["name"] for p in present[:3]] == ["Ulla Bergström", "Kent Olsson", "Fatima Ali"]
    assert present[3] == {"group": "Närvarande ersättare", "people": [{"name": "Rolf Eriksson", "role": "(V)"}]}
    assert "Kent Olsson (M)" not in result.body


def test_a_table_of_people_is_read_row_by_row():
    _, result = load("samrad_tabell.md")
    assert result.meta["present"] == [{"name": "Erik Lund", "role": "Dalby kommun"},
                                      {"name": "Maria Sten", "role": "Region Dalarna"},
                                      {"name": "Olle Vik", "role": "Försäkringskassan"}]
    assert "| Erik Lund |" not in result.body


def test_a_list_with_a_part_that_is_no_name_keeps_the_others_and_the_text():
    text = ("Styrelsemöte Norrback 2024-02-01\n\nNärvarande i rummet: Karin Ås, Per Lund\n"
            "Närvarande på Teams: alla övriga i styrelsen utom en\n\n1. Mötets öppnande\n\n"
            "Karin öppnade mötet.\n")
    result = import_minutes(text, "s.txt", KNOWN)
    assert result.meta["present"] == [{"group": "I rummet", "people": ["Karin Ås", "Per Lund"]}]
    assert "Närvarande på Teams: alla övriga i styrelsen utom en" in result.body
    assert "Karin Ås" not in result.body
    assert "present" in result.review_fields


def test_a_dash_between_name_and_federation():
    _, result = load("fc_tankstreck.txt")
    assert result.meta["present"] == [{"name": "Anna Lind", "federation": "norrback"},
                                      {"name": "Bo Nyström", "federation": "sydvik"},
                                      {"name": "Cecilia Ny", "federation": "vastmark"},
                                      {"name": "Dan Öberg", "federation": "ostra-dalen"}]
    assert event_on(result, "2025-03-05")["status"] == "inställd"


def test_a_role_after_the_name_without_a_comma():
    assert parse_person_line("Anna Andersson (S) ordförande", KNOWN) == {
        "name": "Anna Andersson", "role": "ordförande (S)"}
    assert parse_person_line("Bo Berg vice ordförande", KNOWN) == {"name": "Bo Berg", "role": "vice ordförande"}


def test_people_with_a_federation_are_no_presidium_groups():
    text = "Möte 2025-01-10\n\nNärvarande:\n- Anna Lind (Norrback)\n- Bo Nyström (Sydvik)\n\nText.\n"
    result = import_minutes(text, "m.txt", KNOWN)
    assert result.meta["present"] == [{"name": "Anna Lind", "federation": "norrback"},
                                      {"name": "Bo Nyström", "federation": "sydvik"}]
    assert result.meta["type"] == "möte" and "type" in result.review_fields
