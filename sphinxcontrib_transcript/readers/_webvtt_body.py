"""The WebVTT reader's body, read the fast way: cue blocks a field at a time.

A file as tools write it (cue after cue, each a timing line and its text) is
read here with C-level passes over whole spans of the body: the one-line
layout by slicing its lines in threes, canonical timing lines as written,
other well-formed cues by one pattern match each.  Whatever is odd (a
comment, a timing line the patterns refuse, a stray line) goes to the spec's
own algorithm, :meth:`BodyReader.blocks`, which the WebVTT reader
(:mod:`sphinxcontrib_transcript.readers.webvtt`) provides.  The tests pin
every path here to that algorithm.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain, repeat
from operator import add, getitem, sub

from ..model import Transcript
from ..table import COLUMNS, Constant, CueTable, TimingSummary
from ..wordtiming import InlineWords
from ._bulk import (
    Lazy,
    TableBuilder,
    all_canonical,
    clock_ms,
    fields_ms,
    markup_columns,
    plain_columns,
    time_columns,
    timing_arrays,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The fast path: a cue block exactly as the syntax wants it, matched whole:
# an optional identifier line, the timing line (both times with hours of two
# digits or more, or both without), settings, payload.  Anything else (no space around
# the arrow, one-digit hours, a bad field) goes to the spec's own algorithm,
# which finds the same times for what it accepts and says where the rest goes
# wrong.  Two patterns rather than one with optional hours: that optional
# group makes the match twice as slow.
_LONG = r"([0-9]{2,}:[0-5][0-9]:[0-5][0-9])\.([0-9]{3})"
_SHORT = r"([0-5][0-9]:[0-5][0-9])\.([0-9]{3})"
_ARROW = r"[ \t]+-->[ \t]+"
_IDENTIFIER = r"(?:([^\n]*)\n)??"
_REST = r"(?:[ \t]+([^\n]*))?(?:\n(.*))?"
_FAST_CUE = Lazy(_IDENTIFIER + _LONG + _ARROW + _LONG + _REST, re.ASCII | re.DOTALL)
_FAST_SHORT_CUE = Lazy(_IDENTIFIER + _SHORT + _ARROW + _SHORT + _REST, re.ASCII | re.DOTALL)
_GROUPS = re.Match.groups
# The commonest block of all, "HH:MM:SS.mmm --> HH:MM:SS.mmm" alone on its
# line with single spaces: its fields stand at fixed places, so a file of
# nothing else needs no groups at all (see BodyReader.canonical).  Checked for
# all pieces at once, on their first 30 characters joined by line breaks:
# each must be the timing line, then a line break or the end of the piece.
_CANONICAL_TIMING = (
    r"[0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3} --> [0-9]{2}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"
)
_CANONICAL = Lazy(_CANONICAL_TIMING + r"(?![^\n])", re.ASCII)
_ALL_CANONICAL = Lazy(
    _CANONICAL_TIMING + r"(?:\n\n?" + _CANONICAL_TIMING + r")*\n?", re.ASCII
)
# Timing lines joined by line breaks, canonical but for hours of any width.
_WIDE_TIME = r"[0-9]{2,}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3}"
_WIDE_TIMING = _WIDE_TIME + " --> " + _WIDE_TIME
_WIDE_TIMINGS = Lazy(_WIDE_TIMING + r"(?:\n" + _WIDE_TIMING + r")*", re.ASCII)

# Characters of a body cut into lines (or pieces) at a time.
_SPAN = 1 << 16

#: ASCII whitespace, what the spec's "skip whitespace" skips.
WHITESPACE = "\t\n\f\r "

# The fast paths read blocks a field at a time.  A test that empties
# ``_SETTERS`` (the name this switch has always had) sends every block to the
# spec's algorithm instead, to compare the two.
_SETTERS: tuple[str, ...] = tuple(COLUMNS)

# First lines the fast path leaves to the block algorithm, for its diagnostics.
KEYWORDS = ("NOTE", "STYLE", "REGION")


class BodyReader:
    """The fast paths of the WebVTT reader's body; the reader itself (a subclass)
    gives the spec's algorithm (:meth:`blocks`) and the transcript."""

    transcript: Transcript
    builder: TableBuilder | None

    def blocks(self, chunk: str, number: int) -> None:
        """Run the spec's "collect a WebVTT block" over *chunk* (the subclass's)."""
        raise NotImplementedError

    def body(self, text: str, pos: int, number: int) -> None:
        """Read the blocks from *pos* (the start of line *number*) to the end.

        Blank lines end every block, so the text is cut at them into pieces.
        When every piece is one well-formed cue (the common case: a file as a
        tool wrote it), the cues are made column by column (:meth:`columns`);
        else piece by piece, the odd ones through the spec's algorithm.  This
        is where reading time goes, so it is written for speed.
        """
        # The body without the blank lines around it, by indexes: no copy of the
        # text for the fast path.
        start, end = pos, len(text)
        while end > start and text[end - 1] == "\n":
            end -= 1
        while start < end and text[start] == "\n":
            start += 1
        if start == end:
            return
        number += start - pos  # the blank lines before the first block
        if not _SETTERS:  # pragma: no cover - only if the model changes
            self.blocks(text[start:end], number)
            return
        # A file keeps to one form of times: match its form.
        arrow = text.find("-->", start, end)
        timing = max(text.rfind("\n", start, arrow) + 1, start)
        short = arrow >= 0 and text[timing + 2 : timing + 3] != ":"
        if not short and self.one_line_cues(text, start, number):
            return
        fast = (_FAST_SHORT_CUE if short else _FAST_CUE).compiled.fullmatch
        markup = text.find("<", start, end) >= 0 or text.find("&", start, end) >= 0
        # Span by span, cut at blank lines: the pieces and their matches of one span
        # at a time, so a long file's memory goes to its cues, not to copies of it.
        # While every piece starts with a canonical timing line, the spans are
        # kept as such (see canonical()); the first other span sends those made
        # so far, and all after it, to the general path.
        canonical: Canonical | None = None if short else Canonical()
        while start < end:
            stop = text.find("\n\n", min(start + _SPAN, end), end)
            if stop < 0:
                stop = end
            content = text[start:stop]
            pieces, starts = self.split(content, number)
            if canonical is not None and not canonical.add(content, pieces, starts):
                self.flush(canonical, markup)
                canonical = None
            if canonical is None:
                self.pieces(content, pieces, starts, fast, markup)
            number += content.count("\n") + 2
            start = stop + 2
        if canonical is not None:
            self.canonical(canonical, markup)

    def split(self, content: str, number: int) -> tuple[list[str], list[int]]:
        """The pieces of *content* (blocks of text between blank lines) and the line
        each starts on, *content* starting on line *number*."""
        chunks = content.split("\n\n")
        # More than one blank line leaves line breaks at the start of a piece.
        pieces = list(map(str.lstrip, chunks, repeat("\n"))) if "\n\n\n" in content else chunks
        # The line each piece starts on: a piece and the blank line after it
        # take its line breaks plus two.
        starts = list(accumulate(map(add, map(str.count, chunks, repeat("\n")), repeat(2)),
                                 initial=number))
        starts.pop()  # where a piece after the last would start
        if pieces is not chunks:
            starts = list(map(add, starts, map(sub, map(len, chunks), map(len, pieces))))
        return pieces, starts

    def pieces(
        self, content: str, pieces: list[str], starts: list[int],
        fast: Callable[[str], re.Match[str] | None], markup: bool,
    ) -> None:
        """The cues of *content*, cut into *pieces* starting on lines *starts*: runs of
        well-formed pieces by columns, the others one by one."""
        matches = list(map(fast, pieces))
        if None not in matches and content.count("-->") == len(matches) and self.columns(
            matches, starts, markup
        ):
            return
        run = 0
        for index, (piece, match) in enumerate(zip(pieces, matches, strict=True)):
            if match is not None and _plain_cue(piece):
                continue
            if run < index:
                self.columns(matches[run:index], starts[run:index], markup)
            self.piece(piece, starts[index], match)
            run = index + 1
        if run < len(pieces):
            self.columns(matches[run:], starts[run:], markup)

    def one_line_cues(self, text: str, start: int, number: int) -> bool:
        """Make the cues of a body of nothing but canonical timing lines, each with one
        payload line and a blank line after it (what most tools write), starting at
        index *start*, line *number*; ``False``, having made none, for any other body.

        Its lines then fall in threes, so every field is a slice of a list of lines.
        The body is cut at blank lines into spans of about :data:`_SPAN` characters,
        taken one at a time: the lines of the whole file are never all held at once
        (for a long file they would take more memory than its cues).
        """
        end = len(text)
        while end > start and text[end - 1] == "\n":
            end -= 1  # the blank lines after the body
        payloads: list[str] = []
        timings: list[str] = []
        wide = False
        pos = start
        while pos < end:
            stop = text.find("\n\n", min(pos + _SPAN, end), end)
            if stop < 0:
                stop = end
            span = text[pos:stop]
            lines = span.split("\n")
            times = lines[0::3]
            texts = lines[1::3]
            if (
                len(lines) % 3 != 2 or any(lines[2::3]) or not all(times) or not all(texts)
            ):
                return False
            joined = "\n".join(times)
            if not all_canonical(joined, len(times)):
                # Hours of three digits or more (a long recording) are canonical
                # but for their width: read, but not compared as written.
                if _WIDE_TIMINGS.compiled.fullmatch(joined) is None:
                    return False
                wide = True
            timings.append(joined)
            if payloads:
                payloads.extend(texts)
            else:
                payloads = texts  # (most files are one span)
            pos = stop + 2
        count = len(payloads)
        # No "-->" but in the timing lines.  Those, canonical, hold one ">" each,
        # so as many ">" as cues settles it (counting one character is cheaper
        # than counting three).
        if text.count(">", start) != count and text.count("-->", start) != count:
            return False
        marks = "<" * (text.find("<", start) >= 0) + "&" * (text.find("&", start) >= 0)
        plain, speakers = plain_columns(payloads, marks)
        last = number + 3 * count
        starts, ends, summary = timing_arrays(timings) if wide else time_columns(timings)
        self.add_table(CueTable(
            starts=starts, ends=ends, texts=payloads, plain_texts=plain, speakers=speakers,
            lines=range(number, last, 3), text_lines=range(number + 1, last, 3),
        ), summary)
        return True

    def canonical(self, found: Canonical, markup: bool) -> None:
        """Make the cues of a body whose pieces all start with a canonical timing line."""
        plain, speakers = plain_columns(found.payloads, "<&" if markup else "")
        starts = found.starts
        convert = timing_arrays if found.wide else time_columns
        times_start, times_end, summary = convert(found.timings)
        self.add_table(CueTable(
            starts=times_start, ends=times_end, texts=found.payloads, plain_texts=plain,
            speakers=speakers, lines=starts,
            text_lines=array("q", map(add, starts, repeat(1))),
        ), summary)

    def flush(self, found: Canonical, markup: bool) -> None:
        """Hand the canonical pieces kept so far to the general path's table."""
        if not found.payloads:
            return
        payloads, starts = found.payloads, found.starts
        plain, speakers = plain_columns(payloads, "<&" if markup else "")
        count = len(payloads)
        times_start, times_end, _ = timing_arrays(found.timings)
        self.rows().extend(
            times_start, times_end, payloads, plain, speakers, Constant("", count), starts,
            Constant("", count), map(add, starts, repeat(1)),
        )

    def add_table(self, table: CueTable, summary: dict[str, Any]) -> None:
        """The cues of the whole body, made by a fast path as a table: handed to the
        transcript, which makes the cues when they are first read (the linter
        reads the table instead)."""
        assert self.builder is None, "a fast path reads the whole body"
        old = self.transcript
        _words_on_demand(table)
        self.transcript = Transcript(
            "vtt", diagnostics=old.diagnostics, metadata=old.metadata, table=table,
            timing=TimingSummary(table, **summary),
        )

    def columns(
        self, matches: Sequence[re.Match[str] | None], starts: list[int], markup: bool
    ) -> bool:
        """Make the cues of well-formed pieces (every match set) a field at a time;
        ``False`` if one has an identifier that needs the spec's algorithm (``NOTE``)."""
        # All groups of all matches in one list, then every seventh item from
        # each start: the fields as columns, with no per-cue work in Python.
        found: Sequence[re.Match[str]] = matches  # type: ignore[assignment]
        flat = list(chain.from_iterable(map(_GROUPS, found, repeat(""))))
        identifiers, clock1, millis1, clock2, millis2, settings, payloads = (
            flat[field::7] for field in range(7)
        )
        if any(identifiers):
            if any(map(str.startswith, identifiers, repeat(KEYWORDS))):
                return False
            starts = list(map(add, starts, map(bool, identifiers)))
        plain: list[str] = payloads
        speakers: Iterable[str | None] = Constant(None, len(payloads))
        if markup:
            plain, voices = markup_columns(payloads)
            if voices is not None:
                speakers = voices
        if any(settings):
            settings = list(map(str.strip, settings, repeat(WHITESPACE)))
        # Hours past 99: a long recording, whose times rarely repeat: no cache.
        convert = clock_ms if not clock1 or len(clock1[-1]) <= 8 else fields_ms
        self.rows().extend(
            convert(clock1, millis1), convert(clock2, millis2), payloads, plain, speakers,
            identifiers, starts, settings, map(add, starts, repeat(1)),
        )
        return True

    def piece(self, piece: str, start: int, match: re.Match[str] | None) -> None:
        """One odd piece of text between blank lines, starting at line *start*."""
        if match is None:
            long, short = _FAST_CUE.compiled, _FAST_SHORT_CUE.compiled
            match = long.fullmatch(piece) or short.fullmatch(piece)  # the other form of times
        if match is not None and _plain_cue(piece):
            self.columns([match], [start], markup=True)
        elif piece:
            self.blocks(piece, start)

    def rows(self) -> TableBuilder:
        """Where the cues go, made when the first is added."""
        if self.builder is None:
            self.builder = TableBuilder()
        return self.builder

    def cue_count(self) -> int:
        return 0 if self.builder is None else self.builder.count

    def finish(self) -> Transcript:
        """The transcript, with the cues the paths added as its table."""
        if self.builder is None:
            return self.transcript
        old = self.transcript
        table = self.builder.table()
        _words_on_demand(table)
        return Transcript("vtt", diagnostics=old.diagnostics, metadata=old.metadata,
                          table=table)


def _words_on_demand(table: CueTable) -> None:
    """Give *table* the cues' inline-timestamp word timings as a column that reads
    them only when asked (the linter never asks).

    The plain texts are the texts themselves (the same list) when no payload
    has markup: then none holds a ``<`` (every ``<`` starts a tag, which the
    plain text drops) and there is no word timing to look for.
    """
    if table.plain_texts is not table.texts:
        table.words = InlineWords(table.texts, table.starts, table.ends)


class Canonical:
    """The spans of a body whose every piece starts with a canonical timing line and
    holds no other ``-->``, kept for :meth:`BodyReader.canonical`: the payloads, the
    lines they start on, each span's timing lines joined by line breaks, and
    whether any has hours of three digits or more (``wide``: such times do not
    compare as written)."""

    __slots__ = ("payloads", "starts", "timings", "wide")

    def __init__(self) -> None:
        self.payloads: list[str] = []
        # The lines the cues start on, 8 bytes each (a long file has many).
        self.starts: array[int] = array("q")
        self.timings: list[str] = []
        self.wide = False

    def add(self, content: str, pieces: list[str], starts: list[int]) -> bool:
        """Keep the span *content* (cut into *pieces*), or say ``False``: it is not
        all canonical pieces."""
        # No empty piece either: joined, it would pass for a line break.
        if content.count("-->") != len(pieces) or "" in pieces:
            return False
        if _CANONICAL.compiled.match(pieces[0]) is not None:
            heads = "\n".join(map(getitem, pieces, repeat(slice(0, 30))))
            if _ALL_CANONICAL.compiled.fullmatch(heads) is not None:
                self.payloads.extend(map(getitem, pieces, repeat(slice(30, None))))
                self.starts.extend(starts)
                # A head is the timing line, alone or with the line break after it.
                self.timings.append(heads.replace("\n\n", "\n").rstrip("\n"))
                return True
        # Hours of any width: each piece cut at its first line break.
        firsts, _, payloads = zip(*map(str.partition, pieces, repeat("\n")), strict=True)
        joined = "\n".join(firsts)
        if _WIDE_TIMINGS.compiled.fullmatch(joined) is None:
            return False
        self.wide = True
        self.payloads.extend(payloads)
        self.starts.extend(starts)
        self.timings.append(joined)
        return True


def _plain_cue(piece: str) -> bool:
    """Whether a piece the fast pattern matched is that cue and nothing else."""
    return piece.count("-->") == 1 and not piece.startswith(KEYWORDS)
