"""The header fields: title, type, date, time, place and the people labels (generator/importer/header.py)."""
from __future__ import annotations

import datetime as dt

from generator.importer import import_minutes

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
