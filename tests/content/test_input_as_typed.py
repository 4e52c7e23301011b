"""Never publish a wrong fact: what authors type the Swedish way or paste from Word reaches the
pages and feeds as meant, or the build refuses it with the file, the line and the fix."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

import feedparser
import icalendar
import pytest

from generator.pipeline.build import build
from generator.errors import BuildFailed
from generator.store.progress import Progress

from conftest import REPO, TODAY, text_of

STOCKHOLM = zoneinfo.ZoneInfo("Europe/Stockholm")


def meeting(start: str = "", end: str = "", title: str = "Styrelsemöte", location: str = "Solna",
            body: str = "## 1. Öppnande\n\nText.\n", extra: str = "") -> str:
    lines = ["---", "uid: m-1", f"title: {title}", "type: styrelse", "date: 2021-11-17", f"location: {location}",
             "federations: [roslagen]"]
    lines += [f"start: {start}"] if start else []
    lines += [f"end: {end}"] if end else []
    lines += [extra] if extra else []
    return "\n".join(lines + ["---", body])


def problems(site) -> list:
    with pytest.raises(BuildFailed) as failed:
        site.build()
    return failed.value.problems


def meeting_event(site, slug: str = "2021-11-17-styrelse") -> icalendar.Event:
    return site.ical(f"moten/{slug}/{slug}.ics").walk("VEVENT")[0]


# ---------- times the Swedish way ----------

@pytest.mark.parametrize("typed, hours, minutes", [
    ("13:30", 13, 30), ("13.30", 13, 30), ("kl. 13.30", 13, 30), ("kl 13.30", 13, 30), ("Kl.13.30", 13, 30),
    ("klockan 13.30", 13, 30), ("9", 9, 0), ("09.00", 9, 0), ("9.05", 9, 5), ("1330", 13, 30), ("0930", 9, 30),
    ('"13.30"', 13, 30), ("'9'", 9, 0), ("”13.30”", 13, 30), ("13:30:00", 13, 30), ("0", 0, 0),
])
def test_each_time_form_is_published_as_that_time(site, typed, hours, minutes):
    site.add({"meetings/2021-11-17-styrelse.md": meeting(start=typed, end="23.59")})
    site.build()
    event = meeting_event(site)
    assert event.decoded("dtstart") == dt.datetime(2021, 11, 17, hours, minutes, tzinfo=STOCKHOLM)
    assert event.decoded("dtend") == dt.datetime(2021, 11, 17, 23, 59, tzinfo=STOCKHOLM)
    shown = site.html("moten/2021-11-17-styrelse/").find(".//main//time")
    assert shown.get("datetime") == f"2021-11-17T{hours:02d}:{minutes:02d}"
    assert f"kl. {hours:02d}.{minutes:02d}–23.59" in text_of(shown)


@pytest.mark.parametrize("start, end, first, last", [
    ("2022-04-05 13.30", "2022-04-05 kl. 16", (13, 30), (16, 0)),
    ("2022-04-05 9", "2022-04-05 1145", (9, 0), (11, 45)),
    ("2022-04-05T13:30", "2022-04-05 kl 15.00", (13, 30), (15, 0)),
    ("2022–04–05 kl. 13.30", "”2022-04-05 14.00”", (13, 30), (14, 0)),    # Word's dashes and quotes
])
def test_event_date_times_take_the_same_forms(site, start, end, first, last):
    site.add({"events/2022-04-05-konferens.md": f"---\nuid: e-1\ntitle: Konferens\nstart: {start}\nend: {end}\n---\n"})
    site.build()
    event = site.ical("handelser/2022-04-05-konferens/2022-04-05-konferens.ics").walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2022, 4, 5, *first, tzinfo=STOCKHOLM)
    assert event.decoded("dtend") == dt.datetime(2022, 4, 5, *last, tzinfo=STOCKHOLM)


@pytest.mark.parametrize("typed, says", [
    ("25.61", "hours go from 0 to 23"), ("13,3", "comma"), ("13.3", "could mean two times"),
    ("24.00", "hours go from 0 to 23"), ("13.30-16.00", "two times"), ("halv två", "not a time of day"),
    ("13.30.15", "seconds"), ("12345", "not a time of day"),
])
def test_an_ambiguous_or_impossible_time_is_an_error_at_its_line(site, typed, says):
    site.add({"meetings/2021-11-17-styrelse.md": meeting(start=typed)})
    found = [p for p in problems(site) if p.field == "start"]
    assert found and found[0].path == "content/meetings/2021-11-17-styrelse.md" and found[0].line == 8
    assert says in found[0].message and found[0].fix


def test_the_end_time_and_event_times_are_checked_the_same_way(site):
    site.add({"meetings/2021-11-17-styrelse.md": meeting(start="13.30", end="16,5"),
              "events/2022-04-05-konferens.md": "---\ntitle: Konferens\nstart: 2022-04-05 25.00\n---\n"})
    found = {(p.path, p.line, p.field) for p in problems(site)}
    assert ("content/meetings/2021-11-17-styrelse.md", 9, "end") in found
    assert ("content/events/2022-04-05-konferens.md", 3, "start") in found


# ---------- what Word leaves behind ----------

PASTED = "Möte\u000b\u000cvid\u200b\u0007 ”Roslagen”\u0093 \u0085\u00a0\ufeff\u202e\x1b\u0096slut"


def test_pasted_characters_in_title_location_and_body_keep_every_feed_valid(site):
    site.add({"meetings/2021-11-17-styrelse.md": meeting(
        start="13.30", title=f"Styrelse {PASTED}", location=f"Solna {PASTED}",
        body=f"## 1. Öppnande {PASTED}\n\nRad ett\u000brad två {PASTED}\n")})
    site.build()
    atoms = sorted(site.out.rglob("*.xml"))
    icals = sorted(site.out.rglob("*.ics"))
    assert atoms and icals
    for path in atoms:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    title = next(e.title for e in feedparser.parse((site.out / "moten/feed.xml").read_bytes()).entries
                 if e.title.startswith("Styrelse"))
    assert title == "Styrelse Möte vid ”Roslagen”“ … –slut"
    for path in icals:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for component in calendar.walk("VEVENT"):
            for name in ("summary", "location", "description"):
                value = str(component.get(name, ""))
                assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in value), (path, name)
    event = meeting_event(site)
    assert str(event["summary"]) == title and str(event["location"]).startswith("Solna Möte vid")
    page = site.html("moten/2021-11-17-styrelse/")
    assert text_of(page.find(".//h1")) == title
    paragraph = next(p for p in page.iter("p") if "Rad ett" in text_of(p))
    assert paragraph.find("br") is not None        # Word's soft line break is a line break
    raw = (site.out / "moten/2021-11-17-styrelse/index.html").read_text(encoding="utf-8")
    assert not any(ch in raw for ch in "\x0b\x0c\x07\x1b\u200b\u202e\ufeff")


# ---------- YAML mistakes ----------

def test_the_same_field_twice_is_an_error_naming_both_lines(site):
    site.add({"meetings/2021-11-17-styrelse.md": meeting(start="13.30", extra="start: 14.00")})
    found = problems(site)
    assert any(p.line == 9 and p.field == "start" and "lines 8 and 9" in p.message for p in found)


def test_a_misspelt_meeting_type_is_an_error_with_a_suggestion(site):
    site.add({"meetings/2021-11-17-styrelse.md": meeting().replace("type: styrelse", "type: styrelsemöt")})
    found = [p for p in problems(site) if p.field == "type"]
    assert found[0].line == 4 and "unknown meeting type 'styrelsemöt'" in found[0].message
    assert "did you mean 'styrelsemöte'?" in found[0].fix and "meeting_types in site.yaml" in found[0].fix


def test_a_type_written_with_capitals_or_without_swedish_letters_is_the_sites_type(site):
    site.add({"meetings/2021-11-17-styrelse.md": meeting().replace("type: styrelse", "type: Forbundschefsmote")})
    site.build()
    assert (site.out / "moten/typ/forbundschefsmote/index.html").is_file()
    assert not (site.out / "moten/typ/styrelse").exists()


def test_a_site_declares_its_own_meeting_types(site):
    with open(site.root / "site.yaml", "a", encoding="utf-8") as stream:
        stream.write("meeting_types: [styrelse, brukarråd]\n")
    site.add({"meetings/2021-11-17-styrelse.md": meeting().replace("type: styrelse", "type: brukarråd")})
    found = problems(site)   # the fixture's förbundschefsmöte is not one of this site's types
    assert any(p.field == "type" and "förbundschefsmöte" in p.message for p in found)
    assert not any("brukarråd" in p.message for p in found)


@pytest.mark.parametrize("folder, front, field", [
    ("events/2022-04-05-a.md", "title: A\nstart: 2022-04-05\nstatus: prelimnär", "status"),
    ("projects/nytt.md", "name: Nytt\nstatus: pågånde", "status"),
    ("meetings/2021-11-18-b.md", "title: B\ntype: styrelse\nstatus: inställd", "status"),
])
def test_closed_choices_are_checked_with_a_suggestion(site, folder, front, field):
    site.add({folder: f"---\n{front}\n---\n"})
    found = [p for p in problems(site) if p.path == f"content/{folder}" and p.field == field]
    assert found and "did you mean" in found[0].fix


# ---------- file names as people write them ----------

def test_a_file_named_with_spaces_and_swedish_letters_builds_under_its_slug(site):
    site.add({"meetings/Styrelsemöte 18 november.md": meeting().replace("date: 2021-11-17", "date: 2021-11-18"),
              "federations/Ørestad Ærø.md": "---\nname: Øresunds förbund\nshort_name: Øresund\n---\n"})
    site.build()
    assert (site.out / "moten/styrelsemote-18-november/index.html").is_file()
    assert (site.out / "forbund/orestad-aero/index.html").is_file()


def test_two_files_with_the_same_slug_are_an_error_naming_both(site):
    site.add({"meetings/Möte A.md": meeting(), "meetings/mote-a.md": meeting().replace("m-1", "m-2")})
    found = [str(p) for p in problems(site) if "would both get the address 'mote-a'" in p.message]
    assert found and "content/meetings/Möte A.md" in found[0] and "content/meetings/mote-a.md" in found[0]


# ---------- nothing outside the site ----------

def test_a_content_file_linked_from_outside_the_site_is_refused_and_not_published(site, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "hemlig.md").write_text(meeting().replace("m-1", "m-9"), encoding="utf-8")
    (site.root / "content/meetings/2021-11-20-lank.md").symlink_to(outside / "hemlig.md")
    found = problems(site)
    assert any(p.path == "content/meetings/2021-11-20-lank.md" and "outside the site folder" in p.message
               for p in found)
    assert not (site.out / "moten/2021-11-20-lank").exists()


def test_an_attachment_linked_from_outside_the_site_is_refused_and_never_copied(site, tmp_path):
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    folder = site.root / "content/meetings/2021-11-18-bilaga"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(meeting().replace("m-1", "m-8").replace("2021-11-17", "2021-11-18"),
                                     encoding="utf-8")
    (folder / "bilaga.pdf").symlink_to(secret)
    found = problems(site)
    assert any(p.path == "content/meetings/2021-11-18-bilaga/bilaga.pdf" for p in found)
    assert not any(b"secret" in path.read_bytes() for path in site.out.rglob("*") if path.is_file()) \
        if site.out.exists() else True


def test_a_linked_folder_outside_the_site_is_refused(site, tmp_path):
    outside = tmp_path / "arkiv"
    outside.mkdir()
    (outside / "2020-01-01-gammalt.md").write_text(meeting().replace("m-1", "m-7"), encoding="utf-8")
    (site.root / "content/meetings/arkiv").symlink_to(outside)
    assert any(p.path == "content/meetings/arkiv" for p in problems(site))


# ---------- site.yaml values stay in their attributes ----------

def test_site_values_cannot_leave_their_attribute_or_url(site):
    hostile = '"><script>alert(1)</script><a x=\''
    text = (site.root / "site.yaml").read_text(encoding="utf-8")
    text = text.replace("title: Testnätverket", f"title: '{hostile.replace(chr(39), chr(39) * 2)}'")
    text = text.replace("base_url: https://example.se/", "base_url: 'https://example.se/a\"b<c> d/'")
    (site.root / "site.yaml").write_text(text, encoding="utf-8")
    site.build()
    page = site.html("")
    assert not [s for s in page.iter("script") if "alert" in (s.text or "")]
    assert text_of(page.find(".//title")).startswith(hostile) or hostile in text_of(page.find(".//title"))
    for element in page.iter():
        assert "x" not in element.attrib, element.tag            # no attribute was injected
        for name in ("href", "src", "action", "content"):
            value = element.get(name, "")
            if "example.se" in value:                              # a URL made from base_url
                assert not any(ch in value for ch in '"<> '), (element.tag, name, value)
    assert any(hostile in element.get("content", "") for element in page.iter("meta"))
    links = [a.get("href") for a in page.iter("a") if a.get("href", "").startswith("/")]
    assert links and all(link.startswith("/a%22b%3Cc%3E%20d/") for link in links)
    canonical = next(link.get("href") for link in page.iter("link") if link.get("rel") == "canonical")
    assert canonical == "https://example.se/a%22b%3Cc%3E%20d/"
    for path in site.out.rglob("*.xml"):
        assert not feedparser.parse(path.read_bytes()).bozo, path


# ---------- the output folder ----------

def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _run(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "SOURCE_DATE_EPOCH": "1635724800"})


def test_an_output_that_is_a_file_is_refused_and_left_as_it_was(site):
    (site.root / "output").write_text("mina anteckningar", encoding="utf-8")
    before = sorted(p.name for p in site.root.iterdir())
    result = _run("build", cwd=site.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("sitegen: output/ is a file, not a folder")
    assert (site.root / "output").read_text(encoding="utf-8") == "mina anteckningar"
    assert sorted(p.name for p in site.root.iterdir()) == before


def _make_read_only(folder: Path) -> bool:
    """Read-only even for root (whom file modes do not stop): the immutable attribute."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        return True
    return shutil.which("chattr") is not None and subprocess.run(["chattr", "+i", str(folder)],
                                                                  capture_output=True).returncode == 0


def _make_writable(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_an_output_that_cannot_be_written_is_a_clear_error(site):
    site.build()
    before = _tree(site.out)
    if not _make_read_only(site.out):
        pytest.skip("this file system cannot make a folder read-only for root")
    try:
        site.add({"meetings/2021-11-18-ny.md": meeting().replace("m-1", "m-2").replace("2021-11-17", "2021-11-18")})
        entries = sorted(p.name for p in site.root.iterdir())
        result = _run("build", cwd=site.root)
    finally:
        _make_writable(site.out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "output/ cannot be written" in result.stderr and "Nothing was written." in result.stderr
    assert _tree(site.out) == before
    assert sorted(p.name for p in site.root.iterdir()) == entries


# ---------- Ctrl-C ----------

class StopAt(Progress):
    """Ctrl-C pressed as the build enters one step (or renders its first page)."""

    def __init__(self, step: str):
        self.stop_at = step

    def step(self, name, total=None):
        if name == self.stop_at:
            raise KeyboardInterrupt

    def advance(self, count=1):
        if self.stop_at == "a page rendered":
            raise KeyboardInterrupt


@pytest.mark.parametrize("step", ["reading content", "converting Markdown", "rendering pages", "a page rendered",
                                  "writing feeds", "indexing for search", "writing files"])
def test_ctrl_c_in_any_step_leaves_output_and_calendar_lock_as_they_were(site, step):
    site.build()
    before, lock = _tree(site.out), (site.root / "calendar.lock").read_bytes()
    entries = sorted(p.name for p in site.root.iterdir())
    site.add({"meetings/2021-11-18-ny.md": meeting().replace("m-1", "m-2").replace("2021-11-17", "2021-11-18")})
    with pytest.raises(KeyboardInterrupt):
        build(site.root, today=TODAY, progress=StopAt(step))
    assert _tree(site.out) == before and (site.root / "calendar.lock").read_bytes() == lock
    assert sorted(p.name for p in site.root.iterdir()) == entries
    site.build()
    assert (site.out / "moten/2021-11-18-ny/index.html").is_file()


def test_ctrl_c_at_the_terminal_stops_workers_and_search_with_one_line(tmp_path):
    root = tmp_path / "corpus"
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "make_corpus.py"), "--n", "150", "--out", str(root)],
                   check=True, capture_output=True)
    env = {**os.environ, "SITEGEN_WORKERS": "2", "PYTHONPATH": str(REPO), "SITEGEN_LANG": "sv"}
    stopped = 0
    # Counted from sitegen's first worker process, through the pools and the search: a Ctrl-C while
    # Python itself is still starting (before any of sitegen runs) is the interpreter's to handle, and
    # how long that takes depends on the machine.
    for delay in (0.0, 0.2, 0.5, 0.9, 1.4, 2.0):
        process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-cache"], cwd=root, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        _wait_for_a_child_process(process)
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)     # what the terminal does: the whole process group
        out, err = process.communicate(timeout=120)
        if process.returncode == 0:
            continue
        stopped += 1
        assert process.returncode == 130
        assert err == "Stoppat. output/ innehåller den senaste hela webbplatsen.\n", err
        assert not [p.name for p in root.iterdir() if p.name.startswith(".output-")]
    assert stopped, "every build finished before Ctrl-C: make the corpus bigger"


def _wait_for_a_child_process(process, limit=60.0):
    """Until the process has started a worker (it is running sitegen's build) or has ended."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + limit
    while process.poll() is None and time.monotonic() < deadline:
        try:
            if children.read_text().split():
                return
        except OSError:
            return
        time.sleep(0.005)


def test_every_type_the_importer_writes_is_a_meeting_type_a_new_site_has():
    """An imported meeting must build on a site that has not declared meeting_types."""
    from generator.content.config import DEFAULT_MEETING_TYPES
    from generator.authoring.importer.words import MEETING_TYPES
    assert [kind for kind, _pattern in MEETING_TYPES if kind not in DEFAULT_MEETING_TYPES] == []


def test_a_whole_kind_folder_linked_from_outside_the_site_is_refused(site, tmp_path):
    outside = tmp_path / "handelser"
    outside.mkdir()
    (outside / "2022-01-01-fest.md").write_text("---\ntitle: Fest\nstart: 2022-01-01\n---\n", encoding="utf-8")
    (site.root / "content/events").symlink_to(outside)
    assert any(p.path == "content/events" and "outside the site folder" in p.message for p in problems(site))
