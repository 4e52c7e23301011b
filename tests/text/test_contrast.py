"""Contrast maths, the accent-colour check at build time, and the theme's own colour pairs."""
from __future__ import annotations

import re

import pytest

from generator.text import contrast
from generator.errors import BuildFailed

from conftest import REPO, text_of

SITE_CSS = REPO / "themes" / "default" / "static" / "site.css"


def theme_colours() -> dict[str, str]:
    """The custom properties of :root in site.css: 'text' → '#1b1f24'."""
    root = re.search(r":root\s*{(.*?)}", SITE_CSS.read_text(encoding="utf-8"), re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", root))


def test_ratio_matches_the_wcag_reference_values():
    assert contrast.ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast.ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast.ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey
    assert contrast.ratio("#777777", "#ffffff") < 4.5
    assert contrast.ratio("#fff", "#000") == contrast.ratio("#000000", "#ffffff")  # order and short form


def test_format_rounds_down_so_a_shown_pass_is_a_pass():
    assert contrast.format_ratio(4.4999) == "4.49:1"
    assert contrast.format_ratio(21.0) == "21.00:1"


def test_suggested_shade_passes_and_keeps_the_hue():
    shade = contrast.darker_shade("#6fa8dc")
    assert contrast.accent_problem(shade) is None
    red, green, blue = contrast.parse_hex(shade)
    assert blue > green > red  # still a blue


def test_theme_backgrounds_are_the_ones_site_css_uses():
    colours = theme_colours()
    assert [colour for _, colour in contrast.THEME_BACKGROUNDS] == [colours["bg"], colours["surface"]]


@pytest.mark.parametrize("foreground, background", [
    ("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"), ("accent", "bg"),
    ("accent", "surface"), ("accent-dark", "bg"), ("accent-dark", "surface"), ("danger", "bg"),
    ("on-accent", "accent-dark"), ("on-accent", "accent"),
])
def test_theme_text_colours_reach_4_5_to_1(foreground, background):
    colours = theme_colours()
    assert contrast.ratio(colours[foreground], colours[background]) >= 4.5, (foreground, background)


def test_focus_ring_is_visible_against_the_backgrounds():
    colours = theme_colours()  # WCAG 1.4.11: non-text contrast 3:1
    for background in ("bg", "surface"):
        assert contrast.ratio(colours["focus"], colours[background]) >= 3.0


FED_WITH = """\
    ---
    name: Samordningsförbundet Roslagen
    short_name: Roslagen
    color: "{color}"
    ---
    Text.
    """


def test_build_refuses_a_pale_accent_colour_naming_the_ratio(site):
    site.add({"federations/roslagen.md": FED_WITH.format(color="#6FA8DC")})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    messages = [str(p) for p in failed.value.problems if p.field == "color"]
    assert len(messages) == 1
    assert messages[0].startswith('content/federations/roslagen.md:4: color: "#6fa8dc" has a contrast of only 2.52:1 '
                                  "against white")
    assert "use a darker colour" in messages[0]


def test_build_refuses_a_colour_that_only_fails_on_the_panel_background(site):
    # #757575 passes on white (4.61:1) but not on #f3f5f7, where the theme also puts links
    assert contrast.ratio("#757575", "#ffffff") >= 4.5
    site.add({"federations/roslagen.md": FED_WITH.format(color="#757575")})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    problem = next(p for p in failed.value.problems if p.field == "color")
    assert "against the light panel background" in problem.message


def test_a_dark_accent_colour_is_used_on_the_federation_page(site):
    site.add({"federations/roslagen.md": FED_WITH.format(color="#7a1f5c")})
    site.build()
    doc = site.html("forbund/roslagen/")
    styled = [el for el in doc.iter() if "--accent: #7a1f5c" in (el.get("style") or "")]
    assert styled, "the federation page sets its accent colour"
    other = site.html("forbund/sundbyberg/")
    assert not [el for el in other.iter() if "#7a1f5c" in (el.get("style") or "")]


SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def test_logo_beside_index_md_is_copied_and_shown_with_alt_text(site):
    site.add({"federations/roslagen.md": ""})
    (site.root / "content/federations/roslagen.md").unlink()
    site.add({"federations/roslagen/index.md": "---\nname: Samordningsförbundet Roslagen\nshort_name: Roslagen\n"
                                               "logo: logo.svg\n---\n", "federations/roslagen/logo.svg": SVG})
    site.build()
    assert (site.out / "forbund/roslagen/logo.svg").read_text() == SVG
    images = site.html("forbund/roslagen/").findall(".//main//img")
    assert [(img.get("src"), img.get("alt")) for img in images] == [
        ("/forbund/roslagen/logo.svg", "Logotyp: Samordningsförbundet Roslagen")]


def test_missing_logo_file_is_a_content_problem(site):
    (site.root / "content/federations/roslagen.md").unlink()
    site.add({"federations/roslagen/index.md": "---\nname: Samordningsförbundet Roslagen\nshort_name: Roslagen\n"
                                               "logo: logga.png\n---\n"})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    assert [str(p) for p in failed.value.problems] == [
        "content/federations/roslagen/index.md:4: logo: there is no file 'logga.png' beside index.md — "
        "put the logo in content/federations/roslagen/ or correct the name"]


@pytest.mark.parametrize("logo, expected", [
    ("../hemlig.svg", "is not the name of an image file"),
    ("logo.exe", "is not the name of an image file"),
    ("logo.svg", "a logo needs a folder for the federation"),
])
def test_logo_must_be_an_image_file_in_the_federation_folder(site, logo, expected):
    site.add({"federations/roslagen.md": f"---\nname: SF Roslagen\nshort_name: Roslagen\nlogo: {logo}\n---\n"})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    problem = next(p for p in failed.value.problems if p.field == "logo")
    assert problem.line == 4 and expected in problem.message


def test_federation_page_without_colour_or_logo_has_neither(site):
    site.build()
    doc = site.html("forbund/roslagen/")
    assert doc.findall(".//main//img") == []
    assert text_of(doc.find(".//h1")) == "Samordningsförbundet Roslagen"
