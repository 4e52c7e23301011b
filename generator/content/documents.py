"""Attachments read for what the DOS law asks of a published document, not only of a page.

Minutes come with attachments (slides, posters, original protocols). A PDF a screen reader can
follow has tags (a structure tree: headings, lists, reading order), a document language and a
title; a scanned page without text says nothing at all. A Word file needs headings to be
navigable, and a slide needs a title. `inspect` reads one file's bytes and names what is
missing; the model is built with the result on each Attachment (`accessibility`, in Swedish, for the
pages and the accessibility statement) and `sitegen check` turns it into warnings with a fix
(`problems`).

Reading a document is slow next to the rest of a build (a big PDF takes a noticeable fraction of
a second), so a result is remembered in the build cache by the file's digest, and the file is
found again by its size and modification time, so an unchanged attachment is not even read.
The result depends on the bytes alone: the same file gives the same finding on every machine.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from generator.store.cache import BuildCache, content_digest, digest
from generator.errors import Problem
from generator.i18n import N_, _

# Bump when what inspect() finds for the same bytes changes (part of the cache key).
DOCUMENTS_VERSION = "1"
INSPECTED = (".pdf", ".docx", ".pptx")

# Titles that programs write when the author gave none.
PLACEHOLDER_TITLES = {"untitled", "unspecified", "namnlös", "namnlöst", "namnlöst dokument", "dokument1",
                      "document1", "powerpoint-presentation", "powerpoint presentation", "presentation1"}


@dataclass(frozen=True)
class Finding:
    """One thing missing from a document; `count`/`of` for findings about some of its parts."""
    code: str
    count: int = 0
    of: int = 0


# code → (what a reader of the page is told, in Swedish; the check's message; the check's fix)
_TEXTS = {
    "unreadable": ("kunde inte läsas",
                   N_("the file cannot be read as {kind} (damaged, or protected by a password)"),
                   N_("save it again without a password, or replace it")),
    "scanned": ("är en inskannad bild utan text",
                N_("the PDF is a scan: its pages are images without text, which a screen reader cannot read"),
                N_("publish the original document as a tagged PDF, or run text recognition (OCR) on the scan "
                "and tag it, or write the text into the minutes themselves")),
    "untagged": ("saknar taggar (struktur för skärmläsare)",
                 N_("the PDF has no tags, so screen readers get no headings, lists or reading order"),
                 N_("export it again as a tagged PDF (Word: Spara som → PDF → Alternativ → 'Dokumentstrukturtaggar "
                 "för hjälpmedel'; LibreOffice: Exportera som PDF → 'Taggad PDF')")),
    "no-language": ("saknar angivet dokumentspråk",
                    N_("the PDF does not say which language it is written in, so screen readers may read "
                    "Swedish with an English voice"),
                    N_("set the language to svenska in the original (Word: Granska → Språk) and export it again, "
                    "or set it in Acrobat (Arkiv → Egenskaper → Avancerat → Språk)")),
    "no-title": ("saknar titel",
                 N_("the PDF has no title of its own (readers show the file name instead)"),
                 N_("give the original a title (Word: Arkiv → Information → Egenskaper → Rubrik) and export it again")),
    "no-headings": ("saknar rubriker",
                    N_("the Word file has no headings, so screen reader users cannot move through it by heading"),
                    N_("format its headings with the styles Rubrik 1, Rubrik 2 … instead of bold or large text")),
    "no-slide-titles": ("har bilder utan rubrik",
                        N_("{count} of {of} slides have no title, so they cannot be told apart or navigated"),
                        N_("give every slide a title in its title placeholder (PowerPoint: Granska → "
                        "Kontrollera tillgänglighet lists them); a title can be hidden off the slide")),
}


def described(finding: Finding) -> str:
    """What the page tells a reader about the finding (Swedish)."""
    text = _TEXTS[finding.code][0]
    if finding.code == "no-slide-titles":
        return f"{finding.count} av {finding.of} bilder saknar rubrik"
    return text


def inspect(data: bytes, suffix: str) -> tuple[Finding, ...]:
    """What keeps the document in `data` (a .pdf, .docx or .pptx file's bytes) from being
    accessible; () when nothing is found or the format is not inspected."""
    suffix = suffix.lower()
    try:
        if suffix == ".pdf":
            return _inspect_pdf(data)
        if suffix == ".docx":
            return _inspect_docx(data)
        if suffix == ".pptx":
            return _inspect_pptx(data)
    except Exception:   # a damaged file, whatever the library raises: say so, never stop a build
        return (Finding("unreadable"),)
    return ()


# ---------- PDF ----------

def _inspect_pdf(data: bytes) -> tuple[Finding, ...]:
    from pypdf import PdfReader   # imported here: only builds with PDF attachments pay for it

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return (Finding("unreadable"),)
    root = reader.trailer["/Root"].get_object()
    found: list[Finding] = []
    pages = list(reader.pages)
    # any() stops at the first page with text: a document that has text costs one page's extraction.
    if pages and not any(_has_text(page) for page in pages) and any(_has_image(page) for page in pages):
        found.append(Finding("scanned"))
    mark_info = root.get("/MarkInfo")
    marked = bool(mark_info.get_object().get("/Marked", False)) if mark_info is not None else False
    if "/StructTreeRoot" not in root or not marked:
        found.append(Finding("untagged"))
    if not str(root.get("/Lang", "") or "").strip():
        found.append(Finding("no-language"))
    if not _pdf_title(reader):
        found.append(Finding("no-title"))
    return tuple(found)


def _pdf_title(reader) -> str:
    title = ""
    info = reader.metadata
    if info is not None and info.title:
        title = str(info.title).strip()
    if not _real_title(title):
        try:
            xmp = reader.xmp_metadata
            titles = (xmp.dc_title or {}) if xmp is not None else {}
            title = next((str(t).strip() for t in titles.values() if _real_title(str(t))), "")
        except Exception:   # unreadable XMP counts as none
            title = ""
    return title if _real_title(title) else ""


def _real_title(title: str) -> bool:
    title = title.strip()
    return bool(title) and title.lower() not in PLACEHOLDER_TITLES and not title.lower().startswith("microsoft word - ")


def _resources(page_or_form):
    resources = page_or_form.get("/Resources")
    return resources.get_object() if resources is not None else {}


def _walk_resources(resources, seen: set[int], depth: int = 0):
    """A page's resources and those of the forms it draws, each once."""
    yield resources
    if depth > 8:
        return
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    for ref in xobjects.get_object().values():
        key = getattr(ref, "idnum", None)
        if key is not None:
            if key in seen:
                continue
            seen.add(key)
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _walk_resources(_resources(xobject), seen, depth + 1)


def _has_text(page) -> bool:
    """Whether the page has text a program can read. A font among its resources says nothing
    (some tools list one on every page); the text extracted from it does. A scan that text
    recognition (OCR) has been run on has text."""
    try:
        return bool(page.extract_text().strip())
    except Exception:   # text that cannot be extracted is no text to a screen reader either
        return False


def _has_image(page) -> bool:
    for resources in _walk_resources(_resources(page), set()):
        xobjects = resources.get("/XObject")
        if xobjects is not None and any(x.get_object().get("/Subtype") == "/Image"
                                        for x in xobjects.get_object().values()):
            return True
    return False


# ---------- Office Open XML ----------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_HEADING_NAME = re.compile(r"^(heading [1-9]|rubrik [1-9]|title|rubrik)$", re.I)


def _xml(archive: zipfile.ZipFile, name: str):
    return ElementTree.fromstring(archive.read(name)) if name in archive.namelist() else None


def _inspect_docx(data: bytes) -> tuple[Finding, ...]:
    """A Word file has headings when a paragraph has an outline level, itself or through its
    style (Word's Rubrik 1…9 have one, whatever the style's id is in the document's language)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = _xml(archive, "word/document.xml")
        if document is None:
            return (Finding("unreadable"),)
        headings = _heading_styles(_xml(archive, "word/styles.xml"))
    for paragraph in document.iter(f"{W}p"):
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            continue
        level = properties.find(f"{W}outlineLvl")
        style = properties.find(f"{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t")).strip()
        if text and ((level is not None and _outline_level(level) < 9)
                     or (style is not None and style.get(f"{W}val") in headings)):
            return ()
    return (Finding("no-headings"),)


def _outline_level(element) -> int:
    try:
        return int(element.get(f"{W}val", "9"))
    except ValueError:
        return 9


def _heading_styles(styles) -> set[str]:
    """The ids of paragraph styles that make headings, following basedOn."""
    if styles is None:
        return set()
    own: dict[str, bool] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style"):
        if style.get(f"{W}type") != "paragraph":
            continue
        style_id = style.get(f"{W}styleId", "")
        name = style.find(f"{W}name")
        level = style.find(f"{W}pPr/{W}outlineLvl")
        base = style.find(f"{W}basedOn")
        own[style_id] = ((name is not None and bool(_HEADING_NAME.match(name.get(f"{W}val", ""))))
                         or (level is not None and _outline_level(level) < 9))
        if base is not None:
            based[style_id] = base.get(f"{W}val", "")
    found = set()
    for style_id in own:
        current, seen = style_id, set()
        while current and current not in seen:
            seen.add(current)
            if own.get(current):
                found.add(style_id)
                break
            current = based.get(current, "")
    return found


def _inspect_pptx(data: bytes) -> tuple[Finding, ...]:
    """Every slide needs a title: a title placeholder with text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        slides = sorted((n for n in archive.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                        key=lambda n: int(re.search(r"\d+", n.rsplit("/", 1)[1]).group()))
        untitled = 0
        for name in slides:
            slide = _xml(archive, name)
            titled = False
            for shape in slide.iter(f"{P}sp"):
                placeholder = shape.find(f"{P}nvSpPr/{P}nvPr/{P}ph")
                if placeholder is not None and placeholder.get("type") in ("title", "ctrTitle") \
                        and "".join(t.text or "" for t in shape.iter(f"{A}t")).strip():
                    titled = True
                    break
            untitled += not titled
    return (Finding("no-slide-titles", untitled, len(slides)),) if untitled else ()


# ---------- the site's attachments ----------

# This process's results by file and stat: `sitegen check` builds the site after reading its
# model, and `sitegen serve` builds again and again; neither reads an unchanged file twice.
_seen: dict[str, tuple[str, tuple[Finding, ...]]] = {}


def inspect_file(path: Path, cache: BuildCache | None = None) -> tuple[Finding, ...]:
    """inspect() of a file, remembered in the cache by its digest (and found by its size and time)."""
    if path.suffix.lower() not in INSPECTED:
        return ()
    cache = cache or BuildCache(None)
    try:
        stat = path.stat()
    except OSError:
        return ()
    seen_key = digest("document-stat", DOCUMENTS_VERSION, str(path), stat.st_size, stat.st_mtime_ns)
    known = _seen.get(seen_key) or cache.get("documents", seen_key)
    if known is not None:
        if cache.get("documents", seen_key) is None:   # found in this process only: into the cache
            cache.put("documents", seen_key, known)
        if cache.get("documents", known[0]) is None:   # and asked for, so that a save keeps it
            cache.put("documents", known[0], known[1])
        _seen[seen_key] = known
        return known[1]
    data = path.read_bytes()
    bytes_key = digest("document", DOCUMENTS_VERSION, path.suffix.lower(), content_digest(data))
    findings = cache.get("documents", bytes_key)
    if findings is None:
        findings = inspect(data, path.suffix)
        cache.put("documents", bytes_key, findings)
    _seen[seen_key] = (bytes_key, findings)
    cache.put("documents", seen_key, (bytes_key, findings))
    return findings


def inspector(cache: BuildCache | None = None):
    """What build_site asks of each attachment as it makes the model: what keeps it from being
    accessible, as findings and, for the pages, in Swedish (Attachment.accessibility)."""
    def inspect_attachment(path: Path) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
        findings = inspect_file(path, cache)
        return findings, tuple(described(f) for f in findings)
    return inspect_attachment


def problems(site, root: Path) -> list:
    """`sitegen check`'s warnings: one per thing missing from an attachment, naming the file and
    the fix, from the findings the model was built with (inspector)."""

    found = []
    for item in [*site.meetings, *site.projects]:
        for attachment in item.attachments:
            try:
                rel = attachment.path.relative_to(root).as_posix()
            except ValueError:
                rel = attachment.path.as_posix()
            for finding in attachment.findings:
                _shown, message, fix = _TEXTS[finding.code]
                message = _(message).format(kind=attachment.kind, count=finding.count, of=finding.of)
                found.append(Problem(rel, 1, None, message,
                                     _("{fix} (docs/skriva-innehall.md, 'Bilagor')").format(fix=_(fix)),
                                     severity="warning"))
    return found
