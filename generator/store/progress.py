"""Tell the person at the terminal what a build is doing.

build.build() reports its steps and pages to a Progress; the base class ignores them (library
use, tests, the dev server). TerminalProgress shows a live line once a build has run for a
second on a terminal, stays silent when not on one (the CLI prints the summary line either
way), and with -v lists step timings and every written file.
"""
from __future__ import annotations

import time
from typing import Callable, TextIO

from generator.i18n import _, decimal

QUIET, NORMAL, VERBOSE = 0, 1, 2


class Progress:
    """Receives build events and does nothing with them."""

    def step(self, name: str, total: int | None = None) -> None:
        """A new step starts (and the previous one ends); total: how many units it has."""

    def advance(self, count: int = 1) -> None:
        """`count` units of the current step are done."""

    def wrote(self, paths: list[str]) -> None:
        """The files (relative to the output folder) handed to the writer."""

    def finish(self) -> None:
        """The build is over, successful or not."""


class TerminalProgress(Progress):
    def __init__(self, stream: TextIO, verbosity: int = NORMAL, live: bool | None = None,
                 clock: Callable[[], float] = time.perf_counter, delay: float = 1.0, interval: float = 0.1):
        self.stream = stream
        self.verbosity = verbosity
        # A live line only makes sense where \r moves the cursor: a terminal, not a log file.
        self.live = (stream.isatty() if live is None else live) and verbosity == NORMAL
        self.clock = clock
        self.delay = delay
        self.interval = interval
        self.started = clock()
        self.last_shown = float("-inf")
        self.shown_width = 0
        self.current: str | None = None
        self.total: int | None = None
        self.done = 0
        self.step_started = self.started

    def step(self, name: str, total: int | None = None) -> None:
        self._end_step()
        self.current, self.total, self.done = name, total, 0
        self.step_started = self.clock()
        self._show()

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._show()

    def wrote(self, paths: list[str]) -> None:
        if self.verbosity >= VERBOSE:
            for path in paths:
                print("  " + _("wrote {path}").format(path=path), file=self.stream)

    def finish(self) -> None:
        self._end_step()
        self.current = None
        self._clear()

    def _show(self) -> None:
        if not self.live or self.current is None:
            return
        now = self.clock()
        # Quick builds stay quiet; slow ones update the line at most every `interval`.
        if now - self.started < self.delay or now - self.last_shown < self.interval:
            return
        self.last_shown = now
        count = f" {self.done}/{self.total}" if self.total else ""
        text = f"{_(self.current)}{count} · {decimal(now - self.started, 1)} s"
        padding = " " * max(0, self.shown_width - len(text))
        self.stream.write("\r" + text + padding)
        self.stream.flush()
        self.shown_width = len(text)

    def _clear(self) -> None:
        if self.shown_width:
            self.stream.write("\r" + " " * self.shown_width + "\r")
            self.stream.flush()
            self.shown_width = 0

    def _end_step(self) -> None:
        if self.current is not None and self.verbosity >= VERBOSE:
            count = f" ({self.total})" if self.total else ""
            print(f"  {_(self.current)}{count}: {decimal(self.clock() - self.step_started)} s", file=self.stream)
