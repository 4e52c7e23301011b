"""Readers: one input file → the Markdown-ish text the importer reads.

Word (.docx), LibreOffice (.odt) and PDF files are turned into lines as the text importer expects
them: '#' headings, '- ' and '1. ' list items, '**bold**', blank lines between paragraphs, and
'Label: value' for two-column header tables. What a reader cannot place stays as plain text.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.i18n import _
from generator.authoring.importer import messages
from generator.authoring.importer.readers.docx import read_docx
from generator.authoring.importer.readers.odt import read_odt
from generator.authoring.importer.readers.pdf import EmptyText, read_pdf
from generator.authoring.importer.readers.text import read_text

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".odt", ".pdf")
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True)
class Reading:
    text: str | None
    note: str | None = None
    error: str | None = None


def read_minutes(path: Path) -> Reading:
    """The text of one file of minutes, or a plain error sentence naming the file and the fix."""
    path = Path(path)
    if not path.exists():
        return Reading(None, error=_(messages.NO_SUCH_FILE).format(path=path))
    if path.is_dir():
        return Reading(None, error=_(messages.IS_FOLDER).format(path=path))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Reading(None, error=_(messages.CANNOT_READ).format(path=path, reason=exc.strerror or exc))
    if not raw.strip():
        return Reading(None, error=_(messages.EMPTY).format(path=path))
    suffix = path.suffix.lower()
    if raw[:4] == b"\xd0\xcf\x11\xe0":
        return Reading(None, error=_(messages.OLD_WORD).format(path=path))
    if raw[:5] == b"%PDF-" or suffix == ".pdf":
        reader = read_pdf
    elif raw[:2] == b"PK" and suffix in (".odt", ".ott"):
        reader = read_odt
    elif raw[:2] == b"PK" and suffix in (".docx", ".docm", ".dotx", *TEXT_SUFFIXES, ""):
        reader = read_docx
    elif raw[:2] == b"PK" or suffix not in (*TEXT_SUFFIXES, ""):
        text, note, error = read_text(raw, path) if raw[:2] != b"PK" else (None, None, "zip")
        if error:
            return Reading(None, error=_(messages.UNKNOWN_SUFFIX).format(path=path))
        return Reading(text, note)
    else:
        text, note, error = read_text(raw, path)
        return Reading(text, note, error)
    try:
        text = reader(raw)
    except EmptyText:
        return Reading(None, error=_(messages.SCANNED_PDF).format(path=path))
    except Exception as exc:  # a broken office file: a message, never a traceback
        reason = str(exc).strip().split("\n")[0][:80] or type(exc).__name__
        return Reading(None, error=_(messages.BROKEN_OFFICE).format(path=path, reason=reason))
    return Reading(text)

