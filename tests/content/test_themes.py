"""The theme lookup chain: a site needs no theme folder, and one file under its themes/<name>/
replaces the built-in file of the same path while every other file still comes from sitegen."""
from __future__ import annotations

import shutil

import pytest

from conftest import REPO, TODAY, text_of
from generator.content import themes
from generator.content.config import load_config
from generator.errors import BuildFailed
from generator.pipeline.fingerprint import unchanged

PAGE_OVERRIDE = """\
{% extends "base.html" %}
{% block content %}
<article class="egen-sida"><h1>{{ page.title }}</h1><p id="egen-mall">Egen mall</p></article>
{% endblock %}
"""


@pytest.fixture
def bare_site(site):
    """The small fixture site with no themes/ folder at all: only site.yaml and content/."""
    shutil.rmtree(site.root / "themes")
    return site.add({"pages/om.md": "---\ntitle: Om webbplatsen\nmenu: 1\n---\nText.\n"})


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def stylesheet_bytes(site) -> bytes:
    link = site.html("").xpath("//link[@rel='stylesheet']/@href")[0]
    return (site.out / link.removeprefix("/")).read_bytes()


def test_a_site_without_a_theme_folder_builds_with_the_built_in_theme(bare_site):
    bare_site.build()
    home = bare_site.html("")
    assert home.getroot().get("lang") == "sv"
    assert stylesheet_bytes(bare_site) == (REPO / "themes/default/static/site.css").read_bytes()
    meeting = bare_site.html("moten/2021-11-17-forbundschefsmote/")
    assert meeting.xpath("//main//h1")


def test_one_overridden_template_changes_its_pages_and_nothing_else(bare_site):
    bare_site.build()
    meeting_before = (bare_site.out / "moten/2021-11-17-forbundschefsmote/index.html").read_bytes()
    write(bare_site.root / "themes/default/templates/page.html", PAGE_OVERRIDE)
    bare_site.build()
    page = bare_site.html("om/")
    assert text_of(page.xpath("//p[@id='egen-mall']")[0]) == "Egen mall"
    assert page.xpath("//header") and page.xpath("//footer"), "base.html still comes from the built-in theme"
    assert (bare_site.out / "moten/2021-11-17-forbundschefsmote/index.html").read_bytes() == meeting_before


def test_an_overridden_static_file_is_published_in_place_of_the_built_in_one(bare_site):
    write(bare_site.root / "themes/default/static/site.css", "body { color: #111; }\n")
    bare_site.build()
    assert stylesheet_bytes(bare_site) == b"body { color: #111; }\n"
    published = sorted(f"{p.name.split('.')[0]}{p.suffix}" for p in (bare_site.out / "static").iterdir())
    assert published == ["favicon.svg", "print.css", "search.js", "site.css", "site.js"], \
        "the other static files still come from sitegen"


def test_a_theme_of_the_sites_own_falls_back_to_the_default_theme(bare_site):
    yaml_path = bare_site.root / "site.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("theme: default", "theme: mitt"),
                         encoding="utf-8")
    write(bare_site.root / "themes/mitt/templates/page.html", PAGE_OVERRIDE)
    config = load_config(bare_site.root)
    assert config.theme_dirs[0] == bare_site.root / "themes/mitt"
    assert config.theme_dirs[-1] == themes.builtin_themes_dir() / "default"
    bare_site.build()
    assert bare_site.html("om/").xpath("//p[@id='egen-mall']")
    assert bare_site.html("moten/2021-11-17-forbundschefsmote/").xpath("//main//h1")


def test_an_unknown_theme_is_a_settings_error_naming_the_built_in_themes(bare_site):
    yaml_path = bare_site.root / "site.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("theme: default", "theme: saknas"),
                         encoding="utf-8")
    with pytest.raises(BuildFailed) as failed:
        load_config(bare_site.root)
    [problem] = failed.value.problems
    assert (problem.path, problem.field) == ("site.yaml", "theme")
    assert "saknas" in problem.message and "built-in: default" in problem.fix


def test_the_repository_site_reads_its_theme_folder_once():
    chain = themes.theme_chain(REPO, "default")
    assert chain == (REPO / "themes" / "default",)


def test_later_files_in_the_chain_fill_only_what_earlier_ones_lack(tmp_path):
    own, builtin = tmp_path / "own", tmp_path / "builtin"
    write(own / "templates/page.html", "own")
    write(builtin / "templates/page.html", "builtin")
    write(builtin / "templates/base.html", "builtin")
    files = themes.theme_files((own, builtin), "templates")
    assert files == {"base.html": builtin / "templates/base.html", "page.html": own / "templates/page.html"}


def test_adding_an_override_makes_the_next_build_rebuild(bare_site):
    bare_site.build()
    assert unchanged(bare_site.root, today=TODAY) is not None
    write(bare_site.root / "themes/default/templates/page.html", PAGE_OVERRIDE)
    assert unchanged(bare_site.root, today=TODAY) is None


@pytest.mark.parametrize("name", ["../content", "/etc", "..", ".dold"])
def test_a_theme_name_is_a_folder_name_never_a_path(bare_site, name):
    (bare_site.root / "content" / "templates").mkdir()   # ../content would otherwise look like a theme
    assert themes.theme_chain(bare_site.root, name) == ()
