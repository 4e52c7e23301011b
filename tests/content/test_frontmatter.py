"""Front matter read as typed: YAML gives the structure, every value stays the author's text."""
from __future__ import annotations

import pytest

from generator.errors import Problem
from generator.content.frontmatter import Text, read_yaml


def read(text: str):
    return read_yaml(text, "content/meetings/x.md", first_line=2)


@pytest.mark.parametrize("typed", ["13.30", "1330", "9", "13:30", "0x1F", "1e3", "yes", "ja", "on", "017",
                                   "2021-11-17", "1_000", ".inf", "12:30:00"])
def test_no_yaml_1_1_conversion_reaches_a_value(typed):
    meta, _lines = read(f"start: {typed}\n")
    assert meta == {"start": typed} and type(meta["start"]) is Text


def test_each_value_knows_its_line_and_each_key_its_line():
    meta, lines = read("title: Möte\npresent:\n  - Anna\n  - Elin\n")
    assert lines == {"title": 2, "present": 3}
    assert [item.line for item in meta["present"]] == [4, 5]


def test_null_words_and_empty_values_mean_no_value_but_quoted_ones_are_text():
    meta, _ = read("a:\nb: ~\nc: null\nd: 'null'\ne: \"\"\n")
    assert meta == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_the_same_field_twice_names_both_lines():
    with pytest.raises(Problem) as raised:
        read("title: Möte\nstart: 13.30\nlocation: Solna\nstart: 14.00\n")
    problem = raised.value
    assert (problem.line, problem.field) == (5, "start")
    assert "lines 3 and 5" in problem.message and problem.fix


def test_the_same_field_twice_inside_a_group_is_refused_too():
    with pytest.raises(Problem) as raised:
        read("chair:\n  name: Anna\n  name: Elin\n")
    assert raised.value.line == 4 and "lines 3 and 4" in raised.value.message


def test_a_tab_in_the_indentation_says_tab():
    with pytest.raises(Problem) as raised:
        read("present:\n\t- Anna\n")
    assert raised.value.line == 3 and "tab" in raised.value.message


def test_an_unclosed_quote_is_reported_where_it_opens():
    with pytest.raises(Problem) as raised:
        read('title: Möte\nlocation: "Solna\nstart: 13.30\nend: 15.00\n')
    assert raised.value.line == 3 and "never closed" in raised.value.message


def test_a_list_item_indented_more_is_not_merged_into_the_one_above():
    with pytest.raises(Problem) as raised:
        read("present:\n  - Anna\n  - Elin\n    - Kipa\n")
    assert raised.value.line == 5 and "indented" in raised.value.message


def test_a_field_indented_under_another_says_so():
    with pytest.raises(Problem) as raised:
        read("date: 2021-01-01\n  type: styrelse\n")
    assert raised.value.line == 3 and "indented" in raised.value.message


def test_a_colon_in_a_value_says_put_it_in_quotes():
    with pytest.raises(Problem) as raised:
        read("title: Möte: budget\n")
    assert raised.value.line == 2 and "quotes" in raised.value.fix


def test_no_space_after_the_colon_says_so():
    with pytest.raises(Problem) as raised:
        read("title: Möte\nstart:13.30\nend: 15\n")
    assert raised.value.line == 3 and "space after the colon" in raised.value.fix


@pytest.mark.parametrize("typed, meant", [
    ("”Möte: budget”", "Möte: budget"),          # Swedish quotes, with a colon inside
    ("“Möte”", "Möte"),                           # English
    ("„Möte“", "Möte"),                           # German/Word
    ("‘Möte’", "Möte"),
    ('"Möte”', "Möte"),                           # straight opening, curly closing
    ("”Plan #2”", "Plan #2"),                     # a # inside quotes is no comment
    ("Plan ”A” och ”B”", "Plan ”A” och ”B”"),     # quotes inside a value stay
])
def test_curly_quotes_around_a_value_are_read_as_quotes(typed, meant):
    meta, _ = read(f"title: {typed}\n")
    assert meta["title"] == meant


def test_curly_quotes_in_list_items_are_read_as_quotes():
    meta, _ = read("federations: [”roslagen”, ”hbs”]\npresent:\n  - ”Anna Berg”\n")
    assert meta == {"federations": ["roslagen", "hbs"], "present": ["Anna Berg"]}


def test_a_colour_typed_without_quotes_is_not_taken_for_a_comment():
    meta, _ = read("color: #1d5c8a\n")
    assert meta == {"color": "#1d5c8a"}


def test_pasted_invisible_characters_and_controls_do_not_break_yaml():
    meta, _ = read("title:\u00a0Möte\u200b\vi\u0096Solna\x07\nlocation: Solna\u2028centrum\n")
    assert meta == {"title": "Möte i–Solna", "location": "Solna centrum"}


def test_a_value_is_pickled_with_its_line():
    import pickle
    value = pickle.loads(pickle.dumps(Text("13.30", 7)))
    assert value == "13.30" and value.line == 7


def test_a_tab_inside_a_one_line_value_is_a_space_but_a_block_keeps_it():
    meta, _ = read("location: Solna\tstad\ntitle: 'A\tB'\ndescription: |\n  a\tb\n")
    assert meta == {"location": "Solna stad", "title": "A B", "description": "a\tb\n"}


def test_list_items_word_gave_a_dash_or_bullet_are_list_items():
    meta, _ = read("present:\n  – Anna\n  • Elin\n  — Kipa\n")
    assert meta == {"present": ["Anna", "Elin", "Kipa"]}


@pytest.mark.parametrize("fence, line", [("—\ntitle: M\n---\n", 1), ("---\ntitle: M\n—\n", 3)])
def test_a_fence_word_made_into_a_dash_says_so(fence, line):
    from generator.content.sources import parse_front_matter
    with pytest.raises(Problem) as raised:
        parse_front_matter(fence, "x.md")
    assert raised.value.line == line and "three hyphens" in raised.value.fix


def test_a_dash_inside_a_text_block_stays_as_written():
    meta, _ = read("description: |\n  – punkt ett\n  – punkt två\ntitle: – Möte\n")
    assert meta == {"description": "– punkt ett\n– punkt två\n", "title": "– Möte"}
