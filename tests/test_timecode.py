"""``timecode``: every notation, both ways, at its edges."""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.timecode import (
    MS_PER_HOUR,
    MS_PER_MINUTE,
    MS_PER_SECOND,
    format_clock,
    format_seconds,
    format_srt,
    format_vtt,
    hms,
    parse_clock,
    parse_seconds,
)


def test_units() -> None:
    assert (MS_PER_SECOND, MS_PER_MINUTE, MS_PER_HOUR) == (1000, 60_000, 3_600_000)


def test_hms_splits_every_field() -> None:
    assert hms(0) == (0, 0, 0, 0)
    assert hms(3_723_004) == (1, 2, 3, 4)
    assert hms(MS_PER_HOUR - 1) == (0, 59, 59, 999)
    assert hms(1000 * MS_PER_HOUR) == (1000, 0, 0, 0)


@pytest.mark.parametrize(("ms", "vtt", "srt", "clock"), [
    (0, "00:00:00.000", "00:00:00,000", "00:00:00"),
    (3_723_004, "01:02:03.004", "01:02:03,004", "01:02:03"),
    (59_999, "00:00:59.999", "00:00:59,999", "00:00:59"),
    (100 * MS_PER_HOUR + 5, "100:00:00.005", "100:00:00,005", "100:00:00"),
])
def test_formats(ms: int, vtt: str, srt: str, clock: str) -> None:
    assert (format_vtt(ms), format_srt(ms), format_clock(ms)) == (vtt, srt, clock)


@pytest.mark.parametrize(("text", "ms"), [
    ("1:02:03", 3_723_000),
    ("100:00:00", 360_000_000),
    ("02:03", 123_000),
    ("2:03", 123_000),
    ("[02:03]", 123_000),
    (" [1:02:03] ", 3_723_000),
    ("00:12:34.5", 754_500),
    ("00:12:34,05", 754_050),
    ("00:12:34.123", 754_123),
    ("00:00:00", 0),
])
def test_parse_clock_reads(text: str, ms: int) -> None:
    assert parse_clock(text) == ms


@pytest.mark.parametrize("text", [
    "2:3", "[02:03", "02:03]", "02:60", "60:00", "1000:00:00", "00:12:34.1234", "", "12",
    "00:01:02 extra",
])
def test_parse_clock_refuses(text: str) -> None:
    assert parse_clock(text) is None


@pytest.mark.parametrize(("value", "ms"), [
    (0, 0), (0.0, 0), (1, 1000), (1.5, 1500), (12.3456, 12346), (0.0004, 0), (0.0006, 1),
    (3600, MS_PER_HOUR), (1e12, 10**15),
])
def test_parse_seconds_reads(value: float, ms: int) -> None:
    result = parse_seconds(value)
    assert result == ms
    assert type(result) is int


@pytest.mark.parametrize("value", [
    -1, -0.001, float("inf"), float("-inf"), float("nan"), True, False, "1", None, [1],
])
def test_parse_seconds_refuses(value: object) -> None:
    assert parse_seconds(value) is None


@pytest.mark.parametrize(("ms", "text"), [
    (0, "0"), (1, "0.001"), (1250, "1.25"), (3000, "3"), (10_000, "10"), (100_000, "100"),
    # Every digit kept: an hour in, a float's six significant digits would not be.
    (3_723_456, "3723.456"), (36_000_001, "36000.001"), (-5, "0"),
])
def test_format_seconds_is_exact(ms: int, text: str) -> None:
    assert format_seconds(ms) == text
    assert round(float(text) * 1000) == max(ms, 0)
