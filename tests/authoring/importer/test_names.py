"""Known federations and projects and finding them in a text (generator/importer/names.py)."""
from __future__ import annotations

from generator.authoring.importer import KnownItem, KnownNames, find_names

from .helpers import KNOWN, make_site


def test_names_with_inflections_aliases_and_misspellings():
    text = ("Norrbacks ordförande och SF Norrback. Fyren-projektet och STIG. Stig frågar. "
            "Sydvick svarar. Ö Dalen deltar. Lumina Novate går bra.")
    found = {(m.item.slug, m.fuzzy) for m in find_names(text, KNOWN.federations + KNOWN.projects)}
    assert ("norrback", False) in found
    assert ("fyren", False) in found
    assert ("stig", False) in found and sum(1 for m in find_names("Stig frågar", KNOWN.projects)) == 0
    assert ("sydvik", True) in found
    assert ("ostra-dalen", False) in found
    assert ("lumina-novare", True) in found


def test_county_and_region_are_not_federations():
    known = KnownNames(federations=[KnownItem("stad", "Samordningsförbundet Västmark stad", "Västmark stad",
                                              ("Västmark",))])
    assert find_names("Förbundschefsmöte Västmarks län", known.federations) == []
    assert find_names("Region Västmark betalar", known.federations) == []
    assert [m.item.slug for m in find_names("Västmark ser gärna", known.federations)] == ["stad"]


def test_common_words_are_not_fuzzy_matches():
    known = KnownNames(federations=[KnownItem("varna", "Samordningsförbundet VärNa", "VärNa")])
    assert find_names("Samordningsförbunden är många. Samordningsförbund (NNS) finns.", known.federations) == []


def test_known_names_are_read_from_the_site(tmp_path):
    known, problems = KnownNames.from_site(make_site(tmp_path))
    assert problems == []
    assert {f.slug for f in known.federations} == {f.slug for f in KNOWN.federations}
    assert {p.slug: p.owner for p in known.projects}["vagen-vidare"] == "vastmark"
