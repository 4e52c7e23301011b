"""The development server: build, serve output/ on 127.0.0.1, rebuild on save and reload the browser.

livereload serves the pages (injecting its reload script) and keeps the browser connection; a
poll of content/, themes/ and site.yaml decides when to rebuild. While the content has an
error, every HTML page is replaced by an error page that lists the problems, so the author sees
the mistake where they are looking; output/ keeps the last good build. The site is served
under the path of base_url (https://example.se/samordning/ → http://127.0.0.1:8000/samordning/),
so the pages are byte for byte those `sitegen build` writes.
"""
from __future__ import annotations

import html
import logging
import mimetypes
import os
import posixpath
import signal
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import jinja2

from generator import i18n
from generator.authoring import preview
from generator.pipeline.build import build
from generator.content.config import load_config
from generator.errors import BuildFailed, Problem, shown
from generator.i18n import _, decimal, ngettext
from generator.content.themes import DEFAULT_THEME, builtin_themes_dir

POLL_SECONDS = 0.1           # how often the watched files are looked at: most of save-to-reload time
ERROR_TEMPLATE = "error.html"
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~")   # editor scratch files: no rebuild for them
# After a preview the full build waits this long for the next save: an author saving again and
# again sees each save at once instead of waiting for (or sharing the CPU with) a whole build.
QUIET_SECONDS = 1.0

mimetypes.add_type("text/calendar", ".ics")
mimetypes.add_type("text/markdown", ".md")


@dataclass
class ServeState:
    """What the request handler needs to know about the last build."""
    root: Path
    out_dir: Path
    base_path: str = ""
    problems: list[Problem] = field(default_factory=list)


# ---------- rebuilding ----------

class Rebuilder:
    """Runs generator.build.build() and records the outcome in the state; never raises for content."""

    def __init__(self, state: ServeState, out: TextIO, err: TextIO, quiet: bool = False, debug: bool = False):
        self.state, self.out, self.err, self.quiet, self.debug = state, out, err, quiet, debug
        self.model = None   # the last good build's model, for the preview shortcut

    def preview(self, changed: list[str], saved_at: float | None = None) -> dict[str, bytes] | None:
        """Show a one-file body edit at once (preview.py); the caller runs the full build next."""
        if self.model is None or self.state.problems or len(changed) != 1 or not changed[0].endswith(".md"):
            return None
        try:
            written = preview.show_body_edit(self.model, Path(changed[0]))
        except Exception:  # the full build that follows reports whatever this tripped on
            if self.debug:
                traceback.print_exc(file=self.err)
            return None
        if written and not self.quiet:
            files = ", ".join(sorted(written))
            if saved_at:
                text = _("Preview of {files} ({seconds} s after the save); the full build follows.")
            else:
                text = _("Preview of {files}; the full build follows.")
            print(text.format(files=files, seconds=decimal(time.time() - saved_at) if saved_at else ""),
                  file=self.out, flush=True)
        return written

    def __call__(self, saved_at: float | None = None) -> bool:
        state = self.state
        try:
            state.base_path = load_config(state.root).base_path
        except (Problem, BuildFailed):
            pass  # build() below reports the broken site.yaml; keep serving under the last path
        was_broken = bool(state.problems)
        try:
            # The preview keeps the last search index: re-indexing every page is the slowest part of
            # a one-file rebuild, and search finds the edited page again after the next full build.
            result = build(state.root, state.out_dir, refresh_search=False, keep_model=True)
            self.model = preview.Model.of(result.model)
        except BuildFailed as failed:
            state.problems = failed.problems
        except Problem as problem:
            state.problems = [problem]
        except Exception as exc:  # a bug in sitegen must not take the server down with it
            self.model = None
            if self.debug:
                traceback.print_exc(file=self.err)
            state.problems = [Problem("sitegen", 1, None,
                                      _("internal error: {kind}: {error}").format(kind=exc.__class__.__name__, error=exc),
                                      _("this is a bug in sitegen, not in your content; run with --debug "
                                      "and send the output to the site's maintainers"))]
        else:
            state.problems = []
            if not self.quiet:
                for warning in result.warnings:
                    print(shown(warning), file=self.err)
                line = result.summary()
                if saved_at:
                    line = _("{summary} ({seconds} s after the save)").format(
                        summary=line, seconds=decimal(time.time() - saved_at))
                if was_broken:
                    line = _("Fixed: the site builds again. {summary}").format(summary=line)
                print(line, file=self.out, flush=True)
            return True
        for problem in state.problems:
            print(shown(problem), file=self.err)
        count = len(state.problems)
        print(ngettext("{count} problem: the browser shows it until it is fixed; output/ is unchanged.",
                       "{count} problems: the browser shows them until they are fixed; output/ is unchanged.",
                       count).format(count=count), file=self.err, flush=True)
        return False


# ---------- watching ----------

def snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under `paths`, skipping hidden files and editor scratch files."""
    found: dict[str, tuple[int, int]] = {}
    for top in paths:
        if top.is_file():
            stat = top.stat()
            found[str(top)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
            for name in files:
                if name.startswith((".", "~")) or name.endswith(IGNORED_SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except FileNotFoundError:  # deleted between listing and stat
                    continue
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def _make_watcher(paths: list[Path], rebuild: Rebuilder):
    """A livereload watcher that rebuilds once per batch of changes and always asks for a full reload.

    livereload's own watcher polls every 0.8 s and rebuilds once per changed folder; a stylesheet
    reloaded in place would also ask for its old fingerprinted name, hence '*' (reload the page).

    The full build runs in a thread, so saves made while it runs are seen at once: a body edit is
    previewed (Rebuilder.preview) and the browser reloads on the preview, and the build runs
    again when the current one ends. After a build the browser reloads unless the pages the
    previews wrote came out the same.
    """
    from livereload.watcher import Watcher
    from tornado import ioloop

    class SiteWatcher(Watcher):
        def __init__(self):
            super().__init__()
            self.paths = paths
            self.seen = snapshot(paths)
            self.shown: dict[str, bytes] = {}     # pages previews wrote since the last full build began
            self.previewed: list[str] = []        # the files they came from
            self.dirty_since: float | None = None  # the first save the next full build must include
            self.quiet_until = 0.0                 # no full build before this (monotonic clock)
            self.building: threading.Thread | None = None
            for path in paths:           # livereload watches the working folder when it has no task
                self._tasks[str(path)] = {"func": None, "delay": None, "ignore": None, "mtimes": {}}

        def start(self, callback) -> bool:
            ioloop.PeriodicCallback(callback, POLL_SECONDS * 1000).start()
            return True

        def examine(self):
            if self._changes:            # livereload's start-up marker
                self._changes.pop()
            reload = False
            now = snapshot(self.paths)
            if now != self.seen:
                changed = [path for path in now.keys() | self.seen.keys() if self.seen.get(path) != now.get(path)]
                mtimes = [now[path][0] for path in changed if path in now]
                self.seen = now
                saved_at = max(mtimes) / 1e9 if mtimes else time.time()   # a deletion: now
                shown = rebuild.preview(sorted(changed), saved_at)
                if shown:
                    self.shown.update(shown)
                    self.previewed += changed
                    reload = True
                self.quiet_until = time.monotonic() + QUIET_SECONDS if shown else 0.0
                self.dirty_since = self.dirty_since or saved_at
            if self.building is not None and not self.building.is_alive():
                self.building = None
                reload = reload or self._after_build()
            if self.dirty_since is not None and self.building is None and time.monotonic() >= self.quiet_until:
                saved_at, self.dirty_since = self.dirty_since, None
                self.building = threading.Thread(target=rebuild, args=(saved_at,), name="sitegen-rebuild",
                                                 daemon=True)
                self.building.start()
            self.filepath = "*" if reload else None
            return self.filepath, None

        def _after_build(self) -> bool:
            """Reload unless every page a preview showed is exactly what the build wrote."""
            if self.dirty_since is not None:
                # Saved while the build ran: it may have written a page older than the preview
                # on screen. Show the previews again over it; the next build follows at once.
                for path in dict.fromkeys(self.previewed):
                    self.shown.update(rebuild.preview([path]) or {})
                return False
            self.previewed = []
            shown, self.shown = self.shown, {}
            if not shown or rebuild.state.problems:
                return True
            return not all(_read(rebuild.state.out_dir / rel) == data for rel, data in shown.items())

    return SiteWatcher()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


# ---------- serving ----------

def error_page(state: ServeState) -> bytes:
    """The theme's error.html with every problem; a plain built-in page if the theme cannot render it."""
    errors = [p for p in state.problems if p.severity == "error"]
    for theme in _theme_candidates(state.root):
        try:
            env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme)), autoescape=True,
                                     undefined=jinja2.StrictUndefined)
            return env.get_template(ERROR_TEMPLATE).render(
                problems=state.problems, errors=errors, lang=i18n.language(), _=_, gettext=_,
                ngettext=ngettext).encode("utf-8")
        except Exception:  # a broken theme is one of the errors being shown; fall through
            continue
    items = "".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in state.problems)
    title = html.escape(_("Errors in the content"))
    heading = html.escape(_("The site could not be built"))
    return (f'<!doctype html><html lang="{i18n.language()}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main><h1>{heading}</h1><ol class=\"problems\">{items}</ol></main>"
            f"</body></html>").encode("utf-8")


def _theme_candidates(root: Path) -> list[Path]:
    try:
        configured = [folder / "templates" for folder in load_config(root).theme_dirs]
    except (Problem, BuildFailed):
        configured = []
    return configured + [root / "themes" / "default" / "templates",
                         builtin_themes_dir() / DEFAULT_THEME / "templates"]


def _looks_like_page(path: str) -> bool:
    last = path.rsplit("/", 1)[-1]
    return last == "" or last.endswith(".html") or "." not in last


def make_app(state: ServeState):
    """The WSGI application: files from output/ under the base path, the error page while broken."""

    def app(environ, start_response):
        # WSGI hands the path over as Latin-1 text of the raw bytes; file names are UTF-8.
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
        base = state.base_path
        if base and not (path + "/").startswith(base + "/"):
            if path in ("", "/"):
                return _redirect(start_response, base + "/")
            return _not_found(state, start_response)
        rel = path[len(base):]
        if rel == "":
            return _redirect(start_response, base + "/")
        if state.problems and _looks_like_page(rel):
            return _respond(start_response, "500 Internal Server Error", error_page(state), "text/html; charset=utf-8")
        normalised = posixpath.normpath(rel)
        if normalised.startswith("..") or "\x00" in normalised:
            return _not_found(state, start_response)
        target = state.out_dir / normalised.lstrip("/")
        if target.is_dir():
            if not rel.endswith("/"):
                return _redirect(start_response, path + "/")
            target = target / "index.html"
        if not target.is_file():
            return _not_found(state, start_response)
        return _respond(start_response, "200 OK", target.read_bytes(), _content_type(target.name))

    return app


def _content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json", "application/xml"):
        kind += "; charset=utf-8"
    return kind


def _respond(start_response, status: str, body: bytes, content_type: str):
    # no-store: a reload after a rebuild must fetch the new page, not a cached one.
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store")])
    return [body]


def _redirect(start_response, location: str):
    start_response("302 Found", [("Location", location), ("Content-Length", "0"), ("Cache-Control", "no-store")])
    return [b""]


def _not_found(state: ServeState, start_response):
    page = state.out_dir / "404.html"
    body = page.read_bytes() if page.is_file() else ("<!doctype html><title>404</title><h1>%s</h1>" % html.escape(_("The page does not exist"))).encode("utf-8")
    return _respond(start_response, "404 Not Found", body, "text/html; charset=utf-8")


def _quiet_logs(verbose: bool) -> None:
    """livereload and tornado log every request and browser connection; keep the terminal for build news."""
    logging.getLogger("livereload").setLevel(logging.WARNING)
    logging.getLogger("tornado.access").setLevel(logging.INFO if verbose else logging.CRITICAL)
    if verbose and not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)


def serve(root: Path, port: int = 8000, open_browser: bool = False, quiet: bool = False,
          verbose: bool = False, debug: bool = False, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Build, serve on 127.0.0.1:port until Ctrl-C, rebuild when a watched file changes. Returns the exit code."""
    from livereload import Server
    from livereload.handlers import LiveReloadHandler

    out, err = out or sys.stdout, err or sys.stderr
    root = Path(root)
    if not _port_is_free(port):
        print(_("sitegen serve: port {port} is already in use — stop the other server or pick another "
                "port, e.g. --port {next}").format(port=port, next=port + 1), file=err)
        return 1
    state = ServeState(root=root, out_dir=root / "output")
    rebuild = Rebuilder(state, out, err, quiet=quiet, debug=debug)
    watched = [root / "content", root / "themes", root / "site.yaml"]
    watcher = _make_watcher(watched, rebuild)   # snapshot first: a save during the first build is not lost
    rebuild()

    class QuietServer(Server):
        def _setup_logging(self):   # livereload adds an INFO handler here; we print our own lines
            _quiet_logs(verbose)

    # livereload skips reloads within 3 s of the last one; an author saving twice should see both.
    LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
    server = QuietServer(app=make_app(state), watcher=watcher)
    url = f"http://127.0.0.1:{port}{state.base_path}/"
    if not quiet:
        print(_("Serving {url} — watching content/, themes/ and site.yaml. Press Ctrl-C to stop.").format(url=url),
              file=out, flush=True)
    if open_browser:
        import webbrowser
        threading.Timer(0.5, webbrowser.open, [url]).start()
    # Ctrl-C and SIGTERM both stop cleanly, also where the shell started us with SIGINT ignored.
    stops = (signal.SIGINT, signal.SIGTERM) if threading.current_thread() is threading.main_thread() else ()
    previous = {signum: signal.signal(signum, _stop) for signum in stops}
    try:
        # debug=False: tornado's autoreload would restart the whole process when Python files change.
        server.serve(port=port, host="127.0.0.1", debug=False)
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    print(_("Stopped."), file=out, flush=True)
    return 0


def _port_is_free(port: int) -> bool:
    """Checked before the first build, so a second server fails at once with a plain message."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # as tornado does
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _stop(signum, frame):
    """Ctrl-C and SIGTERM end the server the same clean way."""
    raise KeyboardInterrupt
