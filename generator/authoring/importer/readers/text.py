"""Plain text and Markdown files: the bytes decoded, with a clear message for what is not text."""
from __future__ import annotations

from pathlib import Path

from generator.i18n import _
from generator.authoring.importer import messages

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def read_text(raw: bytes, path: Path) -> tuple[str | None, str | None, str | None]:
    """(text, note, error) for the bytes of one text file; errors are plain sentences."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None, None
            except UnicodeDecodeError:
                return None, None, _(messages.NOT_DECODABLE).format(path=path, codec=codec)
    if b"\x00" in raw:
        return None, None, _(messages.NOT_TEXT).format(path=path)
    try:
        return raw.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), _(messages.READ_AS_CP1252), None
    except UnicodeDecodeError:
        return None, None, _(messages.NOT_UTF8).format(path=path)
