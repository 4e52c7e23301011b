"""The real minutes the project was started from, imported into the repository's own site: the
site builds and `sitegen check --strict` finds nothing. They live outside the repository; set
SITEGEN_SEEDS to their folder to run this test (it is skipped otherwise)."""
from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from generator.pipeline.build import build
from generator.authoring.check import check_command

from .helpers import run

REPO = Path(__file__).resolve().parents[3]
SEEDS = os.environ.get("SITEGEN_SEEDS")


@pytest.mark.skipif(not SEEDS or not Path(SEEDS).is_dir(), reason="SITEGEN_SEEDS is not set")
def test_imported_seeds_build_and_check_clean(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yaml", root / "site.yaml")
    shutil.copytree(REPO / "themes", root / "themes")
    shutil.copytree(REPO / "content", root / "content",
                    ignore=lambda folder, names: [n for n in names if Path(folder).name == "content"
                                                  and n in ("meetings", "events")])
    code, output = run([Path(SEEDS)], root)
    assert code == 0, output
    assert len(list((root / "content" / "meetings").glob("*/index.md"))) == len(list(Path(SEEDS).glob("*.txt")))
    build(root)
    out, err = io.StringIO(), io.StringIO()
    assert check_command(root, strict=True, quiet=True, out=out, err=err) == 0, out.getvalue() + err.getvalue()
