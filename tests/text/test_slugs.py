"""Slugs from names and file names: letters that do not decompose are spelt out, not dropped."""
from __future__ import annotations

import pytest

from generator.text.slugs import slugify


@pytest.mark.parametrize("name, slug", [
    ("Ørestad", "orestad"), ("Ærøskøbing", "aeroskobing"), ("Straße", "strasse"), ("Łódź", "lodz"),
    ("Þórshöfn", "thorshofn"), ("Förbundschefsmöte 17 november", "forbundschefsmote-17-november"),
    ("Styrelsemöte  – extra!", "styrelsemote-extra"), ("Œuvre", "oeuvre"), ("Đakovo", "dakovo"),
])
def test_names_become_slugs_with_every_letter_kept(name, slug):
    assert slugify(name) == slug


def test_a_name_without_letters_or_digits_gives_no_slug():
    assert slugify("–…–") == ""
