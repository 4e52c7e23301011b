"""Swedish text to URL slugs: `Förbundschefsmöte` → `forbundschefsmote`."""
from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# Letters that do not decompose into a base letter and an accent, and would otherwise be dropped
# ("Ørestad" became "restad"): written the way the languages themselves spell them in ASCII.
_TRANSLITERATED = str.maketrans({
    "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ẞ": "Ss",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "ng", "Ŋ": "Ng", "ſ": "s",
})


def slugify(text: str) -> str:
    """NFKD, strip accents, ASCII, lower case, runs of anything else become one hyphen."""
    decomposed = unicodedata.normalize("NFKD", str(text).translate(_TRANSLITERATED))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-")


_COUNTED = re.compile(r"^(.*)_([0-9]+)$")


def unique_id(candidate: str, used: set[str]) -> str:
    """candidate, or the first free one of candidate_1, candidate_2, …; added to used.

    The scheme Python-Markdown's toc extension used for repeated headings ("## Övrigt" twice gives
    "ovrigt" and "ovrigt_1", an empty slug "_1"), kept so that anchors people link to stay put.
    """
    while candidate in used or not candidate:
        counted = _COUNTED.match(candidate)
        candidate = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{candidate}_1"
    used.add(candidate)
    return candidate


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))
