"""A place value: 'Sollentuna och Teams' → location, online, link, and a note when it is hedged."""
from __future__ import annotations

import re

from generator.authoring.importer.dates import _URL
from generator.authoring.importer.words import HEDGE_WORDS


_ONLINE_WORDS = re.compile(r"\b(?:teams\w*|zoom|skype|digital\w*|online|distans|webbinari\w*|webinari\w*"
                           r"|videomöte\w*|länk)\b", re.IGNORECASE)


_HEDGE = re.compile(rf"\b(?:{HEDGE_WORDS})(?!\w)", re.IGNORECASE)


def parse_place(value: str) -> tuple[str | None, bool | None, str | None, list[str]]:
    """'Sollentuna och Teams' → ('Sollentuna', True, None, []); conditions become notes."""
    value = value.strip().rstrip(".")
    notes: list[str] = []
    link = None
    url = _URL.search(value)
    if url:
        link = url.group(0).strip("<>")
        if link.startswith("www."):
            link = "https://" + link
        value = (value[:url.start()] + value[url.end():]).strip()
    if _HEDGE.search(value):
        notes.append(f"Platsen är villkorad i originalet: ”{value}”.")
        first = re.split(r",|\bvid\b|\bom\b", value, maxsplit=1)[0].strip()
        return (first or None), None, link, notes
    parts = [p.strip() for p in re.split(r"\s+(?:och|samt|\+|&)\s+|,|/|\+", value) if p.strip()]
    places = [p for p in parts if not _ONLINE_WORDS.search(p)]
    online = any(_ONLINE_WORDS.search(p) for p in parts) or bool(link)
    return (", ".join(places) or None), (True if online else None), link, notes
