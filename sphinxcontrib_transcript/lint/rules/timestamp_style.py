r"""A time written in another form than the file's other times (``16:18`` among ``00:16:05``).

Timestamped text is written by hand as often as by tools, and a hand edit
tends to drop the hours (``16:18``) or the brackets (``03:40`` among
``[03:35]``).  The reader takes every form, so nothing is lost, but the file
no longer says its times one way: the next tool (a script cutting the file at
``00:``, a search for ``[01:``) misses the odd one.  In the talk-python
transcripts a lone ``16:18`` among ``HH:MM:SS`` lines was committed and fixed
by hand later.

The file's way is the one most of its times follow, among: always
``HH:MM:SS``; always ``H:MM:SS``; ``MM:SS`` (or ``M:SS``) under an hour and
``HH:MM:SS`` (or ``H:MM:SS``) from the hour on, as tools that count minutes
write them (``[59:58]`` then ``[01:00:10]`` is one way, not two); and in
square brackets or not.  Each time that does not follow it is reported.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: each such time is rewritten the file's way (``16:18`` becomes
``00:16:18``); the times themselves do not change.

.. rubric:: Examples

Failing (``example.txt``)::

    00:16:05 So the first release was in 2010.

    16:18 And the community grew from there.

    00:16:31 Right, and then came the summit.

Passing (``example.txt``)::

    00:16:05 So the first release was in 2010.

    00:16:18 And the community grew from there.

    00:16:31 Right, and then came the summit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ...timecode import hms
from ..base import Context, Finding, Option
from ._columns import column, derived
from ._edit import changed, split_keep

ID = "timestamp-style"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"txt"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

# A time at the start of a line, as the timestamped-text reader takes one:
# optional indentation, optional brackets around [H:]MM:SS.
_STAMP = r"([ \t]*)(\[?)((?:\d{1,3}:)?[0-5]?\d:[0-5]\d)(\]?)(?=[ \t]|$)"


def _long(ms: int, pad: bool) -> str:
    h, m, s, _ = hms(ms)
    return f"{h:02d}:{m:02d}:{s:02d}" if pad else f"{h}:{m:02d}:{s:02d}"


def _minutes(pad_hours: bool, pad_minutes: bool) -> Callable[[int], str]:
    def write(ms: int) -> str:
        h, m, s, _ = hms(ms)
        if h:
            return _long(ms, pad_hours)
        return f"{m:02d}:{s:02d}" if pad_minutes else f"{m}:{s:02d}"

    return write


#: The ways a file may write its times, in order of preference on a tie.
WAYS: dict[str, Callable[[int], str]] = {
    "HH:MM:SS": lambda ms: _long(ms, True),
    "MM:SS, from the hour HH:MM:SS": _minutes(True, True),
    "H:MM:SS": lambda ms: _long(ms, False),
    "MM:SS, from the hour H:MM:SS": _minutes(False, True),
    "M:SS, from the hour H:MM:SS": _minutes(False, False),
    "M:SS, from the hour HH:MM:SS": _minutes(True, False),
}


class _Stamp:
    __slots__ = ("bracketed", "column", "line", "token")

    def __init__(self, line: int, match: re.Match[str]) -> None:
        self.line = line
        self.column = match.start(2) + 1
        self.bracketed = bool(match[2])
        self.token = match[3]

    @property
    def ms(self) -> int:
        fields = [int(part) for part in self.token.split(":")]
        hours = fields[0] if len(fields) == 3 else 0
        return ((hours * 60 + fields[-2]) * 60 + fields[-1]) * 1000

    def shape(self) -> tuple[int, ...]:
        """The widths the time is written with and the widths its values need:
        every way takes or refuses all the times of one shape alike."""
        fields = self.token.split(":")
        hours = fields[0] if len(fields) == 3 else ""
        minutes = fields[-2]
        return (len(hours), len(minutes), len(str(int(hours))) if hours and int(hours) else 0,
                len(str(int(minutes))))


# A file whose every time is HH:MM:SS, unbracketed (what tools write): the
# heads of its timed lines, joined, match this in one pass.
_ALL_CLOCK = r"(?:\d\d:[0-5]\d:[0-5]\d(?:[ \t][^\n]?)?\n)*"
# A file of nothing but such lines and blank lines (talk-python's layout): the
# whole text matches this in one pass, with no line cut out.
_CLOCK_LINES = r"\n*(?:\d\d:[0-5]\d:[0-5]\d(?:[ \t][^\n]*)?(?:\n+|$))*"


def _stamps(ctx: Context) -> list[_Stamp]:
    """The time written at the start of each cue's line, as written; none at all
    when every one is ``HH:MM:SS`` (nothing can deviate then)."""
    if re.fullmatch(_CLOCK_LINES, ctx.text) is not None:
        return []
    lines = ctx.lines
    count = len(lines)
    numbers = [n for n in column(ctx, "line") if 0 < n <= count]
    heads = "".join([lines[n - 1][:10] + "\n" for n in numbers])
    if re.fullmatch(_ALL_CLOCK, heads):
        return []
    found: list[_Stamp] = []
    pattern = re.compile(_STAMP)
    for number in numbers:
        match = pattern.match(lines[number - 1])
        if match is not None and bool(match[2]) == bool(match[4]):
            found.append(_Stamp(number, match))
    return found


def _way(stamps: list[_Stamp]) -> tuple[str, bool]:
    """The file's way: its name and whether in brackets."""
    shapes: dict[tuple[int, ...], list[_Stamp]] = {}
    for stamp in stamps:
        shapes.setdefault(stamp.shape(), []).append(stamp)
    counts = {
        name: sum(len(group) for group in shapes.values() if write(group[0].ms) == group[0].token)
        for name, write in WAYS.items()
    }
    name = max(counts, key=lambda way: counts[way])  # the first of equals wins
    bracketed = sum(s.bracketed for s in stamps)
    return name, 2 * bracketed > len(stamps) or (
        2 * bracketed == len(stamps) and stamps[0].bracketed
    )


def _deviants(ctx: Context) -> tuple[list[tuple[_Stamp, str, str]], int]:
    """Each time not written the file's way, with how it should be and the way's
    name; and how many times the file has."""
    stamps = _stamps(ctx)
    if len(stamps) < 2:
        return [], len(stamps)
    name, bracketed = _way(stamps)
    write = WAYS[name]
    out: list[tuple[_Stamp, str, str]] = []
    for stamp in stamps:
        expected = write(stamp.ms)
        if stamp.token != expected or stamp.bracketed != bracketed:
            shown = f"[{expected}]" if bracketed else expected
            out.append((stamp, shown, f"[{name}]" if bracketed else name))
    return out, len(stamps)


def check(ctx: Context) -> Iterator[Finding]:
    if ":" not in ctx.text:
        return
    deviants, total = derived(ctx, "timestamp-style", _deviants)
    for stamp, expected, way in deviants:
        written = f"[{stamp.token}]" if stamp.bracketed else stamp.token
        yield Finding(
            stamp.line, stamp.column,
            f"time {written} is not written the way the file's other times are ({way}, "
            f"{total - len(deviants)} of {total}); write {expected}",
        )


def fix(ctx: Context) -> bytes | None:
    deviants, _ = derived(ctx, "timestamp-style", _deviants)
    if not deviants:
        return None
    lines, endings = split_keep(ctx.text)
    for stamp, expected, _ in deviants:
        line = lines[stamp.line - 1]
        match = re.match(_STAMP, line)
        if match is None:
            continue
        lines[stamp.line - 1] = line[: match.start(2)] + expected + line[match.end(4) :]
    return changed(ctx, "".join(line + end for line, end in zip(lines, endings, strict=True)))
