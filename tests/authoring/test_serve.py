"""`sitegen serve` for real: a subprocess on 127.0.0.1 that rebuilds on save, shows content errors
in the browser until they are fixed, pushes reloads to open pages and never dies on a bad file."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import html5lib
import pytest

from conftest import FEDERATIONS, MEETING, PROJECTS, SiteTree, text_of

MEETING_FILE = "meetings/2021-11-17-forbundschefsmote.md"
WAIT = 20  # seconds: generous for a busy machine; a passing run takes a fraction of it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`python -m generator serve` in a site folder, stopped with Ctrl-C (SIGINT) at the end."""

    def __init__(self, root):
        self.port = free_port()
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1635724800"}   # the fixture sites' 'today'
        self.process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(self.port)],
                                        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True)
        self.stdout = self.stderr = ""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(self.url(path), timeout=5) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def wait_until(self, what: str, predicate):
        """Poll `predicate` until it returns something true; fail after WAIT seconds or if the server died."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server died while waiting for {what}"
            try:
                found = predicate()
            except (urllib.error.URLError, ConnectionError, OSError):
                found = None
            if found:
                return found
            time.sleep(0.05)
        pytest.fail(f"timed out after {WAIT} s waiting for {what}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stdout, self.stderr = self.process.communicate()
        return self.process.returncode


@pytest.fixture
def serve():
    started: list[Server] = []

    def start(tree: SiteTree) -> Server:
        server = Server(tree.root)
        started.append(server)
        return server

    yield start
    for server in started:       # always stop, even when the test failed half-way
        server.stop()


def parse(body: bytes):
    return html5lib.parse(body, treebuilder="lxml", namespaceHTMLElements=False)


def h1(server: Server, path: str) -> str | None:
    status, body = server.get(path)
    return text_of(parse(body).find(".//h1")) if status == 200 else None


def edit(tree: SiteTree, rel: str, old: str, new: str) -> None:
    path = tree.root / "content" / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.mark.swedish
def test_edit_break_and_fix_a_file_while_the_server_runs(site, serve):
    page = "/moten/2021-11-17-forbundschefsmote/"
    server = serve(site)
    server.wait_until("the first build", lambda: h1(server, page) == "Förbundschefsmöte 17 november 2021")

    edit(site, MEETING_FILE, "title: Förbundschefsmöte 17 november 2021", "title: FC-möte i november")
    server.wait_until("the edited title", lambda: h1(server, page) == "FC-möte i november")

    edit(site, MEETING_FILE, "date: 2021-11-17", "date: 2021-13-45")
    status, body = server.wait_until("the error page", lambda: (lambda r: r if r[0] == 500 else None)(server.get(page)))
    doc = parse(body)
    assert doc.getroot().get("lang") == "sv"
    assert text_of(doc.find(".//h1")) == "Webbplatsen kunde inte byggas"
    problems = {text_of(li.find(".//*[@class='field']")): li for li in doc.findall(".//ol[@class='problems']/li")}
    date = problems["date"]
    assert text_of(date.find(".//*[@class='where']")) == "content/meetings/2021-11-17-forbundschefsmote.md:5"
    assert text_of(date.find(".//*[@class='message']")) == "'2021-13-45' är inget datum"
    assert text_of(date.find(".//*[@class='fix']")) == ("Så rättar du det: skriv ÅÅÅÅ-MM-DD, till exempel "
                                                       "2021-11-17, eller ÅÅÅÅ-MM när dagen inte är känd")
    # Swedish only: none of the English source texts shows through.
    page_text = text_of(doc.find(".//main")) + text_of(doc.find(".//title"))
    for english in ("is not a", "write ", "did you mean", "How to fix", "error", "could not", "Warning"):
        assert english not in page_text
    # Every page shows the error while the build is broken, even ones the broken file does not touch…
    assert server.get("/projekt/mia/")[0] == 500
    # …but stylesheets and feeds of the last good build are still served.
    stylesheet = doc.find(".//link[@rel='stylesheet']")
    assert stylesheet is None or server.get(stylesheet.get("href"))[0] == 200
    assert server.get("/kalender.ics")[0] == 200

    edit(site, MEETING_FILE, "date: 2021-13-45", "date: 2021-11-17")
    server.wait_until("the page to come back", lambda: h1(server, page) == "FC-möte i november")
    assert server.process.poll() is None

    assert server.stop() == 0
    assert "Stoppat." in server.stdout
    first_count = re.search(r"Byggde (\d+) sidor", server.stdout).group(1)   # the build before the mistake
    assert f"Rättat: webbplatsen går att bygga igen. Byggde {first_count} sidor" in server.stdout
    # The terminal said the same as the browser, without a traceback.
    assert "content/meetings/2021-11-17-forbundschefsmote.md:5: date: '2021-13-45' är inget datum" in server.stderr
    assert "2 problem: webbläsaren visar dem tills de är rättade; output/ är oförändrad." in server.stderr
    assert "Traceback" not in server.stderr


def test_a_site_broken_at_start_is_served_as_the_error_page_until_fixed(site, serve):
    edit(site, MEETING_FILE, "federations: [roslagen, Sundbyberg]", "federations: [Rosslagen]")
    server = serve(site)
    status, body = server.wait_until("the error page", lambda: (lambda r: r if r[0] == 500 else None)(server.get("/")))
    where = [text_of(li.find(".//*[@class='where']")) for li in parse(body).findall(".//ol[@class='problems']/li")]
    assert where == ["content/meetings/2021-11-17-forbundschefsmote.md:10"]
    edit(site, MEETING_FILE, "federations: [Rosslagen]", "federations: [roslagen]")
    server.wait_until("the home page", lambda: server.get("/")[0] == 200)


def test_pages_are_served_under_the_base_url_path(tmp_path, serve):
    tree = SiteTree(tmp_path / "site", base_url="https://example.se/natverk/")
    tree.add(FEDERATIONS).add(PROJECTS).add({MEETING_FILE: MEETING})
    server = serve(tree)
    server.wait_until("the home page", lambda: server.get("/natverk/")[0] == 200)
    doc = parse(server.get("/natverk/projekt/mia/")[1])
    assert text_of(doc.find(".//h1")) == "MIA"
    assert server.get("/")[0] == 200                       # / redirects to /natverk/ (urllib follows it)
    assert server.get("/projekt/mia/")[0] == 404           # outside the base path nothing is served


def test_the_open_page_is_told_to_reload_after_a_save(site, serve):
    """Speak livereload's protocol like the injected script does and wait for the reload command."""
    from tornado.websocket import websocket_connect

    server = serve(site)
    server.wait_until("the first build", lambda: server.get("/")[0] == 200)
    assert b"livereload.js" in server.get("/")[1]           # the script that opens this connection

    async def listen_for_reload() -> dict:
        connection = await asyncio.wait_for(websocket_connect(f"ws://127.0.0.1:{server.port}/livereload"), WAIT)
        try:
            await connection.write_message(json.dumps({"command": "hello", "protocols": [
                "http://livereload.com/protocols/official-7"]}))
            hello = json.loads(await asyncio.wait_for(connection.read_message(), WAIT))
            assert hello["command"] == "hello"
            await connection.write_message(json.dumps({"command": "info", "url": server.url("/")}))
            await asyncio.sleep(0.3)                        # let the server register this page
            edit(site, MEETING_FILE, "Kipa hälsar välkommen.", "Kipa hälsar alla välkomna.")
            while True:
                message = await asyncio.wait_for(connection.read_message(), WAIT)
                assert message is not None, "the server closed the connection"
                data = json.loads(message)
                if data.get("command") == "reload":
                    return data
        finally:
            connection.close()

    message = asyncio.run(listen_for_reload())
    assert message["path"] == "*"                            # a full reload: stylesheet names change on rebuild
    status, body = server.get("/moten/2021-11-17-forbundschefsmote/")
    assert "Kipa hälsar alla välkomna." in text_of(parse(body).find(".//section[@class='minutes-body']"))


def test_a_port_in_use_is_a_plain_error(site):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=site.root,
                                capture_output=True, text=True, timeout=WAIT)
    assert result.returncode == 1
    assert f"port {port} is already in use" in result.stderr
    assert "Traceback" not in result.stderr
