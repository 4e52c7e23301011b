"""The live preview's shortcut: a body edit is shown from the kept model, and the full build
that follows gives the same page."""
from __future__ import annotations

from generator.authoring import preview
from generator.pipeline.build import build

from conftest import TODAY

MEETING_FILE = "meetings/2021-11-17-forbundschefsmote.md"
PAGE = "moten/2021-11-17-forbundschefsmote/index.html"


def test_a_body_edit_is_written_at_once_and_matches_the_full_build(site):
    model = preview.Model.of(build(site.root, today=TODAY, keep_model=True).model)
    path = site.root / "content" / MEETING_FILE
    path.write_text(path.read_text(encoding="utf-8") + "\nVi talade om en ny vårdkedja.\n", encoding="utf-8")
    written = preview.show_body_edit(model, path)
    assert list(written) == [PAGE]
    assert "ny vårdkedja" in (site.out / PAGE).read_text(encoding="utf-8")
    build(site.root, today=TODAY)
    assert (site.out / PAGE).read_bytes() == written[PAGE]


def test_a_front_matter_edit_or_an_unknown_file_waits_for_the_full_build(site):
    model = preview.Model.of(build(site.root, today=TODAY, keep_model=True).model)
    before = (site.out / PAGE).read_bytes()
    path = site.root / "content" / MEETING_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("title: ", "title: Extra ", 1), encoding="utf-8")
    assert preview.show_body_edit(model, path) is None
    assert preview.show_body_edit(model, site.root / "content" / "meetings" / "ny.md") is None
    assert (site.out / PAGE).read_bytes() == before


def test_a_build_after_a_preview_rewrites_what_the_preview_wrote(site):
    """output/ is the build's again: a page the preview wrote is not trusted as the build's own."""
    model = preview.Model.of(build(site.root, today=TODAY, keep_model=True).model)
    path = site.root / "content" / MEETING_FILE
    original = path.read_text(encoding="utf-8")
    path.write_text(original + "\nTillfällig rad.\n", encoding="utf-8")
    preview.show_body_edit(model, path)
    path.write_text(original, encoding="utf-8")          # the author takes it back before the build
    build(site.root, today=TODAY)
    assert "Tillfällig rad" not in (site.out / PAGE).read_text(encoding="utf-8")


def test_a_preview_leaves_the_builds_model_as_it_was(site):
    """The preview keeps the edited body in its own Library; the build's Site and Library are not changed."""
    built = build(site.root, today=TODAY, keep_model=True).model
    model = preview.Model.of(built)
    meeting = next(m for m in model.site.meetings if m.slug == "2021-11-17-forbundschefsmote")
    html, source, facts = built.library.body_html(meeting), meeting.source, built.library.minutes(meeting)
    assert facts is not None and facts.agenda and "Mötets öppnande" in html
    path = site.root / "content" / MEETING_FILE
    path.write_text(path.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    assert preview.show_body_edit(model, path)
    assert (built.library.body_html(meeting), meeting.source, built.library.minutes(meeting)) == (html, source, facts)
    assert "En rad till" not in html and "En rad till" in (site.out / PAGE).read_text(encoding="utf-8")
    assert "En rad till" in model.library.body_html(meeting)     # the preview's own Library
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")   # saved again, unchanged
    assert preview.show_body_edit(model, path) is None                   # the preview remembers its edit
