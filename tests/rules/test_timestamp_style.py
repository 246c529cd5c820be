from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint import Config
from sphinxcontrib_transcript.lint.fixing import fix_report
from sphinxcontrib_transcript.lint.rules import timestamp_style as rule

from ..conftest import CORPUS
from .conftest import check, check_example, example, findings, fix


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 1)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_message_and_fix_of_the_example() -> None:
    _, failing = example(rule, "failing")
    (finding,) = findings(rule, failing, "x.txt")
    assert finding.message == (
        "time 16:18 is not written the way the file's other times are (HH:MM:SS, 2 of 3); "
        "write 00:16:18"
    )
    assert fix(rule, failing, "x.txt") == example(rule, "passing")[1]


def test_minutes_under_the_hour_then_hours_is_one_way() -> None:
    """The Whisper pipelines' layout: [MM:SS] until the hour, then [HH:MM:SS]."""
    data = (
        b"[00:00] Welcome back, everyone.\n[00:04] Thanks for having me.\n"
        b"[59:58] Two more minutes.\n[01:00:10] And we're past the hour.\n"
    )
    assert check(rule, data, "x.txt") == []


@pytest.mark.parametrize(
    ("data", "where", "fixed"),
    [
        # Hours among minutes-and-seconds under the hour.
        (b"[00:01] a\n[00:00:05] b\n[00:09] c\n", [(2, 1)], b"[00:01] a\n[00:05] b\n[00:09] c\n"),
        # Brackets lost on one line.
        (b"[00:01] a\n00:05 b\n[00:09] c\n", [(2, 1)], b"[00:01] a\n[00:05] b\n[00:09] c\n"),
        # Unpadded hours among padded ones, and an indented time kept indented.
        (b"00:00:01 a\n\n0:00:05 b\n\n  00:00:09 c\n\n00:00:12 d\n", [(3, 1)],
         b"00:00:01 a\n\n00:00:05 b\n\n  00:00:09 c\n\n00:00:12 d\n"),
        # CRLF line ends are kept.
        (b"00:00:01 a\r\n\r\n1:05 b\r\n\r\n00:00:09 c\r\n", [(3, 1)],
         b"00:00:01 a\r\n\r\n00:01:05 b\r\n\r\n00:00:09 c\r\n"),
    ],
)
def test_odd_times_are_found_and_rewritten(
    data: bytes, where: list[tuple[int, int]], fixed: bytes
) -> None:
    assert check(rule, data, "x.txt") == where
    assert fix(rule, data, "x.txt") == fixed


def test_the_fix_is_safe_and_keeps_every_time() -> None:
    data = b"00:00:01 a\n\n16:18 b\n\n00:16:31 c\n"
    result = fix_report(data, "x.txt", Config.default())
    assert result.applied == ["timestamp-style"]
    assert result.data == b"00:00:01 a\n\n00:16:18 b\n\n00:16:31 c\n"


def test_the_corpus_writes_its_times_one_way() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        assert check(rule, path.read_bytes(), path.name) == [], path.name
