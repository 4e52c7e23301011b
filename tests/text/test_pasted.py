"""What Word leaves behind becomes what it means, so that pages and feeds stay valid."""
from __future__ import annotations

import pytest

from generator.text.pasted import clean_body, clean_field_text, unquote_curly, xml_safe

XML_FORBIDDEN = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"]


def test_a_soft_line_break_in_the_body_is_a_markdown_line_break():
    assert clean_body("Storgatan 1\vStockholm\n") == "Storgatan 1\\\nStockholm\n"
    assert clean_body("Storgatan 1\u2028Stockholm") == "Storgatan 1\\\nStockholm"


def test_a_soft_line_break_at_the_end_of_a_line_or_in_a_table_is_a_newline():
    assert clean_body("Rad\v\nNästa") == "Rad\n\nNästa"
    assert clean_body("| a\vb | c |") == "| a\nb | c |"


def test_page_and_paragraph_breaks_become_paragraphs():
    assert clean_body("Ett\fTvå\u2029Tre") == "Ett\n\nTvå\n\nTre"


def test_windows_1252_controls_become_their_characters():
    assert clean_body("9\u009611 \u0093citat\u0094 \u0085") == "9–11 “citat” …"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u2060", "\ufeff", "\u200e", "\u202e", "\u2066",
                                       "\x00", "\x07", "\x1b", "\x7f", "\ufffe", "\U0001fffe", "\u0081"])
def test_invisible_and_control_characters_are_removed(invisible):
    assert clean_body(f"Mö{invisible}te") == "Möte"
    assert clean_field_text(f"Mö{invisible}te") == "Möte"


def test_a_joiner_inside_an_emoji_stays_but_between_letters_goes():
    family = "\U0001f468\u200d\U0001f469"
    assert clean_body(family) == family
    assert clean_body("Mö\u200dte") == "Möte"


def test_in_a_field_every_line_break_and_unicode_space_is_a_space_and_soft_hyphens_go():
    assert clean_field_text("Ros\u00adlagen\u00a0och\u202fSolna\vcentrum") == "Roslagen och Solna centrum"


def test_the_body_keeps_non_breaking_spaces_and_soft_hyphens():
    assert clean_body("kl.\u00a013 Ros\u00adlagen") == "kl.\u00a013 Ros\u00adlagen"


def test_words_bullets_in_private_use_become_bullets():
    assert clean_body("\uf0b7\tPunkt") == "•\tPunkt"


@pytest.mark.parametrize("value, inner", [("”a”", "a"), ("“a”", "a"), ("„a“", "a"), ("«a»", "a"), ("’a’", "a"),
                                          ('"a”', "a"), ("”a\"", "a")])
def test_curly_quote_pairs_are_unwrapped(value, inner):
    assert unquote_curly(value) == inner


@pytest.mark.parametrize("value", ['"a"', "'a'", "”a” och ”b”", "a”", "”", "Möte"])
def test_anything_else_is_left_as_it_is(value):
    assert unquote_curly(value) == value


def test_xml_safe_removes_exactly_what_xml_forbids():
    assert xml_safe("".join(XML_FORBIDDEN) + "ok\t\n") == "ok\t\n"
