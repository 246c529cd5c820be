"""Every builder renders the basic project without warnings, through the standard visitors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .sphinx_util import cue_ids, read, warnings

BUILDERS = ["html", "dirhtml", "singlehtml", "epub", "latex", "text", "man", "texinfo",
            "gettext", "linkcheck"]
EPISODE_IDS = ["ep-t-00-00-01", "ep-t-00-00-04", "ep-t-00-00-06", "ep-t-00-00-09", "ep-t-00-00-30"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_every_builder_builds_without_warnings(build_root, builder):
    app = build_root("transcript-basic", builder)
    assert warnings(app) == ""
    assert app.statuscode == 0


def test_no_visitor_is_registered_under_a_builder_name(build_root):
    """Visitors go under format names only: one under "epub" would hide every other
    extension's HTML visitors from EPUB (man and texinfo are format and builder both)."""
    app = build_root("transcript-basic", "epub")
    handlers = app.registry.translation_handlers
    ours = {fmt for fmt, table in handlers.items()
            if any(name.startswith("transcript") for name in table)}
    assert ours == {"html", "man", "texinfo"}


def test_dirhtml_links_across_directories(build_root):
    app = build_root("transcript-basic", "dirhtml")
    assert cue_ids(read(app, "episode/index.html")) == EPISODE_IDS
    notes = read(app, "notes/index.html")
    assert 'href="../episode/#ep-t-00-00-06"><span class="xref transcript">his thanks' in notes
    episode = read(app, "episode/index.html")
    match = re.search(r'<audio [^>]*src="(\.\./_downloads/[0-9a-f]+/talk\.wav)"', episode)
    assert match and (Path(app.outdir) / "episode" / match.group(1)).resolve().is_file()


def test_singlehtml_links_within_the_one_page(build_root):
    app = build_root("transcript-basic", "singlehtml")
    html = read(app, "index.html")
    assert cue_ids(html) == [*EPISODE_IDS, "t-00-00-06", "t-00-00-09"]
    assert 'href="#ep-t-00-00-06"><span class="xref transcript">his thanks' in html
    assert 'href="#ep"><span class="xref transcript">ep</span>' in html
    assert 'src="_static/transcript.js' in html


def test_epub_has_anchors_and_falls_back_to_text_for_media(build_root):
    app = build_root("transcript-basic", "epub")
    xhtml = read(app, "episode.xhtml")
    assert cue_ids(xhtml) == EPISODE_IDS
    # EPUB has no downloads: no player, the media is named in plain text.
    assert "<audio" not in xhtml
    assert '<p class="transcript-media">Audio: talk.wav</p>' in xhtml
    assert 'href="#ep-t-00-00-06">00:06</a>' in xhtml


def test_latex_labels_every_cue_and_links_timestamps_and_roles(build_root):
    app = build_root("transcript-basic", "latex")
    tex = read(app, "transcript-basic.tex")
    for ident in EPISODE_IDS:
        assert tex.count(rf"\phantomsection\label{{\detokenize{{episode:{ident}}}}}") == 1
    assert (
        r"\DUrole{transcript-meta}{{\hyperref[\detokenize{episode:ep-t-00-00-01}]"
        r"{\sphinxcrossref{00:01}}} \sphinxstylestrong{Ann}:} "
        r"\phantomsection\label{\detokenize{episode:ep-t-00-00-01}}Welcome to the "
        r"\sphinxstyleemphasis{show}." in tex
    )
    # docutils 0.21 (with Sphinx 7.4) writes the classes as one \DUrole, later ones nest.
    assert (
        r"{\hyperref[\detokenize{episode:ep-t-00-00-06}]{\sphinxcrossref{\DUrole{xref}"
        r"{\DUrole{transcript}{his thanks}}}}}" in tex
        or r"{\hyperref[\detokenize{episode:ep-t-00-00-06}]{\sphinxcrossref{"
        r"\DUrole{xref,transcript}{his thanks}}}}" in tex
    )
    assert r"\phantomsection\label{\detokenize{episode:ep}}" in tex
    assert r"\label{\detokenize{notes:t-00-00-09}}" in tex


def test_text_reads_as_paragraphs_with_times_and_speakers(build_root):
    app = build_root("transcript-basic", "text")
    text = read(app, "episode.txt")
    assert "\n\n".join([
        "Audio: talk.wav",
        "00:01 **Ann**: Welcome to the *show*. Today we talk about **anchors**.",
        "00:06 **Bob**: Thanks, Ann. Really.",
        "00:30 **Bob**: After a long pause, a new paragraph.",
        "Download the transcript (talk.vtt)",
    ]) in text
    assert "**Bob**: 00:06 Thanks, Ann. 00:09 Really." in read(app, "notes.txt")


def test_man_and_texinfo_carry_the_text(build_root):
    man = read(build_root("transcript-basic", "man"), "transcript-basic.1")
    # Sphinx 7.4 sets the timestamp link in italics (\fI\%00:01\fP), later ones plain.
    assert re.search(r"^(\\fI\\%)?00:01(\\fP)? \\fBAnn\\fP: Welcome to the \\fIshow\\fP\\&\.",
                     man, re.M)
    texi = read(build_root("transcript-basic", "texinfo"), "transcript-basic.texi")
    assert "@anchor{episode ep-t-00-00-06}" in texi
    assert "Thanks, Ann." in texi


def test_gettext_leaves_transcript_text_out_of_the_catalogs(build_root):
    app = build_root("transcript-basic", "gettext")
    catalogs = "".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).glob("*.pot"))
    assert 'msgid "After the transcript."' in catalogs
    assert "Welcome to the" not in catalogs
    assert "Thanks, Ann" not in catalogs


def test_linkcheck_sees_only_local_links(build_root):
    app = build_root("transcript-basic", "linkcheck")
    assert (Path(app.outdir) / "output.txt").read_text(encoding="utf-8") == ""
