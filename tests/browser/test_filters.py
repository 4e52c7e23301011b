"""The federation filters site.js adds to the minutes lists and /kalender/: choosing a federation
changes nothing until "Visa" is pressed (WCAG 3.2.2), the result is announced, focus stays put;
and a calendar with nothing to show says so once."""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import threading

import html5lib

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree

from .conftest import new_context


def visible_items(page, selector: str) -> int:
    return page.eval_on_selector_all(selector, "els => els.filter(el => !el.closest('[hidden]')).length")


def expected_count(built, path: str, selector_attr: str, slug: str) -> int:
    """How many list items of the built page name the federation, read from the HTML itself."""
    doc = html5lib.parse((built.out / path.lstrip("/") / "index.html").read_bytes(), treebuilder="lxml",
                         namespaceHTMLElements=False)
    return sum(1 for li in doc.iter("li") if li.get("data-federations") is not None
               and slug in (li.get("data-federations") or "").split() and selector_attr in li.getparent().get("class", ""))


def focused_text(page) -> str:
    return page.evaluate("() => document.activeElement.textContent.trim()")


def test_minutes_filter_waits_for_the_button_and_announces_the_result(page, built):
    page.goto(built.pages["minutes index"])
    before = visible_items(page, ".meeting-list li")
    page.focus("#filter-federation")
    page.keyboard.press("ArrowDown")                    # a keyboard user moves through the choices…
    slug = page.eval_on_selector("#filter-federation", "el => el.value")
    assert slug                                          # …and the choice has changed,
    assert visible_items(page, ".meeting-list li") == before     # but the list has not
    assert page.inner_text(".js-filter .filter-status") == ""
    page.keyboard.press("Tab")
    assert focused_text(page) == "Visa"
    page.keyboard.press("Enter")
    wanted = expected_count(built, built.pages["minutes index"], "meeting-list", slug)
    assert 0 < wanted < before
    assert visible_items(page, ".meeting-list li") == wanted
    status = page.locator(".js-filter .filter-status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == (f"{wanted} möten visas" if wanted != 1 else "1 möte visas")
    assert focused_text(page) == "Visa"                  # nothing moved the reader elsewhere
    assert page.url.endswith(built.pages["minutes index"])  # no page load


def test_minutes_filter_opens_filtered_from_its_own_address(page, built):
    page.goto(built.pages["minutes index"])
    slug = page.eval_on_selector("#filter-federation option:nth-child(2)", "el => el.value")
    page.goto(built.pages["minutes index"] + "?forbund=" + slug)
    wanted = expected_count(built, built.pages["minutes index"], "meeting-list", slug)
    assert visible_items(page, ".meeting-list li") == wanted
    assert page.eval_on_selector("#filter-federation", "el => el.value") == slug


def test_calendar_filter_waits_for_the_button(page, built):
    page.goto(built.pages["calendar"])
    assert page.locator("form.js-calendar-filter").is_visible()
    before = visible_items(page, ".calendar-months li[data-federations]")
    page.focus("#kalender-forbund")
    page.keyboard.press("ArrowDown")
    assert visible_items(page, ".calendar-months li[data-federations]") == before
    page.keyboard.press("Tab")
    assert focused_text(page) == "Visa"
    page.keyboard.press("Enter")
    status = page.inner_text(".js-calendar-filter .filter-status")
    assert status.endswith("visas.")
    assert visible_items(page, ".calendar-months li[data-federations]") <= before


# ---------- one empty-state message ----------

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serving(folder):
    """http://127.0.0.1:<port> serving `folder` while the block runs."""
    handler = functools.partial(_Quiet, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def empty_notes(page) -> list[str]:
    """The visible sentences in main saying that nothing is coming."""
    return page.eval_on_selector_all(
        "main p", "els => els.filter(p => !p.closest('[hidden]') && /^Inga kommande/.test(p.textContent.trim()))"
                  ".map(p => p.textContent.trim())")


def calendar_site(tmp_path, build_day: dt.date) -> SiteTree:
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote.md": MEETING,
                               "events/2021-11-29-konferens.md": "---\nuid: e-konf\ntitle: Länskonferens\n"
                                                                 "start: 2021-11-29\nfederations: [roslagen]\n---\n"})
    tree.build(today=build_day)
    return tree


def test_a_calendar_with_nothing_coming_says_so_once(browser, tmp_path):
    tree = calendar_site(tmp_path, dt.date(2022, 6, 1))          # everything is past at the build
    with serving(tree.out) as server:
        context = browser.new_context(locale="sv-SE", base_url=server)
        context.clock.set_fixed_time(dt.datetime(2022, 6, 1, 12))
        try:
            tab = context.new_page()
            tab.goto("/kalender/")
            assert empty_notes(tab) == ["Inga kommande möten eller händelser är inlagda."]
        finally:
            context.close()


def test_a_calendar_emptied_by_the_visitors_clock_says_so_once(browser, tmp_path):
    tree = calendar_site(tmp_path, dt.date(2021, 11, 1))         # coming at the build, ended since
    with serving(tree.out) as server:
        context = browser.new_context(locale="sv-SE", base_url=server)
        context.clock.set_fixed_time(dt.datetime(2022, 6, 1, 12))
        try:
            tab = context.new_page()
            tab.goto("/kalender/")
            assert len(empty_notes(tab)) == 1
            assert tab.locator(".calendar-month").first.is_hidden()
        finally:
            context.close()


def test_without_javascript_the_minutes_lists_link_to_each_federations_minutes(browser, server, built):
    context = new_context(browser, server, built, java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(built.pages["minutes index"])
        assert not tab.locator("form.js-filter").is_visible()
        links = tab.eval_on_selector_all("nav.filter a[href$='#moten']", "els => els.map(a => a.getAttribute('href'))")
        assert len(links) == tab.eval_on_selector_all("#filter-federation option[value]:not([value=''])",
                                                      "els => els.length")
        listed = 0
        for link in links:
            tab.goto(link)
            assert tab.locator("#moten").is_visible(), link
            listed += tab.eval_on_selector_all("section[aria-labelledby=moten] .meeting-list li", "els => els.length")
        assert listed > 0
    finally:
        context.close()
