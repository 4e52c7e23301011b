"""The browser suite: one build of the shipped content, one local server, one Chromium for the suite.

Chromium comes from the system (Debian's /usr/bin/chromium); Playwright never downloads a
browser. On a developer machine without the prerequisites the tests skip and say how to
install them; under CI (CI=true) a missing prerequisite fails the run instead.
"""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
HTMLCS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path(os.environ.get("SITEGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_HINT = ("install them with `bash .ci/run` (as root), or by hand: apt-get install chromium "
                "default-jre-headless; pip install -e '.[test]'; npm ci --ignore-scripts")


def require(available: bool, what: str) -> None:
    """Skip (developer machine) or fail (CI) when a prerequisite of the browser suite is missing."""
    if available:
        return
    message = f"{what} is missing — {INSTALL_HINT}"
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"CI must run the browser tests: {message}", pytrace=False)
    pytest.skip(message)


@dataclass(frozen=True)
class Doc:
    url: str
    title: str
    body: str                     # Markdown


@dataclass
class BuiltSite:
    # Plain values only: the model is a web of references that pytest must never try to print.
    root: Path
    out: Path
    base_url: str
    pages: dict[str, str]         # page kind → site path, one example of each kind
    today: dt.date                # the build's day, also the browser's clock
    meetings: list[Doc]
    others: list[Doc]             # projects, federations, events and pages


def _month_pages(out: Path) -> list[str]:
    found = [p.parent.relative_to(out).as_posix() for p in out.glob("kalender/*/*/index.html")]
    return sorted(f"/{rel}/" for rel in found if re.fullmatch(r"kalender/\d{4}/\d{2}", rel))


def _example_pages(site, out: Path) -> dict[str, str]:
    """One site path per page kind; a kind the shipped content lacks is absent from the dict."""
    base = len(site.config.base_path)
    pages = {"home": "/", "minutes index": "/moten/", "project index": "/projekt/", "federation index": "/forbund/",
             "calendar": "/kalender/", "404": "/404.html", "search": "/sok/"}
    dated = [m for m in site.meetings if m.date and m.date.is_full]
    if dated:  # the richest minutes: the most text
        pages["meeting"] = max(dated, key=lambda m: (len(m.body), m.slug)).url[base:]
    if site.projects:
        pages["project"] = max(site.projects, key=lambda p: (len(p.body), p.slug)).url[base:]
    if site.federations:  # a federation with its own colour shows the accent, if one has it
        pages["federation"] = max(site.federations, key=lambda f: (bool(f.color), bool(f.logo), len(f.meetings),
                                                                     f.slug)).url[base:]
    if site.events:
        pages["event"] = site.events[0].url[base:]
    if site.pages:
        pages["page"] = (site.page("tillganglighet") or site.pages[0]).url[base:]
    months = _month_pages(out)
    if months:
        pages["month"] = months[len(months) // 2]
    # The lists and registers that have their own templates or page builders.
    from generator.content import urls
    pages.update({"decisions": urls.DECISIONS, "assignments": urls.ASSIGNMENTS,
                  "past calendar": urls.calendar_past_path()})
    if site.meeting_types:
        pages["meeting type"] = urls.meeting_type_path(site.meeting_types[0][0])
    years = sorted(m.date.year for m in dated)
    if years:
        pages["minutes year"] = urls.meetings_year_path(years[-1])
    if site.federations:
        fed = site.federations[0]
        pages["federation calendar"] = urls.federation_calendar_path(fed.slug)
        fed_years = sorted(m.date.year for m in fed.meetings if m.date)
        if fed_years:
            pages["archive"] = urls.federation_year_path(fed.slug, fed_years[-1])
    return {kind: path for kind, path in pages.items() if (out / urls.output_file(path)).is_file()}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> BuiltSite:
    """The shipped site (site.yaml, content/, themes/) built once into a temporary folder.

    'Today' is the day of the newest minutes, so that the calendar has both past and coming
    entries whatever the real date is, and the build is the same on every run.
    """
    from generator.pipeline.build import build, load_model
    from generator.search.pagefind import find_pagefind

    root = tmp_path_factory.mktemp("shipped")
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    for folder in ("content", "themes"):
        shutil.copytree(REPO / folder, root / folder)
    first = load_model(root, dt.date(2000, 1, 1))
    days = [m.date.as_date() for m in first.meetings if m.date and m.date.is_full]
    today = max(days) if days else dt.date(2022, 1, 1)
    require(find_pagefind() is not None, "Pagefind (pip install -e '.[search]')")
    result = build(root, today=today)
    assert not [w for w in result.warnings if w.field == "search"], result.warnings
    site = load_model(root, today)
    others = [Doc(item.url, getattr(item, "title", "") or getattr(item, "name", ""), item.body)
              for item in [*site.projects, *site.federations, *site.events, *site.pages]]
    return BuiltSite(root=root, out=root / "output", base_url=site.config.base_url,
                     pages=_example_pages(site, root / "output"), today=today,
                     meetings=[Doc(m.url, m.title, m.body) for m in site.meetings], others=others)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def server(built) -> str:
    """http://127.0.0.1:<port> serving output/ from a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(built.out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# Package scope, not session: while Playwright's sync API is running it holds an asyncio loop in
# this thread, and tests after this folder call asyncio.run().
@pytest.fixture(scope="package")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    require(sync_playwright is not None, "Playwright for Python (pip install -e '.[test]')")
    require(CHROMIUM.is_file(), f"Chromium ({CHROMIUM}; apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(browser, server, built, **options):
    """A browser context whose clock shows the build's day (site.js ages lists by the visitor's clock)."""
    options = {"viewport": {"width": 1280, "height": 900}, "locale": "sv-SE", "base_url": server, **options}
    context = browser.new_context(**options)
    context.clock.set_fixed_time(dt.datetime.combine(built.today, dt.time(12)))
    return context


@pytest.fixture
def page(browser, server, built):
    """A fresh tab at desktop width with Swedish settings; page.goto takes site paths."""
    context = new_context(browser, server, built)
    context.set_default_timeout(20_000)  # a broken page fails in seconds instead of hanging the suite
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE.is_file(), f"axe-core ({AXE.relative_to(REPO)}; npm ci --ignore-scripts)")
    return AXE.read_text(encoding="utf-8")
