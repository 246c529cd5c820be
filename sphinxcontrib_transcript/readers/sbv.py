"""Reader for YouTube SubViewer captions (``.sbv``), the caption API's older format::

    0:00:01.760,0:00:02.880
    Good evening.

    0:00:03.100,0:00:05.000
    Second caption,
    on two lines.

A cue is a timing line, ``H:MM:SS.mmm,H:MM:SS.mmm``, then its text up to a
blank line.  Deviations are kept and reported at their line and column:

* a timing line whose times are out of range (``0:00:61.000``) or written
  otherwise (a ``,`` before the milliseconds) is ``bad-timestamp`` (and only
  that); its text runs on from the cue above, since no time of its own can
  be trusted;
* text after a blank line with no timing line is ``untimed-line`` and runs on
  from the cue above (text before the first cue is read as a cue at 0:00);
* a timing line straight after a cue's text starts a new cue and is
  ``missing-blank-line``.

A file of well-formed cues is read by one regular expression pass.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate, compress, repeat
from operator import add, contains

from ..decoding import split_lines
from ..model import Cue, Diagnostic, Transcript
from ..table import CueTable
from ._bulk import clock_ms

_TIME = r"(\d{1,3}:[0-5]\d:[0-5]\d)\.(\d{3})"
# A well-formed cue: timing line, then one or more lines of text.
_CUE = rf"({_TIME},{_TIME}\n((?:(?!\d+:\d+:\d+)[^\n]*[^\s\n][^\n]*(?:\n|$))+))"
# Shaped like a timing line: two times and a comma, whatever their values.
_TIMING_LIKE = r"[ \t]*(\d+:\d+:\d+(?:[.,]\d+)?)[ \t]*,[ \t]*(\d+:\d+:\d+(?:[.,]\d+)?)[ \t]*$"
_FIX = "write H:MM:SS.mmm,H:MM:SS.mmm with minutes and seconds 0-59"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return re.compile(_CUE), re.compile(_TIME), re.compile(_TIMING_LIKE)


@lru_cache(maxsize=1 << 16)  # a file's clocks repeat: a look-up beats three int()
def _clock(clock: str) -> int:
    hours, minutes, seconds = clock.split(":")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000


def _ms(clock: str, millis: str) -> int:
    return _clock(clock) + int(millis)


def _time(token: str) -> int | None:
    match = _patterns()[1].fullmatch(token)
    return None if match is None else _ms(*match.groups())


def _fast(text: str) -> Transcript | None:
    """The cues of a file of well-formed cues, one blank line between, read with
    one pattern pass and made a column at a time; ``None`` for any other file
    (the line reader reports it)."""
    if "\r" in text:
        return None
    found = _patterns()[0].findall(text)
    # The cues, each with one blank line after it but the last, are the whole text.
    if not found or "\n".join(cue[0] for cue in found) != text:
        return None
    _, clocks1, millis1, clocks2, millis2, bodies = zip(*found, strict=True)
    try:
        starts = list(clock_ms(clocks1, millis1))
        ends = list(clock_ms(clocks2, millis2))
    except KeyError:  # milliseconds in other digits than ASCII: the line reader's
        return None
    texts = list(map(str.rstrip, bodies, repeat("\n")))
    plain = list(map(str.strip, texts))
    for index in compress(range(len(texts)), map(contains, texts, repeat("\n"))):
        plain[index] = "\n".join(map(str.strip, texts[index].split("\n")))
    # A cue takes its timing line, its text lines and a blank line.
    heights = map(add, map(str.count, texts, repeat("\n")), repeat(3))
    lines = list(accumulate(heights, initial=1))[:-1]
    # The cues are made when first read; the linter reads the table.
    return Transcript("sbv", table=CueTable(
        starts=starts, ends=ends, texts=texts, plain_texts=plain, lines=lines,
        text_lines=list(map(add, lines, repeat(1))),
    ))


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = split_lines(text)
        self.transcript = Transcript("sbv")
        self.diagnostics = self.transcript.diagnostics
        # The open cue: start, end, line, text lines.
        self.open: tuple[int, int | None, int, list[str]] | None = None

    def report(self, line: int, column: int, rule: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(line, column, rule, "error", message))

    def read(self) -> Transcript:
        timing = _patterns()[2]
        after_blank = True
        for number, line in enumerate(self.lines, 1):
            if not line.strip():
                after_blank = True
                continue
            match = timing.match(line)
            if match is not None:
                self.timing(match, number, after_blank)
            elif after_blank:
                self.untimed(line, number)
            else:
                assert self.open is not None  # text follows a cue's first line
                self.open[3].append(line)
            after_blank = False
        self.close()
        return self.transcript

    def timing(self, match: re.Match[str], number: int, after_blank: bool) -> None:
        start, end = _time(match[1]), _time(match[2])
        if start is None or end is None:
            token = match[1] if start is None else match[2]
            self.report(number, match.start(1 if start is None else 2) + 1, "bad-timestamp",
                        f"{token!r} is not a valid SubViewer time; {_FIX} (the cue's text "
                        "runs on from the cue above)")
            if self.open is None:  # its text is read as a cue at 0:00:00.000
                self.open = (0, None, number, [])
            return
        if not after_blank:
            self.report(number, 1, "missing-blank-line",
                        "a cue starts right after the text of the cue above; put a blank "
                        "line before its timing line")
        self.close()
        self.open = (start, end, number, [])

    def untimed(self, line: str, number: int) -> None:
        if self.open is None:
            self.report(number, 1, "untimed-line", "text before the first timing line; "
                        "it is read as a cue at 0:00:00.000")
            self.open = (0, None, number, [line])
            return
        self.report(number, 1, "untimed-line",
                    f"text after a blank line with no timing line, so it runs on from the "
                    f"cue at line {self.open[2]}; remove the blank line or time the text")
        self.open[3].append(line)

    def close(self) -> None:
        if self.open is None:
            return
        start, end, number, body = self.open
        text = "\n".join(body)
        plain = "\n".join(part.strip() for part in body)
        self.transcript.cues.append(Cue(start, end, text, plain, None, "", number, "",
                                        number + 1 if end is not None else number))
        self.open = None


def parse(text: str) -> Transcript:
    """Read SubViewer captions (decoded, without a BOM).

    .. doctest::

        >>> cue = parse("0:00:01.760,0:00:02.880\\nGood evening.\\n").cues[0]
        >>> cue.start_ms, cue.end_ms, cue.text, cue.line
        (1760, 2880, 'Good evening.', 1)
    """
    return _fast(text) or _Reader(text).read()
