"""library.py: what the build finds lives beside the frozen model, and templates read it as before."""
from __future__ import annotations

import dataclasses

import jinja2
import pytest

from generator.minutes.library import Body
from generator.pages import environment
from generator.pipeline import build
from generator.store.cache import BuildCache

from conftest import FEDERATIONS, PROJECTS, TODAY, SiteTree

MINUTES = ("---\nuid: m-{n}\ntitle: Möte {n}\ntype: förbundschefsmöte\ndate: 2021-11-{n:02d}\n"
           "federations: [roslagen]\n---\n## 1. Budget\n\nMötet beslutar att anta budgeten.\n\n"
           "## 2. Konferens\n\nFrågan om konferensen bordläggs.\n")


def model(tmp_path, cache=None):
    tree = SiteTree(tmp_path / "site").add(FEDERATIONS).add(PROJECTS)
    tree.add({f"meetings/2021-11-{n:02d}-fc.md": MINUTES.format(n=n) for n in (10, 17)})
    site = build.load_model(tree.root, today=TODAY, cache=cache)
    return site, build.convert_bodies(site, cache)


def test_the_resolved_site_is_frozen_and_the_library_holds_what_was_found(tmp_path):
    site, library = model(tmp_path)
    older, newer = sorted(site.meetings, key=lambda m: m.date.day)
    with pytest.raises(dataclasses.FrozenInstanceError):
        newer.title = "Ändrad"
    assert isinstance(site.meetings, tuple) and isinstance(site.federations[0].meetings, tuple)
    assert not hasattr(newer, "decisions") and not hasattr(newer, "body_html")
    assert [d.kind for d in library.decisions_of(newer)] == ["beslut", "bordlagt"]
    assert library.previous_meeting(newer) is older and library.next_meeting(older) is newer
    assert [item.title for item in library.agenda(newer)] == ["Budget", "Konferens"]
    assert "anta budgeten" in library.body_html(newer) and library.decisions[0].meeting is newer
    roslagen = next(f for f in site.federations if f.slug == "roslagen")
    assert [m.meeting for m in library.mentioned_in(roslagen)] == [newer, older]
    with pytest.raises(TypeError):          # a record's mappings are read-only views
        roslagen.contact["email"] = "annan@example.se"


def test_templates_read_the_library_as_attributes_of_the_records(tmp_path):
    site, library = model(tmp_path)
    newer = max(site.meetings, key=lambda m: m.date.day)
    env = environment.ModelEnvironment(undefined=jinja2.StrictUndefined)
    template = env.from_string("{{ m.decisions|length }} {{ m.postponed|length }} {{ m.previous_meeting.title }} "
                               "{{ m.agenda|map(attribute='title')|join(',') }} {{ 'budgeten' in m.body_html }} "
                               "{{ site.decisions|length }}")
    token = environment._SHOWN.set(library)
    try:
        assert template.render(m=newer, site=site) == "2 1 Möte 10 Budget,Konferens True 4"
    finally:
        environment._SHOWN.reset(token)
    with pytest.raises(jinja2.UndefinedError):   # outside a page's rendering the records hold none of it
        template.render(m=newer, site=site)


def test_with_a_cache_the_html_is_not_held_but_read_back_and_made_again_if_lost(tmp_path):
    cache = BuildCache(tmp_path / "cache")
    site, library = model(tmp_path, cache)
    meeting = site.meetings[0]
    assert library.body(meeting).html is None
    shown = library.body_html(meeting)
    assert "anta budgeten" in shown and 'id="punkt-1"' in shown
    _site, held = model(tmp_path / "again")
    assert held.body(held_meeting := _site.meetings[0]).html == held.body_html(held_meeting)
    cache._new.clear()            # the cache lost it (a damaged file): converted again, never an empty page
    cache._read.clear()
    assert library.body_html(meeting) == shown


def test_a_preview_library_replaces_one_body_and_leaves_the_builds_as_it_was(tmp_path):
    site, library = model(tmp_path)
    meeting = site.meetings[0]
    before = library.body_html(meeting)
    edited = library.with_body(meeting, Body("k", "", "<p>Nytt</p>"))
    assert edited.body_html(meeting) == "<p>Nytt</p>" and library.body_html(meeting) == before
    assert edited.body_html(site.meetings[1]) == library.body_html(site.meetings[1])
    assert edited.decisions_of(meeting) == library.decisions_of(meeting)
