"""Hosted videos in ``:media:``: the embed, the consent note, moment links, refusals.

Real Sphinx builds (HTML, text and LaTeX) of a project that names a YouTube
video in each URL shape, a Vimeo and a PeerTube video, an HLS playlist and a
web page.  The browser side is in ``test_browser_hosted.py``.
"""

from __future__ import annotations

import doctest
import re
from html import unescape

import pytest

from sphinxcontrib_transcript.sphinxext import hosted, media

from .sphinx_util import build_once, read, warnings

YOUTUBE = {
    "watch": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x",
    "short": "https://youtu.be/dQw4w9WgXcQ",
    "shorts": "https://www.youtube.com/shorts/dQw4w9WgXcQ",
    "embed": "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
}
OTHERS = {
    "vimeo": "https://vimeo.com/76979871",
    "peertube": "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
    "hls": "https://cdn.example.org/live/talk.m3u8",
    "page": "https://example.org/talks/33",
}
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nHello.\n\n00:01:05.500 --> 00:01:08.000\nBye.\n"


def write_project(srcdir, conf=""):
    (srcdir / "conf.py").write_text(f'extensions = ["sphinxcontrib_transcript"]\n{conf}')
    (srcdir / "talk.vtt").write_text(VTT, encoding="utf-8")
    pages = {**YOUTUBE, **OTHERS}
    for page, url in pages.items():
        (srcdir / f"{page}.rst").write_text(
            f"{page}\n{'=' * len(page)}\n\n.. transcript:: talk.vtt\n   :name: {page}\n"
            f"   :media: {url}\n"
        )
    (srcdir / "index.rst").write_text(
        "Talks\n=====\n\n.. toctree::\n\n" + "".join(f"   {page}\n" for page in pages)
    )


@pytest.fixture(scope="module")
def html(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("hosted-html")
    write_project(srcdir)
    return build_once(srcdir, freshenv=True)


def media_box(app, page):
    match = re.search(r'<div class="transcript-media[^"]*"[^>]*>.*?</div>',
                      read(app, f"{page}.html"), re.S)
    assert match, page
    return match[0]


@pytest.mark.parametrize("page", list(YOUTUBE))
def test_every_youtube_url_shape_embeds_the_privacy_enhanced_player(html, page):
    box = media_box(html, page)
    assert 'data-service="youtube"' in box
    embed = unescape(re.search(r'data-embed="([^"]*)"', box)[1])
    assert embed.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?enablejsapi=1")
    assert 'data-api="https://www.youtube.com/iframe_api"' in box
    # Nothing is loaded before the reader asks, and the page says so.
    assert "<iframe" not in box and "<script" not in box
    assert '<button type="button" class="transcript-load">Load the YouTube player</button>' in box
    assert "Nothing is loaded from YouTube until you press the button" in box
    assert "www.youtube-nocookie.com, www.youtube.com" in box
    # The link for readers without JavaScript.
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in box


@pytest.mark.parametrize(("page", "moments"), [
    ("watch", ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=1s",
               "https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=65s"]),
    ("vimeo", ["https://vimeo.com/76979871#t=1s", "https://vimeo.com/76979871#t=65s"]),
    ("peertube", ["https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=1s",
                  "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d?start=65s"]),
])
def test_timestamps_link_to_the_service_at_that_second(html, page, moments):
    links = re.findall(r'<a class="transcript-time reference external" href="([^"]*)" '
                       r'data-cue="([^"]*)">', read(html, f"{page}.html"))
    assert [href for href, _ in links] == moments
    assert [cue for _, cue in links] == [f"{page}-t-00-00-01", f"{page}-t-00-01-05"]


def test_vimeo_and_peertube_embeds(html):
    vimeo = media_box(html, "vimeo")
    assert 'data-embed="https://player.vimeo.com/video/76979871?dnt=1"' in vimeo
    assert 'data-api="https://player.vimeo.com/api/player.js"' in vimeo
    peertube = media_box(html, "peertube")
    assert ('data-embed="https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d'
            '?api=1&amp;warningTitle=0"') in peertube
    assert "Load the PeerTube player" in peertube


def test_a_url_that_is_neither_a_file_nor_a_service_is_refused(html):
    found = warnings(html)
    hls = re.search(r"hls\.rst:4: WARNING: media '[^']*talk\.m3u8' refused: an HLS playlist"
                    r"[^\n]*YouTube, Vimeo, PeerTube video URL \[transcript\.media\]", found)
    page = re.search(r"page\.rst:4: WARNING: media 'https://example\.org/talks/33' refused: it "
                     r"is neither an audio or video file nor a known video service; [^\n]*"
                     r"\.mp3[^\n]*\[transcript\.media\]", found)
    assert hls and page, found
    assert len(found.strip().splitlines()) == 2
    # The transcript itself is still shown, without a player.
    assert "transcript-media" not in read(html, "hls.html")
    assert 'id="hls-t-00-00-01"' in read(html, "hls.html")


def test_the_endpoints_are_configurable(tmp_path):
    write_project(tmp_path, 'transcript_hosted_players = {"vimeo": {"embed": '
                            '"http://127.0.0.1:9/v/{id}", "api": "http://127.0.0.1:9/v.js"}}\n')
    app = build_once(tmp_path, freshenv=True)
    box = media_box(app, "vimeo")
    assert 'data-embed="http://127.0.0.1:9/v/76979871"' in box
    assert 'data-api="http://127.0.0.1:9/v.js"' in box
    assert "connects to 127.0.0.1:9." in box


def test_a_wrong_endpoint_is_one_warning_and_the_default_is_used(tmp_path):
    write_project(tmp_path, 'transcript_hosted_players = {"vimeo": {"embed": "http://x/{video}"}, '
                            '"dailymotion": {}}\n')
    app = build_once(tmp_path, freshenv=True)
    found = warnings(app)
    assert ("WARNING: transcript_hosted_players: embed 'http://x/{video}' of 'vimeo' is not a "
            "template with {id} (and {host}): 'video'; the default is used "
            "[transcript.config]") in found
    assert "unknown service 'dailymotion'; give youtube, vimeo or peertube" in found
    assert 'data-embed="https://player.vimeo.com/video/76979871?dnt=1"' in media_box(app, "vimeo")


@pytest.mark.parametrize("builder", ["text", "latex"])
def test_other_builders_link_timestamps_to_the_service(tmp_path, builder):
    write_project(tmp_path)
    app = build_once(tmp_path, builder, freshenv=True)
    if builder == "text":
        out = read(app, "vimeo.txt")
        assert "Vimeo video: https://vimeo.com/76979871" in out
    else:
        out = next(p for p in app.outdir.glob("*.tex")).read_text(encoding="utf-8")
        assert r"\sphinxhref{https://vimeo.com/76979871\#t=65s}{01:05}" in out
        assert r"\sphinxhref{https://www.youtube.com/watch?v=dQw4w9WgXcQ\&t=65s}{01:05}" in out


@pytest.mark.parametrize("module", [hosted, media])
def test_the_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
