"""PDF with a text layer → the lines the importer reads (generator/importer/readers/pdf.py)."""
from __future__ import annotations

import datetime as dt

from reportlab.pdfgen import canvas

from generator.authoring.importer import import_minutes
from generator.authoring.importer.readers import read_minutes
from generator.authoring.importer.readers.pdf import read_pdf

from .documents import BOARD_PROTOCOL, NETWORK_MEETING, to_pdf
from .helpers import KNOWN


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


def test_a_running_header_is_kept_once(tmp_path):
    path = tmp_path / "sidor.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    for number in (1, 2):
        page.setFont("Helvetica", 9)
        page.drawString(72, 800, "Samordningsförbundet Sydvik – Protokoll 2024-03-12")
        page.drawString(500, 30, f"Sida {number} av 2")
        page.setFont("Helvetica", 11)
        page.drawString(72, 700, f"Text på sidan {number}.")
        page.showPage()
    page.save()
    lines = read_pdf(path.read_bytes()).splitlines()
    assert [line for line in lines if "Protokoll 2024-03-12" in line] == [
        "Samordningsförbundet Sydvik – Protokoll 2024-03-12"]
    assert "Text på sidan 1." in lines and "Text på sidan 2." in lines
    assert not any("Sida" in line for line in lines)


def test_labels_over_values_in_columns(tmp_path):
    path = tmp_path / "kolumner.pdf"
    page = canvas.Canvas(str(path), invariant=1)
    page.setFont("Helvetica-Bold", 16)
    page.drawString(72, 760, "Styrelsemöte Sydvik")
    for y, cells in ((720, ("Datum", "Tid", "Plats")), (705, ("2024-05-20", "13.00–15.00", "Kommunhuset"))):
        for x, cell in zip((72, 200, 330), cells):
            page.setFont("Helvetica-Bold" if y == 720 else "Helvetica", 11)
            page.drawString(x, y, cell)
    page.setFont("Helvetica", 11)
    page.drawString(72, 670, "Närvarande: Anna Berg, Olle Lund")
    page.save()
    meta = import_minutes(read_pdf(path.read_bytes()), "kolumner.pdf", KNOWN).meta
    assert (meta["date"], meta["start"], meta["end"], meta["location"]) == (
        dt.date(2024, 5, 20), "13:00", "15:00", "Kommunhuset")
