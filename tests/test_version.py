"""One version, written once: the package, `sitegen --version`, the changelog and the README agree."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import REPO
from generator import __version__

SEMVER = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


def test_the_version_is_semantic():
    assert SEMVER.fullmatch(__version__)


def test_the_command_prints_the_version():
    result = subprocess.run([sys.executable, "-m", "generator", "--version"], capture_output=True, text=True,
                            env={"PYTHONPATH": str(REPO), "SITEGEN_LANG": "en"}, timeout=60)
    assert result.stdout == f"sitegen {__version__}\n"


def test_the_changelog_opens_with_this_version():
    headings = re.findall(r"^## (\S+) — \d{4}-\d{2}-\d{2}$", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert headings[0] == __version__
    assert all(SEMVER.fullmatch(version) for version in headings)


def test_the_readme_names_the_wheel_and_the_pin_of_this_version():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert set(re.findall(r"sitegen-(\d+\.\d+\.\d+)-py3-none-any\.whl", readme)) == {__version__}
    assert set(re.findall(r'"sitegen==(\d+\.\d+\.\d+)"', readme)) == {__version__}
