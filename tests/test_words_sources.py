"""Word timings from the other sources: TTML/IMSC timed spans, WhisperX output,
word-level Podcasting 2.0 JSON; and ``transcript-convert`` keeping them."""

from __future__ import annotations

import itertools
import json

from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript import loads
from sphinxcontrib_transcript.conversion import convert
from sphinxcontrib_transcript.model import Cue, Transcript, Word
from sphinxcontrib_transcript.writers import dumps

# IMSC 1.1 Text, as caption tools export karaoke-style word timing: times in
# ticks from the paragraph's begin, styles and regions in the head, an agent.
IMSC = """<?xml version="1.0" encoding="UTF-8"?>
<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
    xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
    xmlns:ittp="http://www.w3.org/ns/ttml/profile/imsc1#parameter"
    ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1.1/text"
    ttp:timeBase="media" ttp:tickRate="10000000" xml:lang="en">
  <head>
    <styling>
      <style xml:id="s1" tts:color="white" tts:fontFamily="proportionalSansSerif"/>
      <style xml:id="spoken" tts:color="yellow"/>
    </styling>
    <layout>
      <region xml:id="bottom" tts:origin="10% 80%" tts:extent="80% 15%"/>
    </layout>
    <metadata>
      <ttm:agent xml:id="host" type="person"><ttm:name type="full">Ann Host</ttm:name></ttm:agent>
    </metadata>
  </head>
  <body style="s1" region="bottom">
    <div>
      <p xml:id="c1" begin="00:00:01.000" end="00:00:03.500" ttm:agent="host">
        <span begin="0t" end="4000000t">Welcome</span>
        <span begin="4000000t" end="7000000t">back</span>
        <span begin="7000000t" end="9000000t">to</span>
        <span begin="9000000t" end="15000000t" style="spoken">the
          <span tts:fontStyle="italic">show</span></span>,<br/>
        <span begin="15000000t" dur="10000000t">everyone.</span>
      </p>
      <p xml:id="c2" begin="00:00:03.500" end="00:00:05.000">[music]</p>
    </div>
  </body>
</tt>
"""


def test_imsc_timed_spans_are_the_paragraphs_words() -> None:
    transcript = loads(IMSC, format="ttml")
    assert transcript.diagnostics == []
    first, music = transcript.cues
    assert first.speaker == "Ann Host"
    assert first.text == "Welcome back to the show,\neveryone."
    assert first.words == (
        Word(1000, 1400, "Welcome"), Word(1400, 1700, " back"), Word(1700, 1900, " to"),
        Word(1900, 2500, " the show,"), Word(2500, 3500, " everyone."),
    )
    assert " ".join("".join(w.text for w in first.words).split()) == " ".join(
        first.plain_text.split()
    )
    assert music.words is None  # no timed span: the paragraph's own times only


def test_ttml_text_outside_a_timed_span_has_no_times() -> None:
    doc = (
        '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>'
        '<p begin="10s" end="12s">So <span begin="0.5s" end="1s">yes</span> and '
        '<span begin="1s">no</span></p></div></body></tt>'
    )
    [cue] = loads(doc, format="ttml").cues
    assert cue.words == (
        Word(None, None, "So"), Word(10500, 11000, " yes"), Word(None, None, " and"),
        Word(11000, 12000, " no"),  # no end: it lasts as long as its paragraph
    )


# WhisperX's output (``whisperx audio.wav --output_format json``): words
# without the space before them, a ``score`` each, numbers left unaligned (no
# times), a speaker from diarization, and ``word_segments`` beside ``segments``.
_ALIGNED = [("In", 0.031, 0.151, 0.862), ("1990,", None, None, None),
            ("the", 1.052, 1.152, 0.998), ("team", 1.192, 1.473, 0.871),
            ("shipped", 1.513, 1.934, 0.74), ("it.", 1.974, 2.872, 0.912)]


def _whisperx_word(word: str, start: float | None, end: float | None,
                   score: float | None, speaker: str) -> dict[str, object]:
    """A word as WhisperX writes it: keys left out where it could not align."""
    found: dict[str, object] = {"word": word}
    if start is not None:
        found.update(start=start, end=end, score=score)
    found["speaker"] = speaker
    return found


WHISPERX = {
    "segments": [
        {"start": 0.031, "end": 2.872, "text": " In 1990, the team shipped it.",
         "words": [_whisperx_word(*item, "SPEAKER_00") for item in _ALIGNED],
         "speaker": "SPEAKER_00"},
        {"start": 3.2, "end": 4.0, "text": " Wow.",
         "words": [_whisperx_word("Wow.", 3.2, 4.0, 0.5, "SPEAKER_01")],
         "speaker": "SPEAKER_01"},
    ],
    "word_segments": [{"word": "In", "start": 0.031, "end": 0.151, "score": 0.862}],
    "language": "en",
}


def test_whisperx_words_keep_their_place_and_get_their_spaces() -> None:
    transcript = loads(json.dumps(WHISPERX, indent=2), format="json")
    assert transcript.format == "whisper"
    assert transcript.diagnostics == []
    first, second = transcript.cues
    assert first.words == (
        Word(31, 151, "In"), Word(None, None, " 1990,"), Word(1052, 1152, " the"),
        Word(1192, 1473, " team"), Word(1513, 1934, " shipped"), Word(1974, 2872, " it."),
    )
    assert "".join(w.text for w in first.words) == first.plain_text
    assert second.words == (Word(3200, 4000, "Wow."),)


def test_words_that_are_not_the_segments_text_stay_as_written() -> None:
    segment = {"start": 0, "end": 1, "text": " 你好世界", "words": [
        {"word": "你好", "start": 0, "end": 0.5}, {"word": "世界", "start": 0.5, "end": 1},
    ]}
    [cue] = loads(json.dumps({"segments": [segment]}), format="whisper").cues
    assert [w.text for w in cue.words or ()] == ["你好", "世界"]  # no spaces made up


# Podcasting 2.0 JSON with one segment per word, as hosts export it (here the
# shape a Deepgram result converted with its punctuated words has).
WORD_LEVEL = {
    "version": "1.0.0",
    "segments": [
        {"startTime": 0.39999998, "endTime": 0.71999997, "body": "Welcome"},
        {"startTime": 0.71999997, "endTime": 0.88, "body": "to"},
        {"startTime": 0.88, "endTime": 1.04, "body": "the"},
        {"startTime": 1.04, "endTime": 1.5999999, "body": "show."},
    ],
}


def test_word_level_podcasting_json_is_one_cue_per_word() -> None:
    """Each segment is a cue timed as its word: no ``Cue.words`` to carry (the
    directive makes paragraphs of them and marks each word as its cue)."""
    transcript = loads(json.dumps(WORD_LEVEL, indent=2), format="json")
    assert [(c.start_ms, c.end_ms, c.text, c.words) for c in transcript.cues] == [
        (400, 720, "Welcome", None), (720, 880, "to", None), (880, 1040, "the", None),
        (1040, 1600, "show.", None),
    ]


def test_ttml_and_whisperx_words_become_inline_timestamps_in_webvtt() -> None:
    vtt = convert(loads(IMSC, format="ttml"), "vtt")
    assert (
        "<v Ann Host>Welcome <00:00:01.400>back <00:00:01.700>to <00:00:01.900>the show, "
        "<00:00:02.500>everyone.\n"
    ) in vtt
    whisperx = convert(loads(json.dumps(WHISPERX), format="whisper"), "vtt")
    # The unaligned "1990," runs on from "In"; the first word needs no timestamp.
    assert "<v SPEAKER_00>In 1990, <00:00:01.052>the <00:00:01.192>team" in whisperx
    back = loads(whisperx, format="vtt").cues[0].words or ()
    assert [(w.start_ms, w.text.strip()) for w in back] == [
        (31, "In 1990,"), (1052, "the"), (1192, "team"), (1513, "shipped"), (1974, "it."),
    ]


_WORD = st.text(st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=8)


@st.composite
def worded_cues(draw: st.DrawFn) -> list[Cue]:
    """Cues as Whisper gives them: each word with the space before it and its
    times, in order, the first word starting with its cue."""
    cues: list[Cue] = []
    at = draw(st.integers(0, 5000))
    for index in range(draw(st.integers(1, 4))):
        texts = [f"w{index}", *draw(st.lists(_WORD, min_size=0, max_size=6))]
        gaps = draw(st.lists(st.integers(1, 800), min_size=len(texts), max_size=len(texts)))
        times = list(itertools.accumulate(gaps, initial=at))
        words = tuple(
            Word(start, end, (" " if n else "") + text)
            for n, (text, start, end) in enumerate(zip(texts, times, times[1:], strict=False))
        )
        text = "".join(word.text for word in words)
        cues.append(Cue(times[0], times[-1], text, text, words=words))
        at = times[-1] + draw(st.integers(0, 2000))
    return cues


@given(worded_cues())
def test_word_timings_survive_webvtt_and_back(cues: list[Cue]) -> None:
    """Cues with word timings written as WebVTT, read back: the same words at the
    same times; converted WebVTT to WebVTT, unchanged; words in order within
    each cue and spelling its plain text."""
    transcript = Transcript("whisper", cues)
    vtt = convert(transcript, "vtt")
    back = loads(vtt, format="vtt")
    assert back.diagnostics == []
    for before, after in zip(cues, back.cues, strict=True):
        assert after.words is not None or len(before.words or ()) == 1
        got = after.words or (Word(after.start_ms, after.end_ms, after.plain_text),)
        assert [(w.start_ms, w.end_ms, w.text.strip()) for w in got] == [
            (w.start_ms, w.end_ms, w.text.strip()) for w in before.words or ()
        ]
        assert "".join(w.text for w in got) == after.plain_text
    assert convert(back, "vtt") == vtt
    assert dumps(back, "vtt") == vtt
