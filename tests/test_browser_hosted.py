"""Hosted players in a real browser, against local stand-ins of their player APIs.

YouTube, Vimeo and PeerTube cannot be reached from the tests, so a second
local server (another origin, as the services are) plays each service:
``tests/standins/`` holds a stand-in for the YouTube IFrame API, Vimeo's
Player.js and PeerTube's embed API, each implementing the documented
methods and events over a fake clock that runs in real time while
"playing".  ``transcript_hosted_players`` points the build at them.  The
tests check that nothing is requested from the service before the reader
presses the load button, and then that the transcript syncs through the API:
a click seeks (also one made before loading), the playing cue is marked, an
opened anchor seeks.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .sphinx_util import build_once

pytestmark = pytest.mark.browser

STANDINS = Path(__file__).parent / "standins"
APIS = {
    "youtube": "youtube_iframe_api.js",
    "vimeo": "vimeo_player.js",
    "peertube": "peertube_player.js",
}
MEDIA = {
    "youtube": "https://youtu.be/dQw4w9WgXcQ",
    "vimeo": "https://vimeo.com/76979871",
    "peertube": "https://tube.example.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
}


class StandinHandler(SimpleHTTPRequestHandler):
    """Serves ``/<service>/api.js`` (the clock and the service's API) and
    ``/<service>/embed/...`` (an empty player page); remembers every request."""

    requests: list[str]

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.requests.append(self.path)
        service, _, rest = self.path.lstrip("/").partition("/")
        if service in APIS and rest == "api.js":
            body = (STANDINS / "clock.js").read_bytes() + (STANDINS / APIS[service]).read_bytes()
            kind = "text/javascript"
        elif service in APIS and rest.startswith("embed/"):
            body, kind = (STANDINS / "embed.html").read_bytes(), "text/html"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory, handler=SimpleHTTPRequestHandler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def write_vtt(path):
    lines = ["WEBVTT", ""]
    for n in range(20):
        start = 2 * n
        lines += [f"00:00:{start:02d}.000 --> 00:00:{start + 2:02d}.000",
                  f"<v Ann>Cue at {start} seconds, a sentence of the talk.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def hosted_site(tmp_path_factory):
    """A page per service, built against the stand-ins; yields (site URL, requests seen)."""
    requests: list[str] = []
    handler = type("Handler", (StandinHandler,), {"requests": requests})
    standin, standin_url = serve(STANDINS, handler)
    players = {
        service: {"embed": f"{standin_url}{service}/embed/{{id}}?"
                           + ("api=1" if service == "peertube" else "enablejsapi=1"),
                  "api": f"{standin_url}{service}/api.js"}
        for service in APIS
    }
    srcdir = tmp_path_factory.mktemp("hosted")
    (srcdir / "conf.py").write_text(
        f'extensions = ["sphinxcontrib_transcript"]\ntranscript_hosted_players = {players!r}\n'
    )
    write_vtt(srcdir / "talk.vtt")
    for service, url in MEDIA.items():
        (srcdir / f"{service}.rst").write_text(
            f"{service}\n{'=' * len(service)}\n\n"
            f".. transcript:: talk.vtt\n   :name: {service}\n   :media: {url}\n"
            # A timestamp per cue: in paragraphs of their own, and (YouTube) within one.
            + ("   :timestamps: all\n" if service == "youtube" else "   :merge: none\n")
            + "\nAfter the talk\n--------------\n\n" + "More words after the talk. " * 300 + "\n"
        )
    (srcdir / "excerpt.rst").write_text(
        "Excerpt\n=======\n\n.. transcript:: talk.vtt\n   :name: part\n"
        f"   :media: {MEDIA['vimeo']}\n   :start: 4\n   :end: 7\n   :merge: none\n"
    )
    (srcdir / "index.rst").write_text("Talks\n=====\n\n.. toctree::\n\n   youtube\n   vimeo\n"
                                      "   peertube\n   excerpt\n")
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    site, site_url = serve(app.outdir)
    try:
        yield site_url, requests
    finally:
        for server in (site, standin):
            server.shutdown()
            server.server_close()


@pytest.fixture
def page(browser):
    """A page that fails the test if a script error is raised in it."""
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))  # noqa: PLW0108 (Playwright wants a Python function)
    yield page
    context.close()
    assert errors == []


def player_time(page) -> float:
    return page.evaluate("window.__standins[0].time()")


def marked(page) -> list[str]:
    return page.eval_on_selector_all("[aria-current='true']", "els => els.map(e => e.id)")


@pytest.mark.parametrize("service", list(MEDIA))
def test_the_player_loads_only_when_asked_then_syncs(page, hosted_site, service):
    site, requests = hosted_site
    requests.clear()
    page.goto(f"{site}{service}.html")
    button = page.locator("button.transcript-load")
    assert button.is_visible()
    note = page.locator(".transcript-consent").inner_text()
    assert "Nothing is loaded" in note and "127.0.0.1" in note
    # A timestamp clicked before loading marks its cue and waits for the player.
    page.locator("a.transcript-time", has_text="00:10").click()
    assert page.evaluate("location.hash") == f"#{service}-t-00-00-10"
    assert marked(page) == [f"{service}-t-00-00-10"]
    assert requests == []  # nothing from the service yet
    button.click()
    page.wait_for_function("window.__standins && window.__standins.length === 1")
    embed = page.evaluate("window.__standins[0].embed")
    assert f"/{service}/embed/" in embed
    assert any(path == f"/{service}/api.js" for path in requests)
    # The pending seek and play reach the player once it is ready.
    page.wait_for_function("window.__standins[0].playing()")
    assert 10 <= player_time(page) < 12
    # A click seeks and plays.
    page.locator("a.transcript-time", has_text="00:20").click()
    page.wait_for_function("window.__standins[0].calls.includes('seek 20')")
    assert 20 <= player_time(page) < 22
    # Playing moves the mark along, through the service's API.
    page.wait_for_function(f"document.querySelector('[aria-current]')?.id === "
                           f"'{service}-t-00-00-22'", timeout=6_000)
    # Opening an anchor seeks.
    page.evaluate(f"location.hash = '#{service}-t-00-00-30'")
    page.wait_for_function("window.__standins[0].calls.includes('seek 30')")
    page.wait_for_function(f"document.querySelector('[aria-current]')?.id === "
                           f"'{service}-t-00-00-30'")
    # The play/pause shortcut reaches the hosted player too.
    page.locator("a.transcript-time", has_text="00:30").focus()
    page.keyboard.press("k")
    page.wait_for_function("!window.__standins[0].playing()")


@pytest.mark.parametrize("service", ["youtube", "vimeo"])
def test_a_loaded_video_docks_as_a_mini_player_that_hides_no_cue(page, hosted_site, service):
    from .test_browser_themes import AXE, AXE_RUN, VISIBLE

    site, _ = hosted_site
    page.goto(f"{site}{service}.html")
    page.locator("button.transcript-load").click()
    page.wait_for_function("window.__standins && window.__standins.length === 1")
    page.wait_for_selector(".transcript-consent", state="hidden")  # it has done its job
    frame = page.eval_on_selector("iframe.transcript-frame",
                                  "f => f.getBoundingClientRect().width")
    assert frame > 600  # full width while in the flow of the page
    cue = f"{service}-t-00-00-34"
    page.evaluate(f"location.hash = '#{cue}'")
    page.wait_for_function("window.__standins[0].calls.includes('seek 34')")
    page.wait_for_function("document.querySelector('.transcript-docked')")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    size = page.eval_on_selector(
        "iframe.transcript-frame", "f => [f.getBoundingClientRect().width, f.offsetHeight]")
    assert size == [192, 108]
    visible = VISIBLE.replace("box.querySelector('audio')", "box.querySelector('iframe')")
    state = page.evaluate(visible, cue)
    assert state["topmost"] and state["below"] and state["inside"], state
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN)["ours"] == []


def test_a_hosted_excerpt_holds(page, hosted_site):
    site, _ = hosted_site
    page.goto(f"{site}excerpt.html")
    page.locator("button.transcript-load").click()
    page.wait_for_function("window.__standins && window.__standins.length === 1")
    # Loaded at 0:00, the player is brought to :start:.
    page.wait_for_function("window.__standins[0].calls.includes('seek 4')")
    page.locator("a.transcript-time").first.focus()
    for _ in range(2):  # it stops at :end:, and playing again starts over
        page.keyboard.press("k")
        page.wait_for_function("window.__standins[0].playing()")
        assert player_time(page) < 5
        page.wait_for_function("!window.__standins[0].playing()", timeout=6_000)
        assert 7 <= player_time(page) < 7.5


def test_without_javascript_timestamps_open_the_service_at_that_second(browser, hosted_site):
    site, _ = hosted_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site}youtube.html")
        hrefs = page.eval_on_selector_all("a.transcript-time", "els => els.map(e => e.href)")
        assert hrefs[5] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s"
        assert not page.locator("button.transcript-load").is_visible()
    finally:
        context.close()
