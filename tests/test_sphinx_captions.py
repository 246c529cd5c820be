"""A video's transcript is also its captions track, converted to WebVTT when it is not.

Real Sphinx builds; the caption files they write are read back with the
package's WebVTT reader (which follows the W3C parser algorithm).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinxcontrib_transcript import load, loads

from .sphinx_util import build_once, read, warnings

SRT = """1
00:00:01,000 --> 00:00:02,500
Ann: Croeso i'r sioe.

2
00:00:02,500 --> 00:00:04,000
Ben: Diolch, Ann.
"""
VTT = "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n00:01.000 --> 00:02.000\n<v Ann>Hello.\n"
PAGE = """Talk
====

.. transcript:: talk.srt
   :name: srt
   :media: clip.webm
   :language: cy

.. transcript:: talk.vtt
   :name: vtt
   :media: clip.mp4

.. transcript:: talk.srt
   :name: audio
   :media: clip.ogg
"""


def project(srcdir: Path) -> Path:
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\nversion = "1"\n'
                                    'copyright = "the test suite"\n')
    (srcdir / "index.rst").write_text(PAGE, encoding="utf-8")
    (srcdir / "talk.srt").write_text(SRT, encoding="utf-8")
    (srcdir / "talk.vtt").write_text(VTT, encoding="utf-8")
    for name in ("clip.webm", "clip.mp4", "clip.ogg"):
        (srcdir / name).write_bytes(b"\x1aE\xdf\xa3 not really a video")
    return srcdir


@pytest.fixture(scope="module", params=["html", "dirhtml"])
def built(request, tmp_path_factory):
    return build_once(project(tmp_path_factory.mktemp("captions")), request.param)


def page_of(app) -> tuple[str, Path]:
    name = "index.html"
    return read(app, name), Path(app.outdir) / name


def tracks(html: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag))
            for tag in re.findall(r"<track [^>]*>", html)]


def test_builds_without_warnings(built):
    assert warnings(built) == ""


def test_each_video_gets_one_captions_track_first_in_the_element(built):
    html, _ = page_of(built)
    videos = re.findall(r"<video [^>]*>(.*?)</video>", html, re.S)
    assert len(videos) == 2
    for video in videos:
        assert video.lstrip().startswith('<track kind="captions"'), video
    found = tracks(html)
    assert [track.get("srclang") for track in found] == ["cy", None]
    assert all(track["kind"] == "captions" and track["label"] == "Captions" for track in found)
    assert "<audio" in html and html.count("<track") == 2  # none for audio


def test_an_srt_transcript_is_converted_to_webvtt_in_the_output(built, tmp_path):
    html, where = page_of(built)
    src = tracks(html)[0]["src"]
    assert src.endswith("/talk.vtt") and "_transcripts/" in src
    path = (where.parent / src).resolve()
    text = path.read_text(encoding="utf-8")
    assert text.startswith("WEBVTT")
    captions = loads(text, format="vtt")
    assert captions.diagnostics == []
    (tmp_path / "talk.srt").write_text(SRT, encoding="utf-8")
    original = load(tmp_path / "talk.srt")
    assert [(c.start_ms, c.end_ms, c.speaker) for c in captions.cues] == \
        [(c.start_ms, c.end_ms, c.speaker) for c in original.cues]
    # Every word is there (the writer keeps SRT's "Ann: " and adds <v Ann>).
    for caption, cue in zip(captions.cues, original.cues, strict=True):
        assert caption.plain_text.endswith(cue.plain_text)


def test_a_webvtt_transcript_is_offered_as_it_is(built):
    html, where = page_of(built)
    src = tracks(html)[1]["src"]
    assert (where.parent / src).read_text(encoding="utf-8") == VTT


def test_a_webvtt_file_a_browser_would_reject_is_converted(tmp_path):
    """Without its WEBVTT line a browser rejects the whole file; the page shows its
    cues (with a lint error), so the captions must hold them too."""
    project(tmp_path)
    (tmp_path / "talk.vtt").write_text(
        "00:01.000 --> 00:02.000\nFirst.\n\n00:02.500 --> 00:03.000\nSecond.\n",
        encoding="utf-8")
    app = build_once(tmp_path, confoverrides={"transcript_lint": False})
    html = read(app, "index.html")
    src = tracks(html)[1]["src"]
    captions = loads((Path(app.outdir) / src).read_text(encoding="utf-8"), format="vtt")
    assert captions.diagnostics == []
    assert [cue.plain_text for cue in captions.cues] == ["First.", "Second."]
    assert "Second." in html


def test_other_builders_leave_captions_out(tmp_path):
    """LaTeX and text drop them; EPUB has no player (no downloads), so no track."""
    for builder in ("latex", "text", "epub"):
        (tmp_path / builder).mkdir()
        app = build_once(project(tmp_path / builder), builder)
        assert warnings(app) == "", builder
        out = Path(app.outdir)
        written = [path for path in out.rglob("*.*") if path.suffix in (".tex", ".txt", ".xhtml")]
        assert written, builder
        assert not any("WEBVTT" in path.read_text(encoding="utf-8") for path in written)
        assert not (out / "_transcripts").exists(), builder


@pytest.mark.browser
def test_chromium_reads_the_captions_track(built, browser):
    """A real browser loads the converted file as the video's captions, cue by cue."""
    from .browser_util import serve

    with serve(built.outdir) as base:
        page = browser.new_page()
        try:
            page.goto(f"{base}index.html")
            page.evaluate("document.querySelector('video').textTracks[0].mode = 'hidden'")
            page.wait_for_function(
                "(document.querySelector('video').textTracks[0].cues || []).length === 2",
                timeout=10_000)
            cues = page.evaluate("""() => {
                const track = document.querySelector('video').textTracks[0];
                return [track.kind, track.language, track.label,
                        Array.from(track.cues, c => [c.startTime, c.endTime, c.text])];
            }""")
        finally:
            page.close()
    assert cues == ["captions", "cy", "Captions", [
        [1, 2.5, "<v Ann>Ann: Croeso i'r sioe."], [2.5, 4, "<v Ben>Ben: Diolch, Ann."],
    ]]
