"""The product as a federation gets it: the wheel, installed into a fresh virtual environment
outside the repository, starts a site with `sitegen init` and builds it with the theme it carries.

Built and installed once per session (about 15 s). No network: the wheel is built without build
isolation and installed with --no-index into a venv that sees this Python's packages for the
dependencies; where those are missing the tests are skipped and say why.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import html5lib
import pytest

from conftest import REPO, text_of
from generator import __version__

EPOCH = str(int(dt.datetime(2026, 3, 2, 12, tzinfo=dt.timezone.utc).timestamp()))
SOURCES = ["pyproject.toml", "README.md", "generator", "themes"]   # what the wheel is built from


class Installed:
    """A virtual environment with the wheel installed; runs its `sitegen` like a user would."""

    def __init__(self, venv: Path):
        self.venv = venv
        self.bin = venv / ("Scripts" if os.name == "nt" else "bin")

    def env(self) -> dict[str, str]:
        # No PYTHONPATH: the repository's generator/ must not be what runs.
        return {"PATH": f"{self.bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
                "HOME": os.environ.get("HOME", "/tmp"), "SOURCE_DATE_EPOCH": EPOCH}

    def sitegen(self, *args, cwd: Path) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bin / "sitegen"), *args], cwd=cwd, env=self.env(), capture_output=True,
                              text=True, timeout=300, stdin=subprocess.DEVNULL)

    def python(self, code: str, cwd: Path) -> str:
        result = subprocess.run([str(self.bin / "python"), "-c", code], cwd=cwd, env=self.env(),
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(command, cwd=cwd, env={**env, "SOURCE_DATE_EPOCH": EPOCH, "PIP_NO_INDEX": "1",
                                                 "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    try:
        setuptools = tuple(int(part) for part in metadata.version("setuptools").split(".")[:2])
    except metadata.PackageNotFoundError:
        setuptools = (0, 0)
    if setuptools < (70, 1):
        pytest.skip("building the wheel offline needs setuptools ≥ 70.1 installed: pip install -e '.[test]'")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"   # a copy, so the build leaves no build/ or egg-info in the repository
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            source.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, source / name)
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(work / "dist"),
                 str(source)], cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = (work / "dist").glob("sitegen-*.whl")
    venv = work / "venv"
    made = run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], cwd=work)
    assert made.returncode == 0, made.stderr
    env = Installed(venv)
    added = run([str(env.bin / "python"), "-m", "pip", "install", "--no-index", str(wheel)], cwd=work)
    if added.returncode != 0:
        pytest.skip("the fresh virtual environment cannot get sitegen's dependencies without the network "
                    f"(install them into this Python first): {added.stderr.strip().splitlines()[-1:]}")
    return env


def parse(path: Path):
    return html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)


@pytest.fixture(scope="module")
def started(installed, tmp_path_factory) -> Path:
    """`sitegen init webb` by the installed command, in a folder far from the repository."""
    parent = tmp_path_factory.mktemp("federation")
    result = installed.sitegen("init", "webb", "--federation", "Roslagen", cwd=parent)
    assert result.returncode == 0, result.stderr
    return parent / "webb"


def test_the_installed_command_is_the_wheel_not_the_repository(installed, started):
    assert installed.sitegen("--version", cwd=started).stdout.strip() == f"sitegen {__version__}"
    where = Path(installed.python("import generator; print(generator.__file__)", cwd=started))
    assert where.is_relative_to(installed.venv) and not where.is_relative_to(REPO)
    themes = Path(installed.python("from generator.content import themes; print(themes.builtin_themes_dir())", cwd=started))
    assert themes.is_relative_to(installed.venv) and (themes / "default/templates/base.html").is_file()


def test_the_installed_command_speaks_swedish_from_the_catalogues_it_carries(installed, started):
    """The compiled catalogues are package data: help, argparse's texts and the summary are Swedish."""
    help_text = installed.sitegen("--help", cwd=started).stdout
    assert help_text.startswith("användning: sitegen") and "visa den här hjälptexten och avsluta" in help_text
    built = installed.sitegen("build", cwd=started)
    assert built.stdout.startswith("Byggde "), built.stdout
    locale = Path(installed.python("from generator import i18n; print(i18n.LOCALE_DIR)", cwd=started))
    assert locale.is_relative_to(installed.venv) and (locale / "sv/LC_MESSAGES/sitegen.mo").is_file()


def test_a_new_site_builds_with_the_built_in_theme_and_takes_a_new_meeting(installed, started):
    assert not (started / "themes").exists()
    check = installed.sitegen("check", "--strict", cwd=started)
    assert check.returncode == 0, check.stdout + check.stderr
    first = installed.sitegen("build", cwd=started)
    assert first.returncode == 0, first.stderr
    assert first.stderr == "", "a new site builds without a warning"
    home = parse(started / "output/index.html")
    assert home.getroot().get("lang") == "sv"
    assert home.xpath("//title")[0].text.startswith("Samordningsförbundet Roslagen")
    stylesheet = home.xpath("//link[@rel='stylesheet']/@href")[0]
    assert (started / "output" / stylesheet.removeprefix("/")).read_bytes() == \
        (REPO / "themes/default/static/site.css").read_bytes()

    new = installed.sitegen("new", "meeting", "--federation", "roslagen", "--date", "2026-02-25",
                            "--title", "Förbundschefsmöte", cwd=started)
    assert new.returncode == 0, new.stderr
    assert new.stdout.strip() == "content/meetings/2026-02-25-forbundschefsmote.md"
    second = installed.sitegen("build", cwd=started)
    assert second.returncode == 0, second.stderr
    meeting = parse(started / "output/moten/2026-02-25-forbundschefsmote/index.html")
    assert text_of(meeting.xpath("//main//h1")[0]) == "Förbundschefsmöte"
    listed = parse(started / "output/moten/index.html").xpath("//main//a/@href")
    assert {"/moten/2026-02-25-forbundschefsmote/", "/moten/2026-02-16-styrelsemote/"} <= set(listed)


def test_one_template_of_the_new_site_overrides_the_built_in_one(installed, started):
    override = started / "themes/default/templates/page.html"
    override.parent.mkdir(parents=True)
    override.write_text('{% extends "base.html" %}{% block content %}'
                        '<article><h1>{{ page.title }}</h1><p id="egen">Förbundets egen mall</p></article>'
                        "{% endblock %}\n", encoding="utf-8")
    result = installed.sitegen("build", cwd=started)
    assert result.returncode == 0, result.stderr
    page = parse(started / "output/om/index.html")
    assert text_of(page.xpath("//p[@id='egen']")[0]) == "Förbundets egen mall"
    assert page.xpath("//footer"), "base.html still comes from the wheel"
    meeting = parse(started / "output/moten/2026-02-16-styrelsemote/index.html")
    assert not meeting.xpath("//p[@id='egen']")
