"""Phone widths without sideways scrolling, print as clean minutes, and pages that work without JavaScript."""
from __future__ import annotations

import pytest

from .conftest import new_context

PHONE_PAGES = ["home", "minutes index", "meeting", "calendar", "month", "federation", "project", "event",
               "page", "search", "404"]


@pytest.mark.parametrize("width", [320, 390])
def test_no_horizontal_scroll_at_phone_width(browser, server, built, tmp_path, width):
    context = new_context(browser, server, built, viewport={"width": width, "height": 800})
    tab = context.new_page()
    wide = []
    try:
        for kind in PHONE_PAGES:
            if kind not in built.pages:
                continue
            tab.goto(built.pages[kind])
            scroll, inner = tab.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                wide.append((kind, scroll))
        tab.goto(built.pages.get("meeting", "/"))
        shot = tmp_path / f"meeting-{width}.png"
        tab.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 1000
    finally:
        context.close()
    assert wide == [], f"wider than {width} px"
    assert {"home", "meeting", "calendar", "federation"} <= set(built.pages)


def test_print_shows_the_minutes_without_navigation_and_with_link_addresses(page, built):
    page.goto(built.pages.get("meeting", "/"))
    page.emulate_media(media="print")
    for selector in (".site-header", ".breadcrumbs", ".site-footer", ".skip-link"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("main h1").is_visible() and page.locator("main .facts").is_visible()
    assert page.locator(".print-only").is_visible()          # the address the printout came from
    permalinks = page.locator("main a.permalink")
    assert all(not permalinks.nth(i).is_visible() for i in range(permalinks.count()))


def after_content(link) -> str:
    return link.evaluate("a => getComputedStyle(a, '::after').content")


def test_print_writes_out_link_addresses_in_the_text(page, built):
    page.goto(built.pages["page"])
    page.emulate_media(media="print")
    external = page.locator("main a[href^='http']").first
    assert external.get_attribute("href") in after_content(external)
    internal = page.locator(".prose a[href^='/']").first
    assert built.base_url.rstrip("/") + internal.get_attribute("href") in after_content(internal)
    page.emulate_media(media="screen")
    assert after_content(external) in ("none", "normal", "")   # only on paper


def test_pages_work_without_javascript(browser, server, built):
    context = new_context(browser, server, built, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto("/")
        tab.locator("nav.site-nav a", has_text="Möten").click()
        tab.wait_for_url("**/moten/")
        assert tab.locator("main h1").is_visible()
        assert not tab.locator("form.js-filter").is_visible()     # the JavaScript-only filter stays hidden
        if "meeting" in built.pages:
            tab.goto(built.pages["meeting"])
            assert tab.locator(".minutes-body").is_visible()
        tab.goto("/sok/")
        assert tab.locator("main noscript, main p.note").first.count() == 1
    finally:
        context.close()
