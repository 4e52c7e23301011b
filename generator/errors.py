"""The one shape every author-facing problem takes: `path:line: field: what is wrong — fix`."""
from __future__ import annotations

from dataclasses import dataclass

from generator.i18n import _, ngettext


@dataclass(frozen=True)
class Problem(Exception):
    path: str
    line: int
    field: str | None
    message: str
    fix: str = ""
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {what}"
        if self.fix:
            text += f" — {self.fix}"
        return text

    @property
    def sort_key(self):
        return (self.path, self.line, self.field or "", self.message)

    def __reduce__(self):
        # Problems come back from worker processes: pickle them by their fields (an exception's
        # default pickling goes through args, which a frozen dataclass leaves empty).
        return (Problem, (self.path, self.line, self.field, self.message, self.fix, self.severity))


def shown(problem: Problem) -> str:
    """A problem as the terminal shows it: a warning says it is one."""
    if problem.severity == "warning":
        return _("warning: {problem}").format(problem=problem)
    return str(problem)


class BuildFailed(Exception):
    """Raised with every problem of a build at once; output/ has not been touched."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        count = len(self.problems)
        super().__init__(ngettext("{count} problem", "{count} problems", count).format(count=count))

    def __reduce__(self):   # raised in a worker process, it crosses back whole
        return BuildFailed, (self.problems,)


class OutputUnusable(Exception):
    """The output folder cannot take the site (it is a file, a link, or cannot be written);
    raised before anything is created, so the project stays as it was."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.message} — {self.fix}"


class WorkerStopped(RuntimeError):
    """A worker process ended without answering (killed by the system, out of memory): the
    machine's trouble, not the content's and not a bug, and reported as such."""
