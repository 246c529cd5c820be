"""HTML builds of tests/roots/test-transcript-basic: anchors, links, player, assets."""

from __future__ import annotations

import json
import re
import zlib
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from .sphinx_util import cue_ids, read, transcript_sections, warnings

EPISODE_IDS = ["ep-t-00-00-01", "ep-t-00-00-04", "ep-t-00-00-06", "ep-t-00-00-09", "ep-t-00-00-30"]


@pytest.fixture(scope="module")
def built(build_root):
    return build_root("transcript-basic")


def test_builds_without_warnings(built):
    assert warnings(built) == ""


def test_every_cue_has_its_stable_anchor(built):
    html = read(built, "episode.html")
    assert cue_ids(html) == EPISODE_IDS
    # The named transcript itself is a target too.
    assert re.search(r'<section aria-label="Transcript: ep"[^>]* id="ep"', html)


def test_each_paragraph_shows_time_speaker_and_its_timestamp_is_the_permalink(built):
    (section,) = transcript_sections(read(built, "episode.html"))
    paragraphs = re.findall(r'<p class="transcript-paragraph">(.*?)</p>', section, re.S)
    assert len(paragraphs) == 3
    metas = [re.search(r'<span class="transcript-meta">(.*?)</span>', p).group(1)
             for p in paragraphs]
    assert metas[0] == (
        # No separate ¶ (furo shows it, other themes leave its gap).
        '<a class="transcript-time reference internal" href="#ep-t-00-00-01">00:01</a>'
        " <strong>Ann</strong>:"
    )
    assert 'href="#ep-t-00-00-06">00:06</a>' in metas[1] and "<strong>Bob</strong>" in metas[1]
    assert 'href="#ep-t-00-00-30">00:30</a>' in metas[2] and "<strong>Bob</strong>" in metas[2]


def test_cues_keep_their_times_and_webvtt_markup_becomes_nodes(built):
    html = read(built, "episode.html")
    assert (
        '<span class="transcript-cue" id="ep-t-00-00-01" data-start="1" data-end="4">'
        "Welcome to the <em>show</em>.</span>" in html
    )
    assert (
        '<span class="transcript-cue" id="ep-t-00-00-04" data-start="4" data-end="6.5">'
        "Today we talk about <strong>anchors</strong>.</span>" in html
    )
    assert 'a <span class="vtt-loud">new</span> paragraph.' in html


def test_the_player_plays_the_copied_media(built):
    html = read(built, "episode.html")
    match = re.search(
        r'<div class="transcript-media transcript-sticky">\s*'
        r'<audio class="transcript-player" controls="" '
        r'preload="metadata" src="(_downloads/[0-9a-f]+/talk\.wav)">Audio: <a [^>]*>talk\.wav</a>'
        r"</audio></div>",
        html,
    )
    assert match is not None
    assert (Path(built.outdir) / match.group(1)).stat().st_size == 844


def test_the_download_link_offers_the_transcript(built):
    html = read(built, "episode.html")
    match = re.search(r'<p class="transcript-download"><a [^>]*href="(_downloads/[0-9a-f]+/'
                      r'talk\.vtt)">Download the transcript \(talk\.vtt\)</a></p>', html)
    assert match is not None
    copied = (Path(built.outdir) / match.group(1)).read_bytes()
    assert copied == (Path(built.srcdir) / "media" / "talk.vtt").read_bytes()


def test_language_class_and_label(built):
    (section,) = transcript_sections(read(built, "episode.html"))
    opening = section[: section.index(">") + 1]
    assert opening == (
        '<section aria-label="Transcript: ep" class="transcript featured" data-transcript="" '
        'id="ep" lang="en">'
    )


def test_role_links_go_to_the_cue_containing_the_moment(built):
    html = read(built, "notes.html")
    links = re.findall(r'<a class="reference internal" href="([^"]+)"><span class="xref '
                       r'transcript">([^<]+)</span></a>', html)
    assert links == [
        ("episode.html#ep-t-00-00-01", "ep 00:00:01"),
        ("episode.html#ep-t-00-00-06", "his thanks"),
        ("episode.html#ep-t-00-00-30", "ep 00:00:31"),
        ("episode.html#ep", "ep"),
    ]


def test_an_excerpt_shows_its_cues_with_the_full_transcripts_anchors(built):
    (section,) = transcript_sections(read(built, "notes.html"))
    assert cue_ids(section) == ["t-00-00-06", "t-00-00-09"]
    # :timestamps: all: a time link in every cue, none in the paragraph head.
    assert section.count('class="transcript-time') == 2
    assert '<span class="transcript-meta"><strong>Bob</strong>:</span>' in section


def test_assets_only_on_pages_with_a_transcript(built):
    for page, expected in [("episode.html", True), ("notes.html", True),
                           ("plain.html", False), ("index.html", False),
                           ("genindex.html", False), ("search.html", False)]:
        html = read(built, page)
        assert ('src="_static/transcript.js' in html) is expected, page
        assert ('href="_static/transcript.css' in html) is expected, page
    html = read(built, "episode.html")
    assert re.search(
        r'<script data-autoscroll-label="Follow the media" data-scroll-offset="0" '
        r'defer="defer" src="_static/transcript\.js\?v=[0-9a-f]+"></script>', html)
    static = Path(built.outdir) / "_static"
    assert (static / "transcript.js").read_bytes() == (
        Path(__file__).parent.parent / "sphinxcontrib_transcript/static/transcript.js"
    ).read_bytes()
    assert (static / "transcript.css").is_file()


def inventory(app) -> list[str]:
    """The object lines of objects.inv (format 2: four header lines, then zlib)."""
    data = (Path(app.outdir) / "objects.inv").read_bytes()
    body = data.split(b"\n", 4)[4]
    return zlib.decompress(body).decode().splitlines()


def test_named_transcripts_and_cues_reach_objects_inv(built):
    lines = [line for line in inventory(built) if line.split()[1].startswith("transcript:")]
    assert lines == [
        "ep transcript:transcript 1 episode.html#$ -",  # "$": the anchor is the name
        "ep@00:00:01 transcript:cue -1 episode.html#ep-t-00-00-01 ep 00:00:01",
        "ep@00:00:04 transcript:cue -1 episode.html#ep-t-00-00-04 ep 00:00:04",
        "ep@00:00:06 transcript:cue -1 episode.html#ep-t-00-00-06 ep 00:00:06",
        "ep@00:00:09 transcript:cue -1 episode.html#ep-t-00-00-09 ep 00:00:09",
        "ep@00:00:30 transcript:cue -1 episode.html#ep-t-00-00-30 ep 00:00:30",
    ]


def test_cues_stay_out_of_the_search_objects(built):
    index = read(built, "searchindex.js")
    assert '"ep"' in index
    assert "ep@00:00" not in index
    # The transcript text itself is searchable.
    assert '"anchor"' in index


def test_assets_policy_always_puts_them_on_every_page(tmp_path):
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinxcontrib_transcript"]\n'
        "def setup(app):\n    app.set_html_assets_policy('always')\n"
    )
    (tmp_path / "index.rst").write_text("No transcript\n=============\n\nJust text.\n")
    app = SphinxTestApp("html", srcdir=tmp_path, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    html = read(app, "index.html")
    assert 'src="_static/transcript.js' in html and 'href="_static/transcript.css' in html


def test_other_builders_get_no_static_files(build_root):
    for builder in ("latex", "text", "epub"):
        outdir = Path(build_root("transcript-basic", builder).outdir)
        found = {p.name for p in outdir.rglob("transcript.*")}
        # EPUB is an HTML format: it gets the files; the others do not.
        assert found == ({"transcript.js", "transcript.css"} if builder == "epub" else set())


def test_speakers_are_searchable_but_shown_once(built):
    index = json.loads(re.fullmatch(r"Search\.setIndex\((.*)\)", read(built, "searchindex.js"),
                                    re.S).group(1))
    episode = index["docnames"].index("episode")
    found = index["terms"]["bob"]
    assert episode in (found if isinstance(found, list) else [found])
    html = read(built, "episode.html")
    assert html.count("<strong>Bob</strong>") == 2  # two paragraphs of Bob, no hidden copies
