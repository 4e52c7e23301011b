"""Swedish for the people who use sitegen: each kind of content mistake gives its Swedish message
at the file and line (English with --lang en), the help is Swedish, the cache never serves a
message in the wrong language, and the catalogues are complete and compiled.
"""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from conftest import REPO
from generator import i18n, i18n_tools

pytestmark = pytest.mark.swedish

MEETING = "content/meetings/2021-12-01-styrelse.md"
GOOD = """\
---
title: Styrelsemöte 1 december 2021
type: styrelse
date: 2021-12-01
start: 13.00
federations: [roslagen]
---
Text.
"""


def sitegen(*args, cwd: Path, language: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != i18n.ENV_VAR}
    env.update({"PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1635724800"})
    if language:
        env[i18n.ENV_VAR] = language
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


def broken(site, text: str | bytes) -> None:
    path = site.root / MEETING
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


# (what is wrong, the file's text, line, Swedish line after "path:line: ", English line after it)
MISTAKES = [
    ("unknown reference", GOOD.replace("[roslagen]", "[Rosslagen]"), 6,
     "federations: okänt förbund 'Rosslagen' — menade du 'roslagen'? Kända: roslagen, sundbyberg",
     "federations: unknown federation 'Rosslagen' — did you mean 'roslagen'? known: roslagen, sundbyberg"),
    ("bad date", GOOD.replace("2021-12-01\n", "2021-02-30\n").replace("start: 13.00\n", ""), 4,
     "date: '2021-02-30' är inget datum — skriv ÅÅÅÅ-MM-DD, till exempel 2021-11-17, eller ÅÅÅÅ-MM när "
     "dagen inte är känd",
     "date: '2021-02-30' is not a date — write YYYY-MM-DD, e.g. 2021-11-17, or YYYY-MM when the day is not known"),
    ("ambiguous time", GOOD.replace("13.00", "13.3"), 5,
     "start: '13.3' har en siffra för minuterna och kan betyda två olika tider — skriv minuterna med två "
     "siffror: 13.30 eller 13.03",
     "start: '13.3' has one digit for the minutes, so it could mean two times — write the minutes with two "
     "digits: 13.30 or 13.03"),
    ("impossible time", GOOD.replace("13.00", "25.61"), 5,
     "start: '25.61' är ingen tid: timmarna går från 0 till 23 och minuterna från 00 till 59 — kontrollera "
     "siffrorna; skriv tiden som 13.30 eller 13:30 (kl. 13.30, 9 och 0930 fungerar också)",
     "start: '25.61' is not a time of day: hours go from 0 to 23 and minutes from 00 to 59 — check the digits; "
     "write the time as 13.30 or 13:30 (kl. 13.30, 9 and 0930 work too)"),
    ("unknown field", GOOD.replace("start: 13.00", "loaction: Solna"), 5,
     "loaction: okänt fält — menade du 'location'?",
     "loaction: unknown field — did you mean 'location'?"),
    ("unknown meeting type", GOOD.replace("type: styrelse", "type: styrelsemote2"), 3,
     "type: okänd mötestyp 'styrelsemote2' — menade du 'styrelsemöte'? Välj ett av: ",
     "type: unknown meeting type 'styrelsemote2' — did you mean 'styrelsemöte'? use one of: "),
    ("duplicate field", GOOD.replace("start: 13.00", "title: Styrelsemöte"), 5,
     "title: fältet står två gånger, på rad 2 och 5 — behåll det du menar och ta bort det andra; bygget "
     "gissar inte vilket som är rätt",
     "title: the field is given twice, on lines 2 and 5 — keep the one you mean and delete the other; the build "
     "will not guess which one is right"),
    ("colon in a value", GOOD.replace("title: Styrelsemöte 1 december 2021", "title: Möte: budget"), 2,
     'värdet innehåller ett kolon följt av ett mellanslag — sätt citattecken runt hela värdet: title: '
     '"Möte: budget".',
     'the value contains a colon followed by a space — put the whole value in quotes: title: "Möte: budget".'),
    ("Word's curly quote never closed", GOOD.replace("title: Styrelsemöte 1 december 2021",
                                                     'title: "Styrelsemöte” i december'), 2,
     "ett citattecken på den här raden avslutas aldrig — avsluta värdet med samma sorts citattecken som det "
     "börjar med, eller ta bort citattecknet. Raden har Words typografiska citattecken (” “ ’), som inte "
     "räknas som citattecken: skriv raka citattecken (\" eller ').",
     "a quote opened on this line is never closed — end the value with the same quote mark it starts with, or "
     "remove the quote. The line has Word's curly quotes (” “ ’), which are not read as quotes: type straight "
     "ones (\" or ')."),
    ("tab", GOOD.replace("federations: [roslagen]", "federations:\n\t- roslagen"), 7,
     "raden börjar med en tabb — ta bort tabben och skriv mellanslag i stället",
     "the line is indented with a tab — indent with spaces instead: delete the tab and type spaces"),
    ("missing front matter", "Styrelsemöte 1 december 2021\n\nText.\n", 1,
     "filen börjar inte med fälten mellan två rader med --- — skriv en rad med --- först, sedan fälten och sist en rad med --- igen",
     "the file does not start with front matter — put a line with --- first, the fields, then another --- line"),
    ("Word's dash for ---", GOOD.replace("---\n", "—\n", 1), 1,
     "första raden är ett tankstreck, inte tre bindestreck — skriv tre bindestreck --- på första raden. Word "
     "gör om --- till ett tankstreck",
     "the first line is a long dash, not three hyphens — Word turns --- into a dash: type three hyphens --- on "
     "the first line"),
    ("wrong encoding", GOOD.replace("Text.", "Möte i Täby.").encode("latin-1"), 2,      # the ö of 'Styrelsemöte'
     "filen är inte sparad som UTF-8 — spara filen som UTF-8 (i de flesta program: Spara som → Kodning → UTF-8)",
     "the file is not UTF-8 text — save it as UTF-8 (in most editors: Save as → Encoding → UTF-8)"),
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_content_mistake_is_told_in_swedish_with_file_and_line_and_in_english_with_lang_en(site, mistake):
    _what, text, line, swedish, english = mistake
    broken(site, text)
    result = sitegen("build", cwd=site.root)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{MEETING}:{line}: {swedish}"), lines[0]
    assert lines[-1] == "1 fel: ingenting skrevs; output/ är oförändrad."
    assert not (site.root / "output").exists()

    result = sitegen("build", "--lang", "en", cwd=site.root)
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{MEETING}:{line}: {english}"), lines[0]
    assert lines[-1] == "1 error: nothing was written; output/ is unchanged."


def test_several_errors_have_the_plural_summary_in_both_languages(site):
    broken(site, GOOD.replace("start: 13.00\n", "").replace("2021-12-01\n", "2021-02-30\n").replace("[roslagen]", "[x]"))
    result = sitegen("build", cwd=site.root)
    assert result.stderr.splitlines()[-1] == "2 fel: ingenting skrevs; output/ är oförändrad."
    result = sitegen("build", cwd=site.root, language="en")
    assert result.stderr.splitlines()[-1] == "2 errors: nothing was written; output/ is unchanged."


def test_a_successful_build_says_what_it_built_in_swedish(site):
    result = sitegen("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    summary = result.stdout.strip()
    assert summary.startswith("Byggde ") and " sidor och " in summary and " flöden (" in summary
    assert " filer) på " in summary and summary.endswith(" s") and "," in summary.rsplit(" på ", 1)[1]
    result = sitegen("--lang", "en", "build", "--no-cache", cwd=site.root)
    assert result.stdout.startswith("Built ") and " pages and " in result.stdout


def test_the_language_comes_from_lang_then_sitegen_lang_then_site_yaml_then_swedish(site):
    broken(site, GOOD.replace("2021-12-01\n", "2021-02-30\n"))
    swedish, english = "är inget datum", "is not a date"
    assert swedish in sitegen("build", cwd=site.root).stderr
    assert english in sitegen("build", cwd=site.root, language="en").stderr
    assert swedish in sitegen("build", "--lang", "sv", cwd=site.root, language="en").stderr
    assert english in sitegen("build", "--lang=en", cwd=site.root, language="sv").stderr
    site_yaml = site.root / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("language: sv", "language: en"),
                         encoding="utf-8")
    assert english in sitegen("build", cwd=site.root).stderr
    assert swedish in sitegen("build", cwd=site.root, language="sv").stderr
    assert swedish in sitegen("--root", str(site.root), "build", cwd=site.root.parent, language="sv").stderr
    assert english in sitegen("--root", str(site.root), "build", cwd=site.root.parent).stderr


def test_a_cached_warning_is_never_shown_in_the_language_of_the_build_that_cached_it(site, monkeypatch, capsys):
    """A build's warnings are kept in the cache with its summary, and an unchanged site is answered
    from there: the language is part of what the cache's keys depend on."""
    from generator import cli
    from generator.search import pagefind as search
    monkeypatch.setattr(search, "find_pagefind", lambda: None)     # a warning every build gives
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1635724800")
    swedish = "varning: site.yaml:1: search: Pagefind är inte installerat, så sökfunktionen byggdes inte"
    english = "warning: site.yaml:1: search: Pagefind is not installed, so search was skipped"
    for language, expected, summary in [("sv", swedish, "Byggde "), ("sv", swedish, "Byggde "),
                                        ("en", english, "Built "), ("en", english, "Built "),
                                        ("sv", swedish, "Byggde ")]:
        assert cli.main(["--root", str(site.root), "--lang", language, "build"]) == 0
        captured = capsys.readouterr()
        assert captured.err.startswith(expected), (language, captured.err)
        assert captured.out.startswith(summary)
    assert (site.root / ".sitegen-cache").is_dir()


def test_the_unchanged_shortcut_answers_in_the_language_asked_for(site):
    assert sitegen("build", cwd=site.root).stdout.startswith("Byggde ")
    assert sitegen("build", cwd=site.root).stdout.startswith("Byggde ")
    assert sitegen("build", cwd=site.root, language="en").stdout.startswith("Built ")


def test_the_code_digest_depends_on_the_language():
    from generator.pipeline.fingerprint import code_digest
    i18n.set_language("sv")
    swedish = code_digest()
    i18n.set_language("en")
    assert code_digest() != swedish
    i18n.set_language("sv")
    assert code_digest() == swedish


COMMANDS = ["build", "serve", "new", "check", "import", "init", "publish", "clean"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_the_help_of_sitegen_and_of_each_command_is_swedish(tmp_path, command):
    args = ["--help"] if command is None else [command, "--help"]
    result = sitegen(*args, cwd=tmp_path)
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("användning: sitegen") and "\nflaggor:\n" in text
    assert "visa den här hjälptexten och avsluta" in text
    for english in ("usage:", "options:", "show this help", "positional arguments", " the ", "default:"):
        assert english not in text, english
    english = sitegen(*args, cwd=tmp_path, language="en").stdout
    assert english.startswith("usage: sitegen") and "show this help message and exit" in english


def test_the_top_help_lists_every_command_in_swedish(tmp_path):
    text = sitegen("--help", cwd=tmp_path).stdout
    assert "bygg webbplatsen i output/" in text
    assert "Bygg samordningsförbundens webbplats." in text
    assert "språket för meddelanden och hjälp: sv (standard) eller en" in text


def test_argparse_errors_are_swedish(tmp_path):
    result = sitegen("new", "möte", cwd=tmp_path)
    assert result.returncode == 2
    assert "sitegen new: fel: argumentet SLAG: ogiltigt val: 'möte' (välj bland 'meeting', 'event', " in result.stderr
    result = sitegen("bygg", cwd=tmp_path)
    assert "ogiltigt val: 'bygg'" in result.stderr
    assert "de här argumenten krävs: KOMMANDO" in sitegen(cwd=tmp_path).stderr
    assert "okända argument: --snabbt" in sitegen("build", "--snabbt", cwd=tmp_path).stderr


def test_new_and_init_answer_in_swedish(site, tmp_path):
    result = sitegen("new", "meeting", "--federation", "Rosslagen", cwd=site.root)
    assert result.stderr.strip() == ("sitegen new: --federation: okänt förbund 'Rosslagen' — menade du 'roslagen'? "
                                     "Kända: roslagen, sundbyberg")
    result = sitegen("init", str(tmp_path / "ny"), "--no-input", "--title", "Test", "--email", "a@example.se",
                     "--base-url", "https://example.se/", "--federation", "Roslagen", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "En ny webbplats i " in result.stdout and " filer. Nästa steg: " in result.stdout
    result = sitegen("init", str(tmp_path / "ny"), "--no-input", cwd=tmp_path)
    assert result.stderr.startswith(f"sitegen init: {tmp_path / 'ny'} är inte tom (")


def test_publish_and_clean_answer_in_swedish(site, tmp_path):
    assert sitegen("build", cwd=site.root).returncode == 0
    server = tmp_path / "server"
    result = sitegen("publish", str(server), "--dry-run", cwd=site.root)
    last = result.stdout.splitlines()[-1]
    assert last.startswith("Provkörning: ") and " filer att kopiera, 0 oförändrade → " in last
    result = sitegen("publish", str(server), cwd=site.root)
    assert " filer kopierade, 0 oförändrade → " in result.stdout.splitlines()[-1]
    (server / "gammal.html").write_text("x", encoding="utf-8")
    result = sitegen("publish", str(server), cwd=site.root)
    assert result.stdout.splitlines()[-1] == (f"1 fil i {server} hör inte längre till webbplatsen; lägg till --delete "
                                              "för att ta bort den.")
    assert sitegen("clean", cwd=site.root).stdout == "Tog bort output/ och byggets cache.\n"
    assert "there is no built site" not in sitegen("publish", str(server), cwd=site.root).stderr
    assert "det finns ingen byggd webbplats i " in sitegen("publish", str(server), cwd=site.root).stderr


def test_progress_steps_are_swedish_with_verbose(site):
    result = sitegen("build", "-v", cwd=site.root)
    assert "  läser innehållet" in result.stderr and "  skapar sidor (" in result.stderr
    assert "  skrev index.html" in result.stderr


def test_the_preview_error_page_is_swedish_by_default_and_english_with_lang_en():
    from generator.errors import Problem
    from generator.authoring.serve import ServeState, error_page
    problem = Problem(MEETING, 4, "date", "x", "y")
    state = ServeState(root=REPO, out_dir=REPO / "output", problems=[problem])
    i18n.set_language("sv")
    page = error_page(state).decode("utf-8")
    assert '<html lang="sv">' in page and "Webbplatsen kunde inte byggas" in page
    assert "1 fel i innehållet. Rätta felet och spara filen" in page and "Så rättar du det: y" in page
    i18n.set_language("en")
    page = error_page(state).decode("utf-8")
    assert '<html lang="en">' in page and "The site could not be built" in page and "How to fix it: y" in page
    assert "Webbplatsen" not in page


# ---------- the catalogues ----------

def test_the_catalogues_are_complete_current_and_compiled():
    """Every message in the code is in the catalogues (nothing new to extract, nothing stale), each
    has a Swedish translation with the same placeholders, and the .mo files match the .po files.
    After changing a message: python -m generator.i18n_tools update, translate, compile."""
    assert i18n_tools.problems() == []


@pytest.mark.skipif(shutil.which("pybabel") is None, reason="pybabel is not on PATH")
def test_pybabel_extract_finds_nothing_that_is_not_in_the_catalogue(tmp_path):
    template = tmp_path / "sitegen.pot"
    subprocess.run(["pybabel", "-q", "extract", "-F", "babel.cfg", "-o", str(template), "."], cwd=REPO,
                   check=True, capture_output=True, timeout=120)
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in i18n_tools.read(template) if m.id}
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in i18n_tools.read(i18n_tools.po_path("sv")) if m.id}
    assert extracted - known == set()
    assert "unknown federation '{name}'" in extracted and "How to fix it: {fix}" in extracted


def test_the_check_finds_a_dropped_or_added_placeholder_and_a_missing_translation():
    catalog = Catalog(locale="sv")
    catalog.add("unknown federation '{name}'", "okänt förbund")
    catalog.add("did you mean '{close}'?", "menade du '{close}'? {extra}")
    catalog.add("'{value}' has seconds", "")
    catalog.add(("{count} file", "{count} files"), ("en fil", "{count} filer"))
    catalog.add("invalid choice: %(value)r (choose from %(choices)s)", "ogiltigt val: %(value)r")
    found = "\n".join(i18n_tools._check_messages(catalog, "sv", "sitegen", require=True))
    assert "unknown federation '{name}'" in found
    assert "did you mean '{close}'?" in found
    assert "'{value}' has seconds" in found and "no translation" in found
    assert "invalid choice" in found
    assert "{count} file" not in found        # a singular may say "en fil" instead of "{count}"


def test_placeholders_are_read_in_both_styles():
    assert i18n_tools.placeholders("'{value}' at {count:d} and %(prog)s: %s") == {"{value}", "{count}", "%(prog)s", "%s"}


MESSAGE_MAKERS = {"Problem": (3, 4), "FieldError": (0, 1), "TimeFormError": (0, 1), "OutputUnusable": (0, 1),
                  "NewFileError": (0,), "InitError": (0,), "PublishError": (0,)}


def _untranslated(node) -> bool:
    """A message argument that is a bare text or an f-string (which cannot be extracted)."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):   # words, not an option's name or " — "
        return bool(re.search(r"[^\W\d_]{2,}", re.sub(r"--[\w-]+|\bsitegen\b", "", node.value)))
    if isinstance(node, ast.BinOp):
        return _untranslated(node.left) or _untranslated(node.right)
    if isinstance(node, ast.IfExp):
        return _untranslated(node.body) or _untranslated(node.orelse)
    return False


def test_every_message_in_the_code_goes_through_gettext():
    """Problems and command errors carry translated texts: no bare strings or f-strings as their
    message or fix, and no f-string given to _() (Babel cannot extract it)."""
    found = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("_", "N_", "ngettext") and any(
                    isinstance(arg, (ast.JoinedStr, ast.BinOp)) for arg in node.args[:2 if name == "ngettext" else 1]):
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}() of an f-string or a sum of texts")
            for index in MESSAGE_MAKERS.get(name, ()):
                if index < len(node.args) and _untranslated(node.args[index]):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}() with an untranslated text")
            for keyword in node.keywords if name in MESSAGE_MAKERS else ():
                if keyword.arg in ("message", "fix") and _untranslated(keyword.value):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}() with an untranslated text")
    assert found == []


def test_no_module_that_translates_hides_the_gettext_function():
    """`for name, _ in …` in a function that also calls _() makes _ a local name there, and the
    message fails at run time: a module that imports _ uses another throwaway name."""
    found = []
    for path in sorted((REPO / "generator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = any(isinstance(node, ast.ImportFrom) and any(alias.name == "_" for alias in node.names)
                      for node in ast.walk(tree))
        if imports:
            found += [f"{path.relative_to(REPO)}:{node.lineno}" for node in ast.walk(tree)
                      if isinstance(node, ast.Name) and node.id == "_" and isinstance(node.ctx, ast.Store)]
    assert found == []


def test_the_compiled_catalogues_are_in_the_package_data():
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*.mo"' in text
    for language, domain in i18n_tools.catalogues():
        assert i18n_tools.mo_path(language, domain).is_file()


def test_the_language_setting_is_read_as_people_write_it(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert [i18n.normalise(v) for v in ("sv", "sv-SE", "sv_SE.UTF-8", "EN", "en-GB", "de", "", None)] == \
        ["sv", "sv", "sv", "en", "en", None, None, None]
    assert i18n.choose() == "sv"
    assert i18n.choose(site_language="en") == "en"
    assert i18n.choose(site_language="de") == "sv"        # a language sitegen has no texts in: Swedish
    monkeypatch.setenv(i18n.ENV_VAR, "en")
    assert i18n.choose(site_language="sv") == "en"
    assert i18n.choose(flag="sv", site_language="en") == "sv"


# ---------- sitegen check and sitegen import ----------

def test_check_reports_its_findings_and_summary_in_swedish(site):
    site.add({"federations/vastmark.md": "---\nname: Samordningsförbundet Västmark\nshort_name: Västmark\n---\n"})
    result = sitegen("check", cwd=site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert ("varning: content/federations/vastmark.md:1: contact: förbundet saknar kontaktuppgifter — skriv till "
            "exempel 'contact: {email: info@example.se, phone: 08-123 45 67}'") in lines
    count = sum(1 for line in lines if line.startswith("varning: "))
    assert count >= 1 and not any(line.startswith("warning") for line in lines)
    assert lines[-1].startswith(f"kontroll: 0 fel, {count} varning{'ar' if count > 1 else ''} på ")
    assert lines[-1].endswith(" sidor")
    last = sitegen("check", "--strict", cwd=site.root).stdout.splitlines()[-1]
    assert last.startswith(f"kontroll: {count} fel, 0 varningar på ")
    assert last.endswith(" sidor (--strict: varningar räknas som fel)")
    english = sitegen("check", "--lang", "en", cwd=site.root).stdout.splitlines()
    assert ("warning: content/federations/vastmark.md:1: contact: the federation has no contact — add e.g. "
            "'contact: {email: info@example.se, phone: 08-123 45 67}'") in english
    assert english[-1].startswith(f"check: 0 errors, {count} warning{'s' if count > 1 else ''} in ")


def test_check_on_a_site_that_does_not_build_says_so_in_swedish(site):
    broken(site, GOOD.replace("[roslagen]", "[Rosslagen]"))
    result = sitegen("check", cwd=site.root)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{MEETING}:6: federations: okänt förbund 'Rosslagen' — menade du 'roslagen'?")
    assert lines[-1] == ("kontroll: 1 fel, 0 varningar (webbplatsen går inte att bygga, så länkarna "
                         "kontrollerades inte)")


def test_the_importers_report_is_swedish(tmp_path):
    from authoring.importer.helpers import FIXTURES, make_site, run
    root = make_site(tmp_path / "site")
    code, output = run([tmp_path / "saknas.txt", FIXTURES / "fc_hybrid.txt", FIXTURES / "beredning_utan_datum.txt"],
                       root)
    assert code == 1
    lines = output.splitlines()
    assert f"fel: {tmp_path / 'saknas.txt'}: filen finns inte" in lines
    assert "  plats: Norrtälje, digitalt" in lines
    assert "  start: hittades inte – fyll i för hand" in lines
    assert "  originalet sparat bredvid mötet: content/meetings/2022-11-23-forbundschefsmote/fc_hybrid.txt" in lines
    assert "  föreslagna händelser: 4" in lines
    assert "  type: beredningsgrupp (gissat ur texten – kontrollera)" in lines
    assert ("  händelser: inget fullständigt datum för 5-6 april, Onsdag 4 maj, Tisdag 3 maj, torsdagen 5/5 (mötets "
            "eget datum saknas eller är ofullständigt) – lägg in de här händelserna för hand") in lines
    header = next(index for index, line in enumerate(lines) if line.startswith("fil "))
    assert lines[header].split() == ["fil", "möte", "hittat", "att", "kontrollera", "händelser"]
    assert lines[header + 2].split() == ["saknas.txt", "–", "–", "misslyckades", "–"]
    assert lines[-1] == "2 importerade, 1 inte; fält hittade: 8 av 16"


def test_a_note_of_the_importers_reader_is_swedish(tmp_path):
    from authoring.importer.helpers import FIXTURES, make_site, run
    root = make_site(tmp_path / "site")
    legacy = tmp_path / "gammal.txt"
    legacy.write_bytes((FIXTURES / "fc_lista.txt").read_text(encoding="utf-8").encode("cp1252"))
    code, output = run([legacy], root)
    assert code == 0, output
    assert "  obs: läst som Windows-1252 (inte UTF-8)" in output.splitlines()


def test_the_importer_speaks_english_with_lang_en(tmp_path):
    from authoring.importer.helpers import make_site
    root = make_site(tmp_path / "site")
    result = sitegen("import", str(tmp_path / "saknas.txt"), "--lang", "en", cwd=root)
    assert result.returncode == 1
    assert result.stdout.strip() == f"error: {tmp_path / 'saknas.txt'}: no such file"
    result = sitegen("import", str(tmp_path / "saknas.txt"), cwd=root)
    assert result.stdout.strip() == f"fel: {tmp_path / 'saknas.txt'}: filen finns inte"
