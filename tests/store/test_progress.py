"""Build progress: a live line on a terminal for slow builds, silence otherwise, -v and -q."""
from __future__ import annotations

import io

from generator.cli import main
from generator.store.progress import NORMAL, QUIET, VERBOSE, TerminalProgress

from conftest import TODAY


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run_steps(progress: TerminalProgress, clock: Clock, seconds_per_page: float) -> None:
    progress.step("reading content")
    progress.step("rendering pages", 10)
    for _ in range(10):
        clock.now += seconds_per_page
        progress.advance()
    progress.step("writing files")
    progress.finish()


def test_a_quick_build_shows_nothing_even_on_a_terminal():
    stream, clock = io.StringIO(), Clock()
    run_steps(TerminalProgress(stream, NORMAL, live=True, clock=clock), clock, seconds_per_page=0.05)
    assert stream.getvalue() == ""


def test_a_slow_build_shows_pages_and_time_on_a_terminal_and_clears_the_line():
    stream, clock = io.StringIO(), Clock()
    run_steps(TerminalProgress(stream, NORMAL, live=True, clock=clock), clock, seconds_per_page=0.3)
    shown = [part for part in stream.getvalue().split("\r") if part.strip()]
    assert shown[0] == "rendering pages 4/10 · 1.2 s"       # first update after one second
    assert shown[-1].rstrip() == "rendering pages 10/10 · 3.0 s"
    assert stream.getvalue().endswith("\r") and stream.getvalue().split("\r")[-2].strip() == ""   # cleared


def test_a_slow_build_off_a_terminal_writes_no_progress():
    stream, clock = io.StringIO(), Clock()
    run_steps(TerminalProgress(stream, NORMAL, live=False, clock=clock), clock, seconds_per_page=0.3)
    assert stream.getvalue() == ""


def test_verbose_lists_step_times_and_files():
    stream, clock = io.StringIO(), Clock()
    progress = TerminalProgress(stream, VERBOSE, live=True, clock=clock)
    progress.step("rendering pages", 2)
    clock.now = 0.5
    progress.wrote(["index.html", "moten/index.html"])
    progress.finish()
    assert stream.getvalue().splitlines() == ["  wrote index.html", "  wrote moten/index.html",
                                              "  rendering pages (2): 0.50 s"]


def test_quiet_shows_nothing():
    stream, clock = io.StringIO(), Clock()
    run_steps(TerminalProgress(stream, QUIET, live=True, clock=clock), clock, seconds_per_page=0.3)
    assert stream.getvalue() == ""


def test_the_build_reports_its_pages_to_the_progress(site):
    stream = io.StringIO()
    from generator.pipeline.build import build
    result = build(site.root, today=TODAY, progress=TerminalProgress(stream, NORMAL, live=True, delay=0, interval=0))
    shown = [part.strip() for part in stream.getvalue().split("\r") if part.strip()]
    assert f"rendering pages {result.pages}/{result.pages}" in [s.split(" · ")[0] for s in shown]
    assert any(s.startswith("writing files") for s in shown)


def test_cli_verbose_lists_written_files_and_quiet_prints_nothing(site, capsys, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1635724800")
    assert main(["--root", str(site.root), "-v", "build"]) == 0
    captured = capsys.readouterr()
    assert "  wrote moten/2021-11-17-forbundschefsmote/index.html" in captured.err.splitlines()
    assert any(line.startswith("  rendering pages (") for line in captured.err.splitlines())
    assert captured.out.startswith("Built ")

    assert main(["--root", str(site.root), "build", "-q"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""
