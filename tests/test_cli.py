"""The command: exit codes, one summary line, errors without tracebacks, output untouched."""
from __future__ import annotations

import subprocess
import sys


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1635724800", "SITEGEN_LANG": "en"}, timeout=120)


def test_build_prints_one_summary_line(site):
    result = run("build", cwd=site.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Built ") and " feeds " in lines[0]


def test_content_error_exits_1_with_path_line_and_no_traceback(site):
    run("build", cwd=site.root)
    index_before = (site.out / "index.html").read_bytes()
    site.add({"meetings/2021-12-01-x.md": "---\ntitle: X\ntype: styrelse\ndate: 2021-02-30\n---\n"})
    result = run("build", cwd=site.root)
    assert result.returncode == 1
    assert "content/meetings/2021-12-01-x.md:4: date: '2021-02-30' is not a date" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site.out / "index.html").read_bytes() == index_before


def test_missing_site_yaml_is_explained(tmp_path):
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("site.yaml:1: site.yaml is missing")


def test_a_folder_that_cannot_be_written_is_explained_without_a_traceback(site):
    result = run("build", "--out", "site.yaml/output", cwd=site.root)   # a file where a folder must be
    assert result.returncode == 1
    assert result.stderr.startswith("sitegen: site.yaml/output/ cannot be made: site.yaml is a file")
    assert "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr and "bug in sitegen" not in result.stderr


def test_a_worker_killed_by_the_system_is_explained_without_a_traceback(tmp_path):
    """The out-of-memory killer ends a worker: the machine's trouble, said plainly, output untouched."""
    import os
    import signal
    import time
    from pathlib import Path
    repo = Path(__file__).resolve().parent.parent
    root = tmp_path / "corpus"
    subprocess.run([sys.executable, str(repo / "benchmarks" / "make_corpus.py"), "--n", "150", "--out", str(root)],
                   check=True, capture_output=True)
    env = {"PATH": "/usr/bin:/bin", "SITEGEN_LANG": "en", "SITEGEN_WORKERS": "2", "PYTHONPATH": str(repo)}
    for _attempt in range(5):
        process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-cache"], cwd=root, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        killed = False
        while process.poll() is None and not killed:
            pids = children.read_text().split() if children.exists() else []
            for pid in pids:
                try:
                    os.kill(int(pid), signal.SIGKILL)
                    killed = True
                    break
                except ProcessLookupError:
                    continue
            time.sleep(0.01)
        out, err = process.communicate(timeout=120)
        if killed and process.returncode != 0:
            break
    assert process.returncode == 2, err
    assert "a worker process stopped unexpectedly" in err and "Nothing was written." in err
    assert "Traceback" not in err and "bug in sitegen" not in err
    assert not (root / "output").exists()
