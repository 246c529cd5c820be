"""The layout decisions of the Sphinx extension (sphinxext.render), without a build."""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.model import Cue, Transcript
from sphinxcontrib_transcript.readers import loads
from sphinxcontrib_transcript.sphinxext.render import (
    MergePolicy,
    SpecError,
    assign_anchors,
    display_time,
    parse_speakers,
    parse_time,
    plan,
)


def cue(start: float, text: str, speaker: str | None = None, end: float | None = None) -> Cue:
    end_ms = None if end is None else round(end * 1000)
    return Cue(round(start * 1000), end_ms, text, text, speaker)


def layout(cues: list[Cue], spec: str = "speaker", **kwargs):
    return plan(Transcript("txt", cues), MergePolicy.parse(spec), **kwargs)


def texts(result) -> list[str]:
    return ["".join(c.joiner + c.text for c in p.cues) for p in result.paragraphs]


def test_the_first_cue_of_a_paragraph_has_no_joiner():
    result = layout([cue(0, "One."), cue(1, "two"), cue(9, ", three")], "gap=5")
    assert [[c.joiner for c in p.cues] for p in result.paragraphs] == [["", " "], [""]]


def test_anchors_count_cues_in_the_same_second_in_file_order():
    cues = [cue(1.0, "a"), cue(1.5, "b"), cue(2, "c"), cue(1.9, "d")]
    assert assign_anchors(cues) == ["t-00-00-01", "t-00-00-01-2", "t-00-00-02", "t-00-00-01-3"]
    assert assign_anchors(cues[:1], "ep33") == ["ep33-t-00-00-01"]


def test_anchors_spell_hours_minutes_and_seconds():
    # The anchors' one definition (timecode once had an unused second one).
    cues = [cue(3723.004, "a"), cue(59.999, "b"), cue(100 * 3600 + 61, "c")]
    assert assign_anchors(cues) == ["t-01-02-03", "t-00-00-59", "t-100-01-01"]


def test_a_speaker_change_starts_a_paragraph_and_carries_over():
    result = layout([cue(0, "Hi.", "Ann"), cue(1, "Still me."), cue(2, "Bob here.", "Bob")])
    assert [(p.speaker, len(p.cues)) for p in result.paragraphs] == [("Ann", 2), ("Bob", 1)]
    assert texts(result) == ["Hi. Still me.", "Bob here."]


def test_a_long_pause_starts_a_paragraph():
    cues = [cue(0, "One.", end=1), cue(2, "Two.", end=3), cue(7.5, "Three.", end=8)]
    assert texts(layout(cues)) == ["One. Two.", "Three."]
    assert texts(layout(cues, "speaker, gap=10")) == ["One. Two. Three."]


def test_without_end_times_the_pause_is_estimated_from_the_text():
    # "This is Talk Python2Me..." at 00:00:29, the next line at 00:00:59 (033).
    cues = [cue(29, "This is episode 33."), cue(59, "Welcome to the show.")]
    assert len(layout(cues).paragraphs) == 2
    assert len(layout([cue(29, "Short."), cue(31, "Next.")]).paragraphs) == 1


def test_a_long_paragraph_ends_at_a_sentence_end():
    # 100-character cues; only cues 3 and 6 end a sentence.
    cues = [cue(i, "x" * 96 + (" end." if i in (3, 6) else " and"), end=i + 1) for i in range(9)]
    result = layout(cues, "chars=250")
    assert [len(p.cues) for p in result.paragraphs] == [4, 3, 2]
    assert [p.cues[-1].text[-4:] for p in result.paragraphs[:2]] == ["end.", "end."]


def test_twice_the_length_ends_a_paragraph_anywhere():
    cues = [cue(i, "x" * 100, end=i + 1) for i in range(10)]
    # 100 + 3 * 101 = 403 characters reach twice 200 after four cues.
    assert [len(p.cues) for p in layout(cues, "chars=200").paragraphs] == [4, 4, 2]


def test_merge_none_gives_a_paragraph_per_cue():
    cues = [cue(0, "a"), cue(1, "b"), cue(2, "c")]
    assert texts(layout(cues, "none")) == ["a", "b", "c"]


def test_word_level_json_reads_as_prose():
    data = (
        '{"version": "1.0.0", "segments": ['
        '{"speaker": "SPEAKER_00", "startTime": 0.1, "endTime": 0.4, "body": "Hello"},'
        '{"speaker": "SPEAKER_00", "startTime": 0.4, "endTime": 0.5, "body": ","},'
        '{"speaker": "SPEAKER_00", "startTime": 0.5, "endTime": 0.9, "body": "world"},'
        '{"speaker": "SPEAKER_00", "startTime": 0.9, "endTime": 1.0, "body": "."},'
        '{"speaker": "SPEAKER_01", "startTime": 1.2, "endTime": 1.5, "body": "Hi"},'
        '{"speaker": "SPEAKER_01", "startTime": 1.5, "endTime": 1.6, "body": "!"}]}'
    )
    result = plan(loads(data, format="json"), MergePolicy(),
                  speakers={"SPEAKER_00": "Ann", "SPEAKER_01": "Bob"})
    assert texts(result) == ["Hello, world.", "Hi!"]
    assert [p.speaker for p in result.paragraphs] == ["Ann", "Bob"]
    assert [c.anchor for c in result.paragraphs[0].cues] == [
        "t-00-00-00", "t-00-00-00-2", "t-00-00-00-3", "t-00-00-00-4",
    ]


def test_json_newline_in_a_body_ends_the_paragraph():
    data = (
        '{"segments": [{"speaker": "A", "startTime": 0, "body": "One.\\n"},'
        '{"speaker": "A", "startTime": 1, "body": "Two."}]}'
    )
    assert texts(plan(loads(data, format="json"), MergePolicy())) == ["One.", "Two."]


def test_an_excerpt_keeps_the_full_transcripts_anchors():
    cues = [cue(5, "a", end=5.2), cue(5.5, "b", end=6), cue(7, "c", end=8), cue(9, "d", end=9.5)]
    full = layout(cues)
    part = layout(cues, start_ms=5500, end_ms=9000)
    assert [c.anchor for c in part.shown] == ["t-00-00-05-2", "t-00-00-07"]
    assert [c.anchor for c in part.cues] == [c.anchor for c in full.cues]


def test_hours_appear_only_in_transcripts_that_reach_an_hour():
    assert display_time(754_000, hours=False) == "12:34"
    assert display_time(3_754_000, hours=True) == "1:02:34"
    assert display_time(3_754_000, hours=False) == "62:34"
    assert not layout([cue(754, "a")]).hours
    assert layout([cue(3599, "a", end=3601)]).hours


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("speaker", MergePolicy(True, 4000, 600)),
        ("", MergePolicy(True, 4000, 600)),
        ("none", MergePolicy(False, 4000, 600)),
        ("speaker, gap=2.5, chars=300", MergePolicy(True, 2500, 300)),
        ("chars=80 gap=0", MergePolicy(True, 0, 80)),
    ],
)
def test_merge_specs(spec, expected):
    assert MergePolicy.parse(spec) == expected


@pytest.mark.parametrize("spec", ["sentence", "gap=", "gap=-1", "chars=0", "chars=1.5", "gap=x"])
def test_bad_merge_specs_say_what_is_accepted(spec):
    with pytest.raises(SpecError, match="'none', or 'speaker'"):
        MergePolicy.parse(spec)


def test_speaker_mapping():
    assert parse_speakers("SPEAKER_00=Ann; SPEAKER_01 = Li, Bob\nX=Y;") == {
        "SPEAKER_00": "Ann", "SPEAKER_01": "Li, Bob", "X": "Y",
    }
    assert parse_speakers("\n  Ann = Anne Smith\n  Ben = Benjamin\n") == {
        "Ann": "Anne Smith", "Ben": "Benjamin",
    }
    with pytest.raises(SpecError, match="ID=Name"):
        parse_speakers("SPEAKER_00 Ann")
    with pytest.raises(SpecError, match="ID=Name"):
        parse_speakers("Ann=; Ben=Benjamin")
    # Two pairs run together (commas do not separate pairs) are never one name.
    with pytest.raises(SpecError, match="'Ann = Anne Smith, Ben = Benjamin' in speakers holds "
                                        "two '='; separate the pairs with ';'"):
        parse_speakers("Ann = Anne Smith, Ben = Benjamin")
    with pytest.raises(SpecError, match="speaker 'Ann' is given twice"):
        parse_speakers("Ann=Anne; Ann=Ann Lee")
    result = layout([cue(0, "hi", "S0"), cue(1, "yo", "S1")], speakers={"S0": "Ann"})
    assert [p.speaker for p in result.paragraphs] == ["Ann", "S1"]


@pytest.mark.parametrize(
    ("text", "ms"),
    [("00:12:34", 754_000), ("12:34", 754_000), ("1:02:03.5", 3_723_500), ("90", 90_000),
     ("2.25", 2250)],
)
def test_times(text, ms):
    assert parse_time(text) == ms


@pytest.mark.parametrize("text", ["", "12:75", "soon", "-3", "1:2:3"])
def test_bad_times(text):
    with pytest.raises(SpecError, match="HH:MM:SS"):
        parse_time(text)
