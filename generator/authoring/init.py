"""`sitegen init`: a new site folder from the files in generator/scaffold/.

The scaffold files are Jinja2 templates with [[ … ]] as their delimiters, so that the workflows'
own ${{ … }} and Markdown pass through untouched; path names are rendered too. A file under
content/federations/ is written once per federation. Nothing outside the folder is written, and
no existing file is ever replaced.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

import jinja2
from babel.dates import format_date

from generator import __version__
from generator.i18n import _, ngettext
from generator.text.dates import LOCALE
from generator.pipeline.fingerprint import build_date
from generator.text.slugs import slugify

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
# Package data globs skip names that begin with a dot, so .gitignore is stored as dot-gitignore.
DOT_PREFIX = "dot-"
PER_FEDERATION = "content/federations/"
# A folder holding only these counts as empty: `git clone` of a new, empty repository leaves .git.
IGNORED_WHEN_EMPTY = {".git"}
# The example meeting was held two weeks before the day of init (minutes follow a meeting), the
# example event lies four weeks after it: the calendar has something past and something coming.
MEETING_DAYS_BEFORE = 14
EVENT_DAYS_AHEAD = 28


class InitError(Exception):
    """A problem with the command's options or the folder; printed as one plain line."""


@dataclass(frozen=True)
class Federation:
    slug: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Settings:
    title: str = ""                   # empty: named after the federations
    base_url: str = "https://www.example.se/"
    organisation: str = ""
    email: str = "info@example.se"
    federations: tuple[str, ...] = ("Samordningsförbundet Exempel",)
    install: str = field(default_factory=lambda: f"sitegen=={__version__}")


def init_command(folder: Path, settings: Settings, force: bool = False, interactive: bool = False,
                 out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        if interactive:
            settings = ask(settings, out)
        written, kept = write_site(Path(folder), settings, force=force)
    except InitError as exc:
        print(f"sitegen init: {exc}", file=err)
        return 1
    for rel in kept:
        print(_("kept (exists): {file}").format(file=rel), file=out)
    for rel in written:
        print(rel, file=out)
    where = "" if Path(folder).resolve() == Path.cwd().resolve() else f"cd {shlex.quote(str(folder))} && "
    files = ngettext("{count} file", "{count} files", len(written)).format(count=len(written))
    print("\n" + _("A new site in {folder}: {files}. Next: {command} "
                   "(README.md says how to add a meeting and how the site is published).").format(
        folder=folder, files=files, command=f"{where}sitegen serve"), file=out)
    return 0


def ask(settings: Settings, out: TextIO) -> Settings:
    """Ask for each setting on the terminal; Enter keeps the value shown in brackets."""
    def prompt(label: str, default: str) -> str:
        print(f"{label} [{default}]: ", end="", file=out, flush=True)
        answer = sys.stdin.readline()
        if not answer:               # end of input: keep the rest as they are
            raise EOFError
        return answer.strip() or default

    try:
        answer = prompt(_("Federations, separated by commas"), ", ".join(settings.federations))
        federations = tuple(part.strip() for part in answer.split(",") if part.strip())
        title = prompt(_("Site title"), settings.title or default_title(federation_list(federations)))
        base_url = prompt(_("Public address (base_url)"), settings.base_url)
        organisation = prompt(_("Organisation behind the site"), settings.organisation or title)
        email = prompt(_("Contact e-mail"), settings.email)
    except EOFError:
        print(file=out)
        return settings
    return Settings(title=title, base_url=base_url, organisation=organisation, email=email,
                    federations=federations, install=settings.install)


def write_site(folder: Path, settings: Settings, force: bool = False,
               today: dt.date | None = None) -> tuple[list[str], list[str]]:
    """Write the new site into `folder`; (files written, files that existed and were kept)."""
    files = plan(settings, today or build_date("Europe/Stockholm"))
    if folder.exists() and not folder.is_dir():
        raise InitError(_("{folder} is a file, not a folder — give the name of a new folder").format(folder=folder))
    if folder.is_dir() and not force:
        present = sorted(p.name for p in folder.iterdir() if p.name not in IGNORED_WHEN_EMPTY)
        if present:
            shown = ", ".join(present[:5]) + (", …" if len(present) > 5 else "")
            raise InitError(_("{folder} is not empty ({files}) — choose a new folder, or add --force "
                              "to add the missing files (existing files are never replaced)").format(
                                  folder=folder, files=shown))
    folder.mkdir(parents=True, exist_ok=True)
    top = folder.resolve()
    # A symbolic link inside the folder must not lead a write outside it: all checked before any write.
    for rel in files:
        if not _stays_inside((folder / rel).parent, top):
            raise InitError(_("{file}: its folder leads outside {folder} (a symbolic link?) — nothing was written")
                            .format(file=rel, folder=folder))
    written, kept = [], []
    for rel, text in files.items():
        target = folder / rel
        if os.path.lexists(target):
            kept.append(rel)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "x", encoding="utf-8", newline="\n") as handle:   # "x": never replace a file
            handle.write(text)
        written.append(rel)
    return written, kept


def plan(settings: Settings, today: dt.date) -> dict[str, str]:
    """Path in the new site → its text, sorted, from the settings and the day of init."""
    federations = federation_list(settings.federations)
    values = template_values(settings, federations, today)
    env = jinja2.Environment(
        variable_start_string="[[", variable_end_string="]]",
        block_start_string="[%", block_end_string="%]",
        comment_start_string="[#", comment_end_string="#]",
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["yaml"] = yaml_text
    files: dict[str, str] = {}
    for source in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        rel = source.relative_to(SCAFFOLD).as_posix()
        text = source.read_text(encoding="utf-8")
        for extra in ([{"federation": f} for f in federations] if rel.startswith(PER_FEDERATION) else [{}]):
            context = {**values, **extra}
            target = "/".join(_undotted(part) for part in env.from_string(rel).render(context).split("/"))
            files[target] = env.from_string(text).render(context)
    return dict(sorted(files.items()))


def template_values(settings: Settings, federations: list[Federation], today: dt.date) -> dict:
    title = settings.title.strip() or default_title(federations)
    base_url = _checked_base_url(settings.base_url.strip())
    email = settings.email.strip()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise InitError("--email: " + _("'{value}' is not an e-mail address — write e.g. info@example.se")
                        .format(value=email))
    install = settings.install.strip()
    if not install or "\n" in install:
        raise InitError("--install: " + _("give one requirement, e.g. sitegen==0.2.0"))
    meeting_day = today - dt.timedelta(days=MEETING_DAYS_BEFORE)
    event_day = today + dt.timedelta(days=EVENT_DAYS_AHEAD)

    def uid(kind: str, day: dt.date) -> str:
        # Stable for the same site and day (init writes the same bytes twice), unique between sites.
        return hashlib.sha256(f"{base_url}|{kind}|{day.isoformat()}".encode()).hexdigest()[:16]

    return {
        "version": __version__, "install": install, "install_shell": shlex.quote(install),
        "title": title, "base_url": base_url, "email": email,
        "email_link": f"[{email}](mailto:{email})",
        "organisation": settings.organisation.strip() or title,
        "description": f"Möten, minnesanteckningar, projekt och kalender för {title}.",
        "federations": federations, "first_federation": federations[0],
        "federation_list": "[" + ", ".join(f.slug for f in federations) + "]",
        "first_federation_list": f"[{federations[0].slug}]",
        "today": today.isoformat(), "today_words": _day_words(today),
        "meeting": {"date": meeting_day.isoformat(), "day_words": _day_words(meeting_day),
                    "uid": uid("meeting", meeting_day)},
        "event": {"date": event_day.isoformat(), "uid": uid("event", event_day)},
        "project": {"start": f"{today.year}-01"},
    }


def default_title(federations: list[Federation]) -> str:
    """'Samordningsförbundet Roslagen', or 'Samordningsförbunden Roslagen och Sundbyberg'."""
    if len(federations) == 1:
        return federations[0].name
    names = [f.short_name for f in federations]
    return "Samordningsförbunden " + ", ".join(names[:-1]) + " och " + names[-1]


def federation_list(names: tuple[str, ...]) -> list[Federation]:
    """Federations from names as people write them: 'Samordningsförbundet Roslagen' or 'Roslagen'."""
    found: dict[str, Federation] = {}
    for raw in names:
        name = " ".join(raw.split())
        short = re.sub(r"^samordningsförbund(et)?\s+", "", name, flags=re.IGNORECASE).strip() or name
        slug = slugify(short)
        if not slug:
            raise InitError("--federation: " + _("'{name}' has no letters or digits to make an address of")
                            .format(name=raw))
        if slug in found:
            raise InitError("--federation: " + _("'{name}' is given twice (both become '{address}')")
                            .format(name=raw, address=slug))
        full = name if short != name else f"Samordningsförbundet {short}"
        found[slug] = Federation(slug=slug, name=full, short_name=short)
    if not found:
        raise InitError("--federation: " + _("give at least one federation, e.g. --federation Roslagen"))
    return list(found.values())


def yaml_text(value) -> str:
    """A YAML scalar that reads back as exactly this text (a JSON string is valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


def _checked_base_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InitError("--base-url: " + _("'{value}' is not a web address — write the full address, "
                                           "e.g. https://samordning.example.se/").format(value=value))
    return value if value.endswith("/") else value + "/"


def _stays_inside(folder: Path, top: Path) -> bool:
    """Whether `folder` (or, before it exists, its nearest existing parent) is within `top`."""
    while not os.path.lexists(folder) and folder != folder.parent:
        folder = folder.parent
    return folder.resolve().is_relative_to(top)


def _undotted(part: str) -> str:
    return "." + part[len(DOT_PREFIX):] if part.startswith(DOT_PREFIX) else part


def _day_words(day: dt.date) -> str:
    return format_date(day, "d MMMM y", locale=LOCALE)
