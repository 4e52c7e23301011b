"""How many fields `sitegen import` gets right on minutes written by people who had not seen it.

    python benchmarks/importer_accuracy.py [SET ...]      (default: every set in benchmarks/importer/)

Each set is a folder of minutes (.txt, .md, .docx, .pdf), each with <stem>.expected.json: what a
careful reader fills in from the text alone (title, type, date, start, location, chair,
secretary, present). The script makes a fresh site with `sitegen init` in a temporary folder,
imports the set into it with `sitegen import`, reads the front matter each file became and
prints the misses and a total per set. Nothing is asserted: the figure is reported, as speed is.

How a field is judged (the same for every set):
- title: right when one contains the other, or they share two words, after folding case and
  å/ä/ö; a title the importer made up where the text has none counts as wrong;
- type: exact ("styrelsemöte" and "styrelse" are one type); date: exact; start: the same HH:MM;
- location: one contains the other; "Teams" and the like are right when the meeting is marked
  online;
- chair, secretary: the same name;
- present: the same set of names; the importer's `guests` count as present, as readers count them.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIELDS = ("title", "type", "date", "start", "location", "chair", "secretary", "present")
SAME_TYPE = {"styrelsemote": "styrelse"}
ONLINE_WORDS = {"teams", "digitalt", "digitalt teams", "zoom"}


def fold(text) -> str:
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def person_names(entries) -> list[str]:
    """Names in a front-matter people list: plain names, {name, role}, or groups of them."""
    found = []
    for entry in entries or []:
        if isinstance(entry, dict) and "people" in entry:
            found += [p.get("name") if isinstance(p, dict) else p for p in entry["people"]]
        elif isinstance(entry, dict):
            found.append(entry.get("name"))
        else:
            found.append(entry)
    return [fold(name) for name in found if name]


def clock(value) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{1,2})[.:]?(\d{2})?", str(value).replace("kl", "").strip(" ."))
    return f"{int(m.group(1)):02d}:{m.group(2) or '00'}" if m else str(value)


def field_right(name: str, want, meta: dict) -> bool:
    got = meta.get(name)
    if name == "title":
        if not want:
            return not got
        a, b = fold(want), fold(got or "")
        return bool(b) and (a in b or b in a or len(set(a.split()) & set(b.split())) >= 2)
    if name == "type":
        folded = fold(want or "").replace(" ", "")
        return SAME_TYPE.get(folded, folded) == fold(got or "").replace(" ", "")
    if name == "date":
        return str(want) == str(got) if want else not got
    if name == "start":
        return clock(want) == clock(got)
    if name == "location":
        if not want:
            return not got and not meta.get("online")
        if got and (fold(want) in fold(got) or fold(got) in fold(want)):
            return True
        return bool(meta.get("online")) and fold(want) in ONLINE_WORDS
    if name in ("chair", "secretary"):
        def one(value):
            value = value.get("name") if isinstance(value, dict) else value
            return fold(value) if value else None
        return one(want) == one(got)
    present = list(got or []) + list(meta.get("guests") or [])
    return sorted(fold(n) for n in want or []) == sorted(person_names(present))


def run_sitegen(*args: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SITEGEN_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)
    return done.stdout + done.stderr


def imported_files(report: str) -> dict[str, str]:
    """File stem → the content file it became, from the import's summary table."""
    found = {}
    for line in report.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].startswith("content/meetings/"):
            found[parts[0].rsplit(".", 1)[0]] = parts[1]
    return found


def score(folder: Path) -> tuple[int, int]:
    right = total = 0
    with tempfile.TemporaryDirectory(prefix="sitegen-import-accuracy-") as tmp:
        site, inbox = Path(tmp) / "site", Path(tmp) / "inbox"
        inbox.mkdir()
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md", ".docx", ".odt", ".pdf") and path.name != "README.md":
                (inbox / path.name).write_bytes(path.read_bytes())
        run_sitegen("init", str(site), cwd=Path(tmp))
        became = imported_files(run_sitegen("import", str(inbox), cwd=site))
        for expected_file in sorted(folder.glob("*.expected.json")):
            stem = expected_file.name[: -len(".expected.json")]
            want = json.loads(expected_file.read_text(encoding="utf-8"))
            meta = {}
            if stem in became:
                text = (site / became[stem]).read_text(encoding="utf-8")
                meta = yaml.safe_load(text.split("---")[1]) or {}
            misses = [name for name in FIELDS if not field_right(name, want.get(name), meta)]
            right += len(FIELDS) - len(misses)
            total += len(FIELDS)
            print(f"  {stem}: {len(FIELDS) - len(misses)}/{len(FIELDS)}" + (f"  (missed: {', '.join(misses)})" if misses else ""))
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="folders of minutes (default: benchmarks/importer/*)")
    args = parser.parse_args()
    sets = args.sets or sorted(p for p in (HERE / "importer").iterdir() if p.is_dir())
    for folder in sets:
        print(folder.name)
        right, total = score(folder)
        print(f"  total: {right}/{total} = {100 * right / total:.1f} %")


if __name__ == "__main__":
    main()
