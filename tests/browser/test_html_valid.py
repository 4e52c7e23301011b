"""The Nu Html Checker (vnu.jar from npm, run with Java) finds no error in any built page."""
from __future__ import annotations

import json
import shutil
import subprocess

from .conftest import VNU, require


def test_every_page_is_valid_html(built):
    require(shutil.which("java") is not None, "Java (apt-get install default-jre-headless)")
    require(VNU.is_file(), "vnu-jar (npm ci --ignore-scripts)")
    pages = sorted(str(p) for p in built.out.rglob("*.html") if "pagefind" not in p.parts)
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').rsplit('/output/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") in ("error", "non-document-error")]
    assert errors == []
    assert len(pages) > 10
