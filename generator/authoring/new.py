"""`sitegen new`: a new content file with every field of its kind present and explained in Swedish.

The fields and their order come from schema.py, so a field added there shows up here; HELP holds
the Swedish line that explains each one (a test fails if one is missing). The file builds as it
is: required fields are filled in, the rest are left empty for the author.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import uuid
from pathlib import Path
from typing import TextIO

from babel.dates import format_date

from generator.content import schema
from generator.pipeline.build import build_date
from generator.content.config import load_config
from generator.text.dates import LOCALE
from generator.errors import BuildFailed, Problem
from generator.i18n import _
from generator.text.slugs import slugify
from generator.content.frontmatter import read_yaml
from generator.content.sources import iter_content_files, read_source

KINDS = {"meeting": "meetings", "event": "events", "project": "projects", "federation": "federations"}

# The Swedish explanation written after each field, per kind; "krävs" marks required fields.
HELP: dict[str, dict[str, str]] = {
    "meetings": {
        "uid": "fast id för kalendrar – ändra det aldrig, inte heller om filen byter namn",
        "title": "rubrik (krävs)",
        "type": "mötestyp (krävs): förbundschefsmöte, presidiemöte, beredningsgrupp, styrelse, medlemssamråd …",
        "date": "datum ÅÅÅÅ-MM-DD; bara ÅÅÅÅ-MM om dagen saknas i originalet – hitta aldrig på en dag",
        "date_note": "varför datumet saknas eller är ofullständigt (visas på sidan)",
        "start": 'starttid, t.ex. 13.00 eller kl. 13.30 (kräver fullständigt datum)',
        "end": 'sluttid, t.ex. 16.00',
        "location": "plats, t.ex. Sollentuna",
        "online": "true om det gick att delta digitalt (Teams, Zoom …)",
        "online_link": "länk till det digitala mötet, https://…",
        "federations": "förbund som mötet gäller, t.ex. [roslagen, sundbyberg]",
        "chair": "ordförande: ett namn, eller {name: …, role: …, federation: …}",
        "secretary": "sekreterare (\"vid pennan\")",
        "present": "närvarande: [Anna, Elin] eller grupper, se docs/skriva-innehall.md",
        "absent": "frånvarande, t.ex. [Karin]",
        "guests": "gäster, t.ex. [Susan Korsman]",
        "projects": "projekt som mötet tog upp, t.ex. [mia]",
        "publish_names": "false = visa roll och förbund i stället för namn (GDPR); tomt = webbplatsens val",
        "status": "inställt om mötet ställdes in, annars tomt",
        "source": "originalfilens namn (fylls i av importen)",
        "not_in_original": "uppgifter som originalet saknar, t.ex. [chair, secretary]; visas som \"framgår inte\"",
        "import_notes": "det importen inte kunde avgöra; ta bort när du har kontrollerat",
        "description": "kort sammanfattning för sökmotorer och delningar",
    },
    "events": {
        "uid": "fast id för kalendrar – ändra det aldrig, inte heller om filen byter namn",
        "title": "rubrik (krävs)",
        "start": 'start (krävs): datum för heldag, eller datum och tid, t.ex. 2022-05-05 9.00',
        "end": 'slut: sista dagen (räknas med) eller datum och tid, t.ex. 2022-05-05 11.45',
        "location": "plats",
        "online": "true om det går att delta digitalt",
        "online_link": "länk för digitalt deltagande, https://…",
        "federations": "arrangerande förbund, t.ex. [skaraborg]",
        "projects": "projekt som händelsen gäller, t.ex. [cresco-creare]",
        "status": "bekräftad, preliminär eller inställd",
        "announced_in": "mötet som aviserade datumet: dess filnamn utan .md",
        "note": "kort notis som visas vid händelsen, t.ex. Datumet är preliminärt.",
        "import_notes": "det importen inte kunde avgöra; ta bort när du har kontrollerat",
        "description": "kort sammanfattning för sökmotorer och delningar",
    },
    "projects": {
        "name": "projektets namn (krävs)",
        "aliases": "andra namn och felstavningar i anteckningarna, t.ex. [MIA-projektet]",
        "status": "planerat, pågående eller avslutat (krävs)",
        "start": "start: ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM",
        "end": "slut: ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM",
        "owner": "projektägare: ett förbund, t.ex. ostra-sodertorn",
        "federations": "deltagande förbund, t.ex. [roslagen, sodertalje]",
        "funding": "finansiering, t.ex. Europeiska socialfonden (ESF)",
        "contact": "kontakt, t.ex. {name: Anna, email: anna@example.se, phone: 08-123 45 67}",
        "summary": "en mening som visas i listor",
        "description": "kort beskrivning för sökmotorer och delningar",
    },
    "federations": {
        "name": "fullständigt namn (krävs)",
        "short_name": "kortnamn (krävs), t.ex. Roslagen",
        "aliases": "andra namn, t.ex. [SF Roslagen]",
        "region": "län, t.ex. Stockholms län",
        "members": "medlemmar, t.ex. [Region Stockholm, Försäkringskassan, Arbetsförmedlingen]",
        "manager": "förbundschef",
        "website": "förbundets webbplats, https://…",
        "contact": "kontakt, t.ex. {email: info@example.se, phone: 08-123 45 67}",
        "color": 'accentfärg inom citattecken, t.ex. "#1d5c8a" (kontrast minst 4,5:1 mot vitt)',
        "logo": "logotypens filnamn bredvid index.md i förbundets mapp, t.ex. logo.svg",
        "description": "kort beskrivning för sökmotorer och delningar",
    },
}
COMMON_HELP = {"draft": "true = utkast som inte publiceras"}

BODIES = {
    "meetings": "<!-- Skriv minnesanteckningarna här. Dagordningens punkter blir rubriker, t.ex.\n"
                '     "## 2. Uppföljning". Länka en bilaga med dess filnamn: [bilderna](bilaga.pdf). -->\n\n'
                "## 1. Mötets öppnande\n\n",
    "events": "<!-- Beskriv händelsen: program, vem den vänder sig till, hur man anmäler sig. -->\n",
    "projects": "<!-- Beskriv projektet: syfte, målgrupp, vilka som deltar och vad som har hänt. -->\n",
    "federations": "<!-- Beskriv förbundet: vilka som är medlemmar och vad förbundet arbetar med. -->\n",
}
DEFAULT_TITLES = {"meetings": "Möte", "events": "Ny händelse", "projects": "Nytt projekt",
                  "federations": "Nytt förbund"}
FALLBACK_SLUGS = {"meetings": "mote", "events": "handelse", "projects": "projekt", "federations": "forbund"}
MEETING_TYPES = ("beredningsgrupp", "styrelse", "medlemssamråd", "presidium", "nätverk")
MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december"}
COMMENT_COLUMN = 32


class NewFileError(Exception):
    """A problem with the command's options; printed as one plain line."""


def new_command(root: Path, kind: str, federation: str | None = None, date: str | None = None,
                title: str | None = None, force: bool = False, out: TextIO | None = None) -> int:
    import sys
    out = out or sys.stdout
    try:
        path = write_new_file(root, kind, federation=federation, date=date, title=title, force=force)
    except NewFileError as exc:
        print(f"sitegen new: {exc}", file=sys.stderr)
        return 1
    print(_rel(path, root), file=out)
    return 0


def write_new_file(root: Path, kind: str, federation: str | None = None, date: str | None = None,
                   title: str | None = None, force: bool = False, today: dt.date | None = None) -> Path:
    """Write the new file and return its path; NewFileError if an option is wrong or the file exists."""
    root = Path(root)
    folder = KINDS[kind]
    if not (root / "site.yaml").is_file():
        raise NewFileError(_("there is no site.yaml here — run sitegen in the site's folder or give --root"))
    try:
        config = load_config(root)
        content_dir, timezone = config.content_dir, config.timezone
    except (Problem, BuildFailed):   # a broken site.yaml is the build's business, not a reason to refuse
        content_dir, timezone = root / "content", "Europe/Stockholm"
    today = today or build_date(timezone)
    title = (title or "").strip()

    values: dict[str, object] = {}
    if folder in ("meetings", "events"):
        values["uid"] = uuid.uuid4().hex[:16]
    if federation:
        if folder == "federations":
            raise NewFileError("--federation: " + _("a federation does not belong to a federation — leave it out"))
        slug = _resolve_federation(content_dir, federation)
        values["owner" if folder == "projects" else "federations"] = slug if folder == "projects" else [slug]
    when = _parse_date(folder, date)

    if folder == "meetings":
        day = when or today
        title = title or f"{DEFAULT_TITLES[folder]} {_day_words(day)}"
        values.update(title=title, type=_meeting_type(title), date=_iso(day))
        file_slug = f"{_iso(day)}-{_title_slug(title, folder)}"
    elif folder == "events":
        start = when or today
        title = title or DEFAULT_TITLES[folder]
        values.update(title=title, start=_iso(start), status="bekräftad")
        file_slug = f"{_iso(start)[:10]}-{_title_slug(title, folder)}"
    elif folder == "projects":
        title = title or DEFAULT_TITLES[folder]
        values.update(name=title, status="planerat")
        if when is not None:
            values["start"] = _iso(when)
        file_slug = _title_slug(title, folder)
    else:
        if date:
            raise NewFileError("--date: " + _("a federation has no date — leave it out"))
        title = title or DEFAULT_TITLES[folder]
        short = re.sub(r"^samordningsförbund(et)?\s+", "", title, flags=re.IGNORECASE).strip() or title
        values.update(name=title, short_name=short)
        file_slug = _title_slug(short, folder)

    path = content_dir / folder / f"{file_slug}.md"
    bundle = content_dir / folder / file_slug / "index.md"
    if bundle.exists():
        raise NewFileError(_("{file} already exists with the same address — edit it, or choose another --title")
                           .format(file=_rel(bundle, root)))
    if path.exists() and not force:
        raise NewFileError(_("{file} already exists — edit it, choose another --title or --date, "
                             "or add --force to replace it").format(file=_rel(path, root)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(folder, values), encoding="utf-8")
    return path


def render(folder: str, values: dict[str, object]) -> str:
    """The file's text: every field of the kind in schema order, each with its Swedish comment."""
    fields = [*schema.SCHEMAS[folder], *schema.COMMON]
    helps = {**HELP[folder], **COMMON_HELP}
    lines = ["---"]
    for name in fields:
        text = f"{name}:"
        if name in values:
            text += " " + _yaml_value(values[name])
        help_text = helps.get(name, "se docs/skriva-innehall.md")
        lines.append(f"{text.ljust(COMMENT_COLUMN - 1)} # {help_text}")
    lines.append("---")
    return "\n".join(lines) + "\n" + BODIES[folder]


# ---------- helpers ----------

def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def _yaml_value(value) -> str:
    """Plain YAML where it reads back the same (and has no time in it); JSON-style quotes otherwise."""
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(item) for item in value) + "]"
    text = str(value)
    plain_ok = ":" not in text and not text.startswith(("[", "{", "#", "'", '"'))
    if plain_ok:
        try:
            plain_ok = read_yaml(f"k: {text}", "")[0] == {"k": text}
        except Problem:
            plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _parse_date(folder: str, value: str | None):
    if not value:
        return None
    parser = schema.date_or_datetime if folder == "events" else schema.partial_date
    try:
        parsed = parser(value.strip())
    except schema.FieldError as exc:
        raise NewFileError("--date: " + exc.message + " — " + exc.fix) from None
    if folder == "meetings" and not parsed.is_full and parsed.month is None:
        raise NewFileError("--date: " + _("a meeting needs at least a year and a month — write YYYY-MM-DD or YYYY-MM"))
    return parsed


def _iso(value) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.iso()     # PartialDate


def _day_words(value) -> str:
    """'17 november 2021' (or 'mars 2022' when only the month is known)."""
    if isinstance(value, dt.date):
        return format_date(value, "d MMMM y", locale=LOCALE)
    if value.is_full:
        return format_date(value.as_date(), "d MMMM y", locale=LOCALE)
    return format_date(dt.date(value.year, value.month, 1), "LLLL y", locale=LOCALE)


def _meeting_type(title: str) -> str:
    """The type a title names ('Förbundschefsmöte 17 november' → förbundschefsmöte), else 'möte'."""
    first = title.split()[0].lower().strip(",.:") if title.split() else ""
    if first.endswith("möte") or first in MEETING_TYPES:
        return first
    return "möte"


def _title_slug(title: str, folder: str) -> str:
    """A slug from the title without its date words: the file name carries the date already."""
    parts = [part for part in slugify(title).split("-")
             if part and not part.isdigit() and part not in {slugify(m) for m in MONTHS}]
    return "-".join(parts) or FALLBACK_SLUGS[folder]


def _resolve_federation(content_dir: Path, name: str) -> str:
    """The slug of the federation `name` refers to (slug, name, short name or alias), or a did-you-mean."""
    known: dict[str, str] = {}
    labels: dict[str, str] = {}
    for kind, path in iter_content_files(content_dir):
        if kind != "federations":
            continue
        try:
            source = read_source(kind, path, content_dir, content_dir.parent)
        except Problem:
            continue   # a broken federation file is reported by the build
        meta = source.meta
        names = [source.slug, meta.get("name"), meta.get("short_name"), *(meta.get("aliases") or [])]
        for label in names:
            if isinstance(label, str) and label.strip():
                known.setdefault(label.strip().casefold(), source.slug)
                known.setdefault(slugify(label), source.slug)
        labels[source.slug] = str(meta.get("short_name") or source.slug)
    found = known.get(name.strip().casefold()) or known.get(slugify(name))
    if found:
        return found
    if not labels:
        raise NewFileError("--federation: " + _("unknown federation '{name}' — there are none yet; "
                                                "add one first with: sitegen new federation --title …").format(name=name))
    close = difflib.get_close_matches(slugify(name), sorted(known), n=1, cutoff=0.5)
    listing = ", ".join(sorted(labels))
    fix = (_("did you mean '{close}'? known: {known}").format(close=known[close[0]], known=listing) if close
           else _("known: {known}").format(known=listing))
    raise NewFileError("--federation: " + _("unknown federation '{name}'").format(name=name) + " — " + fix)
