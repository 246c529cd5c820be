from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import chapter_after_end as rule

from .conftest import check, check_example, findings

TRANSCRIPT = (
    b"1\n00:00:00,000 --> 00:00:04,000\nHello.\n\n2\n00:00:04,000 --> 00:01:00,000\nBye.\n"
)


def test_failing_example() -> None:
    assert check_example(rule, "failing", ".txt") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing", ".txt") == []


def test_message_names_the_transcript_and_its_end() -> None:
    data = b"0:00 Intro\n0:30 Middle\n1:00 Late\n"
    (finding,) = findings(rule, data, "ep.chapters.txt", siblings={".srt": TRANSCRIPT})
    assert (finding.line, finding.column) == (3, 1)
    assert finding.message == (
        "chapter 'Late' (line 3) starts at 00:01:00, when ep.srt has ended (00:01:00, its "
        "last cue at line 6); it would have no words: correct its time, or complete the "
        "transcript"
    )


def test_a_transcript_without_end_times_ends_at_its_last_start() -> None:
    txt = b"00:00:00 Hello.\n\n00:00:30 Bye.\n"
    data = b"0:00 A\n0:30 B\n0:31 C\n"
    assert check(rule, data, "ep.chapters.txt", siblings={".txt": txt}) == [(3, 1)]


def test_the_vtt_is_preferred_to_the_txt() -> None:
    vtt = b"WEBVTT\n\n00:00.000 --> 05:00.000\nHello.\n"
    txt = b"00:00:00 Hello.\n"
    data = b"0:00 A\n1:00 B\n"
    assert check(rule, data, "ep.chapters.txt", siblings={".txt": txt, ".vtt": vtt}) == []
    assert check(rule, data, "ep.chapters.txt", siblings={".txt": txt}) == [(2, 1)]


def test_no_transcript_or_no_cues_no_finding() -> None:
    data = b"0:00 A\n1:00 B\n"
    assert check(rule, data, "ep.chapters.txt") == []
    assert check(rule, data, "ep.chapters.txt", siblings={".vtt": b"WEBVTT\n"}) == []
