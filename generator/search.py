"""Full-text search: Pagefind indexes the rendered pages; its bundle is served from /pagefind/.

Pagefind is a dependency (`pagefind[bin]`): its PyPI package carries the
indexing binary, so indexing needs no network. Without it the build still succeeds and says
that search was skipped. Only pages marked data-pagefind-body (see base.html) are indexed.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from .errors import Problem

BUNDLE_DIR = "pagefind"          # → output/pagefind/pagefind.js
TIMEOUT_SECONDS = 600
INSTALL_HINT = "reinstall sitegen (pip install -e .), which brings Pagefind, and build again"


def find_pagefind() -> Path | None:
    """The Pagefind binary shipped in the pagefind-bin package, or None when not installed."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        return None
    try:
        return get_executable()
    except (FileNotFoundError, OSError):
        return None


def _skipped(message: str, fix: str) -> Problem:
    # The site-wide settings file is the nearest thing to a location for a site-wide warning.
    return Problem("site.yaml", 1, "search", message, fix, severity="warning")


def add_index(files: dict[str, bytes], language: str = "sv") -> Problem | None:
    """Index the HTML among `files` (output path → bytes) and add the bundle to `files`.

    Runs before anything is written, so output/ is swapped in with its index or not at all.
    Returns a warning when search had to be skipped, else None.
    """
    binary = find_pagefind()
    if binary is None:
        return _skipped("Pagefind is not installed, so search was skipped (the rest of the site was built)",
                        INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="sitegen-search-") as tmp:
        site_dir, bundle_dir = Path(tmp) / "site", Path(tmp) / BUNDLE_DIR
        for rel, data in files.items():
            if rel.endswith(".html"):
                target = site_dir / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        # cwd=tmp: a pagefind.yml lying in the caller's folder must not change the index.
        env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
        try:
            run = subprocess.run([str(binary), "--site", str(site_dir), "--output-path", str(bundle_dir),
                                  "--force-language", language, "--silent"],
                                 cwd=tmp, env=env, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return _skipped(f"Pagefind could not run ({exc}), so search was skipped", INSTALL_HINT)
        if run.returncode != 0:
            last = (run.stderr or run.stdout).strip().splitlines()[-1:] or ["no message"]
            return _skipped(f"Pagefind failed ({last[0]}), so search was skipped",
                            "build again with --debug, or reinstall the search extra")
        for path in sorted(p for p in bundle_dir.rglob("*") if p.is_file()):
            files[f"{BUNDLE_DIR}/{path.relative_to(bundle_dir).as_posix()}"] = path.read_bytes()
    return None
