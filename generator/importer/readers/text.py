"""Plain text and Markdown files: the bytes decoded, with a clear message for what is not text."""
from __future__ import annotations

from pathlib import Path


def _read_text(path: Path) -> tuple[str | None, str | None, str | None]:
    """(text, note, error) for one input file; errors are plain sentences, never tracebacks."""
    if not path.exists():
        return None, None, f"{path}: no such file"
    if path.is_dir():
        return None, None, f"{path}: is a folder, not a file"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, None, f"{path}: cannot be read ({exc.strerror or exc})"
    if not raw.strip():
        return None, None, f"{path}: is empty"
    if raw[:2] == b"PK" or raw[:4] == b"\xd0\xcf\x11\xe0" or raw[:5] == b"%PDF-":
        return None, None, (f"{path}: is a Word or PDF file, not text — save it as plain text (.txt) "
                            "or Markdown first")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec), None, None
            except UnicodeDecodeError:
                return None, None, f"{path}: is not readable text in {codec}"
    if b"\x00" in raw:
        return None, None, f"{path}: looks like a binary file, not text"
    try:
        return raw.decode("utf-8"), None, None
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "read as Windows-1252 (not UTF-8)", None
    except UnicodeDecodeError:
        return None, None, f"{path}: is not UTF-8 text — save it as UTF-8 and try again"
