"""axe-core with the WCAG 2.0/2.1 A and AA rules finds no violation on any kind of page."""
from __future__ import annotations

import pytest

from .conftest import new_context

KINDS = ["home", "minutes index", "meeting", "project index", "project", "federation index", "federation",
         "calendar", "month", "event", "page", "404", "search", "decisions", "assignments", "past calendar",
         "meeting type", "minutes year", "federation calendar", "archive"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_source) -> list[str]:
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — at {', '.join(str(n['target']) for n in v['nodes'][:5])}"
            for v in result["violations"]]


@pytest.mark.parametrize("kind", KINDS)
def test_no_wcag_violations(page, built, axe_source, kind):
    if kind not in built.pages:
        pytest.fail(f"the shipped content has no {kind} page to check; add one to content/", pytrace=False)
    page.goto(built.pages[kind])
    assert axe_violations(page, axe_source) == []


def test_no_wcag_violations_in_search_results(page, built, axe_source):
    page.goto("/sok/?q=samordningsförbund")
    page.wait_for_selector("#sok-traffar li")
    assert axe_violations(page, axe_source) == []


def test_no_wcag_violations_at_phone_width(browser, server, built, axe_source):
    context = new_context(browser, server, built, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        for kind in ("home", "meeting", "month"):
            if kind in built.pages:
                tab.goto(built.pages[kind])
                assert axe_violations(tab, axe_source) == [], kind
    finally:
        context.close()
