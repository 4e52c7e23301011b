"""render.py's helpers for the page rendering: fragments, menu states, year navigation, filters."""
from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup

from generator.pipeline import build
from generator.feeds import occurrences
from generator.pages import environment, jobs, site_pages
from generator.content.model import Federation

from conftest import TODAY


class Thing:
    def __init__(self, name: str):
        self.name = name


def fragments_env(source: str) -> tuple[jinja2.Environment, environment.Fragments, list]:
    """An environment whose _fragments.html is `source`, and a list that logs every macro call."""
    calls: list = []
    env = jinja2.Environment(loader=jinja2.DictLoader({environment.Fragments.TEMPLATE: source}), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals["log"] = lambda *args: calls.append(args) or ""
    fragments = environment.Fragments(env)
    env.globals.update(fragment=fragments, fragment_lines=fragments.lines)
    return env, fragments, calls


ITEM = '{% macro item(thing, mark) %}{{ log(thing.name) }}<li>{{ mark }}{{ thing.name }}</li>{%- endmacro %}'


def test_a_fragment_is_rendered_once_for_the_same_arguments():
    _env, fragments, calls = fragments_env(ITEM)
    a, b = Thing("a & b"), Thing("c")
    first = fragments("item", a, "*")
    assert first == Markup("<li>*a &amp; b</li>")
    assert fragments("item", a, "*") is first
    assert fragments("item", b, "*") == Markup("<li>*c</li>")
    assert calls == [("a & b",), ("c",)]


def test_a_missing_fragment_or_a_wrong_call_is_a_template_error():
    _env, fragments, _calls = fragments_env(ITEM)
    with pytest.raises(jinja2.TemplateRuntimeError, match="no macro named 'row'"):
        fragments("row", Thing("a"))
    with pytest.raises(jinja2.TemplateRuntimeError, match="macro 'item'"):
        fragments.lines("item", [Thing("a")], "*", "too many")


def test_arguments_are_told_apart_by_identity_not_by_value():
    _env, fragments, calls = fragments_env(ITEM)
    a, twin = Thing("a"), Thing("a")
    fragments("item", a, "*")
    fragments("item", twin, "*")
    assert len(calls) == 2   # an equal object may render differently, so it is asked again


def test_fragment_lines_joins_one_fragment_a_line_and_reuses_them():
    env, _fragments, calls = fragments_env(ITEM)
    a, b = Thing("a"), Thing("b<")
    page = env.from_string('<ul>\n{{ fragment_lines("item", things, "-") }}\n</ul>')
    assert page.render(things=[a, b]) == "<ul>\n<li>-a</li>\n<li>-b&lt;</li>\n</ul>"
    assert page.render(things=[b]) == "<ul>\n<li>-b&lt;</li>\n</ul>"
    assert calls == [("a",), ("b<",)]
    assert env.from_string('{{ fragment_lines("item", things, "+") }}').render(things=[a]) == "<li>+a</li>"
    assert len(calls) == 3   # other arguments, another fragment


def test_a_fragment_sees_the_globals_but_not_the_page():
    env, fragments, _calls = fragments_env('{% macro head() %}{{ title }}|{{ current is defined }}{% endmacro %}')
    env.globals["title"] = "Nätverket"
    assert env.from_string('{{ fragment("head") }}').render(current="/moten/") == "Nätverket|False"


class Config:
    base_path = "/sub"


class Page:
    def __init__(self, title: str, url: str):
        self.title, self.url = title, url


class Site:
    def __init__(self, pages):
        self.menu_pages = pages


def test_menus_mark_the_section_and_the_page_and_are_shared_per_state():
    menus = jobs.MenuStates(Config())
    site = Site([Page("Om webbplatsen", "/sub/om/")])
    meeting = menus(site, "/moten/2021-11-17-forbundschefsmote/")
    assert [(link.label, link.url, link.aria_current) for link in meeting.main][:3] == [
        ("Start", "/sub/", ""), ("Möten", "/sub/moten/", "true"), ("Kalender", "/sub/kalender/", "")]
    assert not meeting.at_home
    assert menus(site, "/moten/2021-12-01-presidiemote/") is meeting
    assert [link.aria_current for link in menus(site, "/moten/").main][:2] == ["", "page"]
    home = menus(site, "/")
    assert home.at_home and home.main[0].aria_current == "page" and home.main[1].aria_current == ""
    assert [(link.url, link.aria_current) for link in menus(site, "/om/").footer] == [("/sub/om/", "page")]
    assert meeting.footer[0].aria_current == ""


def test_a_year_page_marks_its_year_in_the_shared_navigation():
    links = jobs.year_links(Config(), {2022: 3, 2021: 5, None: 1}, lambda year: f"/moten/{year or 'utan-datum'}/")
    assert [(link.label, link.url, link.count, link.is_current) for link in links] == [
        ("2022", "/sub/moten/2022/", 3, False), ("2021", "/sub/moten/2021/", 5, False),
        (jobs.UNDATED_LABEL, "/sub/moten/utan-datum/", 1, False)]
    assert [link.is_current for link in jobs.at_year(links, 2021)] == [False, True, False]
    assert [link.is_current for link in jobs.at_year(links, None)] == [False, False, True]
    assert not any(link.is_current for link in links)


def test_years_are_newest_first_and_no_date_last():
    assert jobs.newest_first({2020: [1]}, {None: [2], 2021: [3]}, {2020: [4]}) == [2021, 2020, None]
    assert jobs.newest_first() == []


def test_a_first_page_shows_the_latest_years_that_fit_and_at_least_one():
    groups = {2022: [1, 2], 2021: [3], 2020: [4, 5, 6], None: [7]}
    assert list(jobs.latest_years(groups, 3)) == [2022, 2021]
    assert list(jobs.latest_years(groups, 4)) == [2022, 2021]   # stops at the first year that does not fit
    assert jobs.latest_years(groups, 1) == {2022: [1, 2]}       # over the limit, but never empty
    assert list(jobs.latest_years(groups, 100)) == [2022, 2021, 2020, None]
    assert jobs.latest_years({}, 5) == {}


def test_the_year_of_meetings_without_a_date_has_a_label_in_text_and_in_links():
    assert jobs.year_label(2021) == "2021"
    assert jobs.year_label(None) == "utan datum"
    assert jobs.year_label(None, jobs.UNDATED_LABEL) == "Datum ej fastställt"


def test_short_names_and_slugs_join_what_a_list_shows():
    feds = [Federation(source=None, slug="roslagen", short_name="Roslagen"),
            Federation(source=None, slug="sundbyberg", short_name="Sundbyberg & co")]
    assert jobs.short_names(feds) == "Roslagen, Sundbyberg & co"
    assert jobs.slugs(feds) == "roslagen sundbyberg"
    assert jobs.short_names([]) == ""


def test_the_meeting_type_filter_marks_the_current_type_on_its_link(site):
    model = build.load_model(site.root, today=TODAY)
    library = build.convert_bodies(model)
    jobs = {job.path: job.context for job in site_pages.page_jobs(model, library, occurrences.occurrences(model))}
    [(slug, label)] = model.meeting_types

    def marked(path):
        return [(link.label, link.aria_current) for link in jobs[path]["type_links"] if link.aria_current]

    assert [link.label for link in jobs["/moten/"]["type_links"]] == ["Alla", label.capitalize()]
    assert marked("/moten/") == [("Alla", "page")]
    assert marked("/moten/2021/") == [("Alla", "true")]   # a year page is within the list, not the list
    assert marked(f"/moten/typ/{slug}/") == [(label.capitalize(), "page")]
    assert marked(f"/moten/typ/{slug}/2021/") == [(label.capitalize(), "true")]
