"""HTML_CodeSniffer (the engine pa11y runs by default) with its WCAG2AA rules finds no error on
any kind of page: a second engine beside axe-core, since each finds problems the other misses."""
from __future__ import annotations

import pytest

from .conftest import HTMLCS, new_context, require
from .test_axe import KINDS

ERROR = 1   # HTMLCS message types: 1 error, 2 warning, 3 notice (warnings and notices need a person)


@pytest.fixture(scope="session")
def htmlcs_source() -> str:
    require(HTMLCS.is_file(), f"HTML_CodeSniffer ({HTMLCS.name}; npm ci --ignore-scripts)")
    return HTMLCS.read_text(encoding="utf-8")


def htmlcs_errors(page, htmlcs_source) -> list[str]:
    page.add_script_tag(content=htmlcs_source)
    messages = page.evaluate("""() => new Promise((resolve, reject) => {
        HTMLCS.process("WCAG2AA", document, () => resolve(HTMLCS.getMessages().map(m => ({
            type: m.type, code: m.code, msg: m.msg,
            where: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 160) : ""}))),
          () => reject(new Error("HTML_CodeSniffer failed")), "sv");
    })""")
    return [f"{m['code']}: {m['msg']} — at {m['where']}" for m in messages if m["type"] == ERROR]


@pytest.mark.parametrize("kind", KINDS)
def test_no_wcag2aa_errors(page, built, htmlcs_source, kind):
    if kind not in built.pages:
        pytest.fail(f"the shipped content has no {kind} page to check; add one to content/", pytrace=False)
    page.goto(built.pages[kind])
    assert htmlcs_errors(page, htmlcs_source) == []


def test_no_wcag2aa_errors_with_the_filters_in_use(page, built, htmlcs_source):
    """The filters site.js shows: the form must still pass once it is visible and has been used."""
    page.goto(built.pages["minutes index"])
    page.select_option("#filter-federation", index=1)
    page.get_by_role("button", name="Visa").first.click()
    assert htmlcs_errors(page, htmlcs_source) == []


def test_no_wcag2aa_errors_at_phone_width(browser, server, built, htmlcs_source):
    context = new_context(browser, server, built, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        for kind in ("home", "meeting", "month"):
            tab.goto(built.pages[kind])
            assert htmlcs_errors(tab, htmlcs_source) == [], kind
    finally:
        context.close()


def test_both_engines_pass_pages_that_flag_an_inaccessible_attachment(browser, tmp_path, axe_source, htmlcs_source):
    """The shipped content has no attachments: a small site with one untagged PDF and one Word
    file without headings shows the notes on the meeting page and the list in the statement."""
    from content.test_documents import FOLDER, plain_pdf, word_file

    from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree

    from .test_axe import axe_violations
    from .test_filters import serving

    tree = SiteTree(tmp_path / "site")
    tree.add(FEDERATIONS).add(PROJECTS).add({"meetings/2021-11-17-forbundschefsmote/index.md": MEETING,
                                             "pages/tillganglighet.md": "---\ntitle: Tillgänglighetsredogörelse\n"
                                                                        "menu: 1\n---\n## Om webbplatsen\n\nText.\n"})
    (tree.root / FOLDER / "bilder.pdf").write_bytes(plain_pdf())
    (tree.root / FOLDER / "anteckningar.docx").write_bytes(word_file(with_heading=False))
    tree.build()
    with serving(tree.out) as server:
        context = browser.new_context(locale="sv-SE", base_url=server)
        try:
            tab = context.new_page()
            for path in ("/moten/2021-11-17-forbundschefsmote/", "/tillganglighet/"):
                tab.goto(path)
                assert tab.locator(".attachment-note, #bilagor-som-inte-ar-tillgangliga").count() >= 1, path
                assert axe_violations(tab, axe_source) == [], path
                tab.goto(path)
                assert htmlcs_errors(tab, htmlcs_source) == [], path
        finally:
            context.close()
