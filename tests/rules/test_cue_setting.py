from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint.rules import cue_setting as rule

from .conftest import check, check_example, findings


def vtt(settings: str) -> bytes:
    return f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000 {settings}\nHello.\n".encode()


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 31), (3, 44)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


@pytest.mark.parametrize(
    "settings",
    [
        "vertical:rl", "vertical:lr", "line:0", "line:-2", "line:1.5", "line:10%",
        "line:100%,end", "line:-1,start", "position:0%", "position:50.5%,line-left",
        "size:100%", "align:start", "align:center", "align:end", "align:left",
        "align:right", "align:start line:90% position:10% size:35%",
    ],
)
def test_valid_settings(settings: str) -> None:
    assert check(rule, vtt(settings)) == []


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ("vertical:up", "vertical must be rl or lr"),
        ("line:abc", "line must be a line number"),
        ("line:101%", "between 0% and 100%"),
        ("line:5,middle", "line alignment"),
        ("position:50", "must be a percentage"),
        ("position:50%,left", "position alignment"),
        ("size:-5%", "must be a percentage"),
        ("align:middle", "align must be"),
        ("colour:red", "unknown setting"),
        ("align", "not a setting"),
        ("align:", "not a setting"),
        ("region:nowhere", "no REGION"),
    ],
)
def test_invalid_settings(settings: str, words: str) -> None:
    (finding,) = findings(rule, vtt(settings))
    assert (finding.line, finding.column) == (3, 31)
    assert words in finding.message


def test_duplicate_setting_points_at_the_second() -> None:
    assert check(rule, vtt("align:start align:end")) == [(3, 43)]


def test_region_defined_in_the_header() -> None:
    data = (
        b"WEBVTT\n\nREGION\nid:fred width:40%\n\n"
        b"00:00:01.000 --> 00:00:02.000 region:fred\nHi\n\n"
        b"00:00:02.000 --> 00:00:03.000 region:bill\nHo\n"
    )
    assert check(rule, data) == [(9, 31)]
