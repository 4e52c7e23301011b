"""Word (.docx) → the lines the importer reads (generator/importer/readers/docx.py)."""
from __future__ import annotations

import io

import docx

from generator.importer.readers.docx import read_docx


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
