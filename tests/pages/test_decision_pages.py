"""decision_pages.py: the register pages' jobs, browser-free."""
from __future__ import annotations

from generator.pipeline import build
from generator.pages import decision_pages

from conftest import FEDERATIONS, PROJECTS, TODAY, SiteTree

MINUTES = ("---\nuid: m-1\ntitle: Förbundschefsmöte\ntype: förbundschefsmöte\ndate: 2021-11-17\n"
           "federations: [roslagen]\n---\n## 1. Kaffe\n\nMötet beslutar att köpa kaffe.\n")


def register_jobs(tmp_path) -> dict:
    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-fc.md": MINUTES})
    site = build.load_model(tree.root, today=TODAY)
    library = build.convert_bodies(site)
    return {job.path: job.context for job in decision_pages.page_jobs(site, library.decisions)}


def marked(links) -> list[tuple[str, str]]:
    return [(link.label, link.aria_current) for link in links if link.aria_current]


def test_the_links_to_the_current_register_and_federation_say_they_are_current(tmp_path):
    jobs = register_jobs(tmp_path)
    first = jobs["/beslut/roslagen/"]
    assert marked(first["registers"]) == [("Beslut", "page")]
    assert marked(first["filters"]) == [("Roslagen", "page")]
    assert [link.url for link in first["registers"]] == ["/beslut/roslagen/", "/uppdrag/roslagen/"]
    # A year page is within the register the links lead to, not the page itself.
    year = jobs["/beslut/roslagen/2021/"]
    assert marked(year["registers"]) == [("Beslut", "true")]
    assert marked(year["filters"]) == [("Roslagen", "true")]
    everything = jobs["/uppdrag/"]
    assert marked(everything["registers"]) == [("Uppdrag", "page")]
    assert marked(everything["filters"]) == [("Alla förbund", "page")]
    assert [(f.label, f.count) for f in everything["filters"]] == [("Alla förbund", 0), ("Roslagen", 0),
                                                                   ("Sundbyberg", 0)]
    assert [(f.label, f.count) for f in first["filters"]] == [("Alla förbund", 1), ("Roslagen", 1),
                                                              ("Sundbyberg", 0)]
