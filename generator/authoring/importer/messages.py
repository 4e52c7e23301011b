"""The author-facing messages of `sitegen import` that are not about one field, in one place.

Plain, short sentences; `{path}` and the other names are filled in with str.format. Each is
marked for the catalogues here and translated where it is used: `_(messages.EMPTY).format(…)`.
"""
from __future__ import annotations

from generator.i18n import N_

NO_SUCH_FILE = N_("{path}: no such file")
IS_FOLDER = N_("{path}: is a folder, not a file")
CANNOT_READ = N_("{path}: cannot be read ({reason})")
EMPTY = N_("{path}: is empty")
NOT_TEXT = N_("{path}: looks like a binary file, not text")
NOT_DECODABLE = N_("{path}: is not readable text in {codec}")
NOT_UTF8 = N_("{path}: is not UTF-8 text — save it as UTF-8 and try again")
READ_AS_CP1252 = N_("read as Windows-1252 (not UTF-8)")
OLD_WORD = N_("{path}: is an old Word file (.doc) — open it in Word or LibreOffice and save it as "
               ".docx, then import that")
BROKEN_OFFICE = N_("{path}: is a Word or PDF file that cannot be read ({reason}) — open it and save it "
                    "again, or save it as .docx")
SCANNED_PDF = N_("{path}: is a PDF without text (a scanned image) — run text recognition (OCR) on it, "
                  "or import the Word original instead")
UNKNOWN_SUFFIX = N_("{path}: is not minutes the importer reads (.txt, .md, .docx, .odt, .pdf) — save it "
                     "as one of those")
NOTHING_TO_IMPORT = N_("{path}: no minutes in this folder (.txt, .md, .docx, .odt, .pdf)")
ALREADY_IMPORTED = N_("already imported as {target} (same content) — skipped")
ORIGINAL_KEPT = N_("original kept beside the meeting: {target}")
OUTSIDE_SITE = N_("{path}: --into must be a folder inside the site ({root}) — give a path under content/meetings")
NO_FEDERATIONS = N_("no federations under content/federations — none will be recognised")
DRY_RUN = N_("Dry run: nothing was written.")
EVENT_DAY_HAS_MEETING = N_("{day} {title}: a meeting file for that day exists ({meeting}) — skipped")
EVENT_ANNOUNCED_ELSEWHERE = N_("{path} exists, announced elsewhere — skipped")
EVENTS_PROPOSED = N_("events proposed: {count}")
EXISTS = N_("{path} exists — not overwritten (use --force to replace it)")
CANNOT_WRITE = N_("cannot write {path} ({reason})")
WOULD_COPY = N_("--- would copy {name} to {path} ---")
WOULD_WRITE = N_("--- would write {path} ---")
IMPORT_FAILED = N_("{path}: the importer could not read these minutes ({reason}) — save them as plain text "
                    "and import that, and report the file so the importer can learn its form")
