"""The body: clean Markdown and no word lost (generator/importer/body.py)."""
from __future__ import annotations

import re

import pytest

from generator.authoring.importer.words import LABELS, TABLE_HEADINGS
from generator.authoring.importer import MONTH_NAMES, WEEKDAY_NAMES, to_file_text

from .helpers import ALL_FIXTURES, KNOWN, load


def test_lone_bullets_above_paragraphs_become_sub_headings():
    _, result = load("fc_hybrid.txt")
    assert "### Indikatorer /Leila (se bifogad presentation)" in result.body
    assert "\n- Ta fram en gemensam mall\n" in result.body
    assert "## 5. Övrigt" in result.body and "**" not in result.body
    assert "### Nyhetsbrev" in result.body


def test_agenda_lines_lettered_sub_items_and_broken_paragraphs():
    _, result = load("beredning_utan_datum.txt")
    body = result.body
    assert "## 1. Välkommen" in body and "## 7. Nästa möte" in body
    assert "### a) Resultat hittills" in body
    assert "Det finns goda erfarenheter att bygga vidare på" in body
    assert body.startswith("Minnesanteckningar\n")


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _is_subsequence(needle: list[str], haystack: list[str]) -> tuple[bool, int]:
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return False, index
    return True, len(needle)


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_no_sentence_lost(name):
    text, result = load(name)
    lines = text.replace("\r\n", "\n").split("\n")
    removed = list(result.removed_lines)
    kept = []
    for line in lines:
        if line in removed:
            removed.remove(line)
            continue
        kept.append(line)
    original = _words("\n".join(kept))
    ok, at = _is_subsequence(original, _words(result.body))
    assert ok, f"word {at} ('{original[at]}') of {name} is missing from the body"


@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_removed_header_lines_are_in_the_front_matter(name):
    _, result = load(name)
    front = " ".join(_words(to_file_text(result.meta, "")))
    labels = {"närvarande", "frånvarande", "ordförande", "sekreterare", "gäster", "plats", "i", "rummet",
              "på", "teams", "och", "från", "datum", "tid", "v", "ordf", "fc", "tf", "förbundscheffsmöte",
              "förbundschefermöte", "sydvick", "ek", "lind", "alm", "ö", "dalen", "projektchef", "kl",
              "deltagare", "vid", "pennan", "via", "zoom", "skype", "digitalt", "digital", "online", "distans"} | set(MONTH_NAMES) | set(WEEKDAY_NAMES) \
        | {word for label in (*LABELS, *TABLE_HEADINGS) for word in _words(label)} \
        | {f"{day}{end}" for day in WEEKDAY_NAMES for end in ("en", "ens")} | {"den"} \
        | {word for item in KNOWN.federations for name in item.names() for word in _words(name)}
    for line in result.removed_lines:
        for word in _words(line):
            if word in labels or word.isdigit():
                continue
            assert word in front, f"'{word}' from the removed line '{line}' is not in the front matter"
