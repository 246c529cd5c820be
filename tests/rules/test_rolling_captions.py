from __future__ import annotations

import pytest

from sphinxcontrib_transcript import loads
from sphinxcontrib_transcript.lint import Config, lint_bytes
from sphinxcontrib_transcript.lint.fixing import fix_report
from sphinxcontrib_transcript.lint.rules import rolling_captions as rule
from sphinxcontrib_transcript.rolling import deroll, first_rolling
from sphinxcontrib_transcript.timecode import format_srt
from sphinxcontrib_transcript.writers import dumps

from ..conftest import CORPUS
from ..youtube import caption_lines, rolling_vtt, words
from .conftest import check, check_example, example, findings, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(5, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_the_fix_of_the_failing_example_is_the_passing_one() -> None:
    _, failing = example(rule, "failing")
    _, passing = example(rule, "passing")
    assert fix(rule, failing) == passing


def test_one_finding_per_file_that_says_what_it_is() -> None:
    data = rolling_vtt(words()).encode()
    (finding,) = findings(rule, data)
    assert (finding.line, finding.column) == (5, 1)
    lines = len(caption_lines(words()))
    assert finding.message.startswith(
        f"YouTube rolling captions: {2 * lines} cues show {lines} spoken lines, each up to "
        "three times"
    )


@pytest.mark.parametrize("width", [6, 14, 32, 60])
def test_unsafe_fixes_leave_each_word_once_in_order(width: int) -> None:
    """Real word timings laid out as yt-dlp saves them; after --unsafe-fixes, every
    word once, in order, and no overlap, no zero-length cue and no repeat left."""
    timed = words()
    data = rolling_vtt(timed, width).encode()
    result = fix_report(data, "talk.vtt", Config.default(), unsafe=True)
    assert "rolling-captions" in result.applied, result.rejected
    fixed = loads(result.data, format="vtt")
    assert fixed.diagnostics == []
    spoken = [word for cue in fixed.cues for word in cue.plain_text.split()]
    assert spoken == [word for word, _, _ in timed]
    lines = caption_lines(timed, width)
    assert len(fixed.cues) == len(lines)
    for cue, line in zip(fixed.cues, lines, strict=True):
        # From its first word (YouTube starts a line 10 ms after the hold) ...
        assert line[0][1] <= cue.start_ms <= line[0][1] + 10
        # ... every later word's time kept as an inline timestamp inside the cue.
        assert cue.text.count("<c>") == len(line) - 1
    for before, after in zip(fixed.cues, fixed.cues[1:], strict=False):
        assert before.end_ms == after.start_ms
    problems = lint_bytes(result.data, "talk.vtt", Config.default())
    rules = {problem.rule for problem in problems}
    assert not rules & {"cue-overlap", "zero-duration", "rolling-captions",
                        "duplicate-adjacent", "inline-timestamp", "end-before-start"}, problems


def test_srt_conversion_of_rolling_captions_is_found_and_fixed() -> None:
    """yt-dlp --convert-subs srt drops the word timings and keeps the repeats."""
    timed = words()
    rolling = loads(rolling_vtt(timed), format="vtt")
    srt = dumps([cue._replace(text=cue.plain_text) for cue in rolling.cues], "srt").encode()
    assert check(rule, srt, "talk.srt") == [(2, 1)]
    result = fix_report(srt, "talk.srt", Config.default(), unsafe=True)
    fixed = loads(result.data, format="srt")
    assert [w for cue in fixed.cues for w in cue.plain_text.split()] == [w for w, _, _ in timed]


def test_a_line_said_twice_is_kept_twice() -> None:
    """ "Yeah." on two lines in a row is speech, not a repeat of the rolling."""
    timed = words()
    cues = deroll(loads(rolling_vtt(timed, width=6), format="vtt").cues)
    plains = [cue.plain_text for cue in cues]
    assert plains.count("Yeah.") == 2
    assert [w for text in plains for w in text.split()] == [w for w, _, _ in timed]


def test_ordinary_captions_do_not_roll() -> None:
    for name in ("214-Python-3-8-and-beyond.vtt", "001_nicola_iarocci_talk_python_to_me.vtt"):
        transcript = loads((CORPUS / name).read_bytes(), format="vtt")
        assert first_rolling(transcript.cues) is None


def test_overlapping_srt_export_is_found_and_fixed_without_overlaps() -> None:
    """Some exports keep each two-line cue until the next line is done: one overlap
    per cue.  De-rolled, each line runs to the next one's start."""
    lines = caption_lines(words())
    starts = [line[0][1] for line in lines] + [lines[-1][-1][2]] * 2
    texts = [" ".join(w for w, _, _ in line) for line in lines]
    cues = [
        (starts[i], starts[i + 2], "\n".join(texts[max(i - 1, 0) : i + 1]))
        for i in range(len(lines))
    ]
    srt = "".join(
        f"{n}\n{format_srt(start)} --> {format_srt(end)}\n{text}\n\n"
        for n, (start, end, text) in enumerate(cues, 1)
    ).encode()
    assert check(rule, srt, "talk.srt") == [(2, 1)]
    result = fix_report(srt, "talk.srt", Config.default(), unsafe=True)
    fixed = loads(result.data, format="srt")
    assert [c.plain_text for c in fixed.cues] == texts
    assert [c.start_ms for c in fixed.cues] == starts[: len(lines)]
    problems = lint_bytes(result.data, "talk.srt", Config.default())
    assert not {p.rule for p in problems} & {"cue-overlap", "rolling-captions"}, problems


def _overlapping_srt() -> bytes:
    lines = caption_lines(words())
    starts = [line[0][1] for line in lines] + [lines[-1][-1][2]] * 2
    texts = [" ".join(w for w, _, _ in line) for line in lines]
    return "".join(
        f"{n}\n{format_srt(starts[n - 1])} --> {format_srt(starts[n + 1])}\n"
        + "\n".join(texts[max(n - 2, 0) : n]) + "\n\n"
        for n in range(1, len(lines) + 1)
    ).encode()


@pytest.mark.parametrize(("data", "path"), [
    (rolling_vtt(words()).encode(), "talk.vtt"),  # a line of one space ends every hold
    (_overlapping_srt(), "talk.srt"),  # every scroll overlaps the cue before
])
def test_one_finding_for_the_file_not_one_per_cue(data: bytes, path: str) -> None:
    problems = lint_bytes(data, path, Config.default())
    assert [problem.rule for problem in problems] == ["rolling-captions"]


def test_overlaps_and_blank_lines_of_other_files_are_still_reported() -> None:
    data = b"WEBVTT\n\n00:01.000 --> 00:03.000\na\n \n\n00:02.000 --> 00:04.000\nb\n"
    rules = sorted(p.rule for p in lint_bytes(data, "x.vtt", Config.default()))
    assert rules == ["cue-overlap", "trailing-whitespace"]
