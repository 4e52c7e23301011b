"""Keyboard only: the skip link comes first and moves focus to the content; the menu is reachable."""
from __future__ import annotations


def focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return {tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || '').trim(),
                href: el.getAttribute('href'), inNav: !!el.closest('nav.site-nav'),
                outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
    }""")


def test_first_tab_reaches_the_skip_link_and_it_is_visible(page, built):
    page.goto(built.pages["meeting"] if "meeting" in built.pages else "/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert (first["tag"], first["text"], first["href"]) == ("a", "Hoppa till innehållet", "#innehall")
    box = page.locator(".skip-link").bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is on screen"
    assert first["outline"] != "none" and first["outlineWidth"] >= 2, "focus is visible"


def test_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/moten/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    now = focused(page)
    assert (now["tag"], now["id"]) == ("main", "innehall")
    page.keyboard.press("Tab")  # the next stop is inside main, past header and menu
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_menu_is_reachable_by_tab_and_followed_with_enter(page):
    page.goto("/")
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now["text"])
        if now["inNav"] and now["text"] == "Kalender":
            break
    else:
        raise AssertionError(f"the menu item Kalender was not reached by Tab; focus went to {seen}")
    assert seen.index("Kalender") <= 8
    page.keyboard.press("Enter")
    page.wait_for_url("**/kalender/")
    link = page.locator("nav.site-nav a[aria-current]")
    assert link.inner_text() == "Kalender"


def test_menu_links_show_a_visible_focus_outline(page):
    page.goto("/")
    page.focus("nav.site-nav a >> nth=1")
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["inNav"] and now["outline"] == "solid" and now["outlineWidth"] >= 2
