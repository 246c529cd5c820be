r"""``NAME.txt`` and ``NAME.vtt`` side by side disagree in their words or times.

Repositories such as talk-python-transcripts keep each episode twice: as
WebVTT for players and as timestamped text for reading.  A correction made
to one file only (a name spelt right in the ``.txt``, a time fixed in the
``.vtt``) makes them drift apart.  The rule reads the sibling file and
reports each place they disagree, in both files (each file's run reports its
own lines and names the other's):

* **words**: the two word sequences are aligned (case, punctuation and the
  filler words in ``ignore-words`` aside) and every stretch that differs is
  reported where it starts;
* **times**: every paragraph of the ``.txt`` must start within
  ``tolerance-ms`` of some cue of the ``.vtt`` (the ``.txt`` may merge several
  cues into one paragraph, and gives its times to the second).

The alignment is anchored at the paragraphs whose times match, so it runs in
linear time on long episodes.

Off by default, for two reasons: most repositories have no such pairs, and
where they do, the ``.txt`` is often an edited reading version (fillers
dropped, stutters removed, cues merged) that is *meant* to differ a little.
Switch it on where the two are meant to say the same.

.. rubric:: Options

``tolerance-ms`` (``1000``)
    how far a ``.txt`` paragraph's time may be from the ``.vtt`` cue's start.
``ignore-words`` (``["um", "uh", "er", "ah"]``)
    words left out of the comparison (the talk-python ``.txt`` files drop them).

.. rubric:: Fix

None: only a person knows which file has the correction.

.. rubric:: Examples

Failing (``talk.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.500
    Welcome to Talk Python To Me.

    00:00:03.500 --> 00:00:06.000
    This is your host, Michael Kenedy.

Failing (``talk.txt``)::

    00:00:01 Welcome to Talk Python To Me.

    00:00:03 This is your host, Michael Kennedy.

Passing (``talk.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:03.500
    Welcome to Talk Python To Me.

    00:00:03.500 --> 00:00:06.000
    Um, this is your host, Michael Kennedy.

Passing (``talk.txt``)::

    00:00:01 Welcome to Talk Python To Me. This is your host, Michael Kennedy.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import pairwise
from operator import le

from ...model import Transcript
from ...timecode import format_clock, format_vtt
from ..base import Context, Finding, Option
from ._edit import payload_position

ID = "pair-drift"
LEVEL = "warning"
ENABLED = False
FORMATS = frozenset({"vtt", "txt"})
OPTIONS: dict[str, Option] = {
    "tolerance-ms": Option(
        int, 1000, "how far a .txt paragraph's time may be from the .vtt cue's start"
    ),
    "ignore-words": Option(
        tuple, ("um", "uh", "er", "ah"), "words left out of the comparison"
    ),
}
FIX = None

_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…—–¿¡"
_SHOWN = 6  # words quoted on each side of a difference


class _Words:
    """One file's comparable words, each with its cue and its offset in ``cue.text``."""

    __slots__ = ("cue", "first", "keys", "offset", "shown")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.shown: list[str] = []
        self.cue: list[int] = []
        self.offset: list[int] = []
        self.first: list[int] = []  # index of each cue's first word

    def quote(self, start: int, stop: int) -> str:
        """Words *start* to *stop* as written (a few of them)."""
        if start >= stop:
            return "(nothing)"
        more = " …" if stop - start > _SHOWN else ""
        return " ".join(self.shown[start : min(stop, start + _SHOWN)]) + more

    def cue_of(self, index: int) -> int | None:
        """The cue holding word *index* (the last word's, past the end)."""
        if not self.cue:
            return None
        return self.cue[min(index, len(self.cue) - 1)]


def _words(transcript: Transcript, ignore: frozenset[str]) -> _Words:
    words = _Words()
    for index, cue in enumerate(transcript.cues):
        words.first.append(len(words.keys))
        at = 0
        for token in (cue.plain_text or cue.text).split():
            key = token.strip(_PUNCTUATION).casefold()
            found = cue.text.find(token, at)
            if found >= 0:
                at = found + len(token)
            if not key or key in ignore:
                continue
            words.keys.append(key)
            words.shown.append(token)
            words.cue.append(index)
            words.offset.append(found if found >= 0 else at)
    words.first.append(len(words.keys))
    return words


def _anchors(
    text: Transcript, vtt: Transcript, tw: _Words, vw: _Words, tolerance: int
) -> tuple[list[tuple[int, int]], list[int]]:
    """Where the two files surely say the same thing, and the txt cues no vtt cue starts near.

    An anchor is a ``(txt cue, vtt cue)`` pair whose starts are within
    *tolerance* and where both files have the same word on each side of the
    cut (the cue's first word, and the word before it).  The time alone is
    not enough: the ``.txt`` sometimes gives a paragraph the time of a short
    cue whose words it put at the end of the paragraph before, and cutting
    there would report those words as missing on one side and extra on the
    other.
    """
    starts = [cue.start_ms for cue in vtt.cues]
    ordered = all(map(le, starts, starts[1:]))
    by_time = starts if ordered else sorted(starts)
    anchors: list[tuple[int, int]] = []
    unmatched: list[int] = []
    last = -1
    for i, cue in enumerate(text.cues):
        low = bisect_left(by_time, cue.start_ms - tolerance)
        high = bisect_right(by_time, cue.start_ms + tolerance)
        if low >= high:
            unmatched.append(i)
            continue
        if not ordered or tw.first[i] == tw.first[i + 1]:
            continue  # anchors need file order, and a first word to compare
        at = tw.first[i]
        word, before = tw.keys[at], tw.keys[at - 1] if at else None
        for j in range(max(low, last + 1), high):
            there = vw.first[j]
            if (
                there < vw.first[j + 1]
                and vw.keys[there] == word
                and (vw.keys[there - 1] if there else None) == before
            ):
                anchors.append((i, j))
                last = j
                break
    return anchors, unmatched


def _differences(
    tw: _Words, vw: _Words, anchors: list[tuple[int, int]]
) -> list[tuple[int, int, int, int]]:
    """``(txt start, txt stop, vtt start, vtt stop)`` word ranges that differ.

    The sequences are cut at the anchors and each piece is aligned on its
    own, so a long episode costs many small alignments, not one huge one.
    """
    bounds = [(0, 0), *((tw.first[i], vw.first[j]) for i, j in anchors)]
    bounds.append((len(tw.keys), len(vw.keys)))
    import difflib  # lazy: the rule is opt-in; keep the linter's start-up short

    found: list[tuple[int, int, int, int]] = []
    for (a0, b0), (a1, b1) in pairwise(bounds):
        a, b = tw.keys[a0:a1], vw.keys[b0:b1]
        if a == b:
            continue
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                found.append((a0 + i1, a0 + i2, b0 + j1, b0 + j2))
    return found


def check(ctx: Context) -> Iterator[Finding]:
    mine_txt = ctx.format == "txt"
    other = ctx.sibling(".vtt" if mine_txt else ".txt")
    if other is None or other[1].format != ("vtt" if mine_txt else "txt"):
        return
    name = os.path.basename(other[0])
    text, vtt = (ctx.transcript, other[1]) if mine_txt else (other[1], ctx.transcript)
    ignore = frozenset(str(word).casefold() for word in ctx.options.get("ignore-words", ()))
    tolerance = int(ctx.options.get("tolerance-ms", 1000))
    tw, vw = _words(text, ignore), _words(vtt, ignore)
    anchors, unmatched = _anchors(text, vtt, tw, vw, tolerance)
    differences = _differences(tw, vw, anchors)
    if len(differences) * 10 > max(len(tw.keys), len(vw.keys), 1):
        yield Finding(
            1, 1,
            f"{name} disagrees with this file in {len(differences)} places; are they the "
            "same transcript?",
        )
        return
    mine, theirs = (tw, vw) if mine_txt else (vw, tw)
    other_cues = other[1].cues
    found: list[Finding] = []
    for a0, a1, b0, b1 in differences:
        (m0, m1), (t0, t1) = ((a0, a1), (b0, b1)) if mine_txt else ((b0, b1), (a0, a1))
        cue = mine.cue_of(m0)
        if cue is None:
            continue
        offset = mine.offset[m0] if m0 < len(mine.offset) else 0
        line, col = payload_position(ctx, ctx.cues[cue], offset)
        their_cue = theirs.cue_of(t0)
        there = other_cues[their_cue].line if their_cue is not None else 1
        found.append(
            Finding(
                line, col,
                f"words differ from {name} (line {there}): here {mine.quote(m0, m1)!r}, there "
                f"{theirs.quote(t0, t1)!r}; a correction made to one file only?",
            )
        )
    found.extend(_time_findings(ctx, text, vtt, unmatched, name=name, tolerance=tolerance))
    found.sort(key=lambda finding: (finding.line, finding.column))
    yield from found


def _time_findings(
    ctx: Context, text: Transcript, vtt: Transcript, unmatched: list[int], *, name: str,
    tolerance: int,
) -> Iterator[Finding]:
    """Each .txt paragraph no .vtt cue starts near, seen from this file."""
    by_start = sorted(vtt.cues, key=lambda c: c.start_ms)
    starts = [c.start_ms for c in by_start]
    if not by_start:
        return
    for i in unmatched:
        cue = text.cues[i]
        # The .vtt cue being spoken at that time: the last one starting before it.
        nearest = by_start[max(bisect_left(starts, cue.start_ms + 1) - 1, 0)]
        if ctx.format == "txt":
            yield Finding(
                cue.line, 1,
                f"no cue in {name} starts within {tolerance} ms of "
                f"{format_clock(cue.start_ms)} (the cue at line {nearest.line} starts at "
                f"{format_vtt(nearest.start_ms)}); a time changed in one file only?",
            )
        else:
            yield Finding(
                nearest.line, 1,
                f"{name} has a paragraph at {format_clock(cue.start_ms)} (line {cue.line}) "
                f"but no cue here starts within {tolerance} ms of it; a time changed in one "
                "file only?",
            )
