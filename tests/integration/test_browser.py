"""A built report opened in headless Chromium: every image loads, no script runs, no console error.

The report is built over a small synthetic corpus (one article carries ``<script>`` in its title and text), so
the test also proves that corpus strings reach the pages as text: an executed script would open a dialog or
log an error. Chromium comes from the system's packages (``apt-get install chromium``; ``.ci/run`` installs
it) and is driven by Playwright; ``playwright install`` is never needed.
"""
from __future__ import annotations

import functools
import http.server
import threading
import urllib.request
from pathlib import Path

import pytest

from analysis.report.run import build_report
from tests.integration.test_report import report_notebooks, write_synthetic_corpus

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}: install it with "
                       "`apt-get install -y chromium chromium-driver` (.ci/run does so) to run the browser test"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    corpus = write_synthetic_corpus(root / "corpus")
    return build_report(corpus, "browser", {"focus_actor": "Xi Jinping"}, reports_dir=root / "reports",
                        notebooks=report_notebooks())


@pytest.fixture(scope="module")
def server(report):
    """The report folder served over HTTP on a free localhost port, as a reader's browser would fetch it."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep the test output clean
            pass

        def do_GET(self):
            if self.path == "/favicon.ico":  # browsers ask for one on their own; a 404 here is not the report's
                self.send_response(204)
                self.end_headers()
                return
            super().do_GET()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(report)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), headless=True,
            args=FLAGS, viewport={"width": 1200, "height": 900})
        yield context
        context.close()


def visit(browser, url: str) -> tuple[list[dict], list[str], object]:
    """Open ``url``; return its images (source, loaded), the errors seen, and the page."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}")
            if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url}"))
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url} answered {response and response.status}"
    images = page.evaluate("""Array.from(document.images).map(img => (
        {src: img.getAttribute('src').slice(0, 60), loaded: img.complete && img.naturalWidth > 0}))""")
    return images, problems, page


def test_index_page_renders_with_every_figure_and_link(browser, server, report):
    images, problems, page = visit(browser, f"{server}/index.html")
    assert problems == []
    assert len(images) == len(list((report / "figures").glob("*.png"))) >= 3
    assert [image for image in images if not image["loaded"]] == []
    assert page.title() == "Report: browser"
    body = page.inner_text("body")
    assert "<em>empty.txt" in body  # the file name with markup shows as text
    assert "Xi Jinping" in body and "All 3 notebooks ran." in body
    links = page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert {"00-start-here.html", "01-ingest.html", "05-report.html", "report.json"} <= set(links)
    for link in sorted(set(links)):
        with urllib.request.urlopen(f"{server}/{link}") as answer:  # every link resolves inside the report
            assert answer.status == 200, link
    page.close()


@pytest.mark.parametrize("name", ["05-report.html", "00-start-here.html"])
def test_notebook_page_renders_offline_with_every_image(browser, server, name):
    images, problems, page = visit(browser, f"{server}/{name}")
    assert problems == []
    assert images and [image for image in images if not image["loaded"]] == []
    if name == "05-report.html":
        text = page.inner_text("body")
        assert "<script>alert('x')</script>" in text  # shown as text, never run (a dialog would be a problem above)
        assert "Xi Jinping is named 2 times" in text
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    page.close()
