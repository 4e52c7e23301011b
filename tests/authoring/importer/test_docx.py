"""Word (.docx) → the lines the importer reads (generator/importer/readers/docx.py)."""
from __future__ import annotations

import io

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from generator.authoring.importer.readers.docx import read_docx


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


def _numbered(document, text: str, num_id: int, style: str | None = None):
    paragraph = document.add_paragraph(text, style=style)
    pPr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", str(num_id))):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        num_pr.append(element)
    pPr.append(num_pr)
    return paragraph


def test_words_own_numbering_keeps_the_agenda_numbers():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    document.add_paragraph("Styrelsemöte 2024-03-12")
    _numbered(document, "Mötets öppnande", 90, style="Heading 2")
    document.add_paragraph("Ordföranden öppnade mötet.")
    _numbered(document, "Ekonomi", 90, style="Heading 2")
    document.add_paragraph("Budgeten godkändes.")
    text = read_docx(docx_bytes(document))
    assert "## § 1 Mötets öppnande\n\nOrdföranden öppnade mötet.\n\n## § 2 Ekonomi" in text


def test_a_table_of_labels_over_values_becomes_label_lines():
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for row, values in zip(table.rows, (("Datum", "Tid", "Plats"), ("2024-05-20", "13.00–15.00", "Kommunhuset"))):
        for cell, value in zip(row.cells, values):
            cell.text = value
    assert read_docx(docx_bytes(document)).splitlines() == [
        "Datum: 2024-05-20", "Tid: 13.00–15.00", "Plats: Kommunhuset"]


def test_text_in_hyperlinks_and_content_controls_and_tabs():
    document = docx.Document()
    paragraph = document.add_paragraph("Läs mer på ")
    link = parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>förbundets webbplats</w:t></w:r></w:hyperlink>')
    paragraph._p.append(link)
    paragraph.add_run(".")
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Protokoll styrelsemöte</w:t></w:r></w:p>'
                    f'</w:sdtContent></w:sdt>')
    document.element.body.insert(0, sdt)
    tabbed = document.add_paragraph()
    tabbed.add_run("Datum:")
    tabbed.add_run().add_tab()
    tabbed.add_run("2024-05-20")
    text = read_docx(docx_bytes(document))
    assert text.splitlines()[0] == "Protokoll styrelsemöte"
    assert "Läs mer på förbundets webbplats." in text
    assert "Datum:\t2024-05-20" in text
