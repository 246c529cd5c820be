"""The player follows a transcript across its chapter sections, in headless Chromium.

The chapters project's episode (tests/roots/test-transcript-chapters), with
80 seconds of silence as its media, served locally: the chapters are
``<section>`` elements inside the one ``<section data-transcript>``, and the
player's clicks, marks and links work in every chapter.
"""

from __future__ import annotations

import shutil

import pytest

from .browser_util import serve, write_silence
from .conftest import TESTS
from .sphinx_util import build_once, warnings

pytestmark = pytest.mark.browser

ROOT = TESTS / "roots" / "test-transcript-chapters"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("browser-chapters")
    for name in ("talk.vtt", "talk.chapters.json"):
        shutil.copyfile(ROOT / name, srcdir / name)
    write_silence(srcdir / "silence.wav", seconds=80)
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text(
        "Episode\n=======\n\n.. transcript:: talk.vtt\n   :name: ep\n   :media: silence.wav\n")
    app = build_once(srcdir, freshenv=True)
    assert warnings(app) == ""
    with serve(app.outdir) as base:
        yield base + "index.html"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 900, "height": 600})
    page = context.new_page()
    yield page
    context.close()


def ready(page):
    page.wait_for_function("document.querySelector('audio.transcript-player').readyState >= 1")


def current(page) -> list[str]:
    return page.eval_on_selector_all("[aria-current='true']", "els => els.map(e => e.id)")


def test_a_timestamp_in_a_later_chapter_seeks_and_marks_its_cue(page, site):
    page.goto(site)
    ready(page)
    link = page.locator("#ep-ch-questions-answers a.transcript-time").first
    assert link.inner_text() == "01:00"
    link.click()
    page.wait_for_function("Math.abs(document.querySelector('audio').currentTime - 60) < 0.05")
    assert current(page) == ["ep-t-00-01-00"]
    assert page.evaluate("location.hash") == "#ep-t-00-01-00"


def test_playing_marks_cues_in_each_chapter(page, site):
    page.goto(site)
    ready(page)
    for second, cue, chapter in [(2, "ep-t-00-00-01", "ep-ch-introduction"),
                                 (21, "ep-t-00-00-20", "ep-ch-keystone-pipelines"),
                                 (45, "ep-t-00-00-44", "ep-ch-keystone-pipelines"),
                                 (65, "ep-t-00-01-04", "ep-ch-questions-answers")]:
        page.evaluate(f"document.querySelector('audio').currentTime = {second}")
        page.wait_for_function(f"document.querySelector('[aria-current]')?.id === '{cue}'")
        assert current(page) == [cue]
        assert page.eval_on_selector(f"#{cue}", "el => el.closest('section').id") == chapter


def test_a_link_to_a_chapter_opens_it_without_moving_the_player(page, site):
    page.goto(site + "#ep-ch-keystone-pipelines")
    ready(page)
    assert page.evaluate("document.querySelector(':target').id") == "ep-ch-keystone-pipelines"
    top = page.eval_on_selector("#ep-ch-keystone-pipelines h2",
                                "el => el.getBoundingClientRect().top")
    assert 0 <= top < 600  # the chapter's heading is in view
    assert page.evaluate("document.querySelector('audio').currentTime") == 0
