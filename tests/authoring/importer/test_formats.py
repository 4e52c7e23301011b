"""The same minutes imported from text, Word, LibreOffice and PDF give the same fields."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.authoring.importer import import_minutes
from generator.authoring.importer.readers import read_minutes

from .documents import BOARD_PROTOCOL, COLUMN_PROTOCOL, NETWORK_MEETING, blocks_from_text, to_docx, to_odt, to_pdf, to_text
from .helpers import ALL_FIXTURES, FIXTURES, KNOWN

WRITERS = {
    "txt": lambda blocks, path: path.write_text(to_text(blocks), encoding="utf-8"),
    "docx": to_docx, "odt": to_odt, "pdf": to_pdf,
}


def import_as(blocks, suffix: str, folder):
    path = folder / f"protokoll.{suffix}"
    WRITERS[suffix](blocks, path)
    reading = read_minutes(path)
    assert reading.error is None, reading.error
    return import_minutes(reading.text, path.name, KNOWN)


def fields(result) -> dict:
    meta = {k: v for k, v in result.meta.items() if k not in ("uid", "source", "import_notes")}
    meta["events"] = [(str(e.meta["start"]), e.meta["title"], e.meta["status"]) for e in result.events]
    return meta


@pytest.mark.parametrize("suffix", ["txt", "docx", "odt", "pdf"])
def test_board_protocol_in_every_format(tmp_path, suffix):
    meta = import_as(BOARD_PROTOCOL, suffix, tmp_path).meta
    assert (meta["type"], meta["date"], meta["start"], meta["end"]) == (
        "styrelse", dt.date(2024, 10, 8), "13:00", "15:30")
    assert meta["location"] == "Folkets hus, Heby" and meta["federations"] == ["vastmark"]
    assert meta["chair"] == "Stina Karlsson" and meta["secretary"] == "Petter Lundgren"
    assert [g["group"] for g in meta["present"]] == [
        "Beslutande ledamöter", "Tjänstgörande ersättare", "Övriga närvarande"]
    assert meta["present"][0]["people"][1] == {
        "name": "Göran Nilsson", "role": "vice ordförande, Region Västmanland (S)"}
    assert meta["projects"] == ["lumina-novare"]


@pytest.mark.parametrize("suffix", ["txt", "docx", "odt", "pdf"])
def test_network_meeting_in_every_format(tmp_path, suffix):
    result = import_as(NETWORK_MEETING, suffix, tmp_path)
    meta = result.meta
    assert (meta["type"], meta["date"], meta["start"], meta["end"], meta["online"]) == (
        "presidiemöte", dt.date(2024, 11, 13), "09:30", "11:30", True)
    assert meta["chair"] == "Hanna Berg" and meta["secretary"] == "Ola Svensson"
    assert [(g["group"], g["federation"], len(g["people"])) for g in meta["present"]] == [
        ("Sydvik", "sydvik", 2), ("Västmark", "vastmark", 2)]
    assert meta["absent"] == [{"name": "Maj Ström", "federation": "ostra-dalen"}]
    events = {str(e.meta["start"]): e.meta for e in result.events}
    assert events["2024-12-11"]["status"] == "inställd" and "Flyttat till 18 december" in events["2024-12-11"]["note"]
    assert events["2024-12-18 09:00"]["status"] == "preliminär"
    assert "Alternativa datum" in events["2025-03-05"]["note"] and "2025-03-06" in events
    assert events["2025-02-14"]["title"].startswith("Sista dag")


@pytest.mark.parametrize("suffix", ["txt", "docx", "odt", "pdf"])
def test_a_protocol_in_two_columns_in_every_format(tmp_path, suffix):
    meta = import_as(COLUMN_PROTOCOL, suffix, tmp_path).meta
    assert (meta["date"], meta["start"], meta["end"], meta["location"]) == (
        dt.date(2024, 4, 17), "09:00", "11:45", "Stadshuset, rum Björken")
    assert [(g["group"], [p["name"] for p in g["people"]]) for g in meta["present"]] == [
        ("Beslutande", ["Maria Holm", "Peter Lind", "Sara Berg"]), ("Ersättare", ["Nils Ek"]),
        ("Övriga deltagare", ["Frida Sjö", "Kim Ahl"])]
    assert (meta["chair"], meta["secretary"], meta["federations"]) == ("Maria Holm", "Kim Ahl", ["sydvik"])


@pytest.mark.parametrize("blocks", [BOARD_PROTOCOL, NETWORK_MEETING, COLUMN_PROTOCOL],
                         ids=["board", "network", "columns"])
def test_text_word_libreoffice_and_pdf_give_the_same_fields(tmp_path, blocks):
    found = {suffix: fields(import_as(blocks, suffix, tmp_path)) for suffix in WRITERS}
    for suffix in ("docx", "odt", "pdf"):
        assert found[suffix] == found["txt"], suffix


@pytest.mark.parametrize("name", ALL_FIXTURES)
@pytest.mark.parametrize("suffix", ["docx", "odt", "pdf"])
def test_every_fixture_gives_the_same_fields_from_word_libreoffice_and_pdf(tmp_path, name, suffix):
    """Each text fixture laid out as a word processor would (headings, lists, paragraphs with line
    breaks) and saved in another format reads back to the same fields and events."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    original = fields(import_minutes(text, name, KNOWN))
    assert fields(import_as(blocks_from_text(text), suffix, tmp_path)) == original
