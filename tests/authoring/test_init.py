"""`sitegen init`: a new site that builds cleanly with the built-in theme, never replaces a file,
writes nothing outside its folder, and publishes itself with workflows that pass their schemas."""
from __future__ import annotations

import datetime as dt
import io
import os
import shlex
import shutil
import subprocess
import sys

import html5lib
import pytest
import yaml

from conftest import REPO, text_of
from generator import __version__
from generator.authoring import init
from generator.authoring.init import InitError, Settings, plan, write_site

DAY = dt.date(2026, 3, 2)
EPOCH = str(int(dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc).timestamp()))
EXPECTED_FILES = {
    ".github/workflows/publicera.yml", ".gitignore", ".gitlab-ci.yml", "README.md", "site.yaml",
    "content/meetings/2026-02-16-styrelsemote.md", "content/events/2026-03-30-oppet-hus.md",
    "content/projects/vagen-till-arbete.md", "content/federations/roslagen.md",
    "content/federations/ostra-sodertorn.md", "content/pages/om.md", "content/pages/tillganglighet.md",
}


def sitegen(*args, cwd):
    """The command as a user runs it, with this checkout's code and a fixed day."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": EPOCH, "SITEGEN_LANG": "en"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300, stdin=subprocess.DEVNULL)


def front_matter(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def parse(path):
    return html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    """`sitegen init webb` with two federations, run once for the tests that only read the result."""
    parent = tmp_path_factory.mktemp("init")
    result = sitegen("init", "webb", "--federation", "Roslagen", "--federation", "Samordningsförbundet Östra Södertörn",
                     "--base-url", "https://org.github.io/webb/", "--email", "webb@example.se", cwd=parent)
    assert result.returncode == 0, result.stderr
    return parent / "webb"


def test_init_writes_one_example_of_each_kind_and_the_publishing_files(new_site):
    written = {p.relative_to(new_site).as_posix() for p in new_site.rglob("*") if p.is_file()}
    assert written == EXPECTED_FILES


def test_site_yaml_holds_the_given_settings(new_site):
    settings = yaml.safe_load((new_site / "site.yaml").read_text(encoding="utf-8"))
    assert settings["title"] == "Samordningsförbunden Roslagen och Östra Södertörn"
    assert settings["base_url"] == "https://org.github.io/webb/"
    assert settings["organisation"] == settings["title"]
    assert settings["contact"] == {"email": "webb@example.se"}
    assert (settings["theme"], settings["language"]) == ("default", "sv")
    federation = front_matter(new_site / "content/federations/ostra-sodertorn.md")
    assert (federation["name"], federation["short_name"]) == ("Samordningsförbundet Östra Södertörn", "Östra Södertörn")
    project = front_matter(new_site / "content/projects/vagen-till-arbete.md")
    assert project["federations"] == ["roslagen", "ostra-sodertorn"]


def test_the_new_site_passes_a_strict_check_and_builds_a_swedish_site(new_site):
    check = sitegen("check", "--strict", cwd=new_site)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "0 errors, 0 warnings" in check.stdout
    build = sitegen("build", cwd=new_site)
    assert build.returncode == 0, build.stderr
    assert "warning" not in build.stderr
    home = parse(new_site / "output/index.html")
    assert home.getroot().get("lang") == "sv"
    assert home.xpath("//title")[0].text.startswith("Samordningsförbunden Roslagen och Östra Södertörn")
    meeting = parse(new_site / "output/moten/2026-02-16-styrelsemote/index.html")
    assert text_of(meeting.xpath("//main//h1")[0]) == "Styrelsemöte 16 februari 2026"
    decisions = parse(new_site / "output/beslut/index.html")
    assert "Styrelsen antar verksamhetsplanen." in text_of(decisions.xpath("//main")[0])
    statement = parse(new_site / "output/tillganglighet/index.html")
    assert text_of(statement.xpath("//main//h1")[0]) == "Tillgänglighetsredogörelse"
    assert "mailto:webb@example.se" in statement.xpath("//main//a/@href")
    assert (new_site / "calendar.lock").is_file()


def test_the_github_workflow_passes_its_schema_and_publishes_the_pinned_version(new_site):
    path = new_site / ".github/workflows/publicera.yml"
    validate(path, "vendor.github-workflows")
    workflow = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)   # "on" stays a key
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["on"]["schedule"][0]["cron"]
    assert workflow["env"]["SITEGEN"] == f"sitegen=={__version__}"
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert runs.index("sitegen check --strict") < runs.index("sitegen build")
    assert any("git push" in run and "calendar.lock" in run for run in runs)
    used = [step.get("uses", "").split("@")[0] for step in [*steps, *workflow["jobs"]["deploy"]["steps"]]]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)
    assert next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))["with"]["path"] == "output"


def test_the_gitlab_pipeline_passes_its_schema_and_publishes_public(new_site):
    path = new_site / ".gitlab-ci.yml"
    validate(path, "vendor.gitlab-ci")
    pipeline = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert pipeline["variables"]["SITEGEN"] == f"sitegen=={__version__}"
    job = pipeline["pages"]
    assert job["artifacts"]["paths"] == ["public"]
    assert {"$CI_PIPELINE_SOURCE == \"schedule\""} <= {rule["if"] for rule in job["rules"]}
    script = job["script"]
    assert script.index("sitegen check --strict") < script.index("sitegen build") < script.index("mv output public")


def test_the_install_line_can_point_elsewhere(tmp_path):
    requirement = "sitegen @ git+https://git.example.se/sitegen.git@v0.2.0"
    write_site(tmp_path / "webb", Settings(install=requirement), today=DAY)
    github = yaml.load((tmp_path / "webb/.github/workflows/publicera.yml").read_text(encoding="utf-8"),
                       Loader=yaml.BaseLoader)
    gitlab = yaml.safe_load((tmp_path / "webb/.gitlab-ci.yml").read_text(encoding="utf-8"))
    assert github["env"]["SITEGEN"] == gitlab["variables"]["SITEGEN"] == requirement
    validate(tmp_path / "webb/.github/workflows/publicera.yml", "vendor.github-workflows")


def test_the_editors_readme_explains_adding_a_meeting_and_publishing(new_site):
    readme = (new_site / "README.md").read_text(encoding="utf-8")
    headings = [line for line in readme.splitlines() if line.startswith("#")]
    assert "## Så lägger ni in ett möte" in headings
    assert "## Så publiceras webbplatsen" in headings
    assert f"pip install sitegen=={__version__}\n" in readme


def test_the_editors_readme_commands_work_as_written(new_site, tmp_path):
    """The meeting command the README shows adds a file next to the examples (no clash with one)."""
    readme = (new_site / "README.md").read_text(encoding="utf-8")
    [line] = [line.strip() for line in readme.splitlines() if line.strip().startswith("sitegen new meeting")]
    site = tmp_path / "kopia"
    shutil.copytree(new_site, site)
    result = sitegen(*shlex.split(line)[1:], cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/meetings/2026-03-02-forbundschefsmote.md"


def test_a_folder_that_is_not_empty_is_refused_and_left_alone(tmp_path):
    (tmp_path / "anteckningar.txt").write_text("mina", encoding="utf-8")
    result = sitegen("init", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("sitegen init: ") and "anteckningar.txt" in result.stderr
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["anteckningar.txt"]


def test_a_fresh_clone_with_only_git_counts_as_empty(tmp_path):
    (tmp_path / ".git").mkdir()
    written, kept = write_site(tmp_path, Settings(), today=DAY)
    assert "site.yaml" in written and kept == []


def test_force_adds_missing_files_but_never_replaces_one(tmp_path):
    (tmp_path / "site.yaml").write_text("title: Min egen\n", encoding="utf-8")
    result = sitegen("init", ".", "--force", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site.yaml").read_text(encoding="utf-8") == "title: Min egen\n"
    assert "kept (exists): site.yaml" in result.stdout
    assert (tmp_path / "content/pages/tillganglighet.md").is_file()


def test_a_symbolic_link_cannot_lead_init_outside_its_folder(tmp_path):
    outside, folder = tmp_path / "outside", tmp_path / "webb"
    outside.mkdir()
    folder.mkdir()
    (folder / "content").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InitError, match="outside"):
        write_site(folder, Settings(), force=True, today=DAY)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("option, value, message", [
    ("--base-url", "samordning.example.se", "is not a web address"),
    ("--email", "webb.example.se", "is not an e-mail address"),
    ("--federation", "!!!", "has no letters or digits"),
])
def test_bad_options_are_one_clear_line_and_write_nothing(tmp_path, option, value, message):
    result = sitegen("init", "webb", option, value, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"sitegen init: {option}: ") and message in result.stderr
    assert not (tmp_path / "webb").exists()


def test_the_same_settings_and_day_give_the_same_bytes_and_another_site_other_uids():
    first, again = plan(Settings(), DAY), plan(Settings(), DAY)
    assert first == again
    other = plan(Settings(base_url="https://annan.example.se/"), DAY)
    meeting = "content/meetings/2026-02-16-styrelsemote.md"
    assert yaml.safe_load(first[meeting].split("---\n")[1])["uid"] != yaml.safe_load(other[meeting].split("---\n")[1])["uid"]


def test_on_a_terminal_init_asks_and_enter_keeps_the_default(monkeypatch):
    answers = io.StringIO("Roslagen, Sundbyberg\n\nhttps://samordning.example.se\n\nredaktion@example.se\n")
    monkeypatch.setattr(sys, "stdin", answers)
    asked = init.ask(Settings(), io.StringIO())
    assert asked.federations == ("Roslagen", "Sundbyberg")
    assert asked.title == "Samordningsförbunden Roslagen och Sundbyberg"      # Enter: the default shown
    assert (asked.base_url, asked.email) == ("https://samordning.example.se", "redaktion@example.se")
    assert asked.organisation == asked.title


def validate(path, schema):
    pytest.importorskip("check_jsonschema", reason="check-jsonschema validates the workflows: pip install -e '.[test]'")
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
