"""Keep the message catalogues in step with the code (for the people who work on sitegen).

    python -m generator.i18n_tools update    # extract the messages, merge them into every .po
    python -m generator.i18n_tools compile   # write the .mo files the package carries
    python -m generator.i18n_tools check     # what the completeness test checks; exit 1 on a finding

`update` reads babel.cfg at the repository's root (the files and extraction methods, as
`pybabel extract -F babel.cfg` would) and writes generator/locale/<lang>/LC_MESSAGES/sitegen.po;
new messages arrive with an empty msgstr, to be translated by hand in the Swedish catalogue (an
empty English msgstr means the English source text). argparse's own texts have their own
catalogue, argparse.po, updated from the running Python's argparse module.
Pure Babel, run the same way by the test: no pybabel command needed, though
`pybabel extract -F babel.cfg -o /tmp/sitegen.pot .` gives the same template.
"""
from __future__ import annotations

import argparse
import gettext
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from generator.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "babel.cfg"
ARGPARSE = "argparse"
HEADER = ("# {language} texts of sitegen's messages, help and preview error page.\n"
          "# Kept up to date with: python -m generator.i18n_tools update (then translate, then compile).")
# argparse's catalogue covers the languages whose texts argparse does not already have.
ARGPARSE_LANGUAGES = ("sv",)
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[^{}]*)\}|%(?:\(([A-Za-z_]+)\))?[-#0 +]*\d*(?:\.\d+)?[sdrif]")


def po_path(language: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def mo_path(language: str, domain: str = DOMAIN) -> Path:
    return po_path(language, domain).with_suffix(".mo")


def extract() -> Catalog:
    """Every message the code and the error page hold, as a template catalogue."""
    with CONFIG.open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream, str(CONFIG))
    template = Catalog(project="sitegen", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(REPO), method_map, options_map, directory_filter=_wanted):
        template.add(message, None, [(filename, None)], auto_comments=comments, context=context)
    return template


def _wanted(dirname: str) -> bool:
    name = Path(dirname).name
    return not name.startswith(".") and name not in {"node_modules", "output", "build", "tests", "__pycache__"}


def extract_argparse() -> Catalog:
    """argparse's own texts, from the argparse module this Python runs."""
    template = Catalog(project="argparse", domain=ARGPARSE, charset="utf-8")
    for lineno, message, comments, context in extract_from_file("python", argparse.__file__):
        template.add(message, None, [("argparse.py", None)], context=context)
    return template


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False)
    path.write_bytes(buffer.getvalue())


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _merge(template: Catalog, path: Path, language: str, domain: str) -> None:
    if path.exists():
        catalog = read(path)
    else:
        catalog = Catalog(locale=language, domain=domain, project="sitegen", charset="utf-8")
    # No fuzzy matching: a guessed translation of a changed message is worse than none.
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.revision_date = catalog.creation_date    # no churn in the header on every update
    catalog.header_comment = HEADER.format(language=catalog.language_team or language)
    catalog.fuzzy = False
    catalog.project, catalog.version = "sitegen", ""
    catalog.msgid_bugs_address = ""
    catalog.last_translator = "sitegen maintainers"
    catalog.language_team = {"sv": "Swedish", "en": "English"}.get(language, language)
    write(path, catalog)


def update() -> None:
    template = extract()
    for language in LANGUAGES:
        _merge(template, po_path(language), language, DOMAIN)
    args = extract_argparse()
    for language in ARGPARSE_LANGUAGES:
        _merge(args, po_path(language, ARGPARSE), language, ARGPARSE)


def catalogues() -> list[tuple[str, str]]:
    return [(language, DOMAIN) for language in LANGUAGES] + [(language, ARGPARSE) for language in ARGPARSE_LANGUAGES]


def compile_all() -> None:
    for language, domain in catalogues():
        mo_path(language, domain).write_bytes(compiled(read(po_path(language, domain))))


def placeholders(text: str) -> set[str]:
    """The named ({name}) and printf (%s, %(name)s) placeholders of a message."""
    found = set()
    for match in _PLACEHOLDER.finditer(text or ""):
        found.add("{%s}" % match.group(1) if match.group(1) else match.group(0).replace(" ", ""))
    return found


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, (tuple, list)) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    if isinstance(message.string, (tuple, list)):
        return tuple(message.string)
    return (message.string,)


def problems() -> list[str]:
    """Everything that keeps the catalogues from matching the code, as lines a person can act on."""
    found: list[str] = []
    template = extract()
    expected = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read(path)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        for missing in sorted(expected - have):
            found.append(f"{language}: not in the catalogue (run update): {missing!r}")
        for stale in sorted(have - expected):
            found.append(f"{language}: no longer in the code (run update): {stale!r}")
        found += _check_messages(catalog, language, DOMAIN, require=(language != "en"))
    for language in ARGPARSE_LANGUAGES:
        found += _check_messages(read(po_path(language, ARGPARSE)), language, ARGPARSE, require=False)
    for language, domain in catalogues():
        found += _check_compiled(language, domain)
    return found


def _check_messages(catalog: Catalog, language: str, domain: str, require: bool) -> list[str]:
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = _ids(message)
        strings = _strings(message)
        label = f"{language}/{domain}: {ids[0]!r}"
        if message.fuzzy:
            found.append(f"{label}: marked fuzzy")
        if not all(strings):
            if require:
                found.append(f"{label}: no translation")
            continue
        wanted = set().union(*(placeholders(i) for i in ids))
        for string in strings:
            got = placeholders(string)
            if len(ids) == 1 and got != wanted:
                found.append(f"{label}: placeholders {sorted(got)} in the translation, {sorted(wanted)} in the code")
            elif len(ids) > 1 and not got <= wanted:
                found.append(f"{label}: placeholders {sorted(got - wanted)} are not in the code")
        if len(ids) > 1:   # every placeholder the code passes is used by the plural form
            plural_wanted = placeholders(ids[1])
            if placeholders(strings[-1]) != plural_wanted:
                found.append(f"{label}: the plural form's placeholders differ from the code's")
    return found


def _check_compiled(language: str, domain: str) -> list[str]:
    po, mo = po_path(language, domain), mo_path(language, domain)
    if not mo.exists():
        return [f"{mo.relative_to(REPO)} is missing (run compile)"]
    with mo.open("rb") as stream:
        committed = gettext.GNUTranslations(stream)._catalog
    fresh = gettext.GNUTranslations(io.BytesIO(compiled(read(po))))._catalog
    if committed != fresh:
        return [f"{mo.relative_to(REPO)} does not match {po.name} (run compile)"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.i18n_tools")
    parser.add_argument("action", choices=["update", "compile", "check"])
    action = parser.parse_args(argv).action
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    else:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
