"""The language of every text sitegen shows a person: messages, progress, help, the preview's error page.

Source strings (msgids) are English in the code; the catalogues in generator/locale/ give Swedish
(`sv`, the default) and English (`en`). The CLI chooses the language once per process with
set_language(): `--lang` beats SITEGEN_LANG beats the site's `language` in site.yaml beats `sv`.
Build workers are forked and inherit the choice. Library code that never calls set_language()
gets SITEGEN_LANG, or Swedish.

Messages with values use named placeholders, never f-strings (which cannot be extracted):

    _("unknown federation '{name}'").format(name=name)

Texts defined at import time (module constants) are marked with N_() and translated where they
are used: `_(TIME_FIX)`.

argparse's own texts ("usage:", "show this help message and exit", "invalid choice: …") come
from the `argparse` catalogue in the same folder: set_language() points argparse's module-level
gettext functions at it, the one place where sitegen touches another module's texts.
"""
from __future__ import annotations

import gettext
import os
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "sitegen"
LANGUAGES = ("sv", "en")
DEFAULT = "sv"
ENV_VAR = "SITEGEN_LANG"

_language: str | None = None
_translation: gettext.NullTranslations | None = None


def normalise(value: str | None) -> str | None:
    """'sv', 'sv-SE', 'sv_SE.UTF-8', 'EN' → 'sv' or 'en'; anything else → None."""
    if not value:
        return None
    code = str(value).strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    return code if code in LANGUAGES else None


def choose(flag: str | None = None, site_language: str | None = None) -> str:
    """The language by precedence: the --lang flag, SITEGEN_LANG, the site's language, Swedish."""
    for candidate in (flag, os.environ.get(ENV_VAR), site_language):
        code = normalise(candidate)
        if code:
            return code
    return DEFAULT


def _load(domain: str, language: str) -> gettext.NullTranslations:
    return gettext.translation(domain, localedir=str(LOCALE_DIR), languages=[language], fallback=True)


def set_language(language: str | None) -> str:
    """Use `language` ('sv' or 'en'; anything else: Swedish) for every text from now on."""
    global _language, _translation
    _language = normalise(language) or DEFAULT
    _translation = _load(DOMAIN, _language)
    import argparse
    texts = _load("argparse", _language)
    argparse._ = texts.gettext            # argparse looks these up at call time
    argparse.ngettext = texts.ngettext
    return _language


def language() -> str:
    """The language in use ('sv' or 'en')."""
    if _language is None:
        set_language(choose())
    return _language


def _(message: str) -> str:
    if _translation is None:
        language()
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    if _translation is None:
        language()
    return _translation.ngettext(singular, plural, count)


def decimal(value: float, places: int = 2) -> str:
    """A number with `places` decimals: a decimal comma in Swedish (1,25 s), a point in English."""
    text = f"{value:.{places}f}"
    return text.replace(".", ",") if language() == "sv" else text


def N_(message: str) -> str:
    """Marks a text for the catalogue where it is defined; translate it with _() where it is used."""
    return message
