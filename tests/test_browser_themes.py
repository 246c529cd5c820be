"""The transcript page in five popular themes, light and dark, desktop and phone.

Each theme's project is built once per session (one Sphinx build per theme)
and served locally; one Chromium serves every case.  For each theme, colour
scheme and width, the page is opened at a deep link (and through a role link,
and by a click): the target cue must be the topmost element where it is drawn
and lie fully inside the viewport below the docked player and the theme's own
header; the player's controls must not be hidden under that header.  axe-core
(installed from npm by ``tests/run-all.sh`` into ``tests/.npm``) then checks the
page: a violation whose nodes lie inside the transcript's markup fails the
test; the others belong to the theme and are written to the test output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .browser_util import serve, write_silence

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / ".npm" / "node_modules" / "axe-core" / "axe.min.js"

THEMES = {
    "alabaster": "alabaster",
    "furo": "furo",
    "rtd": "sphinx_rtd_theme",
    "pydata": "pydata_sphinx_theme",
    "book": "sphinx_book_theme",
}
SCHEMES = ["light", "dark"]
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
SECONDS = 180
TARGET = "ep-t-00-01-30"  # a cue in the middle of the transcript
ROLE_TIME = "00:01:30"

INTRO = (
    "This page introduces the talk before its transcript, as a real page does. " * 6
)


def write_vtt(path):
    lines = ["WEBVTT", ""]
    for n in range(SECONDS // 3):
        start = 3 * n
        speaker = "Ann" if (n // 5) % 2 == 0 else "Bob"
        text = f"Cue at {start} seconds, words to read while listening to the talk."
        lines += [
            f"00:{start // 60:02d}:{start % 60:02d}.000 --> "
            f"00:{(start + 3) // 60:02d}:{(start + 3) % 60:02d}.000",
            f"<v {speaker}>{text}", "",
        ]
    path.write_text("\n".join(lines), encoding="utf-8")


def build_theme(root: Path, theme: str) -> Path:
    """Build the test project in *theme* under *root*; returns the HTML directory."""
    srcdir = root / theme
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'project = "Themes"\n'
        f'extensions = ["sphinxcontrib_transcript"]\nhtml_theme = "{THEMES[theme]}"\n'
    )
    (srcdir / "index.rst").write_text(
        "The talk\n========\n\n" + INTRO + "\n\n"
        ".. transcript:: talk.vtt\n   :name: ep\n   :media: silence.wav\n"
        "   :merge: chars=400\n\n"
        "After the talk\n--------------\n\n" + INTRO + "\n\n.. toctree::\n\n   links\n"
    )
    (srcdir / "links.rst").write_text(
        f"Links\n=====\n\nThe moment: :transcript:`ep@{ROLE_TIME}`.\n\n"
        ".. toctree::\n\n   hosted\n"
    )
    # A hosted video, not loaded (so nothing is fetched): its link, button and note.
    (srcdir / "hosted.rst").write_text(
        "Hosted\n======\n\n.. transcript:: talk.vtt\n   :name: yt\n"
        "   :media: https://youtu.be/dQw4w9WgXcQ\n   :download:\n"
    )
    write_vtt(srcdir / "talk.vtt")
    write_silence(srcdir / "silence.wav", SECONDS)
    outdir = srcdir / "_build" / "html"
    # In a separate process: some themes change Sphinx's state for the rest
    # of the process (other tests then see pages without the search box).
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", str(srcdir), str(outdir)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0 and "transcript" not in done.stderr, done.stderr
    return outdir


@pytest.fixture(scope="session")
def theme_sites(tmp_path_factory):
    """Build the project once per theme (lazily) and serve the builds; yields ``url(theme)``."""
    root = tmp_path_factory.mktemp("themes")
    with serve(root) as base:
        built: dict[str, str] = {}

        def url(theme: str) -> str:
            if theme not in built:
                outdir = build_theme(root, theme)
                built[theme] = f"{base}{outdir.relative_to(root).as_posix()}/"
            return built[theme]

        yield url


CASES = [
    pytest.param((theme, scheme, width), id=f"{theme}-{scheme}-{width}")
    for theme in THEMES for scheme in SCHEMES for width in WIDTHS
]


@pytest.fixture
def themed(browser, theme_sites, request):
    """A page of the theme's build, in the case's colour scheme and viewport."""
    theme, scheme, width = request.param
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []  # raised by the extension's scripts (the theme's own are not ours)
    page.on("pageerror", lambda error: errors.append(error)
            if "transcript" in (error.stack or "") else None)
    try:
        yield page, theme_sites(theme)
    finally:
        context.close()
    assert errors == []


# In the page: is the cue drawn on top at both ends and fully below the player?
VISIBLE = """
id => {
  const el = document.getElementById(id);
  const box = document.querySelector('.transcript-media');
  const rects = el.getClientRects();
  const rect = el.getBoundingClientRect();
  const ends = [rects[0], rects[rects.length - 1]].map(r => {
    const x = r.left + Math.min(r.width / 2, 30);
    const hit = document.elementFromPoint(x, r.top + r.height / 2);
    return !!hit && el.contains(hit);
  });
  const player = box.getBoundingClientRect();
  const audio = box.querySelector('audio').getBoundingClientRect();
  const control = document.elementFromPoint(audio.left + 20, audio.top + audio.height / 2);
  return {
    topmost: ends[0] && ends[1],
    below: rect.top >= player.bottom - 0.5,
    inside: rect.top >= 0 && rect.bottom <= window.innerHeight,
    controls: !!control && box.contains(control),
    docked: box.classList.contains('transcript-docked'),
    rect: [rect.top, rect.bottom], player: [player.top, player.bottom],
  };
}
"""


def settle(page):
    """Wait for the player's metadata, the load event and two frames of layout."""
    page.wait_for_function("document.querySelector('audio.transcript-player').readyState >= 1")
    page.wait_for_load_state("load")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_timeout(150)


def assert_visible(page, cue):
    state = page.evaluate(VISIBLE, cue)
    assert state["topmost"] and state["below"] and state["inside"], state
    assert state["controls"], state  # the play button is not under the theme's header
    return state


@pytest.mark.parametrize("themed", CASES, indirect=True)
def test_a_deep_link_a_role_link_and_a_click_show_the_cue_below_the_player(themed):
    page, site = themed
    page.goto(site + "index.html#" + TARGET)
    settle(page)
    state = assert_visible(page, TARGET)
    assert state["docked"]  # the page scrolled past the player: it follows
    assert page.eval_on_selector_all("[aria-current='true']", "e => e.map(x => x.id)") == [TARGET]

    # A role link from another page.
    page.goto(site + "links.html")
    page.locator("a.reference", has_text=ROLE_TIME[3:]).first.click()
    page.wait_for_url("**/index.html#*")
    settle(page)
    cue = page.evaluate("location.hash.slice(1)")
    assert_visible(page, cue)

    # A click on a timestamp further down: one cue marked, shown in full.
    link = page.locator("a.transcript-time", has_text="02:").first
    link.click()
    cue = page.evaluate("location.hash.slice(1)")
    assert cue.startswith("ep-t-00-02-")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert_visible(page, cue)
    marked = page.eval_on_selector_all(
        ".transcript-cue", "els => els.filter(e => getComputedStyle(e).outlineStyle !== 'none')"
        ".map(e => e.id)")
    assert marked == [cue]  # the old :target outline does not linger


# Contrast of the timestamps and the marked cue against what is behind them.
CONTRAST = """
() => {
  function parse(c) {
    let m = c.match(/^rgba?\\(([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = c.match(/^color\\(srgb ([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[\\s\\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    throw new Error('colour not understood: ' + c);
  }
  const over = (top, bottom) => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a)
      .concat([a]);
  };
  function background(el) {
    const layers = [];
    for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255, 1];
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }
  const lum = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  function ratio(el) {
    const bg = background(el);
    const fg = over(parse(getComputedStyle(el).color), bg);
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  }
  const times = [...document.querySelectorAll('a.transcript-time')].map(ratio);
  const current = document.querySelector('[aria-current="true"]');
  return {time: Math.min(...times), current: current ? ratio(current) : null};
}
"""

AXE_RUN = """
async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const ours = [], theirs = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      let el = null;
      try { el = document.querySelector(node.target[node.target.length - 1]); } catch (e) {}
      const mine = !!el && !!el.closest('section[data-transcript]');
      (mine ? ours : theirs).push(v.id + ' ' + node.target.join(' '));
    }
  }
  return {ours, theirs};
}
"""


@pytest.mark.parametrize("themed", CASES, indirect=True)
def test_no_accessibility_violation_in_the_transcript_and_readable_contrast(themed, request):
    assert AXE.is_file(), "axe-core is missing: run tests/run-all.sh (npm install into tests/.npm)"
    page, site = themed
    page.goto(site + "index.html#" + TARGET)
    settle(page)
    contrast = page.evaluate(CONTRAST)
    assert contrast["time"] >= 4.5, contrast
    assert contrast["current"] is not None and contrast["current"] >= 4.5, contrast
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(AXE_RUN)
    if found["theirs"]:  # the theme's own chrome: reported, not ours to fix
        print(f"\n{request.node.callspec.id}: theme violations: " + json.dumps(found["theirs"]))
    assert found["ours"] == []
    # A hosted video's link, load button and note.
    page.goto(site + "hosted.html")
    page.wait_for_selector("button.transcript-load", state="visible")
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN)["ours"] == []
