"""The header fields: title, type, date, time, place and the people labels (generator/importer/header.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.importer import import_minutes

from .helpers import KNOWN, event_on, load


def test_hybrid_meeting_header():
    _, result = load("fc_hybrid.txt")
    meta = result.meta
    assert meta["title"] == "Förbundschefsmöte 23 november 2022"
    assert meta["type"] == "förbundschefsmöte"
    assert meta["date"] == dt.date(2022, 11, 23)
    assert meta["location"] == "Norrtälje" and meta["online"] is True
    assert meta["chair"] == "Tove" and meta["secretary"] == "Rasmus"
    assert meta["present"] == [
        {"group": "I rummet", "people": ["Tove", "Rasmus B", "Leila", "Jonas"]},
        {"group": "På Teams", "people": ["Göran", "Mira S", "Ulrika"]},
    ]
    assert meta["guests"] == [{"group": "Lumina Novare", "people": ["Hanna Berg", "Olle Ek"]}]
    assert meta["federations"] == ["norrback", "sydvik", "vastmark"]
    assert set(meta["projects"]) == {"lumina-novare", "fyren", "stig"}
    assert any("förbundscheffsmöte" in note.lower() for note in meta["import_notes"])
    assert result.slug == "2022-11-23-forbundschefsmote"
    assert "start" not in meta  # no time in the text: never invented


def test_missing_date_is_never_invented():
    _, result = load("beredning_utan_datum.txt")
    meta = result.meta
    assert "date" not in meta and meta["date_note"] == "Datum saknas i originalet."
    assert "date: not found — set it by hand" in result.report
    assert result.slug == "odaterat-beredningsgrupp-vastmark"
    assert result.events == []
    assert any(line.startswith("events: no full date for") for line in result.report)
    assert meta["type"] == "beredningsgrupp"
    assert meta["present"][0] == "Alva Nyström" and meta["absent"] == ["Fredrik Olsson", "Greta Sjöberg"]
    # no federation named: the owner of the projects is proposed, with a note
    assert meta["federations"] == ["vastmark"]
    assert any("vastmark" in n and "kontrollera" in n for n in meta["import_notes"])
    # a misspelt project name
    assert "lumina-novare" in meta["projects"]
    assert any("Lumina Novate" in n for n in meta["import_notes"])


def test_list_style_meeting():
    _, result = load("fc_lista.txt")
    meta = result.meta
    assert meta["title"] == "Förbundschefsmöte Västmarks län 3 mars 2022"
    assert meta["date"] == dt.date(2022, 3, 3)
    assert meta["present"] == ["Ylva Grön", "Tomas Berg", "Ines Falk", "Omar Said", "Petra Lind"]
    assert meta["absent"] == ["Ulf Ström", "Vera Hed"]
    assert meta["chair"] == "Ylva" and meta["secretary"] == "Ines"
    assert meta["federations"] == ["ostra-dalen"]             # 'Västmarks län' is the county
    assert result.slug == "2022-03-03-forbundschefsmote"
    assert "## 1. Mötets öppnande\n\nYlva hälsade alla välkomna." in result.body
    assert result.body.rstrip().endswith("Vid pennan\n\n//Ines")


def test_markdown_export_with_labels_and_escaped_numbers():
    _, result = load("styrelse_markdown.txt")
    meta = result.meta
    assert meta["type"] == "styrelse" and meta["title"] == "Styrelsemöte Sydvik 4 maj 2023"
    assert (meta["date"], meta["start"], meta["end"]) == (dt.date(2023, 5, 4), "13:00", "15:30")
    assert meta["location"] == "Kommunhuset, Sala" and "online" not in meta
    assert meta["present"][1] == {"name": "Berit Sand", "role": "t.f. förbundschef"}
    assert result.slug == "2023-05-04-styrelse-sydvik"
    assert "## 2. Ekonomi" in result.body and "Justerare: Jon Lund" in result.body
    nxt = event_on(result, "2023-09-07")
    assert nxt["online"] is True and nxt["start"] == "2023-09-07 13:00"


def test_labels_under_next_meeting_describe_the_next_meeting():
    text = ("Styrelsemöte Norrback 2023-02-01\n\nNärvarande: Karin Ås, Per Lund\n\n"
            "1. Mötets öppnande\n\nKarin öppnade mötet.\n\n2. Nästa möte\n\n"
            "Datum: 12 april 2023 kl 13-15\n\nPlats: Kommunhuset i Norrtälje\n")
    result = import_minutes(text, "styrelse.txt", KNOWN)
    assert result.meta["date"] == dt.date(2023, 2, 1) and "location" not in result.meta
    assert "Plats: Kommunhuset i Norrtälje" in result.body and "Datum: 12 april 2023" in result.body
    event = event_on(result, "2023-04-12")
    assert event["start"] == "2023-04-12 13:00" and event["location"] == "Kommunhuset i Norrtälje"
    assert event["federations"] == ["norrback"] and result.slug == "2023-02-01-styrelse-norrback"


# ---------------------------------------------------------------- other federations' header forms

def test_bold_labels_and_people_under_bold_federation_names():
    _, result = load("presidium_fetstil.md")
    meta = result.meta
    assert (meta["date"], meta["start"], meta["end"], meta["online"]) == (dt.date(2024, 2, 7), "13:00", "15:00", True)
    assert [(g["group"], g["federation"], [p["name"] for p in g["people"]]) for g in meta["present"]] == [
        ("Norrback", "norrback", ["Anna Lind", "Bo Nyström"]), ("Sydvik", "sydvik", ["Cecilia Ny", "Dan Öberg"])]
    # 'Mötesordförande', 'Antecknare' and 'Förhinder' are the chair, the secretary and the absent
    assert (meta["chair"], meta["secretary"]) == ("Anna Lind", "Bo Nyström")
    assert meta["absent"] == [{"name": "Elsa Ås", "federation": "ostra-dalen"}]
    assert "Förhinder" not in result.body and "**Norrback**" not in result.body


def test_names_one_a_line_under_no_label_are_the_people_present():
    _, result = load("fc_namnlista.txt")
    meta = result.meta
    assert meta["present"] == [{"name": "Anna Lind", "federation": "norrback"},
                               {"name": "Bo Nyström", "federation": "sydvik"},
                               {"name": "Cecilia Ny", "federation": "vastmark"},
                               {"name": "Dan Öberg", "federation": "ostra-dalen"}]
    # 'Ordförande för dagen', 'Anteckningar', 'Anmält förhinder'
    assert (meta["chair"], meta["secretary"]) == ("Cecilia Ny", "Bo Nyström")
    assert meta["absent"] == [{"name": "Eva Ås", "federation": "ek-lind-alm"}]
    # the title line also held the date, the time and the place: each went to its field
    assert (meta["title"], meta["location"], meta["start"], meta["end"]) == (
        "Förbundschefsträff 20 mars 2024", "Sydviks kansli", "09:00", "12:00")
    assert "Anna Lind" not in result.body and "Förbundschefsträff 2024-03-20" not in result.body


def test_date_time_and_place_under_one_label():
    _, result = load("styrelse_tid_och_plats.txt")
    meta = result.meta
    assert (meta["date"], meta["start"], meta["end"], meta["location"]) == (
        dt.date(2024, 5, 22), "10:00", "12:00", "Sydviks kommunhus, sal Linden")
    _, board = load("styrelseprotokoll.txt")
    assert (board.meta["date"], board.meta["start"], board.meta["location"]) == (
        dt.date(2024, 3, 14), "09:00", "Kommunhuset, Sala")


@pytest.mark.parametrize("label, field", [
    ("Mötesordförande", "chair"), ("Ordförande för mötet", "chair"), ("Mötesledare", "chair"),
    ("Sammankallande", "chair"), ("Protokollförare", "secretary"), ("Antecknat av", "secretary"),
    ("Vid protokollet", "secretary"), ("Förhinder", "absent"), ("Anmält förhinder", "absent"),
    ("Avbud", "absent"), ("Adjungerad", "guests"),
])
def test_other_words_for_the_same_field(label, field):
    text = f"Styrelsemöte Sydvik 2024-02-01\n\n{label}: Karin Ås\n\n1. Mötets öppnande\n\nText.\n"
    meta = import_minutes(text, "s.txt", KNOWN).meta
    assert meta[field] in ("Karin Ås", ["Karin Ås"])


def test_a_short_meeting_note_with_people_from_several_organisations():
    _, result = load("arbetsgrupp_kort.txt")
    meta = result.meta
    assert meta["type"] == "arbetsgrupp" and meta["projects"] == ["fyren"]
    assert [p["name"] for p in meta["present"]] == ["Sara Lind", "Mikael Ström", "Lena Holm", "Tove Ek"]
    assert (meta["chair"], meta["secretary"], meta["absent"]) == ("Sara Lind", "Tove Ek", ["Jonas Berg"])
    # no place: not invented, reported
    assert "location" not in meta and "location" in result.review_fields


def test_groups_in_brackets_and_a_chair_who_signs_below_the_label():
    text = ("Styrelsemöte Sydvik 2024-05-15\n\nNärvarande (på plats): Anna Berg, Olle Lund\n"
            "Närvarande (digitalt): Kim Ek\n\n§ 1 Öppnande\n\nAnna öppnade mötet.\n\n"
            "Ordförande\n\nAnna Berg\n\nVid protokollet\n\nOlle Lund\n")
    result = import_minutes(text, "s.txt", KNOWN)
    meta = result.meta
    assert meta["present"] == [{"group": "På plats", "people": ["Anna Berg", "Olle Lund"]},
                               {"group": "Digitalt", "people": ["Kim Ek"]}]
    assert (meta["chair"], meta["secretary"], meta["online"]) == ("Anna Berg", "Olle Lund", True)
    # the signatures stay where they were written
    assert result.body.rstrip().endswith("Ordförande\n\nAnna Berg\n\nVid protokollet\n\nOlle Lund")


def test_a_second_list_of_people_present_becomes_a_group():
    _, result = load("styrelse_tva_listor.txt")
    present = result.meta["present"]
    assert [p["name"] for p in present[:3]] == ["Jan Ström", "Ulrika Back", "Per Ahlén"]
    assert present[3] == {"group": "Närvarande tjänstepersoner", "people": [
        {"name": "Mona Falk", "role": "förbundschef"}, {"name": "Tina Roos", "role": "ekonom"}]}
    assert result.meta["absent"] == [{"name": "Siv Nord", "role": "vice ordförande (C)"}]
    assert (result.meta["chair"], result.meta["secretary"]) == ("Jan Ström", "Mona Falk")


def test_the_place_on_the_date_line():
    _, result = load("beredning_datumrad.txt")
    meta = result.meta
    assert (meta["date"], meta["start"], meta["end"], meta["location"]) == (
        dt.date(2024, 10, 23), "09:00", "11:30", "Sala stadshus")
    assert (meta["chair"], meta["secretary"]) == ("Lisa Holm", "Olof Berg")
    assert "Sala stadshus" not in result.body


def test_a_meeting_held_online_said_in_a_sentence():
    _, result = load("presidium_teams.md")
    meta = result.meta
    assert (meta["date"], meta["start"], meta["end"], meta["online"]) == (dt.date(2025, 1, 15), "10:00", "12:00", True)
    assert "location" not in meta and "Mötet hölls på Teams." in result.body
    assert [(p["name"], p["federation"], p["role"]) for p in meta["present"]][:2] == [
        ("Anna Lind", "norrback", "ordförande"), ("Karin Ås", "norrback", "förbundschef")]


@pytest.mark.parametrize("title, kind", [
    ("Protokoll styrelse 2024-03-12", "styrelse"), ("Förbundsstyrelsens sammanträde 2024-03-12", "styrelse"),
    ("Arbetsutskottet 2024-03-12", "arbetsutskott"), ("Referensgruppsmöte 2024-03-12", "referensgrupp"),
])
def test_more_kinds_of_meeting(title, kind):
    meta = import_minutes(f"{title}\n\nNärvarande: Anna Berg, Olle Lund\n\nText.\n", "m.txt", KNOWN).meta
    assert meta["type"] == kind and meta["date"] == dt.date(2024, 3, 12)


def test_a_row_of_labels_over_a_row_of_values():
    text = ("Styrelsemöte Sydvik\n\nDatum        Tid            Plats\n"
            "2024-05-20   13.00–15.00    Kommunhuset\n\nNärvarande: Anna Berg, Olle Lund\n\n§ 1 Öppnande\n\nText.\n")
    result = import_minutes(text, "s.txt", KNOWN)
    assert (result.meta["date"], result.meta["start"], result.meta["end"], result.meta["location"]) == (
        dt.date(2024, 5, 20), "13:00", "15:00", "Kommunhuset")
    assert "Datum        Tid" not in result.body and "Kommunhuset" in result.body


def test_italic_labels_and_a_table_with_the_federation_first():
    _, result = load("presidium_tabell_kursiv.md")
    meta = result.meta
    assert (meta["location"], meta["online"], meta["start"], meta["end"]) == ("Stadshuset i Dalby", True, "09:00", "11:00")
    assert meta["present"] == [{"name": "Rune Ek", "federation": "ostra-dalen", "role": "ordförande"},
                               {"name": "Pia Sten", "federation": "ostra-dalen", "role": "förbundschef"},
                               {"name": "Gun Larsson", "federation": "vastmark", "role": "ordförande"}]
    assert (meta["chair"], meta["secretary"]) == ("Rune Ek", "Pia Sten")


def test_a_role_as_the_label_of_a_person_present():
    _, result = load("styrelse_roll_som_etikett.txt")
    names = [p["name"] if isinstance(p, dict) and "name" in p else p for p in result.meta["present"]]
    assert {"name": "Tove Malm", "role": "förbundschef"} in result.meta["present"]
    assert "Förbundschef: Tove Malm" not in result.body and len(names) == 3


def test_parties_listed_by_organisation_and_the_note_taker_after_them():
    _, result = load("samrad_parter.txt")
    meta = result.meta
    assert [(g["group"], [p["name"] if isinstance(p, dict) else p for p in g["people"]])
            for g in meta["present"]] == [
        ("Norrback", ["Lisa Holm"]), ("Försäkringskassan", ["Ola Bring"]),
        ("Arbetsförmedlingen", ["Sanna Vik"]), ("Region", ["Tor Ek"])]
    assert meta["secretary"] == "Lisa Holm" and meta["type"] == "medlemssamråd"
    week = result.events[0].meta
    assert (week["start"], week["end"]) == (dt.date(2025, 9, 8), dt.date(2025, 9, 14))


def test_several_labels_on_one_line_separated_by_commas():
    _, result = load("styrelse_tabeller.txt")
    meta = result.meta
    assert (meta["chair"], meta["secretary"]) == ("Anna Berg", "Bo Ek")
    assert (meta["date"], meta["start"], meta["online"]) == (dt.date(2025, 5, 14), "13:00", True)
    assert [p["name"] for p in meta["present"]] == ["Anna Berg", "Cecilia Ny", "Bo Ek"]
    assert meta["absent"] == [{"name": "Dan Ås", "role": "ledamot"}]
    # the justerare on the same line is no field: the line stays in the text
    assert "Justerare: Cecilia Ny" in result.body


def test_a_date_without_a_year_is_not_completed():
    _, result = load("arbetsgrupp_utan_ar.txt")
    meta = result.meta
    assert "date" not in meta and meta["date_note"] == "Datum saknas i originalet."
    assert (meta["chair"], meta["secretary"]) == ("Cecilia", "Dan")
    assert result.events == [] and any("no full date for 18/3" in line for line in result.report)


def test_people_with_their_federation_and_a_type_named_only_in_the_title():
    _, result = load("fc_traff.txt")
    assert result.meta["type"] == "förbundschefsmöte"
    assert result.meta["present"][0] == {"name": "Anna Lind", "federation": "norrback"}


def test_people_present_from_each_federation():
    _, result = load("presidium_fran_forbund.txt")
    assert [(g["group"], g["federation"], g["people"]) for g in result.meta["present"]] == [
        ("Norrback", "norrback", ["Anna Lind", "Bo Ek"]), ("Västmark", "vastmark", ["Gun Larsson"]),
        ("Sydvik", "sydvik", ["Karin Holm"])]
    assert result.meta["type"] == "presidiemöte"


def test_when_and_where_labels_without_a_colon_and_a_list_that_is_elsewhere():
    _, result = load("beredning_utan_kolon.txt")
    meta = result.meta
    assert (meta["date"], meta["start"], meta["end"], meta["location"]) == (
        dt.date(2025, 6, 12), "10:00", "12:00", "Kansliet, Dalby")
    # 'Deltagare: Se bifogad närvarolista.' names nobody: it stays in the text and is reviewed
    assert "present" not in meta and "Deltagare: Se bifogad närvarolista." in result.body
    assert "present" in result.review_fields
    assert import_minutes("Styrelsemöte 2025-01-10\n\nPlats för nästa möte är inte bestämd.\n", "p.txt",
                          KNOWN).meta.get("location") is None


def test_a_title_in_capitals_is_put_in_sentence_case():
    _, result = load("samrad_parter.txt")
    assert result.meta["title"] == "Samråd med parterna 18 mars 2025"
    meta = import_minutes("STYRELSEMÖTE SAMORDNINGSFÖRBUNDET NORRBACK OCH FK 2024-05-02\n\nText.\n", "x.txt", KNOWN).meta
    assert meta["title"] == "Styrelsemöte Samordningsförbundet Norrback och FK 2024-05-02"
