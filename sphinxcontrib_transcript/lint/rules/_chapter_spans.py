"""Where each chapter of a chapter file is written, for the fix that reorders them.

Each chapter is one piece of text: a line of a list, an object of the JSON
``chapters`` array, a cue block of a WebVTT file.  The pieces are found by
the same readers that read the chapters (the JSON scanner, the WebVTT reader,
the list's line pattern), so they line up with
:attr:`~sphinxcontrib_transcript.chapters.Chapters.chapters` one for one.
"""

from __future__ import annotations

import json
from itertools import accumulate

from ..._chapters_json import _ms
from ...readers.json import _array, _members, _scan, _skip
from ._edit import split_keep


def json_spans(text: str) -> list[tuple[int, int]] | None:
    """The offsets of each chapter object that was read as a chapter."""
    try:
        data = json.loads(text)
        top = _skip(text, 0)
        at = _members(text, top)["chapters"][1] if isinstance(data, dict) else top
        starts = _array(text, at)[2]
    except (ValueError, KeyError, IndexError, StopIteration, RecursionError):
        return None
    made = []
    for start in starts:
        value, end = _scan(text, start)
        if isinstance(value, dict) and _ms(value.get("startTime")) is not None:
            made.append((start, end))
    return made


def line_spans(text: str, fmt: str) -> list[tuple[int, int]]:
    """The offsets of each list line, or of each WebVTT cue block."""
    lines, endings = split_keep(text)
    offsets = [0, *accumulate(len(line) + len(end) for line, end in zip(lines, endings,
                                                                          strict=True))]
    if fmt == "vtt":
        from ...readers import read

        transcript, _ = read(text, format="vtt")
        blocks = []
        for cue in transcript.cues:
            first = cue.line - 1 if cue.identifier else cue.line
            last = cue.text_line + cue.text.count("\n") if cue.text else cue.line
            blocks.append((first, last))
    else:
        from ...chapters import read_chapters

        blocks = [(c.line, c.line) for c in read_chapters(text, format="txt").chapters]
    return [(offsets[first - 1], offsets[last - 1] + len(lines[last - 1]))
            for first, last in blocks]
