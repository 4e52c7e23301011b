"""Validation and resolution: every problem of every file at once, with the YAML line and a fix."""
from __future__ import annotations

import pytest

from generator.errors import BuildFailed

from conftest import FEDERATIONS, PROJECTS


def problems_of(site) -> list[str]:
    with pytest.raises(BuildFailed) as failed:
        site.build()
    return [str(p) for p in failed.value.problems]


def test_all_problems_of_all_files_are_reported_at_once_with_lines(site):
    site.add({
        "meetings/2021-12-01-styrelse.md": """\
            ---
            title: Styrelsemöte
            type: styrelse
            date: 2021-12-01
            federations: [Rosslagen]
            projects: [MIA, Okänt projekt]
            ---
            """,
        "events/2022-01-10-traff.md": """\
            ---
            title: Träff
            start: 2022-01-10
            end: 2022-01-09
            lokation: Solna
            ---
            """,
    })
    found = problems_of(site)
    assert ("content/events/2022-01-10-traff.md:4: end: the event ends (2022-01-09) before it starts "
            "(2022-01-10) — check the dates and times") in found
    assert any(p.startswith("content/events/2022-01-10-traff.md:5: lokation: unknown field — did you mean 'location'?")
               for p in found)
    fed = next(p for p in found if "unknown federation" in p)
    assert fed.startswith("content/meetings/2021-12-01-styrelse.md:5: federations: unknown federation 'Rosslagen'")
    assert "did you mean 'roslagen'?" in fed and "known: roslagen, sundbyberg" in fed
    proj = next(p for p in found if "unknown project" in p)
    assert proj.startswith("content/meetings/2021-12-01-styrelse.md:6: projects: unknown project 'Okänt projekt'")
    assert "known: mia" in proj


@pytest.mark.parametrize("field, value, message", [
    ("date", "2021-13-45", "'2021-13-45' is not a date"),
    ("date", "17 november", "'17 november' is not a date"),
    ("start", "kl 25", "'kl 25' is not a time of day"),
    ("online", "kanske", "expected yes or no"),
    ("type", "[a, b]", "expected a text"),
])
def test_bad_values_name_field_line_and_fix(site, field, value, message):
    lines = {"title": "Möte", "type": "styrelse", "date": "2021-12-01"}
    lines[field] = value
    front = "\n".join(f"{k}: {v}" for k, v in lines.items())
    site.add({"meetings/2021-12-01-mote.md": f"---\n{front}\n---\n"})
    found = [p for p in problems_of(site) if "2021-12-01-mote.md" in p]
    line = list(lines).index(field) + 2
    assert found and found[0].startswith(f"content/meetings/2021-12-01-mote.md:{line}: {field}: {message}")
    assert " — " in found[0]   # every message says what to do


def test_missing_required_fields_and_bad_enum(site):
    site.add({"projects/nytt.md": "---\nname: Nytt\nstatus: pågande\n---\n",
              "meetings/2021-12-02-x.md": "---\ntype: styrelse\n---\n"})
    found = problems_of(site)
    assert any(p.startswith("content/projects/nytt.md:3: status: 'pågande' is not one of the choices — "
                            "did you mean 'pågående'?")
               for p in found)
    assert any(p.startswith("content/meetings/2021-12-02-x.md:1: title: missing required field") for p in found)


def test_broken_yaml_names_its_line(site):
    site.add({"meetings/2021-12-03-y.md": "---\ntitle: Möte\ntype: styrelse\nlocation: Plats: fel\n---\n"})
    found = problems_of(site)
    assert any(p.startswith("content/meetings/2021-12-03-y.md:4: the value contains a colon followed by a space — "
                            "put the whole value in quotes") for p in found)


def test_missing_front_matter(site):
    site.add({"meetings/2021-12-04-z.md": "Bara text\n"})
    assert any(p.startswith("content/meetings/2021-12-04-z.md:1: the file does not start with front matter")
               for p in problems_of(site))


def test_duplicate_slugs_and_uids(site):
    site.add({"meetings/2021-11-17-forbundschefsmote/index.md": "---\ntitle: Dubblett\ntype: styrelse\n---\n",
              "events/2022-01-01-a.md": "---\nuid: same\ntitle: A\nstart: 2022-01-01\n---\n",
              "events/2022-01-02-b.md": "---\nuid: same\ntitle: B\nstart: 2022-01-02\n---\n"})
    found = problems_of(site)
    assert any("would both get the address '2021-11-17-forbundschefsmote'" in p
               and "content/meetings/2021-11-17-forbundschefsmote.md" in p
               and "content/meetings/2021-11-17-forbundschefsmote/index.md" in p for p in found)
    assert any(p.startswith("content/events/2022-01-02-b.md:2: uid: the same uid is used by "
                            "content/events/2022-01-01-a.md") for p in found)


def test_end_before_start_for_meetings_and_projects(site):
    site.add({"meetings/2021-12-05-w.md": '---\ntitle: M\ntype: styrelse\ndate: 2021-12-05\nstart: "15:00"\nend: "13:00"\n---\n',
              "projects/gammalt.md": "---\nname: G\nstatus: avslutat\nstart: 2022-01\nend: 2021-06\n---\n"})
    found = problems_of(site)
    assert any(p.startswith("content/meetings/2021-12-05-w.md:6: end: the meeting ends before it starts") for p in found)
    assert any(p.startswith("content/projects/gammalt.md:5: end: the project ends (2021-06) before it starts (2022-01)")
               for p in found)


def test_unquoted_time_is_understood(site):
    """YAML 1.1 reads an unquoted 13:00 as the number 780; editors should not have to know."""
    site.add({"meetings/2021-12-06-v.md": "---\ntitle: M\ntype: styrelse\ndate: 2021-12-06\nstart: 13:00\nend: 15:30\n---\n"})
    site.build()
    from conftest import text_of
    when = text_of(site.html("moten/2021-12-06-v/").find(".//dl[@class='facts']/dd"))
    assert when == "måndag 6 december 2021 kl. 13.00–15.30"


def test_references_by_name_alias_and_slug_resolve_to_the_same_object(site):
    site.add({"meetings/2021-12-07-u.md": "---\ntitle: M\ntype: styrelse\ndate: 2021-12-07\n"
                                          "federations: [SF Roslagen, Samordningsförbundet Sundbyberg]\n"
                                          "projects: [MIA-projektet]\n---\n"})
    from generator.pipeline.build import load_model
    from conftest import TODAY
    model = load_model(site.root, TODAY)
    meeting = model.meeting("2021-12-07-u")
    assert [f.slug for f in meeting.federations] == ["roslagen", "sundbyberg"]
    assert [p.slug for p in meeting.projects] == ["mia"]
    assert meeting in model.federation("roslagen").meetings


def test_presidium_people_keep_federation_and_role(site):
    site.add({"meetings/2021-12-08-presidiemote.md": """\
        ---
        title: Presidiemöte
        type: presidiemöte
        date: 2021-12-08
        present:
          - group: Roslagen
            federation: roslagen
            people:
              - {name: Lotta L, role: ordförande}
              - {name: Sophia D, role: förbundschef}
        ---
        """})
    from generator.pipeline.build import load_model
    from conftest import TODAY
    meeting = load_model(site.root, TODAY).meeting("2021-12-08-presidiemote")
    group = meeting.present[0]
    assert group.label == "Roslagen" and group.federation.slug == "roslagen"
    assert [(p.name, p.role, p.federation.slug) for p in group.people] == [
        ("Lotta L", "ordförande", "roslagen"), ("Sophia D", "förbundschef", "roslagen")]


def test_unpublished_names_are_replaced_by_roles_on_the_page(tmp_path):
    from conftest import SiteTree, text_of
    tree = SiteTree(tmp_path / "s", publish_names=False)
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-12-08-presidiemote.md": """\
        ---
        title: Presidiemöte
        type: presidiemöte
        date: 2021-12-08
        chair: {name: Lotta Lindblad, role: ordförande, federation: roslagen}
        present:
          - group: Roslagen
            federation: roslagen
            people:
              - {name: Lotta Lindblad, role: ordförande}
              - {name: Sophia Dahlgren, role: förbundschef}
        ---
        Lotta Lindblad hälsade välkommen och Sophia Dahlgren berättade.
        """})
    tree.build()
    doc = tree.html("moten/2021-12-08-presidiemote/")
    page_text = text_of(doc.find(".//main"))
    assert "Lotta" not in page_text and "Sophia" not in page_text
    people = [text_of(li) for li in doc.findall(".//ul[@class='people']/li")]
    assert people == ["Ordförande, Roslagen", "Förbundschef, Roslagen"]
    body = text_of(doc.find(".//section[@class='minutes-body']"))
    assert "Ordförande, Roslagen hälsade välkommen" in body


def test_drafts_are_not_published(site):
    site.add({"meetings/2021-12-09-utkast.md": "---\ntitle: Utkast\ntype: styrelse\ndraft: true\n---\n"})
    site.build()
    assert not (site.out / "moten/2021-12-09-utkast").exists()


def test_a_file_name_with_spaces_and_swedish_letters_gets_its_slug_as_address(site):
    site.add({"meetings/Möte 1.md": "---\ntitle: M\ntype: styrelse\n---\n"})
    site.build()
    assert (site.out / "moten/mote-1/index.html").is_file()


def test_files_named_like_a_year_list_are_refused_with_a_rename_hint(site):
    from conftest import MEETING
    site.add({"meetings/2021.md": MEETING.replace("uid: ", "uid: x-", 1),
              "federations/utan-datum.md": "---\nname: Testförbundet\nshort_name: Test\n---\n"})
    with pytest.raises(BuildFailed) as failed:
        site.build()
    messages = {(p.path, p.message) for p in failed.value.problems}
    assert ("content/meetings/2021.md", "the address /moten/2021/ is used by the site's list of minutes") in messages
    assert any(path == "content/federations/utan-datum.md" and "/beslut/utan-datum/" in message
               for path, message in messages)
