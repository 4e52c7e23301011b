"""`sitegen publish TARGET`: only changed files are copied, stale ones go only with --delete, a
dry run changes nothing, and TARGET can never be the site itself."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from generator.authoring import publish
from generator.authoring.publish import PublishError, is_remote, local_target, rsync_command, sync_folder


@pytest.fixture
def built(tmp_path) -> Path:
    """A site folder whose output/ holds a small built site."""
    root = tmp_path / "webb"
    files = {"index.html": "<h1>Start</h1>", "moten/a/index.html": "<h1>A</h1>", "static/site.1.css": "body{}"}
    for rel, text in files.items():
        (root / "output" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "output" / rel).write_text(text, encoding="utf-8")
    return root


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_first_publish_copies_everything_and_the_next_only_what_changed(built, tmp_path):
    server = tmp_path / "server"
    first = sync_folder(built / "output", server)
    assert sorted(first.copied) == ["index.html", "moten/a/index.html", "static/site.1.css"]
    assert tree(server) == tree(built / "output")
    (built / "output/moten/a/index.html").write_text("<h1>A, rättad</h1>", encoding="utf-8")
    again = sync_folder(built / "output", server)
    assert (again.copied, again.unchanged) == (["moten/a/index.html"], 2)
    assert tree(server) == tree(built / "output")


def test_stale_files_stay_unless_delete_is_given(built, tmp_path):
    server = tmp_path / "server"
    sync_folder(built / "output", server)
    (server / "moten/gammalt").mkdir()
    (server / "moten/gammalt/index.html").write_text("borttaget möte", encoding="utf-8")
    kept = sync_folder(built / "output", server)
    assert kept.stale == ["moten/gammalt/index.html"] and (server / "moten/gammalt/index.html").exists()
    sync_folder(built / "output", server, delete=True)
    assert tree(server) == tree(built / "output")
    assert not (server / "moten/gammalt").exists(), "the emptied folder goes too"


def test_a_dry_run_reports_and_changes_nothing(built, tmp_path):
    server = tmp_path / "server"
    server.mkdir()
    (server / "gammal.html").write_text("x", encoding="utf-8")
    out = io.StringIO()
    code = publish.publish_command(built, str(server), delete=True, dry_run=True, out=out)
    assert code == 0
    assert tree(server) == {"gammal.html": "x"}
    lines = out.getvalue().splitlines()
    assert "would copy: index.html" in lines and "would delete: gammal.html" in lines
    assert lines[-1].startswith("Dry run: 3 files to copy, 0 unchanged, 1 to delete")


@pytest.mark.parametrize("target", [".", "output", "output/www", "content", ".."])
def test_a_target_that_would_harm_the_site_is_refused(built, target):
    (built / "content").mkdir()
    with pytest.raises(PublishError):
        local_target(built, built / target)


def test_without_a_built_site_publish_says_to_build_first(tmp_path):
    err = io.StringIO()
    assert publish.publish_command(tmp_path, str(tmp_path / "server"), err=err) == 1
    assert err.getvalue().startswith("sitegen publish: there is no built site") and "sitegen build" in err.getvalue()
    assert not (tmp_path / "server").exists()


def test_a_symbolic_link_in_the_target_cannot_lead_a_copy_elsewhere(built, tmp_path):
    server, elsewhere = tmp_path / "server", tmp_path / "elsewhere"
    server.mkdir()
    elsewhere.mkdir()
    (server / "moten").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(PublishError, match="symbolic link"):
        sync_folder(built / "output", server)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("target, remote", [
    ("webb@webbhotell.example.se:public_html/", True), ("webbhotell:www", True),
    ("public_html", False), ("./a:b", False), ("C:\\www", False), ("/srv/www", False),
])
def test_user_at_host_colon_folder_goes_over_ssh(target, remote):
    assert is_remote(target) is remote


def test_the_rsync_command_sends_the_contents_of_output_and_passes_the_options(tmp_path):
    command = rsync_command(tmp_path / "output", "webb@host:www/", delete=True, dry_run=True)
    assert command[0] == "rsync" and {"--checksum", "--delete", "--dry-run"} <= set(command)
    assert command[-3:] == ["--", f"{tmp_path / 'output'}/", "webb@host:www/"]
    assert "--delete" not in rsync_command(tmp_path / "output", "host:www")
    with pytest.raises(PublishError):
        rsync_command(tmp_path / "output", "-e sh:x")


def test_without_rsync_a_remote_target_is_one_clear_line(built, monkeypatch):
    monkeypatch.setattr(publish.shutil, "which", lambda name: None)
    err = io.StringIO()
    assert publish.publish_command(built, "webb@host:www/", err=err) == 1
    assert err.getvalue() == ("sitegen publish: rsync is not installed — install it (e.g. apt-get install rsync), "
                              "or publish to a folder the web server reads\n")


def test_the_command_publishes_and_says_what_it_did(built, tmp_path):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(REPO), "SITEGEN_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "generator", "publish", str(tmp_path / "server")], cwd=built,
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"3 files copied, 0 unchanged → {tmp_path / 'server'}"
    assert tree(tmp_path / "server") == tree(built / "output")
