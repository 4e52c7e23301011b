"""Which reader a file goes to, and the messages for what no reader can read
(generator/importer/readers/__init__.py)."""
from __future__ import annotations

import pytest

from generator.authoring.importer.readers import read_minutes


@pytest.mark.parametrize("name, data, expected", [
    ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "is an old Word file (.doc)"),
    ("trasig.docx", b"PK\x03\x04 not a zip", "is a Word or PDF file that cannot be read"),
    ("trasig.pdf", b"%PDF-1.4\nnot a pdf", "is a Word or PDF file that cannot be read"),
])
def test_broken_office_files_are_messages_not_tracebacks(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    reading = read_minutes(path)
    assert reading.text is None and f"{name}: {expected}" in reading.error
    assert "Traceback" not in reading.error
