"""Attachments read for accessibility: PDFs without tags, language or title, scans without text,
Word files without headings and slides without titles are named by `sitegen check` (with the
fix), on the meeting's page and in the accessibility statement. Every file is made here."""
from __future__ import annotations

import io

import pytest

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree, text_of

from generator.content import documents
from generator.authoring.check import check_site

reportlab = pytest.importorskip("reportlab")
docx = pytest.importorskip("docx")
pptx = pytest.importorskip("pptx")

FOLDER = "content/meetings/2021-11-17-forbundschefsmote"


def plain_pdf(title: str | None = "Bilder från mötet") -> bytes:
    """A PDF as most tools write it: text, no tags, no language."""
    from reportlab.pdfgen import canvas
    out = io.BytesIO()
    page = canvas.Canvas(out)
    if title:
        page.setTitle(title)
    page.drawString(72, 720, "Förbundschefsmöte 17 november 2021")
    page.showPage()
    page.save()
    return out.getvalue()


def tagged_pdf() -> bytes:
    """The same PDF with a structure tree, marked as tagged, in Swedish, with a title."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject
    writer = PdfWriter(clone_from=io.BytesIO(plain_pdf(title=None)))
    root = writer._root_object
    root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    root[NameObject("/StructTreeRoot")] = writer._add_object(
        DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
    root[NameObject("/Lang")] = TextStringObject("sv-SE")
    writer.add_metadata({"/Title": "Protokoll 17 november 2021"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A scanner's PDF: each page one image, no text at all."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    picture = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        picture.putpixel((x, 40), 0)                                  # a line of "text" on paper
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setTitle("Skannat protokoll")
    page.drawImage(ImageReader(picture), 0, 0, width=595, height=842)
    page.showPage()
    page.save()
    return out.getvalue()


def word_file(with_heading: bool) -> bytes:
    document = docx.Document()
    if with_heading:
        document.add_heading("1. Mötets öppnande", level=1)
    else:
        document.add_paragraph().add_run("1. Mötets öppnande").bold = True   # looks like a heading, is not
    document.add_paragraph("Kipa hälsar välkommen.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def slides(titled: int, untitled: int) -> bytes:
    deck = pptx.Presentation()
    for number in range(titled):
        slide = deck.slides.add_slide(deck.slide_layouts[5])           # "Title Only"
        slide.shapes.title.text = f"Bild {number + 1}"
    for _ in range(untitled):
        slide = deck.slides.add_slide(deck.slide_layouts[6])           # "Blank"
        slide.shapes.add_textbox(0, 0, 100, 100).text_frame.text = "Bara text"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# ---------- one file at a time ----------

def codes(data: bytes, suffix: str) -> list[str]:
    return [f.code for f in documents.inspect(data, suffix)]


def test_an_untagged_pdf_lacks_tags_and_language_but_has_its_title():
    assert codes(plain_pdf(), ".pdf") == ["untagged", "no-language"]


def test_a_pdf_without_a_title_of_its_own_is_named():
    assert "no-title" in codes(plain_pdf(title=None), ".pdf")    # reportlab writes 'untitled'


def test_a_tagged_pdf_in_swedish_with_a_title_passes():
    assert codes(tagged_pdf(), ".pdf") == []


def test_a_scan_without_text_is_named_as_a_scan():
    assert codes(scanned_pdf(), ".pdf")[0] == "scanned"
    assert "scanned" not in codes(plain_pdf(), ".pdf")


def test_word_files_need_real_headings_not_bold_text():
    assert codes(word_file(with_heading=False), ".docx") == ["no-headings"]
    assert codes(word_file(with_heading=True), ".docx") == []


def test_every_slide_needs_a_title():
    assert documents.inspect(slides(2, 1), ".pptx") == (documents.Finding("no-slide-titles", 1, 3),)
    assert documents.inspect(slides(3, 0), ".pptx") == ()


def test_a_damaged_file_is_unreadable_and_other_formats_are_not_read():
    assert codes(b"%PDF-1.4\n", ".pdf") == ["unreadable"]
    assert codes(b"not a zip", ".docx") == ["unreadable"]
    assert codes(b"\x89PNG", ".png") == []


# ---------- the site: check, pages and the accessibility statement ----------

@pytest.fixture
def with_attachments(tmp_path) -> SiteTree:
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote/index.md": MEETING,
                                             "pages/tillganglighet.md": "---\ntitle: Tillgänglighetsredogörelse\n"
                                                                        "menu: 1\n---\nOm webbplatsen.\n"})
    folder = tree.root / FOLDER
    for name, data in {"bilder.pdf": plain_pdf(), "protokoll.pdf": tagged_pdf(), "skannat.pdf": scanned_pdf(),
                       "anteckningar.docx": word_file(with_heading=False),
                       "dagordning.docx": word_file(with_heading=True)}.items():
        (folder / name).write_bytes(data)
    return tree


def test_check_names_each_file_with_what_is_missing_and_the_fix(with_attachments):
    problems, _pages = check_site(with_attachments.root, today=None)
    found = {}
    for problem in problems:
        if problem.path.startswith(FOLDER + "/"):
            assert problem.severity == "warning"
            found.setdefault(problem.path.rsplit("/", 1)[1], []).append(str(problem))
    assert sorted(found) == ["anteckningar.docx", "bilder.pdf", "skannat.pdf"]   # the tagged PDF and the
    bilder = " ".join(found["bilder.pdf"])                                            # Word file with headings pass
    assert "the PDF has no tags" in bilder and "tagged PDF" in bilder
    assert "does not say which language" in bilder and "svenska" in bilder
    assert any("is a scan" in line and "OCR" in line for line in found["skannat.pdf"])
    assert ["has no headings" in line and "Rubrik 1" in line for line in found["anteckningar.docx"]] == [True]
    assert all(line.startswith(f"{FOLDER}/") for lines in found.values() for line in lines)


def test_the_page_gives_each_attachments_format_and_says_which_are_not_accessible(with_attachments):
    with_attachments.build()
    doc = with_attachments.html("moten/2021-11-17-forbundschefsmote/")
    items = {text_of(li.find("a")): li for li in doc.findall(".//ul[@class='attachments']/li")}
    assert sorted(items) == ["anteckningar.docx", "bilder.pdf", "dagordning.docx", "protokoll.pdf", "skannat.pdf"]
    assert text_of(items["protokoll.pdf"].find("span[@class='meta']")).startswith("(PDF, ")
    assert text_of(items["dagordning.docx"].find("span[@class='meta']")).startswith("(Word, ")
    notes = {name: li.find("p[@class='attachment-note']") for name, li in items.items()}
    assert notes["protokoll.pdf"] is None and notes["dagordning.docx"] is None
    assert "saknar taggar" in text_of(notes["bilder.pdf"]) and "saknar angivet dokumentspråk" in text_of(notes["bilder.pdf"])
    assert "inskannad bild utan text" in text_of(notes["skannat.pdf"])
    assert text_of(notes["anteckningar.docx"]).startswith("Inte tillgänglighetsanpassad: saknar rubriker.")
    assert notes["bilder.pdf"].find("a").get("href") == "/tillganglighet/"


def test_the_accessibility_statement_lists_them_as_known_shortcomings(with_attachments):
    with_attachments.build()
    doc = with_attachments.html("tillganglighet/")
    section = doc.find(".//section[@aria-labelledby='bilagor-som-inte-ar-tillgangliga']")
    listed = [text_of(li.find("a")) for li in section.findall(".//li")]
    assert sorted(listed) == ["anteckningar.docx", "bilder.pdf", "skannat.pdf"]
    assert "saknar rubriker" in text_of(section)
    links = {a.get("href") for a in section.iter("a")}
    assert "/moten/2021-11-17-forbundschefsmote/bilder.pdf" in links and "/moten/2021-11-17-forbundschefsmote/" in links


def test_a_fixed_attachment_leaves_the_statement_on_the_next_build(with_attachments):
    with_attachments.build()
    (with_attachments.root / FOLDER / "bilder.pdf").write_bytes(tagged_pdf())
    with_attachments.build()
    section = with_attachments.html("tillganglighet/").find(".//section[@aria-labelledby='bilagor-som-inte-ar-tillgangliga']")
    assert "bilder.pdf" not in [text_of(li.find("a")) for li in section.findall(".//li")]
    page = with_attachments.html("moten/2021-11-17-forbundschefsmote/")
    bilder = next(li for li in page.findall(".//ul[@class='attachments']/li") if text_of(li.find("a")) == "bilder.pdf")
    assert bilder.find("p[@class='attachment-note']") is None


def test_a_rebuild_does_not_read_unchanged_attachments_again(with_attachments, monkeypatch):
    with_attachments.build()
    read = []
    original = documents.inspect
    monkeypatch.setattr(documents, "inspect", lambda data, suffix: read.append(suffix) or original(data, suffix))
    monkeypatch.setattr(documents, "_seen", {})       # each build below as a new `sitegen build` process would
    monkeypatch.setattr(with_attachments, "build", lambda build=with_attachments.build: (documents._seen.clear(), build()))
    (with_attachments.root / FOLDER / "index.md").write_text(
        (with_attachments.root / FOLDER / "index.md").read_text(encoding="utf-8") + "\nTillägg.\n", encoding="utf-8")
    with_attachments.build()
    assert read == []
    copy = (with_attachments.root / FOLDER / "bilder.pdf").read_bytes()
    (with_attachments.root / FOLDER / "ny.pdf").write_bytes(copy)          # the same bytes as bilder.pdf
    with_attachments.build()
    assert read == []                                                      # known by its digest
    (with_attachments.root / FOLDER / "annan.pdf").write_bytes(tagged_pdf() + b"\n")
    with_attachments.build()
    assert read == [".pdf"]
