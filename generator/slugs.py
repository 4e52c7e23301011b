"""Swedish text to URL slugs: `Förbundschefsmöte` → `forbundschefsmote`."""
from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """NFKD, strip accents, ASCII, lower case, runs of anything else become one hyphen."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_SLUG.sub("-", ascii_text).strip("-")


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))
