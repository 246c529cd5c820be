"""Every reader's format renders as paragraphs: JSON words, SRT and text speakers, sniffing."""

from __future__ import annotations

import re

import pytest

from .sphinx_util import read, transcript_sections, warnings


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-formats")


@pytest.fixture(scope="module")
def sections(app):
    found = transcript_sections(read(app, "index.html"))
    return {re.search(r' id="([^"]+)"', s).group(1): s for s in found}


def paragraphs(section: str) -> list[str]:
    """Each paragraph's text, markup removed."""
    found = re.findall(r'<p class="transcript-paragraph">(.*?)</p>', section, re.S)
    return [re.sub(r"<[^>]+>", "", p).replace("¶", "") for p in found]


def test_builds_without_warnings(app):
    assert warnings(app) == ""


def test_word_level_json_reads_as_prose_with_renamed_speakers(sections):
    assert paragraphs(sections["words"]) == ["00:00 Ann Lee: Hello, world.", "00:02 Bob: Hi!"]
    ids = re.findall(r'class="transcript-cue" id="([^"]+)"', sections["words"])
    assert ids == ["words-t-00-00-00", "words-t-00-00-00-2", "words-t-00-00-00-3",
                   "words-t-00-00-01", "words-t-00-00-02", "words-t-00-00-02-2"]


def test_srt_and_text_speakers_carry_over(sections):
    expected = ["00:01 Ann: Welcome to the show. Still Ann here.", "00:06 Bob: Thanks."]
    assert paragraphs(sections["srt"]) == expected
    assert paragraphs(sections["txt"]) == expected
    assert paragraphs(sections["mime"]) == expected


def test_a_txt_file_holding_webvtt_is_sniffed(sections):
    # :merge: none: a paragraph per cue, each naming its (carried-over) speaker.
    assert paragraphs(sections["sniffed"]) == ["00:01 Ann: One.", "00:02 Ann: Two."]


def test_encoding_option(sections):
    assert paragraphs(sections["latin"]) == ["00:01 Café crème."]


def test_a_name_that_is_no_id_still_prefixes_the_anchors(app, sections):
    section = sections["transcript-33"]
    ids = re.findall(r'class="transcript-cue" id="([^"]+)"', section)
    assert ids == ["transcript-33-t-00-00-06"]
    html = read(app, "index.html")
    assert 'href="#transcript-33-t-00-00-06"><span class="xref transcript">33 00:00:07' in html
