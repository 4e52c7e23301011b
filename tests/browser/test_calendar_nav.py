"""The month pages (/kalender/<yyyy>/<mm>/) link to the previous and next month, by mouse and keyboard."""
from __future__ import annotations

import re

import pytest

MONTH = re.compile(r"/kalender/(\d{4})/(\d{2})/$")


def month_of(url: str) -> tuple[int, int]:
    found = MONTH.search(url)
    assert found, f"{url} is not a month page"
    return int(found.group(1)), int(found.group(2))


@pytest.fixture
def month_page(page, built):
    if "month" not in built.pages:
        pytest.fail("the build wrote no month page under /kalender/<yyyy>/<mm>/", pytrace=False)
    page.goto(built.pages["month"])
    return page


def test_next_month_link_leads_to_a_later_month(month_page):
    here = month_of(month_page.url)
    link = month_page.locator("a[rel=next]").first
    label = link.inner_text().strip(" →")
    link.click()
    month_page.wait_for_url(MONTH)
    assert month_of(month_page.url) > here
    assert label.casefold() in month_page.locator("h1").inner_text().casefold()


def test_previous_month_link_by_keyboard_leads_back(month_page):
    start = month_page.url
    month_page.locator("a[rel=next]").first.click()
    month_page.wait_for_url(lambda url: url != start)
    month_page.locator("a[rel=prev]").first.focus()
    month_page.keyboard.press("Enter")
    month_page.wait_for_url(start)
    assert month_of(month_page.url) == month_of(start)


def test_calendar_front_page_leads_to_a_month_page(page):
    page.goto("/kalender/")
    months = [href for href in page.eval_on_selector_all("main a[href]", "els => els.map(a => a.getAttribute('href'))")
              if MONTH.search(href)]
    assert months, "the calendar links to its month pages"
    response = page.goto(months[0])
    assert response.status == 200
