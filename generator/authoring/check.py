"""`sitegen check`: everything the build validates, then what only a built site and an editor's eye show.

The site is built into a temporary folder (output/ is never touched) and read back: every
internal href, src and #fragment must lead to a file and an id, every page must be linked from
another one, and a body's link to an attachment must name a file beside its index.md. Every
attachment the site publishes is read (documents.py): a PDF without tags, language or title, a
scan without text, a Word file without headings or slides without titles is named with its fix,
as the DOS law covers documents too. The model adds editorial checks: past events still
preliminary, federations without a contact, held meetings without chair or secretary. Each finding names the content file responsible (or the
template, for links a template wrote) with a line, as `path:line: field: message — fix`.
"""
from __future__ import annotations

import dataclasses
import posixpath
import sys
import tempfile
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO
from urllib.parse import unquote, urlsplit

from generator.pipeline import build as pipeline
from generator.feeds import occurrences
from generator.content import documents
from generator.pages import site_pages
from generator.errors import BuildFailed, Problem, shown
from generator.i18n import N_, _, ngettext
from generator.content.model import Item, Site
from generator.minutes.library import Library

LINK_ATTRIBUTES = {("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                   ("iframe", "src"), ("source", "src"), ("audio", "src"), ("video", "src"), ("embed", "src"),
                   ("form", "action")}
NOT_LINKS = ("mailto:", "tel:", "data:", "javascript:")
UNLINKED_PAGES = {"/", "/404.html"}     # the home page is the way in; 404 is shown by the server
SEARCH_BUNDLE = "/pagefind/"            # absent when Pagefind is not installed; the build warns about that


# ---------- reading built pages ----------

class _PageReader(HTMLParser):
    """The ids (anchors) a page offers and the links it makes, with their line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRIBUTES:
                self.links.append((value.strip(), self.getpos()[0]))

    handle_startendtag = handle_starttag


def read_page(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader


def page_path(rel: str) -> str:
    """Output file → site path: 'moten/x/index.html' → '/moten/x/', '404.html' → '/404.html'."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


# ---------- who is responsible for a page ----------

@dataclasses.dataclass
class Owner:
    """Where to send the author for a page: its content item for its body, its template for the rest."""
    template: str
    item: Item | None = None


def page_owners(site: Site, library: Library) -> dict[str, Owner]:
    """Site path → Owner, from the same list of pages the build renders."""
    config = site.config
    owners: dict[str, Owner] = {}
    try:
        jobs = site_pages.page_jobs(site, library, occurrences.occurrences(site))
    except Exception:  # the owners only sharpen messages; a check must not fail on them
        jobs = []
    for job in jobs:
        owners[job.path] = Owner(f"themes/{config.theme}/templates/{job.template}")
    for item in [*site.meetings, *site.events, *site.projects, *site.federations, *site.pages]:
        path = item.url[len(config.base_path):]
        owners[path] = Owner(owners[path].template if path in owners else item.rel, item)
    return owners


def source_line(item: Item, needles: list[str]) -> int:
    """The line of the content file where the body mentions one of `needles` (else where the body starts)."""
    for offset, line in enumerate(item.source.body.split("\n")):
        if any(needle and needle in line for needle in needles):
            return item.source.body_line + offset
    return item.source.body_line


# ---------- the checks ----------

def check_attachment_links(site: Site, library: Library) -> tuple[list[Problem], set[tuple[str, str]]]:
    """A body's link to a file ('bilaga.pdf') must name a file published beside the page.

    Returns the problems and the (content file, href) pairs they cover, which the link check skips.
    """
    found: list[Problem] = []
    covered: set[tuple[str, str]] = set()
    for item in [*site.meetings, *site.projects, *site.events, *site.federations, *site.pages]:
        reader = _PageReader()
        reader.feed(library.body_html(item))
        for link, _line in reader.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            name = posixpath.basename(parts.path)
            if "." not in name or name.endswith(".html"):
                continue   # a relative link to a page, left to the link check
            target = unquote(parts.path)
            line = source_line(item, [link, parts.path, target])
            folder = item.source.path.parent
            published = {a.path.resolve() for a in getattr(item, "attachments", [])}
            before = len(found)
            if item.source.path.name != "index.md":
                found.append(Problem(item.rel, line, None,
                                     _("links to the attachment '{target}', but this text has no folder for "
                                       "attachments").format(target=target),
                                     _("move it to {folder}/index.md and put {name} beside it").format(
                                         folder=item.rel[:-3], name=name)))
            elif not (folder / target).is_file():
                found.append(Problem(item.rel, line, None,
                                     _("links to '{target}', which is not beside index.md").format(target=target),
                                     _("put the file in {folder}/ or correct the name (capital letters count)").format(
                                         folder=item.rel.rsplit('/', 1)[0])))
            elif (folder / target).resolve() not in published:
                found.append(Problem(item.rel, line, None,
                                     _("links to '{target}', which is not published").format(target=target),
                                     _("attachments are published for meetings and projects, from the folder "
                                       "of index.md itself (not a subfolder)")))
            if len(found) > before:
                covered.add((item.rel, link))
    return found, covered


def check_links(site: Site, library: Library, out: Path, owners: dict[str, Owner],
                covered: set[tuple[str, str]]) -> list[Problem]:
    """Every internal link and #fragment in the built site leads somewhere; every page is linked to."""
    config = site.config
    base = config.base_path
    site_root = config.base_url if config.base_url.startswith("http") else None
    pages = {page_path(p.relative_to(out).as_posix()): p for p in sorted(out.rglob("*.html"))}
    readers = {path: read_page(file) for path, file in pages.items()}
    linked: set[str] = set()
    broken: dict[tuple[str, int, str, str], list[str]] = defaultdict(list)   # (rel, line, message, fix) → pages

    for path, reader in readers.items():
        here = base + path
        owner = owners.get(path, Owner(f"output{path}"))
        for link, _line in reader.links:
            if not link or link.startswith(NOT_LINKS) or link.startswith("//"):
                continue
            if site_root and link.startswith(site_root):
                link = base + "/" + link[len(site_root):]
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue   # another website
            if not parts.path:
                target = here                                   # '#fragment' on this page
            elif parts.path.startswith("/"):
                target = parts.path
            else:                                               # relative to this page's folder
                target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
                target += "/" if parts.path.endswith("/") and not target.endswith("/") else ""
            target = unquote(target)
            problem = None
            if not (target + "/").startswith(base + "/"):
                problem = (_("the link '{link}' leaves the site's base path {base}/").format(link=link, base=base),
                           _("start site links with {base}/ (write them as /… in content; the build adds "
                             "{base})").format(base=base))
            else:
                rel_target = target[len(base):] or "/"
                file = _file_for(out, rel_target)
                if file is None:
                    if rel_target.startswith(SEARCH_BUNDLE) and not (out / SEARCH_BUNDLE.strip("/")).is_dir():
                        continue
                    problem = (_("the link '{link}' leads to no page or file").format(link=link),
                               _("correct the address, or add what it points to"))
                else:
                    target_page = page_path(file.relative_to(out).as_posix())
                    if target_page != path:
                        linked.add(target_page)
                    fragment = unquote(parts.fragment)
                    if fragment and fragment != "top" and target_page in readers \
                            and fragment not in readers[target_page].ids:
                        problem = (_("the link '{link}' points to #{fragment}, which is not on {page}").format(
                                       link=link, fragment=fragment, page=base + target_page),
                                   _("correct the part after #, or add the heading or id it names"))
            if problem is None:
                continue
            if owner.item is not None and _in_body(library.body_html(owner.item), link):
                if (owner.item.rel, link) in covered:
                    continue   # already reported as a missing attachment
                bare = link[len(base):] if base and link.startswith(base + "/") else link
                rel, line = owner.item.rel, source_line(owner.item, [bare, link, unquote(bare)])
            else:
                rel, line = owner.template, 1
            broken[(rel, line, *problem)].append(base + path)

    found = []
    for (rel, line, message, fix), where in sorted(broken.items()):
        on = (_("{message} (on {page})").format(message=message, page=where[0]) if len(where) == 1
              else _("{message} (on {count} pages, e.g. {page})").format(message=message, count=len(where),
                                                                          page=where[0]))
        found.append(Problem(rel, line, None, on, fix))
    for path in sorted(set(pages) - linked - UNLINKED_PAGES):
        owner = owners.get(path, Owner(f"output{path}"))
        if owner.item is not None and owner.item.source.kind == "pages":
            rel, fix = owner.item.rel, _("give the page 'menu: …' to list it in the footer, or link to it from "
                                         "another page")
        elif owner.item is not None:
            rel, fix = owner.item.rel, _("link to it from another page")
        else:
            rel, fix = owner.template, _("link to it from another page, or stop generating it")
        found.append(Problem(rel, 1, None, _("no other page links to {page}").format(page=base + path), fix,
                             severity="warning"))
    return found


def _file_for(out: Path, path: str) -> Path | None:
    """The built file a site path is served from, or None."""
    candidate = out / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _in_body(body_html: str, link: str) -> bool:
    return f'"{link}"' in body_html or f'"{link.replace("&", "&amp;")}"' in body_html


def check_editorial(site: Site) -> list[Problem]:
    """Mistakes the build accepts but a reader would notice."""
    found: list[Problem] = []
    for event in site.events:
        # A note tells readers why a past date stays unconfirmed (e.g. imported from old minutes).
        if event.status == "preliminär" and event.last_day < site.today and not event.note:
            found.append(Problem(event.rel, event.source.line_of("status"), "status",
                                 _("the event was on {day} and is still marked preliminär").format(
                                     day=event.last_day.isoformat()),
                                 _("write 'status: bekräftad' if it took place, or 'inställd' if it did not, "
                                   "or add a 'note' telling readers why it stays unconfirmed"),
                                 severity="warning"))
    for fed in site.federations:
        if not fed.contact:
            found.append(Problem(fed.rel, fed.source.line_of("contact"), "contact", _("the federation has no contact"),
                                 _("add e.g. 'contact: {{email: info@example.se, phone: 08-123 45 67}}'").format(),
                                 severity="warning"))
    for meeting in site.meetings:
        if meeting.cancelled or _in_future(meeting, site):
            continue
        for key, label, also in (("chair", N_("chair (ordförande)"), "Kipa"),
                                 ("secretary", N_("secretary (vid pennan)"), "Elin")):
            if getattr(meeting, key) is None and key not in meeting.not_in_original:
                found.append(Problem(meeting.rel, 1, key, _("the minutes name no {role}").format(role=_(label)),
                                     _("add '{field}: …' (a name, e.g. {field}: {example}, or {{role: …, federation: …}}), "
                                       "or 'not_in_original: [{field}]' if the original minutes do not say").format(
                                         field=key, example=also),
                                     severity="warning"))
    return found


def _in_future(meeting, site: Site) -> bool:
    """A meeting that has not happened yet has no minutes to sign (a meeting with no date has)."""
    if meeting.date is None:
        return False
    today = site.today
    return meeting.date.sort_key() > (today.year, today.month if meeting.date.month else 0,
                                      today.day if meeting.date.day else 0)


# ---------- the command ----------

def check_site(root: Path, today=None) -> tuple[list[Problem], int]:
    """Every finding (errors and warnings) and the number of pages checked: one build into a
    temporary folder, whose model the checks then read. calendar.lock is not written (the
    build's write_lock), so the site folder is left exactly as it was found."""
    root = Path(root)
    with tempfile.TemporaryDirectory(prefix="sitegen-check-") as tmp:
        out = Path(tmp) / "site"
        try:
            result = pipeline.build(root, out, today=today, use_cache=False, keep_model=True, write_lock=False)
        except BuildFailed as failed:
            return failed.problems, 0
        site, library = result.model.site, result.model.library
        attachments, covered = check_attachment_links(site, library)
        problems = [*result.warnings, *attachments, *check_editorial(site), *documents.problems(site, root),
                    *check_links(site, library, out, page_owners(site, library), covered)]
        pages = sum(1 for _page in out.rglob("*.html"))
    return sorted(problems, key=lambda p: (p.sort_key, p.severity)), pages


def check_command(root: Path, strict: bool = False, quiet: bool = False, today=None,
                  out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    problems, pages = check_site(root, today)
    if strict:
        problems = [dataclasses.replace(p, severity="error") for p in problems]
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    for problem in problems:
        if problem.severity == "error" or not quiet:
            print(shown(problem), file=out)
    if not quiet or errors:
        counted = _("check: {errors}, {warnings}").format(
            errors=ngettext("{count} error", "{count} errors", len(errors)).format(count=len(errors)),
            warnings=ngettext("{count} warning", "{count} warnings", len(warnings)).format(count=len(warnings)))
        checked = (ngettext(" in {count} page", " in {count} pages", pages).format(count=pages) if pages
                   else _(" (the site does not build, so links were not checked)"))
        strict_note = _(" (--strict: warnings count as errors)") if strict and errors else ""
        print(counted + checked + strict_note, file=out)
    return 1 if errors else 0
