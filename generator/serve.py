"""The development server: build, serve output/ on 127.0.0.1 (live reload comes with the authoring tools)."""
from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

from .build import build
from .errors import BuildFailed


def serve(root: Path, port: int = 8000, open_browser: bool = False) -> int:
    out_dir = root / "output"
    try:
        print(build(root, out_dir).summary())
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        if not out_dir.is_dir():
            return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out_dir))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        url = f"http://127.0.0.1:{port}/"
        print(f"Serving {url} — press Ctrl-C to stop.")
        if open_browser:
            import webbrowser
            webbrowser.open(url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.")
    return 0
