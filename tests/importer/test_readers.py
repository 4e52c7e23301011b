"""Readers: Word, LibreOffice and PDF files → the lines the importer reads (generator/importer/readers/)."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from reportlab.pdfgen import canvas

from generator.importer.readers import read_minutes
from generator.importer.readers.docx import read_docx
from generator.importer.readers.odt import read_odt
from generator.importer.readers.pdf import read_pdf

from .documents import BOARD_PROTOCOL, NETWORK_MEETING, to_odt, to_pdf


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_styles_become_markdown():
    document = docx.Document()
    document.add_heading("Protokoll styrelsemöte", level=1)
    document.add_heading("§ 1 Mötets öppnande", level=2)
    paragraph = document.add_paragraph()
    paragraph.add_run("Beslut:").bold = True
    paragraph.add_run(" att godkänna dagordningen.")
    document.add_paragraph("Första punkten", style="List Bullet")
    document.add_paragraph("Andra punkten", style="List Bullet")
    document.add_paragraph("Ett", style="List Number")
    document.add_paragraph("Två", style="List Number")
    lines = document.add_paragraph("Datum: 3 mars 2024")
    lines.add_run().add_break()
    lines.add_run("Plats: Stadshuset")
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (("Namn", "Roll", "Förbund"), ("Anna", "FC", "Sydvik"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    text = read_docx(docx_bytes(document))
    assert "# Protokoll styrelsemöte\n" in text
    assert "## § 1 Mötets öppnande\n" in text
    assert "**Beslut:** att godkänna dagordningen." in text
    assert "- Första punkten\n- Andra punkten" in text
    assert "1. Ett\n2. Två" in text
    assert "Datum: 3 mars 2024\nPlats: Stadshuset" in text
    assert "| Namn | Roll | Förbund |\n|---|---|---|\n| Anna | FC | Sydvik |" in text


def test_a_label_table_becomes_label_lines():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Datum", "12 mars 2024"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Plats:", "Kommunhuset"
    text = read_docx(docx_bytes(document))
    assert text.splitlines() == ["Datum: 12 mars 2024", "Plats: Kommunhuset"]


def test_odt_headings_lists_bold_and_tables(tmp_path):
    text = read_odt(to_odt(NETWORK_MEETING, tmp_path / "m.odt").read_bytes())
    assert text.startswith("# Minnesanteckningar presidiemöte\n")
    assert "**Datum:** 2024-11-13\n**Tid:** 9.30–11.30" in text
    assert "- Hanna Berg (ordf.)\n- Ola Svensson (FC)" in text
    assert "## 3. Nästa möte" in text
    board = read_odt(to_odt(BOARD_PROTOCOL, tmp_path / "b.odt").read_bytes())
    assert "Datum och tid: Tisdagen den 8 oktober 2024, kl. 13.00–15.30\nPlats: Folkets hus, Heby" in board


def test_pdf_layout_becomes_headings_paragraphs_and_lists(tmp_path):
    text = read_pdf(to_pdf(BOARD_PROTOCOL, tmp_path / "b.pdf").read_bytes())
    lines = text.splitlines()
    assert lines[0] == "# Protokoll"
    assert "## § 2 Ekonomisk uppföljning" in lines
    # the two columns of the label table are one line, with the label's colon
    assert "Datum och tid: Tisdagen den 8 oktober 2024, kl. 13.00–15.30" in lines
    # a paragraph the page wrapped is one line again; bullets are list items
    assert ("Ingrid Wall redogjorde för utfallet till och med augusti. Insatsen Lumina Novare "
            "följer budget.") in lines
    assert "- Verksamhetsplanen behandlas i april." in lines
    # the page number is not text of the minutes
    assert "1" not in lines
    network = read_pdf(to_pdf(NETWORK_MEETING, tmp_path / "n.pdf").read_bytes())
    assert "**Närvarande**" in network.splitlines() and "- Lisa Ek, vice ordförande" in network


def test_a_scanned_pdf_is_a_clear_message(tmp_path):
    path = tmp_path / "skannat protokoll.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    page.rect(100, 100, 300, 400, fill=1)      # an image-like page: no text at all
    page.save()
    reading = read_minutes(path)
    assert reading.text is None
    assert "skannat protokoll.pdf: is a PDF without text" in reading.error and "OCR" in reading.error


@pytest.mark.parametrize("name, data, expected", [
    ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "is an old Word file (.doc)"),
    ("trasig.docx", b"PK\x03\x04 not a zip", "is a Word or PDF file that cannot be read"),
    ("trasig.pdf", b"%PDF-1.4\nnot a pdf", "is a Word or PDF file that cannot be read"),
])
def test_broken_office_files_are_messages_not_tracebacks(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    reading = read_minutes(path)
    assert reading.text is None and f"{name}: {expected}" in reading.error
    assert "Traceback" not in reading.error


def test_an_odt_without_content_is_a_message(tmp_path):
    path = tmp_path / "tom.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    reading = read_minutes(path)
    assert reading.text is None and "tom.odt: is a Word or PDF file that cannot be read" in reading.error
