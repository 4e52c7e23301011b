"""The author-facing messages of `sitegen import` that are not about one field, in one place.

Plain, short sentences; `{path}` and the other names are filled in with str.format. A later pass
moves these into the gettext catalogues.
"""
from __future__ import annotations

NO_SUCH_FILE = "{path}: no such file"
IS_FOLDER = "{path}: is a folder, not a file"
CANNOT_READ = "{path}: cannot be read ({reason})"
EMPTY = "{path}: is empty"
NOT_TEXT = "{path}: looks like a binary file, not text"
NOT_DECODABLE = "{path}: is not readable text in {codec}"
NOT_UTF8 = "{path}: is not UTF-8 text — save it as UTF-8 and try again"
READ_AS_CP1252 = "read as Windows-1252 (not UTF-8)"
OLD_WORD = ("{path}: is an old Word file (.doc) — open it in Word or LibreOffice and save it as "
            ".docx, then import that")
BROKEN_OFFICE = ("{path}: is a Word or PDF file that cannot be read ({reason}) — open it and save it "
                 "again, or save it as .docx")
SCANNED_PDF = ("{path}: is a PDF without text (a scanned image) — run text recognition (OCR) on it, "
               "or import the Word original instead")
UNKNOWN_SUFFIX = ("{path}: is not minutes the importer reads (.txt, .md, .docx, .odt, .pdf) — save it "
                  "as one of those")
NOTHING_TO_IMPORT = "{path}: no minutes in this folder (.txt, .md, .docx, .odt, .pdf)"
ALREADY_IMPORTED = "already imported as {target} (same content) — skipped"
ORIGINAL_KEPT = "original kept beside the meeting: {target}"
OUTSIDE_SITE = "{path}: --into must be a folder inside the site ({root}) — give a path under content/meetings"
NO_FEDERATIONS = "no federations under content/federations — none will be recognised"
DRY_RUN = "Dry run: nothing was written."
EVENT_DAY_HAS_MEETING = "{day} {title}: a meeting file for that day exists ({meeting}) — skipped"
EVENT_ANNOUNCED_ELSEWHERE = "{path} exists, announced elsewhere — skipped"
EVENTS_PROPOSED = "events proposed: {count}"
EXISTS = "{path} exists — not overwritten (use --force to replace it)"
CANNOT_WRITE = "cannot write {path} ({reason})"
WOULD_COPY = "--- would copy {name} to {path} ---"
WOULD_WRITE = "--- would write {path} ---"
IMPORT_FAILED = ("{path}: the importer could not read these minutes ({reason}) — save them as plain text "
                 "and import that, and report the file so the importer can learn its form")
