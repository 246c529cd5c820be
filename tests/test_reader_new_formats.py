"""Whisper JSON, SubViewer, TTML and Podcasting 2.0 HTML: small files written
for each layout of the survey (docs/formats.rst), asserting cues, times,
speakers, word timings and positions exactly; and the layouts the older
readers already read, as the survey met them."""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript import Word
from sphinxcontrib_transcript.readers import load, loads, sniff
from sphinxcontrib_transcript.readers.discover import skip_reason


def cues(transcript):
    return [(c.start_ms, c.end_ms, c.speaker, c.plain_text, c.line, c.text_line)
            for c in transcript.cues]


def problems(transcript):
    return [(d.line, d.column, d.rule) for d in transcript.diagnostics]


# -- 6. Whisper / WhisperX JSON ---------------------------------------------------

WHISPERX = """\
{"text": " Hello there. Bye.", "language": "en",
 "segments": [
  {"id": 0, "start": 0.0, "end": 1.9, "text": " Hello there.",
   "words": [{"word": " Hello", "start": 0.0, "end": 0.6, "score": 0.91},
             {"word": " there.", "start": 0.6, "end": 1.9}],
   "speaker": "SPEAKER_00"},
  {"id": 1, "start": 2.25, "end": 3.0, "text": " Bye \ufffd 42.",
   "words": [{"word": " Bye", "start": 2.25, "end": 2.5}, {"word": " 42."}]}
 ]}
"""


def test_whisperx_json(tmp_path) -> None:
    path = tmp_path / "episode.json"
    path.write_text(WHISPERX, encoding="utf-8")
    transcript = load(path)
    assert transcript.format == "whisper"
    assert transcript.metadata == {"language": "en"}
    assert problems(transcript) == []
    assert cues(transcript) == [
        (0, 1900, "SPEAKER_00", "Hello there.", 3, 3),
        (2250, 3000, None, "Bye \ufffd 42.", 7, 7),
    ]
    first, second = transcript.cues
    assert first.text == " Hello there."  # as written; the plain text has no leading space
    assert first.words == (Word(0, 600, " Hello"), Word(600, 1900, " there."))
    # WhisperX leaves a number unaligned: the word is kept, without times.
    assert second.words == (Word(2250, 2500, " Bye"), Word(None, None, " 42."))


def test_whisper_json_is_not_linted_as_podcasting() -> None:
    from sphinxcontrib_transcript.lint import lint_bytes

    found = [(p.line, p.column, p.rule) for p in lint_bytes(WHISPERX.encode(), "ep.json")]
    # The real U+FFFD is the one finding: no json-schema, no no-cues.
    assert found == [(7, 54, "replacement-character")]


def test_whisper_problems_are_placed_at_their_segment() -> None:
    source = ('{"segments": [\n {"start": 0, "end": 1, "text": " A"},\n'
              ' {"start": "soon", "text": " B"},\n {"start": 2, "end": -1, "text": 5}\n]}')
    transcript = loads(source, format="whisper")
    assert problems(transcript) == [(3, 2, "json-schema"), (4, 2, "json-schema"),
                                    (4, 2, "json-schema")]
    assert cues(transcript) == [(0, 1000, None, "A", 2, 2), (2000, None, None, "", 4, 4)]


def test_json_told_apart_by_content() -> None:
    podcasting = '{"version": "1.0.0", "segments": [{"startTime": 1, "body": "x"}]}'
    assert sniff(podcasting) == "json"
    assert sniff(WHISPERX) == "whisper"
    assert loads(podcasting, format="json").format == "json"
    assert loads(WHISPERX, format="json").format == "whisper"
    # Whisper writes the whole text first: discovery looks past it.
    long = '{"text": "' + "word " * 5000 + '", "segments": [{"start": 0, "end": 1}]}'
    assert skip_reason(long.encode(), ".json") is None
    # word_timings.json of layout 11 is no transcript.
    assert skip_reason(b'[[" word", 0.0, 0.5]]', ".json") is not None


# -- 8. YouTube SubViewer ---------------------------------------------------------

SBV = """\
0:00:01.760,0:00:02.880
Good evening.

0:00:03.100,0:00:05.000
Second caption,
on two lines.
"""


def test_subviewer(tmp_path) -> None:
    path = tmp_path / "captions.sbv"
    path.write_text(SBV, encoding="utf-8")
    transcript = load(path)
    assert transcript.format == "sbv"
    assert sniff(SBV) == "sbv"
    assert problems(transcript) == []
    assert cues(transcript) == [
        (1760, 2880, None, "Good evening.", 1, 2),
        (3100, 5000, None, "Second caption,\non two lines.", 4, 5),
    ]


def test_subviewer_deviations_one_report_each() -> None:
    source = ("Intro\n\n0:00:01.000,0:00:02.000\nOne\n0:00:02.000,0:00:03.000\nTwo\n\nStray\n\n"
              "0:00:61.000,0:00:62.000\nKept words\n")
    transcript = loads(source, format="sbv")
    assert problems(transcript) == [
        (1, 1, "untimed-line"), (5, 1, "missing-blank-line"), (8, 1, "untimed-line"),
        (10, 1, "bad-timestamp"),
    ]
    assert cues(transcript) == [
        (0, None, None, "Intro", 1, 1),
        (1000, 2000, None, "One", 3, 4),
        (2000, 3000, None, "Two\nStray\nKept words", 5, 6),
    ]


def test_subviewer_timing_rules_apply() -> None:
    from sphinxcontrib_transcript.lint import lint_bytes

    source = b"0:00:01.000,0:00:03.000\nA\n\n0:00:02.000,0:00:04.000\nB\n"
    assert [(p.line, p.rule) for p in lint_bytes(source, "x.sbv")] == [(4, "cue-overlap")]


# -- TTML / IMSC --------------------------------------------------------------------

TTML = """\
<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25" xml:lang="en">
  <head><metadata>
    <ttm:agent xml:id="ann" type="person"><ttm:name type="full">Ann Lee</ttm:name></ttm:agent>
  </metadata></head>
  <body><div begin="10s">
    <p begin="00:00:01.000" end="00:00:02.500" ttm:agent="ann">Hello <span>there
      <span>again</span></span>.</p>
    <p begin="2.5s" dur="40f" ttm:agent="ben">Second line<br/>on two rows.</p>
    <p begin="00:00:05:12" end="6500ms">Frames &amp; milliseconds.</p>
  </div></body>
</tt>
"""


def test_ttml(tmp_path) -> None:
    path = tmp_path / "episode.ttml"
    path.write_text(TTML, encoding="utf-8")
    transcript = load(path)
    assert transcript.format == "ttml"
    assert sniff(TTML) == "ttml"
    assert problems(transcript) == []
    # The div begins at 10 s; 40 frames at 25 fps are 1.6 s; frame 12 is 0.48 s.
    assert cues(transcript) == [
        (11_000, 12_500, "Ann Lee", "Hello there again.", 8, 8),
        (12_500, 14_100, "ben", "Second line\non two rows.", 10, 10),
        (15_480, 16_500, None, "Frames & milliseconds.", 11, 11),
    ]


def test_ttml_bad_time_and_broken_xml() -> None:
    source = ('<tt xmlns="http://www.w3.org/ns/ttml"><body>\n'
              '<p begin="soon" end="2s">A</p>\n<p begin="3s">B &nbsp;</p>\n</body></tt>\n')
    transcript = loads(source, format="ttml")
    # expat stops at the undeclared entity: the cue it was in is not read.
    assert problems(transcript) == [(2, 1, "bad-timestamp"), (3, 17, "malformed-markup")]
    assert cues(transcript) == [(0, 2000, None, "A", 2, 2)]


def test_ttml_discovery() -> None:
    assert skip_reason(TTML.encode(), ".xml") is None
    assert skip_reason(b"<project><modelVersion/></project>", ".xml") is not None


# -- 12. Podcasting 2.0 HTML, SRT speakers, seconds-only VTT --------------------------

HTML = """\
<!DOCTYPE html>
<html><body>
<cite>Ann:</cite>
<time>0:00</time>
<p>Welcome to the show &amp; all.</p>
<cite>Ben:</cite>
<time>1:00:04</time>
<p>Glad to<br>be here.</p>
</body></html>
"""


def test_podcasting_html(tmp_path) -> None:
    path = tmp_path / "episode.html"
    path.write_text(HTML, encoding="utf-8")
    transcript = load(path)
    assert transcript.format == "html"
    assert problems(transcript) == []
    assert cues(transcript) == [
        (0, None, "Ann", "Welcome to the show & all.", 4, 5),
        (3_604_000, None, "Ben", "Glad to\nbe here.", 7, 8),
    ]
    # Named, it is HTML, not WebVTT (an HTML comment would hold "-->").
    assert sniff("<!-- a -->\n" + HTML) == "html"


def test_podcasting_html_deviations() -> None:
    source = ("<cite>Ann:</cite><time>0:61</time><p>Bad time.</p>\n"
              "<cite>Ben:</cite><time>0:04</time><p>Fine.</p>\n<p>No time.</p>\n")
    transcript = loads(source, format="html")
    assert problems(transcript) == [(1, 18, "bad-timestamp"), (3, 1, "untimed-line")]
    assert cues(transcript) == [
        (0, None, "Ann", "Bad time.", 1, 1),
        (4000, None, "Ben", "Fine.\nNo time.", 2, 2),
    ]


def test_html_discovery() -> None:
    assert skip_reason(HTML.encode(), ".html") is None
    page = b"<p>Posted <time datetime='2024-01-01'>Jan 1</time></p>"
    assert skip_reason(page, ".html") is not None


def test_srt_speaker_prefixes() -> None:
    transcript = loads("1\n00:00:01,000 --> 00:00:02,000\nAdam Curry: Hello.\n", format="srt")
    assert cues(transcript) == [(1000, 2000, "Adam Curry", "Hello.", 2, 3)]


def test_vtt_seconds_only_times_are_errors() -> None:
    transcript = loads("WEBVTT\n\n0.860 --> 7.380\nDropped by browsers.\n", format="vtt")
    assert transcript.cues == []
    assert [d.level for d in transcript.diagnostics] and all(
        d.level == "error" for d in transcript.diagnostics)


# -- 9, 10, 11: read fine, as the survey found ----------------------------------------


def test_youtube_caption_api_webvtt() -> None:
    source = ("WEBVTT\nKind: captions\nLanguage: en\n\n00:00:01.000 --> 00:00:04.000\n"
              "Hello.\n\n00:00:02.000 --> 00:00:03.000\n*** Applause ***\n")
    transcript = loads(source)
    assert cues(transcript) == [
        (1000, 4000, None, "Hello.", 5, 6), (2000, 3000, None, "*** Applause ***", 8, 9),
    ]


def test_course_captions_with_bom_numbers_and_voices() -> None:
    data = ("\ufeffWEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000 line:100% position:50% "
            "align:middle\n<v Wes>(whooshing) Hi.\n").encode()
    transcript = loads(data)
    assert cues(transcript) == [(1000, 2000, "Wes", "(whooshing) Hi.", 4, 5)]
    assert transcript.cues[0].identifier == "1"


def test_generator_srt_with_trailing_spaces() -> None:
    transcript = loads("1\n00:00:01,000 --> 00:00:02,000\nمرحبا \n", format="srt")
    assert cues(transcript) == [(1000, 2000, None, "مرحبا ", 2, 3)]


@pytest.mark.parametrize("suffix", [".sbv", ".ttml", ".html", ".md"])
def test_each_format_survives_any_text(suffix: str) -> None:
    # Readers never raise: a few hostile inputs per format.
    for text in ("", "\x00", "<", "<tt", "[", "0:00:01.000,", "<!DOCTYPE x [<!ENTITY a 'b'>]>"):
        transcript = loads(text, format=suffix)
        assert all(d.line >= 1 and d.column >= 1 for d in transcript.diagnostics)


# -- the fast paths give what the full readers give ------------------------------------

_TTML_BODIES = [
    '<p begin="00:00:01.000" end="00:00:02.500">Hello <span>there</span>.</p>',
    '<p begin="1.5s" dur="40f" ttm:agent="ann">Two<br/>rows &amp; more</p>',
    '<p begin="00:00:03:12" end="4500ms">\n  Frames\n  and   spaces</p>',
    '<p begin="00:00:05.000" end="00:00:06.000"><span tts:color="red">Red</span> text</p>',
]


@pytest.mark.parametrize("count", [1, 2, 4])
def test_ttml_fast_path_agrees_with_the_element_walk(count: int) -> None:
    from sphinxcontrib_transcript.readers import _ttml_walk, ttml

    source = ('<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"'
              ' xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25"'
              ' xmlns:tts="http://www.w3.org/ns/ttml#styling"><body><div>\n'
              + "\n".join(_TTML_BODIES[:count]) + "\n</div></body></tt>\n")
    fast = ttml._fast(source)
    assert fast is not None and len(fast.cues) == count
    assert fast == _ttml_walk.walk(source)


def test_html_and_sbv_fast_paths_agree() -> None:
    from sphinxcontrib_transcript.readers import html, sbv

    page = HTML.replace("Glad to<br>be here.", "Glad to<br/>be\n  here &lt;3")
    fast = html._fast(page)
    parser = html._Parser()
    parser.feed(page)
    parser.close()
    assert fast is not None and fast == parser.transcript
    fast_sbv = sbv._fast(SBV)
    assert fast_sbv is not None and fast_sbv == sbv._Reader(SBV).read()
