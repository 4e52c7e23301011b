"""`sitegen new`: a file with every field explained in Swedish that builds at once, and never overwrites."""
from __future__ import annotations

import re

import pytest

from generator.content import schema
from generator.cli import main
from generator.authoring.new import COMMON_HELP, HELP
from generator.content.sources import parse_front_matter

from conftest import text_of


def new(site, *args) -> tuple[int, str, str]:
    """Run `sitegen new …` in the site folder; (exit code, stdout, stderr)."""
    return main(["--root", str(site.root), "new", *args]), *_read()


_capture = None


@pytest.fixture(autouse=True)
def _capsys(capsys):
    global _capture
    _capture = capsys
    yield


def _read() -> tuple[str, str]:
    captured = _capture.readouterr()
    return captured.out, captured.err


def front_matter(path):
    meta, lines, body, _ = parse_front_matter(path.read_text(encoding="utf-8"), path.name)
    return meta, lines


@pytest.mark.parametrize("kind, args, page, title", [
    ("meeting", ["--date", "2021-11-20", "--title", "Styrelsemöte 20 november", "--federation", "Roslagen"],
     "moten/2021-11-20-styrelsemote/", "Styrelsemöte 20 november"),
    ("event", ["--date", "2021-12-01 09:00", "--title", "Finsam-konferens", "--federation", "SF Roslagen"],
     "handelser/2021-12-01-finsam-konferens/", "Finsam-konferens"),
    ("project", ["--title", "Stoppa våldet", "--federation", "sundbyberg"], "projekt/stoppa-valdet/", "Stoppa våldet"),
    ("federation", ["--title", "Samordningsförbundet Östra Södertörn"], "forbund/ostra-sodertorn/",
     "Samordningsförbundet Östra Södertörn"),
])
def test_each_kind_builds_at_once(site, kind, args, page, title):
    code, out, err = new(site, kind, *args)
    assert code == 0, err
    written = site.root / out.strip()
    assert written.is_file()
    site.build()
    assert text_of(site.html(page).find(".//h1")) == title


def test_a_new_file_has_every_field_of_its_kind_with_a_swedish_comment(site):
    for kind, folder in [("meeting", "meetings"), ("event", "events"), ("project", "projects"),
                         ("federation", "federations")]:
        code, out, err = new(site, kind, "--title", f"Test {kind}")
        assert code == 0, err
        path = site.root / out.strip()
        meta, lines = front_matter(path)
        assert list(meta) == [*schema.SCHEMAS[folder], *schema.COMMON], kind
        text = path.read_text(encoding="utf-8").splitlines()
        helps = {**HELP[folder], **COMMON_HELP}
        for field in meta:
            assert text[lines[field] - 1].split(" # ", 1)[1] == helps[field], (kind, field)


def test_every_schema_field_has_swedish_help():
    """Adding a field to schema.py without explaining it in new.py fails here."""
    for folder in ("meetings", "events", "projects", "federations"):
        assert set(schema.SCHEMAS[folder]) <= set(HELP[folder]), folder


def test_meetings_and_events_get_a_stable_uid_and_a_dated_file_name(site):
    code, out, _ = new(site, "meeting", "--date", "2021-12-08", "--title", "Förbundschefsmöte 8 december 2021")
    assert code == 0
    assert out.strip() == "content/meetings/2021-12-08-forbundschefsmote.md"
    first, _ = front_matter(site.root / out.strip())
    assert first["type"] == "förbundschefsmöte" and first["date"] == "2021-12-08"
    code, out, _ = new(site, "event", "--date", "2021-12-09")
    second, _ = front_matter(site.root / out.strip())
    assert re.fullmatch(r"[0-9a-f]{16}", first["uid"]) and re.fullmatch(r"[0-9a-f]{16}", second["uid"])
    assert first["uid"] != second["uid"]
    assert out.strip() == "content/events/2021-12-09-ny-handelse.md"


def test_refuses_to_overwrite_unless_forced(site):
    args = ["meeting", "--date", "2021-12-08", "--title", "Styrelse"]
    assert new(site, *args)[0] == 0
    path = site.root / "content/meetings/2021-12-08-styrelse.md"
    path.write_text(path.read_text(encoding="utf-8") + "Mina anteckningar.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, err = new(site, *args)
    assert code == 1 and out == ""
    assert "content/meetings/2021-12-08-styrelse.md already exists" in err and "Traceback" not in err
    assert path.read_bytes() == before
    code, _, _ = new(site, *args, "--force")
    assert code == 0 and b"Mina anteckningar." not in path.read_bytes()


def test_refuses_a_second_file_for_an_address_held_by_a_folder(site):
    bundle = site.root / "content/projects/mia"
    bundle.mkdir()
    (site.root / "content/projects/mia.md").rename(bundle / "index.md")
    code, _, err = new(site, "project", "--title", "MIA", "--force")
    assert code == 1 and "content/projects/mia/index.md already exists" in err
    assert not (site.root / "content/projects/mia.md").exists()


def test_an_unknown_federation_gets_a_did_you_mean(site):
    code, out, err = new(site, "meeting", "--federation", "Rosslagen")
    assert code == 1 and out == ""
    assert "unknown federation 'Rosslagen' — did you mean 'roslagen'? known: roslagen, sundbyberg" in err
    assert not list((site.root / "content/meetings").glob("*-mote.md"))


def test_a_bad_date_is_a_plain_error(site):
    code, _, err = new(site, "meeting", "--date", "17/11")
    assert code == 1 and "--date: '17/11' is not a date" in err
