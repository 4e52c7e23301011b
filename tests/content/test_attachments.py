"""Files beside a meeting's or project's index.md are published next to the page and listed with size and type."""
from __future__ import annotations

import textwrap
from urllib.parse import unquote

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree, text_of

PDF = b"%PDF-1.4\n% test fixture\n" + b"0" * 3000 + b"\n%%EOF\n"


def bundle_site(tmp_path, base_url="https://example.se/") -> SiteTree:
    """The fixture site with the meeting and the project moved into folders with attachments."""
    tree = SiteTree(tmp_path / "site", base_url=base_url)
    tree.add(FEDERATIONS).add({
        "meetings/2021-11-17-forbundschefsmote/index.md": MEETING,
        "projects/mia/index.md": textwrap.dedent(PROJECTS["projects/mia.md"]),
    })
    meeting_dir = tree.root / "content/meetings/2021-11-17-forbundschefsmote"
    (meeting_dir / "bilaga.pdf").write_bytes(PDF)
    (meeting_dir / "Bilder från mötet.pptx").write_bytes(b"slides" * 100)
    project_dir = tree.root / "content/projects/mia"
    (project_dir / "slutrapport.pdf").write_bytes(PDF)
    (project_dir / "karta.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 500)
    return tree


def attachment_rows(doc):
    """(link text, href, type-and-size text) of each item in the page's attachment list."""
    return [(text_of(li.find("a")), li.find("a").get("href"), text_of(li.find("span")))
            for li in doc.findall(".//ul[@class='attachments']/li")]


def test_meeting_attachments_are_copied_and_listed_with_type_and_size(tmp_path):
    tree = bundle_site(tmp_path)
    tree.build()
    out = tree.out / "moten/2021-11-17-forbundschefsmote"
    assert (out / "bilaga.pdf").read_bytes() == PDF
    rows = attachment_rows(tree.html("moten/2021-11-17-forbundschefsmote/"))
    assert ("bilaga.pdf", "/moten/2021-11-17-forbundschefsmote/bilaga.pdf", "(PDF, 3 kB)") in rows
    names = [name for name, _, _ in rows]
    assert names == ["Bilder från mötet.pptx", "bilaga.pdf"]


def test_project_attachments_are_copied_and_listed_with_type_and_size(tmp_path):
    tree = bundle_site(tmp_path)
    tree.build()
    assert (tree.out / "projekt/mia/slutrapport.pdf").read_bytes() == PDF
    assert (tree.out / "projekt/mia/karta.png").is_file()
    doc = tree.html("projekt/mia/")
    rows = attachment_rows(doc)
    assert rows == [("karta.png", "/projekt/mia/karta.png", "(Bild, 508 byte)"),
                    ("slutrapport.pdf", "/projekt/mia/slutrapport.pdf", "(PDF, 3 kB)")]
    assert text_of(doc.find(".//h2[@id='bilagor']")) == "Bilagor"


def test_attachment_names_with_spaces_and_swedish_letters_link_to_the_copied_file(tmp_path):
    tree = bundle_site(tmp_path)
    tree.build()
    rows = attachment_rows(tree.html("moten/2021-11-17-forbundschefsmote/"))
    href = next(h for name, h, _ in rows if name.endswith(".pptx"))
    assert " " not in href and "ö" not in href           # a valid URL, percent-encoded
    assert (tree.out / unquote(href).lstrip("/")).read_bytes() == b"slides" * 100


def test_attachment_links_carry_the_sub_path(tmp_path):
    tree = bundle_site(tmp_path, base_url="https://example.se/natverk/")
    tree.build()
    rows = attachment_rows(tree.html("projekt/mia/"))
    assert [href for _, href, _ in rows] == ["/natverk/projekt/mia/karta.png", "/natverk/projekt/mia/slutrapport.pdf"]
    assert (tree.out / "projekt/mia/karta.png").is_file()


def test_a_page_without_a_folder_has_no_attachment_list(site):
    site.build()
    assert site.html("projekt/mia/").find(".//ul[@class='attachments']") is None
    assert site.html("moten/2021-11-17-forbundschefsmote/").find(".//ul[@class='attachments']") is None
