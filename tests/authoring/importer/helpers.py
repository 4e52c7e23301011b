"""What the importer tests share: the known names, fixtures, a small site and a runner."""
from __future__ import annotations

import io
from pathlib import Path

from generator.authoring.importer import KnownItem, KnownNames, import_command, import_minutes, to_file_text


FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
ALL_FIXTURES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))


KNOWN = KnownNames(
    federations=[
        KnownItem("norrback", "Samordningsförbundet Norrback", "Norrback", ("SF Norrback",)),
        KnownItem("sydvik", "Samordningsförbundet Sydvik", "Sydvik"),
        KnownItem("ek-lind-alm", "Samordningsförbundet Ek Lind Alm", "ELA", ("Ek-Lind-Alm",)),
        KnownItem("vastmark", "Samordningsförbundet Västmark", "Västmark"),
        KnownItem("ostra-dalen", "Samordningsförbundet Östra Dalen", "Östra Dalen", ("Ö Dalen",)),
    ],
    projects=[
        KnownItem("fyren", "Fyren", "", ("Fyren-projektet",), "norrback"),
        KnownItem("vagen-vidare", "Vägen Vidare", "", (), "vastmark"),
        KnownItem("lumina-novare", "Lumina Novare", "", (), "vastmark"),
        KnownItem("stig", "STIG", "", (), None),
    ],
)


# docs/schema-spec.md, in its order
MEETING_FIELDS = ["uid", "title", "type", "date", "date_note", "start", "end", "location", "online",
                  "online_link", "federations", "chair", "secretary", "present", "absent", "guests",
                  "projects", "publish_names", "source", "not_in_original", "import_notes"]


EVENT_FIELDS = ["uid", "title", "start", "end", "location", "online", "online_link", "federations",
                "projects", "status", "announced_in", "note", "import_notes"]


def load(name: str, reference=None):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return text, import_minutes(text, name, KNOWN, reference=reference)


def event_on(result, day: str):
    found = [e for e in result.events if str(e.meta["start"]).startswith(day)]
    assert found, f"no event on {day}: {[str(e.meta['start']) for e in result.events]}"
    return found[0].meta


def make_site(root: Path) -> Path:
    for kind, items in (("federations", KNOWN.federations), ("projects", KNOWN.projects)):
        folder = root / "content" / kind
        folder.mkdir(parents=True, exist_ok=True)
        for item in items:
            meta = {"name": item.name}
            if kind == "federations":
                meta["short_name"] = item.short_name
                meta["contact"] = {"email": f"info@{item.slug}.example.se"}
            if item.aliases:
                meta["aliases"] = list(item.aliases)
            if kind == "projects":
                meta["status"] = "pågående"
                if item.owner:
                    meta["owner"] = item.owner
            (folder / f"{item.slug}.md").write_text(to_file_text(meta, "Text."), encoding="utf-8")
    return root


def run(files, root, **options) -> tuple[int, str]:
    out = io.StringIO()
    code = import_command([Path(f) for f in files], site_root=root, into=options.get("into"),
                          dry_run=options.get("dry_run", False), force=options.get("force", False), out=out)
    return code, out.getvalue()
