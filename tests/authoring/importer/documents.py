"""Minutes written once as blocks and rendered as text, Word (.docx), LibreOffice (.odt) and PDF,
so that the tests can import the same minutes from each format and compare what they give.

Blocks: ("h1", text), ("h2", text), ("p", text with **bold**), ("lines", [line, …]) — one
paragraph with soft line breaks, ("bullets", [item, …]), ("labels", [(label, value), …]) — a
two-column table in Word and LibreOffice, two columns on one line in the PDF.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

BOARD_PROTOCOL = [
    ("h1", "Protokoll"),
    ("p", "Styrelsen för Samordningsförbundet Västmark"),
    ("labels", [("Datum och tid", "Tisdagen den 8 oktober 2024, kl. 13.00–15.30"),
                ("Plats", "Folkets hus, Heby")]),
    ("h2", "Beslutande ledamöter"),
    ("lines", ["Stina Karlsson (C), Heby kommun, ordförande",
               "Göran Nilsson (S), Region Västmanland, vice ordförande",
               "Agnes Holm, Försäkringskassan"]),
    ("h2", "Tjänstgörande ersättare"),
    ("lines", ["Yusuf Demir (M), Sala kommun"]),
    ("h2", "Övriga närvarande"),
    ("lines", ["Ingrid Wall, förbundschef", "Petter Lundgren, sekreterare"]),
    ("h2", "Justerare"),
    ("p", "Göran Nilsson"),
    ("h2", "§ 1 Mötets öppnande"),
    ("p", "Ordföranden öppnade mötet och hälsade alla välkomna."),
    ("h2", "§ 2 Ekonomisk uppföljning"),
    ("p", "Ingrid Wall redogjorde för utfallet till och med augusti. Insatsen Lumina Novare följer budget."),
    ("p", "**Beslut:** Styrelsen godkänner uppföljningen."),
    ("h2", "§ 3 Sammanträdesplan 2025"),
    ("p", "Styrelsen möts 4 februari, 22 april och 10 juni 2025."),
    ("bullets", ["Verksamhetsplanen behandlas i april.", "Årsredovisningen behandlas i februari."]),
    ("h2", "§ 4 Mötets avslutande"),
    ("p", "Ordföranden avslutade mötet."),
]

# a municipal-style protocol: a two-column table of labels, people one a line in the value cell
COLUMN_PROTOCOL = [
    ("lines", ["SAMORDNINGSFÖRBUNDET SYDVIK", "Styrelsen"]),
    ("labels", [("Sammanträdesdatum", "2024-04-17"),
                ("Plats och tid", "Stadshuset, rum Björken, kl. 09.00–11.45"),
                ("Beslutande", "Maria Holm (S), ordförande\nPeter Lind (KD), vice ordförande\nSara Berg, Försäkringskassan"),
                ("Ersättare", "Nils Ek (C)"),
                ("Övriga deltagare", "Frida Sjö, förbundschef\nKim Ahl, sekreterare"),
                ("Utses att justera", "Peter Lind"),
                ("Paragrafer", "1–4")]),
    ("h2", "§ 1 Dagordning"),
    ("p", "Dagordningen fastställs."),
    ("h2", "§ 2 Nästa sammanträde"),
    ("p", "Nästa sammanträde är den 22 maj 2024 kl. 09.00."),
]

NETWORK_MEETING = [
    ("h1", "Minnesanteckningar presidiemöte"),
    ("lines", ["**Datum:** 2024-11-13", "**Tid:** 9.30–11.30", "**Plats:** Teams"]),
    ("p", "**Närvarande**"),
    ("p", "**Sydvik**"),
    ("bullets", ["Hanna Berg (ordf.)", "Ola Svensson (FC)"]),
    ("p", "**Västmark**"),
    ("bullets", ["Lisa Ek, vice ordförande", "Amir Haddad, förbundschef"]),
    ("lines", ["**Förhinder:** Maj Ström, Östra Dalen", "**Mötesledare:** Hanna Berg",
               "**Antecknare:** Ola Svensson"]),
    ("h2", "1. Välkommen"),
    ("p", "Hanna hälsade välkommen."),
    ("h2", "2. Gemensam utbildningsdag"),
    ("p", "Presidierna planerar en gemensam utbildningsdag den 5 eller 6 mars 2025. Sista dag för anmälan är 14 februari."),
    ("h2", "3. Nästa möte"),
    ("p", "Nästa presidiemöte flyttas från 11 december till 18 december kl 9-11."),
]


def _plain(text: str) -> str:
    return text.replace("**", "")


def to_text(blocks) -> str:
    out = []
    for kind, value in blocks:
        if kind == "h1":
            out.append(f"# {value}")
        elif kind == "h2":
            out.append(f"## {value}")
        elif kind == "p":
            out.append(value)
        elif kind == "lines":
            out.append("\n".join(value))
        elif kind == "bullets":
            out.append("\n".join(f"- {item}" for item in value))
        elif kind == "labels":
            rows = []
            for label, text in value:
                first, *more = text.split("\n")
                rows.append(f"{label}: {first}")
                rows.extend(" " * (len(label) + 2) + line for line in more)
            out.append("\n".join(rows))
    return "\n\n".join(out) + "\n"


def _runs(paragraph, text: str) -> None:
    for i, piece in enumerate(re.split(r"\*\*", text)):
        if piece:
            paragraph.add_run(piece).bold = bool(i % 2)


def to_docx(blocks, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_BREAK
    document = docx.Document()
    for kind, value in blocks:
        if kind == "h1":
            document.add_heading(value, level=1)
        elif kind == "h2":
            document.add_heading(value, level=2)
        elif kind == "p":
            _runs(document.add_paragraph(), value)
        elif kind == "lines":
            paragraph = document.add_paragraph()
            for i, line in enumerate(value):
                if i:
                    paragraph.add_run().add_break(WD_BREAK.LINE)
                _runs(paragraph, line)
        elif kind == "bullets":
            for item in value:
                _runs(document.add_paragraph(style="List Bullet"), item)
        elif kind == "labels":
            table = document.add_table(rows=0, cols=2)
            for label, text in value:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = label, text
    document.save(path)
    return path


def to_odt(blocks, path: Path) -> Path:
    """A small .odt written by hand: the parts LibreOffice itself writes, nothing more."""
    body = []

    def spans(text: str) -> str:
        return "".join(f'<text:span text:style-name="B">{escape(p)}</text:span>' if i % 2 else escape(p)
                       for i, p in enumerate(re.split(r"\*\*", text)) if p)

    for kind, value in blocks:
        if kind in ("h1", "h2"):
            body.append(f'<text:h text:outline-level="{kind[1]}">{escape(value)}</text:h>')
        elif kind == "p":
            body.append(f"<text:p>{spans(value)}</text:p>")
        elif kind == "lines":
            body.append("<text:p>" + "<text:line-break/>".join(spans(v) for v in value) + "</text:p>")
        elif kind == "bullets":
            items = "".join(f"<text:list-item><text:p>{spans(v)}</text:p></text:list-item>" for v in value)
            body.append(f"<text:list>{items}</text:list>")
        elif kind == "labels":
            rows = "".join(f"<table:table-row><table:table-cell><text:p>{escape(a)}</text:p></table:table-cell>"
                           "<table:table-cell>" + "".join(f"<text:p>{escape(line)}</text:p>" for line in b.split("\n"))
                           + "</table:table-cell></table:table-row>"
                           for a, b in value)
            body.append(f'<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>{rows}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">'
        '<office:automatic-styles><style:style style:name="B" style:family="text">'
        '<style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>'
        '<office:body><office:text>' + "".join(body) + '</office:text></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '</manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def to_pdf(blocks, path: Path) -> Path:
    """A PDF with a text layer, laid out as a word processor would: larger bold headings, wrapped
    paragraphs, bullets, a two-column label table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    left, right, y = 72, width - 72, height - 72

    def need(space: float) -> None:
        nonlocal y
        if y - space < 72:
            page.showPage()
            y = height - 72

    def line(text: str, x: float = left, size: float = 11, bold_all: bool = False) -> None:
        """One line; '**…**' pieces in bold."""
        nonlocal y
        need(size * 1.4)
        cursor = x
        for i, piece in enumerate(re.split(r"\*\*", text)):
            if not piece:
                continue
            font = "Helvetica-Bold" if bold_all or i % 2 else "Helvetica"
            page.setFont(font, size)
            page.drawString(cursor, y, piece)
            cursor += stringWidth(piece, font, size)
        y -= size * 1.35

    def wrapped(text: str, x: float = left, size: float = 11) -> None:
        if stringWidth(_plain(text), "Helvetica", size) <= right - x:
            line(text, x, size)       # as written, a wide gap between two cells kept
            return
        words, current = text.split(), ""
        for word in words:
            trial = f"{current} {word}".strip()
            if stringWidth(_plain(trial), "Helvetica", size) > right - x and current:
                line(current, x, size)
                current = word
            else:
                current = trial
        if current:
            line(current, x, size)

    for kind, value in blocks:
        if kind in ("h1", "h2"):
            nonlocal_size = 16 if kind == "h1" else 13
            y -= 8
            line(value, size=nonlocal_size, bold_all=True)
            y -= 4
        elif kind == "p":
            wrapped(value)
            y -= 8
        elif kind == "lines":
            for text in value:
                line(text)
            y -= 8
        elif kind == "bullets":
            for item in value:
                need(16)
                page.setFont("Helvetica", 11)
                page.drawString(left, y, "•")
                wrapped(item, x=left + 14)
            y -= 8
        elif kind == "labels":
            for label, text in value:
                need(16)
                page.setFont("Helvetica-Bold", 11)
                page.drawString(left, y, label)
                page.setFont("Helvetica", 11)
                for value_line in text.split("\n"):
                    need(16)
                    page.setFont("Helvetica", 11)
                    page.drawString(left + 130, y, value_line)
                    y -= 11 * 1.35
            y -= 8
    page.drawString(right - 20, 40, "1")
    page.save()
    return path


def blocks_from_text(text: str):
    """A text fixture as blocks: '#' lines are headings, a paragraph of '- ' lines a list, any
    other paragraph one paragraph with its line breaks kept."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        if len(lines) == 1 and re.match(r"^#{1,6}\s", lines[0]):
            level = len(lines[0]) - len(lines[0].lstrip("#"))
            blocks.append(("h1" if level == 1 else "h2", lines[0].lstrip("#").strip()))
        elif all(re.match(r"^[-*]\s", line) for line in lines):
            blocks.append(("bullets", [line[2:].strip() for line in lines]))
        elif len(lines) == 1:
            blocks.append(("p", lines[0]))
        else:
            blocks.append(("lines", lines))
    return blocks
