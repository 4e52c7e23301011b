"""Shared fixtures: build small content trees in a temporary folder and read what they produce."""
from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from pathlib import Path

import html5lib
import icalendar
import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = dt.date(2021, 11, 1)  # the fixture sites are seen from this day unless a test says otherwise

SITE_YAML = """\
title: Testnätverket
description: Ett nätverk för test.
base_url: {base_url}
language: sv
timezone: Europe/Stockholm
theme: default
publish_names: {publish_names}
organisation: Testnätverket
contact:
  email: webb@example.se
"""

FEDERATIONS = {
    "federations/roslagen.md": """\
        ---
        name: Samordningsförbundet Roslagen
        short_name: Roslagen
        aliases: [SF Roslagen]
        region: Stockholms län
        manager: Sophia Dahlgren
        contact: {email: info@roslagen.example.se}
        ---
        Förbundet i norra länet.
        """,
    "federations/sundbyberg.md": """\
        ---
        name: Samordningsförbundet Sundbyberg
        short_name: Sundbyberg
        region: Stockholms län
        contact: {email: info@sundbyberg.example.se}
        ---
        """,
}

PROJECTS = {
    "projects/mia.md": """\
        ---
        name: MIA
        aliases: [MIA-projektet]
        status: pågående
        start: 2019-09-01
        end: 2022-12-31
        owner: Roslagen
        federations: [sundbyberg]
        funding: ESF
        summary: Ett gemensamt ESF-projekt.
        ---
        Om projektet.
        """,
}

MEETING = """\
    ---
    uid: m-2021-11-17
    title: Förbundschefsmöte 17 november 2021
    type: förbundschefsmöte
    date: 2021-11-17
    start: "13:00"
    end: "16:00"
    location: Sollentuna
    online: true
    federations: [roslagen, Sundbyberg]
    chair: Kipa
    secretary: Elin
    present:
      - group: I rummet
        people: [Kipa, Elin]
      - group: På Teams
        people: [Karin]
    projects: [MIA]
    ---
    ## 1. Mötets öppnande

    Kipa hälsar välkommen.

    ## 2. MIA

    | Förbund | Beslut |
    | --- | --- |
    | Roslagen | Ja |

    Se not.[^1]

    [^1]: En fotnot.
    """


@pytest.fixture(autouse=True)
def english_messages(request, monkeypatch):
    """The tests written before the Swedish catalogue assert sitegen's English messages: they run
    with SITEGEN_LANG=en (the CLI in a subprocess or in-process) and the in-process language set to
    English. Tests of the Swedish texts mark themselves @pytest.mark.swedish and get the default."""
    from generator import i18n
    if request.node.get_closest_marker("swedish"):
        monkeypatch.delenv(i18n.ENV_VAR, raising=False)
        i18n.set_language("sv")
    else:
        monkeypatch.setenv(i18n.ENV_VAR, "en")
        i18n.set_language("en")
    yield
    i18n.set_language("en")


def write_tree(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


class SiteTree:
    """A site folder in tmp_path: site.yaml, the repo's default theme, and content files."""

    def __init__(self, root: Path, base_url: str = "https://example.se/", publish_names: bool = True):
        self.root = root
        shutil.copytree(REPO / "themes", root / "themes")
        (root / "site.yaml").write_text(SITE_YAML.format(base_url=base_url, publish_names=str(publish_names).lower()),
                                        encoding="utf-8")
        (root / "content").mkdir()

    @property
    def out(self) -> Path:
        return self.root / "output"

    def add(self, files: dict[str, str]) -> "SiteTree":
        write_tree(self.root / "content", files)
        return self

    def build(self, today: dt.date = TODAY):
        from generator.pipeline.build import build
        return build(self.root, today=today)

    def html(self, rel: str):
        """Parse output/<rel> (a site path like 'moten/x/' or a file) with html5lib into an lxml tree."""
        path = self.out / rel
        if rel.endswith("/") or rel == "":
            path = path / "index.html"
        return html5lib.parse(path.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)

    def ical(self, rel: str) -> icalendar.Calendar:
        return icalendar.Calendar.from_ical((self.out / rel).read_bytes())


@pytest.fixture
def site(tmp_path) -> SiteTree:
    """A small valid site: two federations, one project, one meeting, the pages."""
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote.md": MEETING})
    return tree


@pytest.fixture
def empty_site(tmp_path) -> SiteTree:
    return SiteTree(tmp_path / "site")


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())
