"""Search in the browser: a word from the body of one meeting finds that meeting, by keyboard."""
from __future__ import annotations

import re
from collections import Counter

import pytest

WORD = re.compile(r"\b[a-zåäöé]{7,}\b")   # lower-case: not a personal name, which may be redacted


def words(text: str) -> set[str]:
    return set(WORD.findall(text.replace("\n", " ")))


@pytest.fixture(scope="module")
def meeting_and_word(built):
    """A meeting and a word that only its body contains among all searchable pages."""
    meetings = [m for m in built.meetings if m.body.strip()]
    if not meetings:
        pytest.fail("the shipped content has no minutes with a body to search for", pytrace=False)
    frequency = Counter(word for doc in built.meetings + built.others for word in words(doc.body + " " + doc.title))
    for meeting in sorted(meetings, key=lambda m: m.url):
        unique = sorted((w for w in words(meeting.body) if frequency[w] == 1), key=lambda w: (-len(w), w))
        if unique:
            return meeting, unique[0]
    pytest.fail("no minutes have a word of their own to search for", pytrace=False)


def result_links(page) -> list[str]:
    return page.eval_on_selector_all("#sok-traffar a", "els => els.map(a => a.getAttribute('href'))")


def test_typing_a_word_from_the_minutes_finds_the_meeting(page, meeting_and_word):
    meeting, word = meeting_and_word
    page.goto("/sok/")
    page.keyboard.press("Tab")                          # skip link
    page.locator("#sok-fraga").focus()
    page.keyboard.type(word)
    page.keyboard.press("Enter")
    status = page.locator("[role=status]")
    status.filter(has_text="träff").wait_for()
    assert meeting.url in result_links(page), (word, status.inner_text())
    assert re.match(r"^\d+ träff(ar)? för ”", status.inner_text())
    assert page.evaluate("document.activeElement.id") == "sok-fraga"   # typing can go on
    assert page.url.endswith("?q=" + re.sub(r"[^a-z]", lambda m: "%" + m.group().encode().hex("%").upper(), word))


def test_a_search_address_runs_the_search_and_hits_are_headings(page, meeting_and_word):
    meeting, word = meeting_and_word
    page.goto(f"/sok/?q={word}")
    page.locator("#sok-traffar li").first.wait_for()
    headings = page.locator("#sok-traffar h2 a")
    assert meeting.url in [headings.nth(i).get_attribute("href") for i in range(headings.count())]
    assert page.locator("#sok-traffar mark").count() >= 1            # the word is highlighted


def test_a_word_found_nowhere_says_so(page):
    page.goto("/sok/?q=xylofonkvartett")
    status = page.locator("[role=status]")
    status.filter(has_text="Inga träffar").wait_for()
    assert page.locator("#sok-traffar li").count() == 0
