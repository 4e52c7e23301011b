"""Forms of minutes from federations the importer had not seen: each test's minutes are written
for the test, and the written front matter is read back as an editor's file would be."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from generator.authoring.importer import import_minutes, to_file_text
from generator.authoring.importer.readers import read_minutes

from .documents import blocks_from_text, to_docx, to_pdf, to_text
from .helpers import KNOWN

WRITERS = {"txt": lambda blocks, path: path.write_text(to_text(blocks), encoding="utf-8"),
           "docx": to_docx, "pdf": to_pdf}


def front(text: str, name: str = "m.txt") -> dict:
    """The front matter the importer writes for `text`, parsed back."""
    result = import_minutes(text, name, KNOWN)
    return yaml.safe_load(to_file_text(result.meta, result.body).split("---\n")[1])


def front_as(text: str, suffix: str, folder) -> dict:
    """The same minutes written as text, Word or PDF and imported from that file."""
    path = folder / f"protokoll.{suffix}"
    WRITERS[suffix](blocks_from_text(text), path)
    reading = read_minutes(path)
    assert reading.error is None, reading.error
    return front(reading.text, path.name)


def names(people) -> list[str]:
    out = []
    for item in people or []:
        if isinstance(item, dict) and "people" in item:
            out.extend(names(item["people"]))
        else:
            out.append(item["name"] if isinstance(item, dict) else item)
    return out


NETWORK = """\
# Nätverksmöte för jobbcoacher

Samordningsförbundet Västmark

Datum: 5.11.2024
Tid: 13.00 – 15.00
Plats: Stadsbiblioteket, Sala

## 1. Inledning

Alla hälsades välkomna.

## 2. Runda

Kort runda bland deltagarna.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_a_network_meeting_with_a_dotted_date_under_its_title_heading(tmp_path, suffix):
    meta = front_as(NETWORK, suffix, tmp_path)
    assert meta["type"] == "nätverksmöte" and meta["title"].startswith("Nätverksmöte för jobbcoacher")
    assert (meta["date"], meta["start"], meta["end"]) == (dt.date(2024, 11, 5), "13:00", "15:00")
    assert meta["location"] == "Stadsbiblioteket, Sala"


def test_a_compound_meeting_word_in_the_title_is_the_generic_type():
    meta = front("Samordningsförbundet Sydvik\n\nDialogmöte om unga vuxna\n\n"
                 "Datum: 2024-02-07\n\n1. Inledning\nText.\n\n2. Avslut\nText.\n")
    assert meta["type"] == "möte" and meta["title"].startswith("Dialogmöte om unga vuxna")
    meta = front("Samverkansmöte med parterna\n\nDatum: 2024-02-07\n\n1. Inledning\nText.\n")
    assert meta["type"] == "samverkansmöte"


def test_a_date_with_points_needs_its_year():
    meta = front("Arbetsgruppsmöte\n\nDatum: 12.3.2024\nTid: kl 12.30\n\n1. Inledning\nText.\n")
    assert meta["date"] == dt.date(2024, 3, 12) and meta["start"] == "12:30"


BOARD = """\
Samordningsförbundet Sydvik

# Protokoll från styrelsens sammanträde

Datum: 2024-09-19
Tid: 09.00–11.00
Plats: Kommunhuset, Ås

## Närvarande ledamöter

Greta Lund (S), Ås kommun, ordförande
Pål Berg, Länsförsäkringskassan

## Ersättare som inte tjänstgör

Ivar Holm (M), Ås kommun

## Övriga närvarande

Tilda Ström, förbundschef, sekreterare
Rune Falk, sakkunnigt biträde till revisorerna, § 3

## § 1 Mötets öppnande

Ordföranden öppnar mötet.

## § 2 Ekonomi

Förbundschefen redovisar.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_one_person_a_line_with_organisations_roles_and_paragraphs(tmp_path, suffix):
    meta = front_as(BOARD, suffix, tmp_path)
    assert (meta["date"], meta["start"], meta["location"]) == (dt.date(2024, 9, 19), "09:00", "Kommunhuset, Ås")
    assert names(meta["present"]) == ["Greta Lund", "Pål Berg", "Ivar Holm", "Tilda Ström", "Rune Falk"]
    assert meta["present"][2] == {"group": "Ersättare som inte tjänstgör",
                                  "people": [{"name": "Ivar Holm", "role": "Ås kommun (M)"}]}
    assert {"name": "Rune Falk", "role": "sakkunnigt biträde till revisorerna, § 3"} in meta["present"][3]["people"]
    assert (meta["chair"], meta["secretary"]) == ("Greta Lund", "Tilda Ström")


def test_an_organisation_after_a_name_is_no_person():
    meta = front("Arbetsgruppsmöte\n\nDatum: 2024-04-11\n\nNärvarande:\n"
                 "- Lisa Ek, Finsam Ås\n- Omar Said, Västra Götalandsregionen, vårdcentralen Hjo\n"
                 "- Eva Nord, Ungdomsmottagningen Kumla\n\n1. Inledning\nText.\n")
    assert names(meta["present"]) == ["Lisa Ek", "Omar Said", "Eva Nord"]
    assert meta["present"][1]["role"] == "Västra Götalandsregionen, vårdcentralen Hjo"
    meta = front("Arbetsgruppsmöte\n\nDatum: 2024-04-11\n\n"
                 "Övriga närvarande: Ines Ek, förbundschef; Hugo Ahl, kommunikatör, § 10\n\n1. Inledning\nText.\n")
    assert meta["present"] == [{"group": "Övriga närvarande", "people": [
        {"name": "Ines Ek", "role": "förbundschef"}, {"name": "Hugo Ahl", "role": "kommunikatör, § 10"}]}]


TABLE_ROWS = [("Namn", "Parti", "Organisation", "Roll", "Närvaro"),
              ("Maja Dahl", "S", "Ås kommun", "Ordförande", "Närvarande"),
              ("Pelle Ring", "M", "Bo kommun", "Ledamot", "Förhinder"),
              ("Sigrid Ahl", "C", "Bo kommun", "Ersättare", "Tjänstgörande för Pelle Ring"),
              ("Leo Berg", "–", "Samordningsförbundet Sydvik", "Förbundschef", "Närvarande")]


def test_a_word_table_of_people_is_read_by_its_heading_row(tmp_path):
    import docx
    document = docx.Document()
    document.add_heading("Protokoll styrelsemöte", level=1)
    document.add_paragraph("Datum: 2024-03-21")
    document.add_heading("Närvaro", level=2)
    table = document.add_table(rows=0, cols=5)
    for row in TABLE_ROWS:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    document.add_paragraph("Sekreterare: Leo Berg")
    document.add_heading("§ 1 Mötets öppnande", level=2)
    document.add_paragraph("Ordföranden öppnar mötet.")
    document.add_heading("§ 2 Avslutning", level=2)
    document.add_paragraph("Mötet avslutas.")
    path = tmp_path / "protokoll.docx"
    document.save(path)
    meta = front(read_minutes(path).text, path.name)
    assert meta["present"] == [
        {"name": "Maja Dahl", "role": "ordförande, Ås kommun (S)"},
        {"name": "Sigrid Ahl", "role": "ersättare, Bo kommun, tjänstgörande för Pelle Ring (C)"},
        {"name": "Leo Berg", "federation": "sydvik", "role": "förbundschef"}]
    assert meta["absent"] == [{"name": "Pelle Ring", "role": "ledamot, Bo kommun (M)"}]
    assert (meta["chair"], meta["secretary"]) == ("Maja Dahl", "Leo Berg")


def test_a_markdown_table_groups_people_by_where_they_were():
    meta = front("## Beredningsgruppen\n\n**Datum:** 2024-05-22\n\n**Deltagare**\n\n"
                 "| Namn | Organisation | Närvaro |\n|---|---|---|\n"
                 "| Ann Ek | Ås kommun | I rummet |\n| Bo Lind | Försäkringskassan | Teams |\n"
                 "| Cia Holm | Region Ås | Förhinder |\n\n### 1. Öppnande\n\nText.\n\n### 2. Avslut\n\nText.\n")
    assert meta["present"] == [{"group": "I rummet", "people": [{"name": "Ann Ek", "role": "Ås kommun"}]},
                               {"group": "Teams", "people": [{"name": "Bo Lind", "role": "Försäkringskassan"}]}]
    assert meta["absent"] == [{"name": "Cia Holm", "role": "Region Ås"}] and meta["online"] is True
    # a table whose heading row has no name column stays in the text
    result = import_minutes("Styrgruppsmöte\n\nDatum: 2024-05-22\n\n| Punkt | Ansvarig |\n|---|---|\n"
                            "| Budget | Ann Ek |\n\n1. Öppnande\nText.\n", "m.txt", KNOWN)
    assert "| Budget | Ann Ek |" in result.body


PROSE_OFFICERS = """\
# Nätverksträff för studie- och yrkesvägledare

Datum: 2024-10-03
Plats: Teams

Närvarande: Vera Lund (Ås kommun), Arvid Holm (Bo kommun), Saga Ek (Försäkringskassan)

Mötet leddes av Vera Lund. Anteckningar: Saga Ek.

## 1. Inledning

Vera hälsade välkommen.

## 2. Runda

Alla berättade kort.
"""


@pytest.mark.parametrize("suffix", ["txt", "docx", "pdf"])
def test_the_chair_and_secretary_named_in_prose(tmp_path, suffix):
    meta = front_as(PROSE_OFFICERS, suffix, tmp_path)
    assert meta["type"] == "nätverksmöte"
    assert (meta["chair"], meta["secretary"]) == ("Vera Lund", "Saga Ek")
    assert names(meta["present"]) == ["Vera Lund", "Arvid Holm", "Saga Ek"]


def test_officers_with_a_role_on_one_line_and_a_first_name_noted():
    meta = front("Arbetsgruppsmöte\n\nDatum: 2024-11-28   Tid: 9.00–12.00   Plats: Teams\n"
                 "Ordförande: Jessica Berg, förbundschef   Sekreterare: Alf Nyberg\n\n"
                 "Närvarande: Jessica Berg, Alf Nyberg\n\n1. Inledning\nText.\n")
    assert meta["chair"] == {"name": "Jessica Berg", "role": "förbundschef"} and meta["secretary"] == "Alf Nyberg"
    meta = front("Arbetsgruppsmöte\n\nDatum: 2024-11-28\n\nNärvarande:\nMalin Ås, Bo kommun\nErik Ek, Region Ås\n\n"
                 "Ordförande: Malin\nVid pennan: Erik\n\n1. Inledning\nText.\n")
    assert (meta["chair"], meta["secretary"]) == ("Malin", "Erik")      # as written
    assert any("Malin Ås" in note for note in meta["import_notes"])
    assert any("Erik Ek" in note for note in meta["import_notes"])


WRAPPED = """\
FÖRBUNDSCHEFSMÖTE

Datum: 2024-01-18
Tid: 10:00-12:00

Närvarande: Helga Brandt (Samordningsförbundet Norrback), Mattias Öst (Samordningsförbundet Gävlebygden), Karin Sund (Finsam Falun-Borlänge), Ingrid Lövgren (Samordningsförbundet Sydvik), Robert Wik (Samordningsförbundet Västra Dalarna)

Förhinder: Annelie Rask (Samordningsförbundet Sandviken-Hofors), Göran Hed (Samordningsförbundet Mellersta Dalarna), Bo Ek (Region Dalarna)

1. Mötets öppnande
Helga öppnade mötet.

2. Runda
Nytt från förbunden.
"""

WRAPPED_PEOPLE = ["Helga Brandt", "Mattias Öst", "Karin Sund", "Ingrid Lövgren", "Robert Wik"]


def _hard_wrapped(text: str, width: int = 78) -> str:
    """The text as an editor with line breaks at a width writes it."""
    import textwrap
    return "\n".join(textwrap.fill(line, width) if line else "" for line in text.split("\n"))


@pytest.mark.parametrize("suffix", ["txt", "pdf"])
def test_a_list_of_people_wrapped_across_lines(tmp_path, suffix):
    if suffix == "txt":
        meta = front(_hard_wrapped(WRAPPED))
    else:
        meta = front_as(WRAPPED, suffix, tmp_path)      # the PDF wraps the long paragraphs itself
    assert names(meta["present"]) == WRAPPED_PEOPLE
    assert meta["present"][0] == {"name": "Helga Brandt", "federation": "norrback"}
    assert meta["present"][1] == {"name": "Mattias Öst", "role": "Samordningsförbundet Gävlebygden"}
    assert names(meta["absent"]) == ["Annelie Rask", "Göran Hed", "Bo Ek"]


def test_groups_of_people_under_one_label_with_a_wrapped_line():
    meta = front("Dialogmöte om unga vuxna\n\nDatum: 2024-02-07\n\nDeltagare\n"
                 "Styrelsen: Ola Hägg (ordf.), Birgit Sand (v. ordf.)\n"
                 "Beredningsgruppen: Nina Kask (Ås kommun), Jörgen Pil (Försäkringskassan),\n"
                 "Elif Demir (Arbetsförmedlingen)\n"
                 "Gäst: Tove Lund, Ungdomsmottagningen Ås\n\nVid pennan: Nina Kask\n\n"
                 "Inledning\nOla hälsade välkommen.\n")
    assert names(meta["present"]) == ["Ola Hägg", "Birgit Sand", "Nina Kask", "Jörgen Pil", "Elif Demir", "Tove Lund"]
    assert meta["present"][2] == {"name": "Tove Lund", "role": "gäst, Ungdomsmottagningen Ås"}
    assert (meta["chair"], meta["secretary"]) == ("Ola Hägg", "Nina Kask")


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_title_of_the_type_alone_takes_the_line_under_it(tmp_path, suffix):
    text = ("STYRGRUPPSMÖTE\n\nProjektet Fyren i Norrback\n\nMinnesanteckningar\n\n"
            "Datum: 2024-01-18\n\n1. Inledning\nText.\n\n2. Avslut\nText.\n")
    meta = front_as(text, suffix, tmp_path)
    assert meta["type"] == "styrgrupp" and meta["title"] == "Styrgruppsmöte Projektet Fyren i Norrback 18 januari 2024"
    # a title with more words than the type keeps to its own line
    meta = front("Styrgruppsmöte för Fyren\n\nProjektet i Norrback\n\nDatum: 2024-01-18\n\n1. Inledning\nText.\n")
    assert meta["title"] == "Styrgruppsmöte för Fyren 18 januari 2024"
