"""YouTube's rolling captions: recognised, and rewritten with each spoken line once.

YouTube's automatic captions, as yt-dlp saves them, show two lines at a time
and scroll: a new line is written word by word under the previous one
(``<00:00:01.260><c> word</c>`` inline timestamps give each word's time),
held alone for 10 ms, then moves up as the next line comes in::

    00:00:00.000 --> 00:00:01.040 align:start position:0%
    (a line holding one space)
    The<00:00:00.160><c> game</c><00:00:00.340><c> has</c><00:00:00.620><c> begun</c>

    00:00:01.040 --> 00:00:01.050 align:start position:0%
    The game has begun
    (a line holding one space)

    00:00:01.050 --> 00:00:02.280 align:start position:0%
    The game has begun
    and<00:00:01.260><c> everyone</c><00:00:01.600><c> plays</c>

That is valid WebVTT, and a video player shows it as intended; read as a
transcript, every spoken line is there three times.  The same shape survives a
conversion to SRT (the inline timestamps and the space lines go, the repeats
stay).

:func:`first_rolling` says whether cues roll, and where it starts;
:func:`deroll` gives each spoken line once, in order, timed from its first
word to the next line, its word timings kept as inline timestamps (and as
the cue's ``words``: each word from its timestamp to the next, the line's
first word from the cue's start, the last to the cue's end), with no
overlap and no cue of zero length.  The lint rule ``rolling-captions``,
``transcript-convert`` and the Sphinx directive all use these; nothing here
knows of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, islice, repeat
from operator import contains, eq

from .model import Cue
from .wordtiming import PendingWords

#: Lines carried from one cue into the next, at least, before a file counts
#: as rolling (one could be chance: a speaker repeating a line).
MIN_CARRIES = 2
#: How long the last line lasts when the file gives it no time of its own.
LAST_LINE_MS = 10

# An inline timestamp, as YouTube writes it (always with hours).
_INLINE = r"<(\d+:)?[0-5]\d:[0-5]\d\.\d{3}>"


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _plain(line: str) -> str:
    """A payload line as words: markup gone, spaces collapsed."""
    if "<" in line or "&" in line:
        from . import markup  # only for lines with markup: a lint run seldom needs it

        line = markup.plain_text(markup.parse(line))
    return " ".join(line.split())


def _filled(text: str) -> list[str]:
    return [plain for plain in map(_plain, _lines(text)) if plain]


def _edges(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each text's first and last filled line, stripped, markup and all."""
    firsts = [text.lstrip().partition("\n")[0].strip() for text in texts]
    lasts = [text.rstrip().rpartition("\n")[2].strip() for text in texts]
    return firsts, lasts


def carries(texts: Sequence[str]) -> list[int]:
    """Indexes of the cue texts that scroll: a new line under the line the cue before
    ended on.

    A cue of one line that repeats the one before is not counted: repeated
    cues (a refrain, "[Music]" three times) are not rolling captions.  The
    lines are compared as written (one pass in C over a file that does not
    roll): YouTube writes a carried line without markup in both cues.
    """
    firsts, lasts = _edges(texts)
    maybe = compress(range(1, len(texts)), map(eq, islice(firsts, 1, None), lasts))
    found: list[int] = []
    for index in maybe:
        lines = _filled(texts[index])
        before = _filled(texts[index - 1])
        if len(lines) > 1 and before and lines[0] == before[-1]:
            found.append(index)
    return found


def first_rolling_text(texts: Sequence[str]) -> int | None:
    """:func:`first_rolling` of the cues with these texts."""
    # A cue that scrolls holds two lines at least: too few texts with a line
    # break (counted in C) settle most files without a look at their lines.
    breaks = sum(map(contains, texts, repeat("\n")))
    if breaks < MIN_CARRIES or 3 * breaks < len(texts):
        return None
    found = carries(texts)
    if len(found) < MIN_CARRIES or 3 * len(found) < len(texts):
        return None
    index = found[0] - 1
    carried = _filled(texts[index])[-1:]
    while index and _filled(texts[index - 1])[-1:] == carried:
        index -= 1  # the 10 ms hold repeats the line the cue before it wrote
    return index


def first_rolling(cues: Sequence[Cue]) -> int | None:
    """Index of the first cue of a rolling-caption file, or ``None`` when the cues do not roll.

    The cues roll when at least :data:`MIN_CARRIES` of them, and at least a
    third of all (YouTube's 10 ms holds are the others), scroll (see
    :func:`carries`).  The index is that of the first cue that shows the line
    carried on first (where it is written word by word).
    """
    return first_rolling_text([cue.text for cue in cues])


class _Spoken:
    """One spoken line as it is gathered from the cues that show it."""

    __slots__ = ("end_ms", "line", "plain", "start_ms", "text", "text_line")

    def __init__(self, cue: Cue, text: str, plain: str, offset: int) -> None:
        self.start_ms = cue.start_ms
        self.end_ms = cue.end_ms
        self.text = text.strip()
        self.plain = plain
        self.line = cue.line
        self.text_line = cue.text_line + offset if cue.text_line else 0


def _carried(plains: list[str], spoken: list[_Spoken], most: int) -> int:
    """How many of the cue's first lines repeat the last spoken lines (at most *most*)."""
    for count in range(min(most, len(spoken)), 0, -1):
        if [line.plain for line in spoken[-count:]] == plains[:count]:
            return count
    return 0


def spoken_lines(cues: Sequence[Cue]) -> list[_Spoken]:
    """Each line spoken, once, in the order first shown.

    In a cue that ends with a filled line, that last line is new (YouTube's
    lower line, where words appear); lines above it that repeat the last lines
    already gathered are carried over.  A cue that ends with an empty line (the
    10 ms hold) or has one line only may repeat all of its lines.  A line
    with inline timestamps is never a repeat.
    """
    spoken: list[_Spoken] = []
    for cue in cues:
        raw = _lines(cue.text)
        kept = [(offset, line) for offset, line in enumerate(raw) if line.strip()]
        plains = [_plain(line) for _, line in kept]
        kept = [pair for pair, plain in zip(kept, plains, strict=True) if plain]
        plains = [plain for plain in plains if plain]
        if not kept:
            continue
        most = len(kept) if len(kept) == 1 or not raw[-1].strip() else len(kept) - 1
        while most and re.search(_INLINE, kept[most - 1][1]):
            most -= 1
        carried = _carried(plains, spoken, most)
        for line in spoken[len(spoken) - carried :]:
            if cue.end_ms is not None:
                line.end_ms = max(line.end_ms or cue.end_ms, cue.end_ms)
        for (offset, text), plain in zip(kept[carried:], plains[carried:], strict=True):
            spoken.append(_Spoken(cue, text, plain, offset))
    return spoken


def _within(text: str, start: int, end: int) -> str:
    """*text* without the inline timestamps not strictly inside ``(start, end)``."""

    def keep(match: re.Match[str]) -> str:
        from . import markup

        ms, _, _ = markup.scan_timestamp(match[0], 1)
        return match[0] if ms is not None and start < ms < end else ""

    return re.sub(_INLINE, keep, text) if "<" in text else text


def deroll(cues: Sequence[Cue]) -> list[Cue]:
    """The cues with each spoken line once: see the module's docstring.

    Each new cue starts at the first word of its line and ends where the next
    line starts (the last one where the last cue showing it ends).  Lines
    that start at the same moment share a cue, so no cue has zero length and
    none overlaps the next.  Cue settings (YouTube's ``align:start
    position:0%``, which pins the scrolling lines to the left) are not kept.
    """
    spoken = spoken_lines(cues)
    groups: list[list[_Spoken]] = []
    for line in spoken:
        if groups and groups[-1][0].start_ms >= line.start_ms:
            groups[-1].append(line)
        else:
            groups.append([line])
    result: list[Cue] = []
    for index, group in enumerate(groups):
        first = group[0]
        start = first.start_ms
        if index + 1 < len(groups):
            end = groups[index + 1][0].start_ms
        else:
            latest = max((line.end_ms or 0) for line in group)
            end = max(latest, start + LAST_LINE_MS)
        text = "\n".join(_within(line.text, start, end) for line in group)
        plain = "\n".join(line.plain for line in group)
        result.append(Cue(start, end, text, plain, None, "", first.line, "", first.text_line,
                          PendingWords(text, start, end)))
    return result
