from __future__ import annotations

import pytest

from sphinxcontrib_transcript.lint import Config, fix_report
from sphinxcontrib_transcript.lint.rules import cue_setting as rule

from .conftest import check, check_example, findings, fix


def vtt(settings: str) -> bytes:
    return f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000 {settings}\nHello.\n".encode()


def test_failing_example() -> None:
    assert check_example(rule, "failing") == [(3, 54)]


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
        ("align:middle", "old spelling of align:center"),
        ("align:centre", "align must be"),
        ("colour:red", "unknown setting"),
        ("align", "not a setting"),
        ("align:", "not a setting"),
        ("align:middle:", "align must be"),
        ("region:nowhere", "no REGION"),
    ],
)
def test_invalid_settings(settings: str, words: str) -> None:
    (finding,) = findings(rule, vtt(settings))
    assert (finding.line, finding.column) == (3, 31)
    assert words in finding.message
    # Only align:middle has a fix.
    assert finding.fixable is (settings == "align:middle")


def test_duplicate_setting_points_at_the_second() -> None:
    assert check(rule, vtt("align:start align:end")) == [(3, 43)]


def test_region_defined_in_the_header() -> None:
    data = (
        b"WEBVTT\n\nREGION\nid:fred width:40%\n\n"
        b"00:00:01.000 --> 00:00:02.000 region:fred\nHi\n\n"
        b"00:00:02.000 --> 00:00:03.000 region:bill\nHo\n"
    )
    assert check(rule, data) == [(9, 31)]


def test_align_middle_is_fixed_to_center_and_only_it_is_fixable() -> None:
    data = vtt("align:middle position:120%") + (
        b"\n00:00:02.000 --> 00:00:03.000 line:0\talign:middle\nBye.\n"
        b"\nNOTE align:middle stays in a note\n"
    )
    assert [(f.line, f.fixable) for f in findings(rule, data)] == [
        (3, True), (3, False), (6, True),
    ]
    fixed = fix(rule, data)
    assert fixed == data.replace(b"00 align:middle", b"00 align:center").replace(
        b"\talign:middle", b"\talign:center"
    )
    assert [(f.line, f.fixable) for f in findings(rule, fixed)] == [(3, False)]


def test_the_fix_is_safe_for_the_fix_loop() -> None:
    data = vtt("align:middle")
    result = fix_report(data, "x.vtt", Config.default())
    assert result.applied == ["cue-setting"]
    assert result.data == vtt("align:center")
