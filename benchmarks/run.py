"""Measure sitegen on a generated corpus and print a table.

    python benchmarks/run.py --n 1000 [--runs 3] [--keep DIR] [--only clean,unchanged,...]
    python benchmarks/run.py --n 1000 --profile

Every build is a fresh `python -m generator --root DIR build` subprocess, timed from spawn to
exit; its peak resident memory comes from os.wait4(). Scenarios, in this order, each starting
from the state the previous one left (always a built site):

  clean         output/ and .sitegen-cache/ removed before every run
  unchanged     rebuild with nothing changed
  meeting-edit  a sentence appended to one meeting's body (two meetings, alternating), rebuild
  title-edit    one meeting's title changed in its front matter, rebuild
  template-edit an HTML comment added to themes/default/templates/meeting.html, rebuild
  serve         `sitegen serve` running; a meeting is edited and its page polled over HTTP until
                the new sentence is served: time from save to visible ("n/a" if serve does not
                rebuild on change)

Timings are reported, never asserted: the exit status is non-zero only when a build fails.
"""
from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import os
import platform
import pstats
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (beside this file)

# The build's "today" (2025-06-01 UTC): the split between coming and past events, and so every
# page, is the same on every run and every day. An outer SOURCE_DATE_EPOCH wins.
FIXED_EPOCH = "1748736000"
SCENARIOS = ["clean", "unchanged", "meeting-edit", "title-edit", "template-edit", "serve"]
MEETING_TEMPLATE = Path("themes") / "default" / "templates" / "meeting.html"


class BuildFailed(Exception):
    def __init__(self, command: list[str], status: int, output: str):
        super().__init__(f"{' '.join(command)} exited with status {status}")
        self.output = output


@dataclass
class Run:
    seconds: float
    rss_kib: int = 0
    cpu_seconds: float | None = None      # user + system, the build's worker and Pagefind processes included


@dataclass
class Row:
    name: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""
    unavailable: str = ""                 # why the row is "n/a"

    def cells(self) -> list[str]:
        if self.unavailable or not self.runs:
            return [self.name, "n/a", "n/a", "n/a", "n/a", "n/a", self.unavailable or self.note]
        seconds = [r.seconds for r in self.runs]
        cpu = [r.cpu_seconds for r in self.runs if r.cpu_seconds is not None]
        rss = max(r.rss_kib for r in self.runs)
        return [self.name, f"{statistics.median(seconds):.3f}", f"{min(seconds):.3f}", f"{max(seconds):.3f}",
                f"{statistics.median(cpu):.2f}" if cpu else "n/a", f"{rss / 1024:.0f}" if rss else "n/a", self.note]


# ---------------------------------------------------------------- running the generator

SOURCE_ROOT = REPO_ROOT                   # the checkout whose generator/ and themes/ are measured


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Benchmark this checkout's generator (or --source's), whatever is installed.
    env["PYTHONPATH"] = os.pathsep.join([str(SOURCE_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env.setdefault("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    return env


def generator_command(python: str, site: Path, *args: str) -> list[str]:
    return [python, "-m", "generator", "--root", str(site), *args]


def timed_build(python: str, site: Path) -> tuple[Run, str]:
    """One build subprocess: (wall time, peak RSS and CPU time; its stdout). Raise BuildFailed on failure."""
    command = generator_command(python, site, "build")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=child_env(), cwd=site)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)   # reaped here, not by Popen
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise BuildFailed(command, proc.returncode, stdout + stderr)
    # ru_maxrss is in KiB on Linux. The CPU time counts the processes the build waited for too:
    # steadier than wall time on a shared machine, whose speed can vary within minutes.
    return Run(seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime), stdout


def compile_generator() -> str:
    """Compile the measured generator/ to bytecode once, before any run. An installed package has
    its bytecode (pip compiles it on install, and Python writes it on first import); where
    PYTHONDONTWRITEBYTECODE is set, as on some CI machines, every build would otherwise compile
    about 10,000 lines again, about 0.18 s of each run's start."""
    try:
        compiled = compileall.compile_dir(str(SOURCE_ROOT / "generator"), quiet=2)
    except OSError:
        compiled = False
    if compiled:
        return "compiled before the runs, as in an installed package"
    return "could not be written beside the sources: each run compiles them (slower start)"


def remove_build_state(site: Path) -> None:
    for name in ("output", ".sitegen-cache"):
        shutil.rmtree(site / name, ignore_errors=True)


def count_pages(site: Path, stdout: str) -> int:
    found = re.search(r"Built (\d+) pages", stdout)
    if found:
        return int(found.group(1))
    return sum(1 for _ in (site / "output").rglob("*.html"))


# ---------------------------------------------------------------- edits

class Edits:
    """Remembers every file the benchmark touched, to put the corpus back afterwards."""

    def __init__(self, site: Path):
        self.site = site
        self.originals: dict[Path, bytes] = {}
        self.counter = 0

    def write(self, path: Path, data: bytes) -> None:
        self.originals.setdefault(path, path.read_bytes())
        path.write_bytes(data)

    def append_sentence(self, path: Path, label: str) -> bytes:
        """Append a new paragraph to a meeting; return bytes that identify it in the HTML."""
        self.counter += 1
        marker = f"mätning {self.counter} ({label})"
        sentence = f"\nTillägg vid {marker}: sekreteraren kompletterar anteckningarna.\n"
        self.write(path, path.read_bytes() + sentence.encode("utf-8"))
        return marker.encode("utf-8")

    def change_title(self, path: Path) -> None:
        self.counter += 1
        text = path.read_text(encoding="utf-8")
        head, sep, body = text.partition("\n---\n")
        head, found = re.subn(r"^title: .*$", f"title: Ändrad rubrik vid mätning {self.counter}", head,
                              count=1, flags=re.M)
        if not found:
            raise RuntimeError(f"no title line in {path}")
        self.write(path, (head + sep + body).encode("utf-8"))

    def touch_template(self, path: Path) -> None:
        self.counter += 1
        text = path.read_text(encoding="utf-8")
        comment = f"<!-- benchmark: mallen ändrad, mätning {self.counter} -->\n"
        block = re.search(r"\{%-?\s*block\s+content\s*-?%\}\n?", text)
        if block:   # inside the block, so that the pages' bytes change too
            text = text[: block.end()] + comment + text[block.end():]
        else:
            text += f"{{# benchmark: mallen ändrad, mätning {self.counter} #}}\n"
        self.write(path, text.encode("utf-8"))

    def restore(self) -> None:
        for path, data in self.originals.items():
            path.write_bytes(data)
        self.originals.clear()


def editable_meetings(site: Path) -> list[Path]:
    """Plain meeting files whose page shows the whole body (names published, not cancelled)."""
    found = []
    for path in sorted((site / "content" / "meetings").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "publish_names: false" in text or "status: inställt" in text:
            continue
        found.append(path)
    if len(found) < 3:
        found = sorted((site / "content" / "meetings").glob("*.md"))
    return found


# ---------------------------------------------------------------- serve

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def stop(proc: subprocess.Popen) -> int:
    """Stop the serve process we started (Ctrl-C first); return its peak RSS in KiB."""
    if proc.returncode is not None:
        return 0
    for sig, grace in ((signal.SIGINT, 5.0), (signal.SIGTERM, 3.0), (signal.SIGKILL, 3.0)):
        try:
            if sig == signal.SIGINT:
                os.kill(proc.pid, sig)
            else:       # the process and anything it started (it leads its own session)
                os.killpg(proc.pid, sig)
        except ProcessLookupError:
            pass
        deadline = time.perf_counter() + grace
        while time.perf_counter() < deadline:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                proc.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_maxrss
            time.sleep(0.05)
    return 0


def serve_reload(python: str, site: Path, edits: Edits, meeting: Path, runs: int,
                 startup_timeout: float, reload_timeout: float) -> Row:
    row = Row("serve save→visible")
    port = free_port()
    url = f"http://127.0.0.1:{port}/moten/{meeting.stem}/"
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(generator_command(python, site, "serve", "--port", str(port)),
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            env=child_env(), cwd=site, start_new_session=True)
    rss = 0
    try:
        started = time.perf_counter()
        while fetch(url) is None:
            if proc.poll() is not None:
                row.unavailable = f"serve exited with status {proc.returncode}: {last_line(log)}"
                return row
            if time.perf_counter() - started > startup_timeout:
                row.unavailable = f"serve did not answer within {startup_timeout:.0f} s"
                return row
            time.sleep(0.1)
        ready = time.perf_counter() - started
        time.sleep(1.0)          # let a file watcher settle before the first save
        for _ in range(runs):
            marker = edits.append_sentence(meeting, "serve")
            saved = time.perf_counter()
            while True:
                body = fetch(url)
                if body is not None and marker in body:
                    row.runs.append(Run(time.perf_counter() - saved))
                    break
                if proc.poll() is not None:
                    row.runs.clear()
                    row.unavailable = f"serve exited with status {proc.returncode}: {last_line(log)}"
                    return row
                if time.perf_counter() - saved > reload_timeout:
                    row.runs.clear()
                    row.unavailable = (f"edit not served within {reload_timeout:.0f} s "
                                       "(serve does not rebuild on change yet?)")
                    return row
                time.sleep(0.005)
            time.sleep(0.5)      # one save at a time, as an author works
        row.note = f"server up {ready:.1f} s after start"
        return row
    finally:
        rss = stop(proc)
        log.close()
        for run in row.runs:
            run.rss_kib = rss    # the server process's peak, initial build included


def last_line(log) -> str:
    log.seek(0)
    lines = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no output"


# ---------------------------------------------------------------- the benchmark

def machine_description() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    return (f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load}")


def print_table(rows: list[Row]) -> None:
    header = ["scenario", "median s", "min s", "max s", "median CPU s", "peak RSS MiB", "notes"]
    table = [header] + [row.cells() for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    right = {1, 2, 3, 4, 5}

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.rjust(w) if i in right else c.ljust(w)
                                 for i, (c, w) in enumerate(zip(cells, widths))) + " |"

    print(line(header))
    print("| " + " | ".join(("-" * (w - 1) + ":") if i in right else "-" * w for i, w in enumerate(widths)) + " |")
    for cells in table[1:]:
        print(line(cells))


def run_scenarios(args, site: Path) -> list[Row]:
    python = args.python
    wanted = args.only
    rows: list[Row] = []
    edits = Edits(site)
    meetings = editable_meetings(site)
    first, second, third = (meetings[len(meetings) // 3], meetings[(2 * len(meetings)) // 3],
                            meetings[len(meetings) // 2])
    built = False

    def ensure_built() -> None:
        nonlocal built
        if not built:
            timed_build(python, site)
            built = True

    def progress(name: str) -> None:
        print(f"… {name}", file=sys.stderr, flush=True)

    clean_times: list[float] = []
    try:
        if "clean" in wanted:
            progress("clean build")
            row = Row("clean build")
            pages = 0
            for _ in range(args.runs):
                remove_build_state(site)
                run, stdout = timed_build(python, site)
                row.runs.append(run)
                pages = count_pages(site, stdout)
            clean_times = [r.seconds for r in row.runs]
            row.note = f"{pages} pages, {pages / statistics.median(clean_times):.0f} pages/s"
            rows.append(row)
            built = True
        if "unchanged" in wanted:
            progress("unchanged rebuild")
            ensure_built()
            rows.append(Row("unchanged rebuild", [timed_build(python, site)[0] for _ in range(args.runs)]))
        if "meeting-edit" in wanted:
            progress("one-meeting edit")
            ensure_built()
            row = Row("one-meeting edit (body)", note=f"{first.stem}, {second.stem} alternately")
            for i in range(args.runs):
                edits.append_sentence(first if i % 2 == 0 else second, "build")
                row.runs.append(timed_build(python, site)[0])
            rows.append(row)
        if "title-edit" in wanted:
            progress("one-meeting front-matter edit")
            ensure_built()
            row = Row("one-meeting edit (title)", note=first.stem)
            for _ in range(args.runs):
                edits.change_title(first)
                row.runs.append(timed_build(python, site)[0])
            rows.append(row)
        if "template-edit" in wanted:
            progress("template edit")
            ensure_built()
            template = site / MEETING_TEMPLATE
            row = Row("template edit (meeting.html)")
            if template.is_file():
                for _ in range(args.runs):
                    edits.touch_template(template)
                    row.runs.append(timed_build(python, site)[0])
            else:
                row.unavailable = f"no {MEETING_TEMPLATE.as_posix()} in the theme"
            rows.append(row)
        if "serve" in wanted:
            progress("serve save-to-reload")
            slowest = max(clean_times) if clean_times else 60.0
            startup = args.serve_timeout or 3 * slowest + 30
            reload_timeout = args.serve_timeout or 1.5 * slowest + 3
            rows.append(serve_reload(python, site, edits, third, args.runs, startup, reload_timeout))
    finally:
        edits.restore()      # the corpus's sources as generated (output/ may be stale)
    return rows


def profile_build(site: Path) -> int:
    """One clean build in this process under cProfile; print where the time goes."""
    sys.path.insert(0, str(SOURCE_ROOT))
    os.environ.setdefault("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    # One process, so that the work a process pool would hide in its workers shows up here.
    os.environ.setdefault("SITEGEN_WORKERS", "1")
    from generator import cli
    remove_build_state(site)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    status = profiler.runcall(cli.main, ["--root", str(site), "build"])
    seconds = time.perf_counter() - started
    if status != 0:
        print(f"The profiled build failed with status {status}.", file=sys.stderr)
        return 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\nProfiled clean build: {seconds:.2f} s under cProfile (slower than without), "
          f"SITEGEN_WORKERS={os.environ['SITEGEN_WORKERS']}. Work done in worker processes, if any, "
          "is not in this profile.")
    print(f"Peak RSS: {own:.0f} MiB in this Python process (corpus generation and profiler included), "
          f"{children:.0f} MiB in the largest child process (e.g. the Pagefind indexer).\n")
    for order, limit in (("cumulative", 25), ("tottime", 15)):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order).print_stats(limit)
        text = out.getvalue()
        print(f"Top {limit} by {order} time:")
        print(text[text.find("   ncalls"):].rstrip() + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark sitegen on a generated corpus.")
    parser.add_argument("--n", type=int, default=1000, help="number of meetings in the corpus (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per scenario (default 3)")
    parser.add_argument("--keep", metavar="DIR", help="generate the corpus into DIR and keep it")
    parser.add_argument("--only", default=",".join(SCENARIOS),
                        help=f"comma-separated scenarios to run (default: all of {','.join(SCENARIOS)})")
    parser.add_argument("--profile", action="store_true",
                        help="instead of the table: one clean build under cProfile, top functions")
    parser.add_argument("--serve-timeout", type=float, default=0.0,
                        help="seconds to wait for serve to start and to show an edit (default: from the clean build)")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the generator")
    parser.add_argument("--source", metavar="DIR",
                        help="measure the generator/ and themes/ of another checkout (default: this one), "
                             "e.g. to compare two commits")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)      # the header before the progress lines
    if args.n < 1 or args.runs < 1:
        parser.error("--n and --runs must be at least 1")
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = [name for name in args.only if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenario {unknown[0]!r}; choose from {', '.join(SCENARIOS)}")

    global SOURCE_ROOT
    if args.source:
        SOURCE_ROOT = Path(args.source).resolve()
        if not (SOURCE_ROOT / "generator" / "__main__.py").is_file():
            parser.error(f"{args.source} has no generator/ package")
    temp = None
    if args.keep:
        site = Path(args.keep).resolve()
    else:
        temp = tempfile.TemporaryDirectory(prefix="sitegen-bench-")
        site = Path(temp.name) / "site"
    try:
        started = time.perf_counter()
        files = make_corpus.write_corpus(args.n, site, themes=SOURCE_ROOT / "themes")
        meetings = sum(1 for rel in files if rel.startswith("content/meetings/") and rel.endswith(".md"))
        events = sum(1 for rel in files if rel.startswith("content/events/"))
        size = sum(len(data) for rel, data in files.items() if rel.startswith("content/"))
        print(f"Corpus: {meetings} meetings, {events} events, {size / 1024 / 1024:.1f} MiB of content, "
              f"generated in {time.perf_counter() - started:.1f} s" + (f" into {site}" if args.keep else ""))
        print(f"Machine: {machine_description()}")
        print(f"Bytecode: {compile_generator()}")
        if args.profile:
            return profile_build(site)
        print(f"Runs per scenario: {args.runs}\n")
        try:
            rows = run_scenarios(args, site)
        except BuildFailed as failed:
            print(f"\nA build failed: {failed}\n{failed.output.rstrip()}", file=sys.stderr)
            return 1
        print_table(rows)
        print(f"\nAfter the runs: load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg()) if hasattr(os, 'getloadavg') else 'n/a'}")
        return 0
    finally:
        if temp is not None:
            temp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
