"""Take the README's screenshots: home, a meeting, the calendar and a federation page at 1280 and
390 px wide, from the shipped content, into docs/screenshots/.

    python tests/browser/screenshots.py

Needs what the browser tests need (Chromium at /usr/bin/chromium, Playwright for Python). With
Pillow installed the PNGs are reduced to 256 colours, which keeps them small in the repository.
"""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from generator.pipeline.build import build, load_model  # noqa: E402  (after the path is set)

OUT = REPO / "docs" / "screenshots"
WIDTHS = {"desktop": (1280, 860), "mobile": (390, 844)}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def pick_pages(root: Path, today: dt.date) -> dict[str, str]:
    site = load_model(root, today)
    base = len(site.config.base_path)
    meeting = max((m for m in site.meetings if m.date and m.date.is_full), key=lambda m: (len(m.body), m.slug))
    federation = max(site.federations, key=lambda f: (bool(f.color), len(f.meetings), f.slug))
    return {"home": "/", "meeting": meeting.url[base:], "calendar": "/kalender/",
            "federation": federation.url[base:]}


def main() -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="sitegen-shots-") as tmp:
        root = Path(tmp)
        shutil.copy(REPO / "site.yaml", root / "site.yaml")
        for folder in ("content", "themes"):
            shutil.copytree(REPO / folder, root / folder)
        # The day of the newest minutes, as in the browser tests: the calendar has coming entries.
        first = load_model(root, dt.date(2000, 1, 1))
        today = max(m.date.as_date() for m in first.meetings if m.date and m.date.is_full)
        build(root, today=today)
        pages = pick_pages(root, today)

        handler = functools.partial(_QuietHandler, directory=str(root / "output"))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        server = f"http://127.0.0.1:{httpd.server_address[1]}"
        OUT.mkdir(parents=True, exist_ok=True)
        written = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for label, (width, height) in WIDTHS.items():
                context = browser.new_context(viewport={"width": width, "height": height}, base_url=server,
                                              locale="sv-SE", device_scale_factor=1)
                # site.js ages the coming lists by the visitor's clock: show the build's day.
                context.clock.set_fixed_time(dt.datetime.combine(today, dt.time(12)))
                tab = context.new_page()
                for name, path in pages.items():
                    tab.goto(path)
                    target = OUT / f"{name}-{width}.png"
                    tab.screenshot(path=str(target))
                    written.append(target)
                context.close()
            browser.close()
        httpd.shutdown()
    for path in written:
        _shrink(path)
        print(f"{path.relative_to(REPO)}  {path.stat().st_size // 1024} kB")
    return 0


def _shrink(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
