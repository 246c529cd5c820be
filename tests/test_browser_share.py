"""Share the moment, in a real browser: the "Copy link" button and the "c" key.

The page is built and served as in ``test_browser.py`` (a 30-second silent
WAV, a cue every three seconds); the hosted players are the local stand-ins
of ``test_browser_hosted.py``.  Each test copies a link through the real
clipboard of headless Chromium (read back with ``navigator.clipboard`` in a
context granted the permission), then opens it in a fresh page and checks
where it lands: the cue marked and in view below the player, the player at
that second.  The fallbacks are checked by taking the Clipboard API (and
then ``execCommand``) away from the page.
"""

from __future__ import annotations

import math

import pytest

from .browser_util import serve, write_silence
from .sphinx_util import build_once
from .test_browser import SECONDS, write_vtt
from .test_browser_hosted import hosted_site  # noqa: F401  (a fixture)
from .test_browser_themes import (  # the last two are fixtures
    AXE,
    AXE_RUN,
    TARGET,
    THEMES,
    VISIBLE,
    WIDTHS,
    assert_visible,
    settle,
    theme_sites,  # noqa: F401
    themed,  # noqa: F401
)

pytestmark = pytest.mark.browser

AUDIO = "document.querySelector('audio')"
CLIPBOARD = ["clipboard-read", "clipboard-write"]
NO_CLIPBOARD = "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})"
NO_COMMAND = "document.execCommand = () => false"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The page (and one with ``:share: no``), built and served; yields the base URL."""
    srcdir = tmp_path_factory.mktemp("share")
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    after = "\n\nAfter the talk\n--------------\n\n" + "More words after the talk. " * 300 + "\n"
    (srcdir / "index.rst").write_text(
        "Sharing test\n============\n\n"
        ".. transcript:: talk.vtt\n   :name: ep\n   :media: silence.wav\n   :merge: chars=2000\n"
        + after
    )
    (srcdir / "off.rst").write_text(
        ":orphan:\n\nNot shared\n==========\n\n"
        ".. transcript:: talk.vtt\n   :name: off\n   :media: silence.wav\n   :share: no\n" + after
    )
    write_vtt(srcdir / "talk.vtt")
    write_silence(srcdir / "silence.wav", SECONDS)
    app = build_once(srcdir, freshenv=True)
    assert app.warning.getvalue() == ""
    with serve(app.outdir) as base:
        yield base


def new_page(browser, permissions=CLIPBOARD, script=None):
    """A page in a context of its own; fails on a script error in the page."""
    context = browser.new_context(viewport={"width": 900, "height": 600},
                                  permissions=permissions)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors = page.errors = []
    page.on("pageerror", lambda error: errors.append(error))  # noqa: PLW0108 (Playwright wants a Python function)
    if script:
        page.add_init_script(script)  # this page only: others of the context keep the API
    return page


@pytest.fixture
def page(browser):
    page = new_page(browser)
    yield page
    page.context.close()
    assert page.errors == []


def ready(page):
    page.wait_for_function(f"{AUDIO}.readyState >= 1")


def clear_clipboard(page):
    page.evaluate("navigator.clipboard.writeText('nothing copied yet')")


def clipboard(page) -> str:
    """What is on the browser's clipboard, read from a fresh page of *page*'s site."""
    reader = page.context.new_page()
    try:
        reader.goto(page.url.split("?")[0].split("#")[0])
        return reader.evaluate("navigator.clipboard.readText()")
    finally:
        reader.close()


def status(page) -> str:
    page.wait_for_function("document.querySelector('.transcript-share-status').textContent")
    return page.inner_text(".transcript-share-status")


def marked(page) -> list[str]:
    return page.eval_on_selector_all("[aria-current='true']", "els => els.map(e => e.id)")


def assert_lands(browser, link, cue, seconds):
    """Open *link* in a fresh page: *cue* marked and in view below the player, at *seconds*."""
    page = new_page(browser, permissions=[])
    try:
        page.goto(link)
        ready(page)
        page.wait_for_function(f"Math.abs({AUDIO}.currentTime - {seconds}) < 0.05")
        page.wait_for_load_state("load")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        assert marked(page) == [cue]
        state = page.evaluate(VISIBLE, cue)
        assert state["topmost"] and state["below"] and state["inside"], state
        # The second has done its job: the address names the cue alone.
        assert page.evaluate("[location.search, location.hash]") == ["", f"#{cue}"]
        assert page.errors == []
    finally:
        page.context.close()


def test_the_button_copies_the_playing_moment_and_the_link_lands_there(page, site, browser):
    page.goto(site + "index.html")
    ready(page)
    button = page.get_by_role("button", name="Copy link to this moment")
    assert button.inner_text() == "Copy link"
    page.evaluate(f"{AUDIO}.currentTime = 19.4")
    page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-18'")
    clear_clipboard(page)
    button.click()
    assert status(page) == "Link copied"
    assert page.get_attribute(".transcript-share-status", "role") == "status"
    link = clipboard(page)
    assert link == site + "index.html?t=19#ep-t-00-00-18"
    assert_lands(browser, link, "ep-t-00-00-18", 19)
    # The message goes away after a while.
    page.wait_for_function("!document.querySelector('.transcript-share-status').textContent",
                           timeout=6_000)


def test_the_key_copies_the_moment_being_played(page, site, browser):
    page.goto(site + "index.html")
    ready(page)
    timestamp = page.locator("a.transcript-time").first
    timestamp.focus()
    page.keyboard.press("Enter")  # plays from 00:00
    page.wait_for_function(f"{AUDIO}.currentTime > 4.2", timeout=8_000)
    page.keyboard.press("k")
    page.wait_for_function(f"{AUDIO}.paused")
    seconds = page.evaluate(f"{AUDIO}.currentTime")
    clear_clipboard(page)
    page.keyboard.press("c")
    assert status(page) == "Link copied"
    cue = f"ep-t-00-00-{3 * int(seconds // 3):02d}"
    link = clipboard(page)
    assert link == f"{site}index.html?t={math.floor(seconds)}#{cue}"
    # The focus stays where the reader was.
    assert page.evaluate("document.activeElement.matches('a.transcript-time')")
    assert_lands(browser, link, cue, math.floor(seconds))


def test_at_a_cues_start_the_link_is_its_anchor_and_other_queries_go(page, site):
    page.goto(site + "index.html?utm_source=feed#ep-t-00-00-12")
    ready(page)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 12) < 0.05")
    clear_clipboard(page)
    page.get_by_role("button", name="Copy link to this moment").click()
    assert status(page) == "Link copied"
    assert clipboard(page) == site + "index.html#ep-t-00-00-12"


@pytest.mark.parametrize("query", ["t=25", "t=abc", "t=-3"])
def test_a_second_outside_the_linked_cue_only_opens_the_cue(page, site, query):
    page.goto(f"{site}index.html?{query}#ep-t-00-00-18")
    ready(page)
    page.wait_for_load_state("load")
    assert page.evaluate(f"{AUDIO}.currentTime") == pytest.approx(18, abs=0.05)
    assert marked(page) == ["ep-t-00-00-18"]
    assert page.evaluate("location.search") == ""


def test_without_the_clipboard_api_execcommand_copies(browser, site):
    page = new_page(browser, script=NO_CLIPBOARD)
    try:
        page.goto(site + "index.html")
        ready(page)
        assert page.evaluate("navigator.clipboard") is None
        page.evaluate(f"{AUDIO}.currentTime = 7.5")
        page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-06'")
        button = page.get_by_role("button", name="Copy link to this moment")
        button.focus()
        page.keyboard.press("Enter")
        assert status(page) == "Link copied"
        assert clipboard(page) == site + "index.html?t=7#ep-t-00-00-06"
        # The scratch text area is gone and the focus is back on the button.
        assert page.locator(".transcript-share-scratch").count() == 0
        focused = "document.activeElement.classList.contains('transcript-share-button')"
        assert page.evaluate(focused)
        assert page.errors == []
    finally:
        page.context.close()


def test_when_nothing_can_copy_the_link_is_shown_selected(browser, site):
    page = new_page(browser, script=f"{NO_CLIPBOARD}; {NO_COMMAND}")
    try:
        page.goto(site + "index.html")
        ready(page)
        page.evaluate(f"{AUDIO}.currentTime = 22")
        page.wait_for_function("document.querySelector('[aria-current]')?.id === 'ep-t-00-00-21'")
        field = page.get_by_role("textbox", name="Link to this moment")
        assert not field.is_visible()
        page.get_by_role("button", name="Copy link to this moment").click()
        assert status(page) == "Copy the selected link"
        link = site + "index.html?t=22#ep-t-00-00-21"
        assert field.is_visible() and field.input_value() == link
        assert page.evaluate(
            "(() => { const f = document.activeElement; return f.tagName === 'INPUT' && "
            "f.selectionStart === 0 && f.selectionEnd === f.value.length; })()")
        page.add_script_tag(path=str(AXE))
        assert page.evaluate(AXE_RUN)["ours"] == []
        # The reader copies it by hand; leaving the field puts it away.
        page.keyboard.press("Control+C")
        assert clipboard(page) == link
        page.keyboard.press("Tab")
        assert not field.is_visible()
        assert page.errors == []
    finally:
        page.context.close()


def test_turned_off_there_is_no_control_but_links_still_open_at_their_second(page, site):
    page.goto(site + "off.html?t=19#off-t-00-00-18")
    ready(page)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 19) < 0.05")
    assert page.get_attribute(".transcript-media", "data-share") == "off"
    assert page.locator(".transcript-share").count() == 0
    clear_clipboard(page)
    page.locator("a.transcript-time").first.focus()
    page.keyboard.press("c")
    page.wait_for_timeout(300)
    assert clipboard(page) == "nothing copied yet"


def test_without_javascript_no_control_and_a_shared_link_opens_the_cue(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "index.html?t=19#ep-t-00-00-18")
        assert page.locator(".transcript-share, button").count() == 0
        assert page.locator(":target").get_attribute("id") == "ep-t-00-00-18"
        page.locator("a.transcript-time").nth(1).click()
        assert page.url.endswith("#ep-t-00-00-12")
    finally:
        context.close()


def test_the_control_and_its_message_pass_axe(page, site):
    assert AXE.is_file(), "axe-core is missing: run tests/run-all.sh (npm install into tests/.npm)"
    page.goto(site + "index.html#ep-t-00-00-24")
    ready(page)
    page.get_by_role("button", name="Copy link to this moment").click()
    assert status(page) == "Link copied"
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN)["ours"] == []


@pytest.mark.parametrize("service", ["youtube", "vimeo", "peertube"])
def test_a_hosted_player_shares_its_second(browser, hosted_site, service):  # noqa: F811
    site, _ = hosted_site
    page = new_page(browser)
    try:
        page.goto(f"{site}{service}.html")
        page.locator("button.transcript-load").click()
        page.wait_for_function("window.__standins && window.__standins.length === 1")
        page.locator("a.transcript-time", has_text="00:20").click()
        page.wait_for_function("window.__standins[0].playing() && "
                               "window.__standins[0].time() > 21.2", timeout=6_000)
        page.locator("a.transcript-time", has_text="00:20").focus()
        page.keyboard.press("k")
        page.wait_for_function("!window.__standins[0].playing()")
        page.wait_for_timeout(400)  # the service reports where it paused
        seconds = math.floor(page.evaluate("window.__standins[0].time()"))
        assert seconds in (21, 22, 23)
        cue = f"{service}-t-00-00-{2 * (seconds // 2):02d}"
        clear_clipboard(page)
        page.get_by_role("button", name="Copy link to this moment").click()
        assert status(page) == "Link copied"
        link = clipboard(page)
        if seconds % 2:
            assert link == f"{site}{service}.html?t={seconds}#{cue}"
        else:  # paused on the very second a cue starts: its anchor says it all
            assert link == f"{site}{service}.html#{cue}"
        assert page.errors == []
    finally:
        page.context.close()
    # Opened: the cue is marked at once; the player, once loaded, starts at that second.
    page = new_page(browser, permissions=[])
    try:
        page.goto(link)
        assert marked(page) == [cue]
        assert page.evaluate("location.search") == ""
        page.locator("button.transcript-load").click()
        page.wait_for_function("window.__standins && window.__standins.length === 1")
        page.wait_for_function(f"window.__standins[0].calls.includes('seek {seconds}')")
        assert page.evaluate("window.__standins[0].time()") == pytest.approx(seconds, abs=0.05)
        assert marked(page) == [cue]
        assert page.errors == []
    finally:
        page.context.close()


def test_the_key_leaves_typing_and_shortcuts_with_modifiers_alone(page, site):
    page.goto(site + "index.html")
    ready(page)
    clear_clipboard(page)
    page.locator("a.transcript-time").first.focus()
    for key in ("Control+c", "Alt+c", "k"):
        page.keyboard.press(key)
    page.evaluate(f"{AUDIO}.pause()")
    # In a text field of the transcript (as a site might add), "c" is a letter.
    page.evaluate("""() => {
        const input = document.createElement('input');
        input.id = 'note';
        document.querySelector('section[data-transcript]').appendChild(input);
    }""")
    page.locator("#note").focus()
    page.keyboard.type("cc")
    assert page.input_value("#note") == "cc"
    page.wait_for_timeout(200)
    assert page.inner_text(".transcript-share-status") == ""
    assert clipboard(page) == "nothing copied yet"


THEMED = [pytest.param(("alabaster", "light", "phone"), id="alabaster-light-phone")] + [
    pytest.param((theme, "dark", width), id=f"{theme}-dark-{width}")
    for theme in THEMES for width in WIDTHS
]

# In the page: is the button drawn on top at its centre, inside the window?
BUTTON_SHOWN = """
() => {
  const button = document.querySelector('.transcript-share-button');
  const rect = button.getBoundingClientRect();
  const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  return button.contains(hit) && rect.left >= 0 && rect.right <= window.innerWidth
    && rect.top >= 0 && rect.bottom <= window.innerHeight;
}
"""


@pytest.mark.parametrize("themed", THEMED, indirect=True)
def test_in_every_theme_the_docked_control_copies_and_the_link_lands(themed):  # noqa: F811
    page, url = themed
    page.context.grant_permissions(CLIPBOARD)
    page.goto(url + "index.html#" + TARGET)
    settle(page)
    assert page.evaluate("document.querySelector('.transcript-docked') !== null")
    assert page.evaluate(BUTTON_SHOWN)
    page.evaluate(f"{AUDIO}.currentTime = 91.5")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 91.5) < 0.05")
    clear_clipboard(page)
    page.locator(".transcript-share-button").click()
    assert status(page) == "Link copied"
    link = clipboard(page)
    assert link == f"{url}index.html?t=91#{TARGET}"
    page.goto(link)
    settle(page)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 91) < 0.05")
    assert_visible(page, TARGET)
    assert page.evaluate("[location.search, location.hash]") == ["", f"#{TARGET}"]
