"""Hostile transcripts and options render as text: no element or attribute we do not mean.

tests/roots/test-transcript-hostile shows four transcripts (WebVTT, SRT,
timestamped text, Podcasting 2.0 JSON) full of ``<script>``, ``onerror``,
``javascript:``/``data:`` URLs, ``</v>`` and entity tricks, bidi overrides,
control characters and a 10,000-character speaker name, with hostile values
in every option.  The built HTML is parsed and every element and attribute
inside the transcripts is checked against what the extension emits.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from .sphinx_util import read, scan, transcript_sections, warnings

#: Every element the extension emits inside a transcript, with its attributes.
ALLOWED: dict[str, set[str]] = {
    "section": {"aria-label", "class", "data-transcript", "id", "lang"},
    "div": {"class"},
    "audio": {"class", "controls", "preload", "src"},
    "video": {"class", "controls", "preload", "src"},
    "p": {"class"},
    "span": {"class", "id", "data-start", "data-end", "lang"},
    "a": {"class", "href", "title", "download"},
    "strong": {"class"},
    "em": {"class"},
    "ruby": {"class"},
    "rt": {"class"},
    "rp": {"class"},
}
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("transcript-hostile")


@pytest.fixture(scope="module")
def html(app):
    return read(app, "index.html")


def test_all_five_transcripts_render(html):
    assert scan(html).count == 5


def test_only_the_elements_and_attributes_we_emit(html):
    found = scan(html)
    for tag, attributes in found.elements:
        assert tag in ALLOWED, (tag, attributes)
        assert set(attributes) <= ALLOWED[tag], (tag, attributes)
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value.startswith(("#", "_downloads/", "https://example.com/a.mp3?q=")), (
                    tag, value)


def test_no_script_reaches_the_page_from_a_transcript(html):
    for section in transcript_sections(html):
        assert "<script" not in section.lower()
        assert "<img" not in section.lower()
        assert "javascript:" not in re.findall(r'(?:href|src)="([^"]*)"', section)


def test_markup_and_entities_are_shown_as_text(html):
    text = "".join(scan(html).text)
    # Decoded character references stay text: "&lt;script&gt;" is shown as <script>.
    assert "<script>alert('entity')</script> &lt;b&gt; <i>" in text
    # Timestamped text and JSON have no markup: their tags are words.
    assert "<b onmouseover=alert('txt')>Speaker</b>: hi <script>alert('txt')</script>" in text
    assert "</p><script>alert('json')</script>" in text
    assert "<img src=x onerror=alert('json')>" in text
    # Renamed speakers are text too.
    assert "<script>alert('speakers')</script>" in text
    # URLs in cue text are not links.
    assert "javascript:alert('link') data:text/html,x https://example.com/?q=" in text


def test_hostile_option_values_are_neutralised(html):
    (first,) = [s for s in transcript_sections(html) if "alert(&#x27;name" in s
                or "alert('name" in s]
    opening = first[: first.index(">") + 1]
    assert opening == (
        '<section aria-label="Transcript: &quot;&gt;&lt;script&gt;alert(\'name\')&lt;/script&gt;"'
        ' class="transcript x onclick-alert-class" data-transcript=""'
        ' id="script-alert-name-script">'
    )
    assert 'src="https://example.com/a.mp3?q=&quot;&gt;&lt;script&gt;alert(&#x27;media&#x27;)' \
        '&lt;/script&gt;"' in first
    assert "&lt;script&gt;alert('download')&lt;/script&gt;" in html


def test_refused_media_leave_no_trace(app, html):
    refused = [line for line in warnings(app).splitlines() if "[transcript.media]" in line]
    assert len(refused) == 4
    assert html.count("<audio") == 1
    urls = [value or "" for _, attributes in scan(html).elements
            for name, value in attributes.items() if name in ("href", "src")]
    for value in ("javascript", "data:", "file:", "script:alert('tab')"):
        assert not [url for url in urls if value in url.lower()]


def test_bidi_controls_are_closed_within_their_cue(html):
    cues = re.findall(r'<span class="transcript-cue"[^>]*>(.*?)</span>(?= |</p>)', html, re.S)
    with_bidi = [cue for cue in cues if BIDI.search(cue)]
    assert len(with_bidi) == 2
    for cue in with_bidi:
        assert cue.endswith("embedding\u202c\u2069\u202c\u202c")


def test_control_characters_become_replacement_characters(html):
    assert "control \ufffd\ufffd\ufffd characters" in html
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", html)


def test_a_ten_thousand_character_speaker_is_just_text(html):
    assert html.count("<strong>" + "A" * 10_000 + "</strong>:") == 3


def test_deep_markup_is_flattened_not_a_crash(html):
    assert "deep" in html
    assert html.count("<em>") < 100


def test_ruby_keeps_its_annotation_readable(html):
    assert "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>" in html


def test_text_quotes_stay_as_written(html):
    assert "‘" not in html and "’" not in html


def test_epub_xhtml_stays_well_formed(build_root):
    app = build_root("transcript-hostile", "epub", epub_copyright="x", version="1")
    ElementTree.fromstring((app.outdir / "index.xhtml").read_bytes())
