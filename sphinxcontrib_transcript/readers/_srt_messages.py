"""What the SRT reader says about a card that strays from the canonical shape.

:mod:`~sphinxcontrib_transcript.readers.srt` reads the file and decides
*that* something deviates; this module says *what*: the rule, the level, the
column and the words (what is wrong, how it was read, what to write).  Apart
because only a file with something to report needs it: a clean file, what a
pre-commit hook mostly meets, never imports this module.

Each function takes the reader's ``report(line, column, rule, level,
message)`` and the facts the reader found; line numbers are 1-based.
"""

from __future__ import annotations

from ..timecode import format_srt

TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from collections.abc import Callable

    from ..model import Level

    Report = Callable[[int, int, str, Level, str], None]


def _short(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _snippet(lines: list[str]) -> str:
    words = " ".join(part.strip() for part in lines if part.strip())
    return _short(words) if words else "(the card has no text)"


def leading_junk(report: Report, count: int) -> None:
    """*count* blank lines before the first card."""
    report(
        1, 1, "leading-junk", "warning",
        f"{count} blank line{'s' if count > 1 else ''} before the first card; remove "
        f"{'them' if count > 1 else 'it'}",
    )


def missing_blank_line(report: Report, line: int) -> None:
    """A card starts at *line* right after the previous card's text."""
    report(
        line, 1, "missing-blank-line", "error",
        "a new card starts here with no blank line before it; insert a blank line",
    )


def missing_index(report: Report, timing_line: int, expected: int) -> None:
    report(
        timing_line, 1, "srt-index", "warning",
        f"card has no index line; write {expected} on the line above",
    )


def index_not_a_number(report: Report, line: int, column: int, written: str,
                       expected: int) -> None:
    report(
        line, column, "srt-index", "warning",
        f"index {_short(written)} is not a whole number; write {expected}",
    )


def index_out_of_sequence(report: Report, line: int, column: int, number: int,
                          expected: int) -> None:
    report(
        line, column, "srt-index", "warning",
        f"index {number} should be {expected}: cards are numbered 1, 2, 3… in order",
    )


def timestamp(report: Report, match: re.Match[str], p: str, number: int, ms: int) -> None:
    """Every way timestamp *p* of *match* (on line *number*, read as *ms*)
    differs from ``HH:MM:SS,mmm``."""
    written = match[p]
    column = match.start(p) + 1
    hours, minutes, seconds = match[p + "h"], match[p + "m"], match[p + "s"]
    sep, fraction = match[p + "sep"], match[p + "f"]
    if hours is None:
        report(
            number, column, "bad-timestamp", "error",
            f"{written!r} has no hours; SRT needs HH:MM:SS,mmm (read as {format_srt(ms)})",
        )
    for value, name in ((minutes, "minutes"), (seconds, "seconds")):
        if int(value) > 59:
            report(
                number, match.start(p + name[0]) + 1, "bad-timestamp", "error",
                f"{name} {value} in {written!r} are over 59; read as {format_srt(ms)}, "
                f"write that",
            )
    if (hours is not None and len(hours) < 2) or len(minutes) != 2 or len(seconds) != 2:
        report(
            number, column, "timestamp-form", "warning",
            f"{written!r}: write two digits for hours, minutes and seconds "
            f"({format_srt(ms)})",
        )
    if "：" in written:
        report(
            number, column + written.index("："), "timestamp-form", "warning",
            f"full-width colon in {written!r}; write ':'",
        )
    if sep is None:
        report(
            number, column + len(written), "timestamp-form", "warning",
            f"{written!r} has no milliseconds; write {format_srt(ms)}",
        )
    elif sep != ",":
        report(
            number, match.start(p + "sep") + 1, "timestamp-form", "warning",
            f"{sep!r} before the milliseconds in {written!r}: players accept it; write ','",
        )
    if fraction is not None and len(fraction) != 3:
        report(
            number, match.start(p + "f") + 1, "timestamp-form", "warning",
            f"{written!r}: write the milliseconds as three digits (read as {format_srt(ms)})",
        )


def unreadable_timing_line(report: Report, line: int, column: int, reason: str,
                           text: list[str]) -> None:
    """The timing line at *line* cannot be read (*reason*); the card's *text* is dropped."""
    report(
        line, column, "bad-timing-line", "error",
        f"cannot read the timing line: {reason}; the card's text "
        f"{_snippet(text)} was not read (write HH:MM:SS,mmm --> HH:MM:SS,mmm)",
    )


def arrow(report: Report, line: int, column: int, written: str) -> None:
    """An arrow other than `` --> `` between the times: its spacing only, or another arrow."""
    if written.strip() == "-->":  # only its spacing: players read it
        report(
            line, column, "timing-line-form", "warning",
            "write one space on each side of '-->' (players read it as it is, "
            "stricter tools may not)",
        )
    else:
        report(
            line, column, "bad-timing-line", "error",
            f"{written.strip()!r} between the times: many players drop the card; "
            "write ' --> '",
        )


def stray_text(report: Report, line: int, card_line: int | None, last_dropped: bool,
               text: list[str]) -> None:
    """Text at *line* after a blank line that starts no card: more text of the
    card whose timing line is *card_line*, or (``None``) text that was not read."""
    if card_line is not None:
        report(
            line, 1, "blank-in-payload", "error",
            "text after a blank line, with no index or timing line: read as more text "
            f"of the card at line {card_line}; a blank line ends a card in "
            "SRT, so remove it (or give this text its own index and timing line)",
        )
    else:
        where = "of a card that was not read" if last_dropped else "before the first card"
        report(
            line, 1, "untimed-line", "error",
            f"text {where}, with no timing line; {_snippet(text)} "
            "was not read (give it an index and a timing line)",
        )
