"""LibreOffice (.odt) → the lines the importer reads (generator/importer/readers/odt.py)."""
from __future__ import annotations

import zipfile

from generator.authoring.importer.readers import read_minutes
from generator.authoring.importer.readers.odt import read_odt

from .documents import BOARD_PROTOCOL, NETWORK_MEETING, to_odt


def test_odt_headings_lists_bold_and_tables(tmp_path):
    text = read_odt(to_odt(NETWORK_MEETING, tmp_path / "m.odt").read_bytes())
    assert text.startswith("# Minnesanteckningar presidiemöte\n")
    assert "**Datum:** 2024-11-13\n**Tid:** 9.30–11.30" in text
    assert "- Hanna Berg (ordf.)\n- Ola Svensson (FC)" in text
    assert "## 3. Nästa möte" in text
    board = read_odt(to_odt(BOARD_PROTOCOL, tmp_path / "b.odt").read_bytes())
    assert "Datum och tid: Tisdagen den 8 oktober 2024, kl. 13.00–15.30\nPlats: Folkets hus, Heby" in board


def test_an_odt_without_content_is_a_message(tmp_path):
    path = tmp_path / "tom.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    reading = read_minutes(path)
    assert reading.text is None and "tom.odt: is a Word or PDF file that cannot be read" in reading.error
