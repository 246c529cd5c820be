"""What the timing fixes share: rewriting times on timing lines, removing cue blocks.

The ``cue-overlap`` and ``zero-duration`` fixes work out new times for a few
cues; this module writes them into the WebVTT or SRT text, each time in the
style its line already uses (``MM:SS.mmm`` stays short while it can, an SRT
comma stays a comma), leaving the arrow's spacing and any cue settings as
they were.  :func:`reads_as` then reads the result back, so a fix that met a
layout it did not foresee changes nothing.
"""

from __future__ import annotations

from ...model import Cue
from ...timecode import format_srt, format_vtt
from ..base import Context
from ._edit import split_keep

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


def _styled(old: str, ms: int, fmt: str) -> str:
    """*ms* written the way *old* is: SRT's comma, WebVTT's hours left out when the
    old time left them out and the new one has none."""
    if fmt == "srt":
        return format_srt(ms)
    new = format_vtt(ms)
    if old.count(":") == 1 and new.startswith("00:"):
        return new[3:]
    return new


def set_times(
    line: str, fmt: str, start: int | None = None, end: int | None = None
) -> str | None:
    """Timing *line* with its start and/or end replaced, or ``None`` when it holds no
    ``-->`` between two times."""
    arrow = line.find("-->")
    if arrow < 0:
        return None
    lead = len(line) - len(line.lstrip())
    head = line[:arrow].rstrip()
    old_start = head[lead:]
    at = arrow + 3
    while at < len(line) and line[at] in " \t":
        at += 1
    stop = at
    while stop < len(line) and line[stop] not in " \t":
        stop += 1
    old_end = line[at:stop]
    if not old_start or not old_end:
        return None
    if end is not None:
        line = line[:at] + _styled(old_end, end, fmt) + line[stop:]
    if start is not None:
        line = line[:lead] + _styled(old_start, start, fmt) + line[len(head) :]
    return line


def block_lines(lines: Sequence[str], cue: Cue) -> tuple[int, int]:
    """0-based ``[first, stop)`` of *cue*'s block: its identifier (or SRT index) line,
    else its timing line, through its last payload line (the payload's lines follow
    one another from ``text_line``; a line of one space is payload), with the empty
    lines just above it (so what is left keeps the empty lines below it between the
    blocks around it)."""
    first = cue.line - 1
    if cue.identifier and first > 0 and lines[first - 1].strip() == cue.identifier.strip():
        first -= 1
    stop = cue.line
    if cue.text and cue.text_line:
        stop = max(stop, cue.text_line - 1 + cue.text.count("\n") + 1)
    while first > 0 and not lines[first - 1]:
        first -= 1
    return first, stop


def rewrite(
    ctx: Context,
    times: Mapping[int, tuple[int | None, int | None]],
    removed: Sequence[int] = (),
) -> str | None:
    """The file's text with new ``(start, end)`` for the cues at the indexes of *times*
    (``None`` keeps a time) and the cues at *removed* taken out; ``None`` when a
    timing line cannot be rewritten or the result does not read back as meant."""
    cues = ctx.cues
    lines, endings = split_keep(ctx.text)
    for index, (start, end) in times.items():
        number = cues[index].line - 1
        new = set_times(lines[number], ctx.format, start, end)
        if new is None:
            return None
        lines[number] = new
    for index in sorted(removed, reverse=True):
        first, stop = block_lines(lines, cues[index])
        if stop == len(lines) and first > 0:
            endings[first - 1] = endings[stop - 1]  # the file's last line ending stays
        del lines[first:stop], endings[first:stop]
    text = "".join(line + end for line, end in zip(lines, endings, strict=True))
    return text if reads_as(ctx, text, times, removed) else None


def reads_as(
    ctx: Context,
    text: str,
    times: Mapping[int, tuple[int | None, int | None]],
    removed: Sequence[int],
) -> bool:
    """Whether *text* reads as the file's cues with *times* applied and *removed* gone."""
    from ...readers import READERS  # only fixes need a reader

    gone = set(removed)
    expected = []
    for index, cue in enumerate(ctx.cues):
        if index in gone:
            continue
        start, end = times.get(index, (None, None))
        expected.append((
            cue.start_ms if start is None else start, cue.end_ms if end is None else end,
            cue.text,
        ))
    got = [(cue.start_ms, cue.end_ms, cue.text) for cue in READERS[ctx.format](text).cues]
    return got == expected
