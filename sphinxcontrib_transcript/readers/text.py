"""Reader for timestamped text transcripts.

The talk-python layout, one paragraph per line, each starting with its time,
blank lines between, is read by a fast path::

    00:04:23 Hannah Sim: Yes, and that's the point.

    00:04:31 So the next thing is...

Every other layout (speakers before the time, ``[MM:SS]`` past the hour,
speaker headings, Whisper's console lines...) goes to the general line
reader, :mod:`sphinxcontrib_transcript.readers._lines`, whose docstring lists
them and what it reports.  The format has no end times (but for Whisper's
console lines): ``end_ms`` is ``None`` and consumers take the next cue's start.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, contains, not_

from ..model import Transcript
from ..table import Constant, CueTable
from ._lines import read as read_lines
from ._lines import split_speaker

# Patterns are kept as source and compiled on first use (re caches them):
# compiling them all on import cost a pre-commit hook about 1 ms, and a file
# in the usual layout needs none of these.

# The fast path reads a file of timed lines with one blank line between them
# in one regular expression pass: each line is a token (what runs up to the
# first blank) and its payload, the lines after the first each behind their
# blank line.  The pass never checks a time (the clock below does, once per
# distinct token), and its only literal, the blank line, is where each search
# starts: the payload is the only text it walks, in one C loop.
_FIRST_LINE = re.compile(r"([^ \t\n]+)[ \t]*(.*)")
_NEXT_LINES = re.compile(r"\n\n([^ \t\n]+)[ \t]*(.*)")
# A token that is a time, as _TIMED reads one: brackets paired or none.
_TIME_TOKEN = r"(\[)?(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?(1)\])"


# Milliseconds of "00" to "99" hours, "00" to "59" minutes and seconds: a file
# whose times are all HH:MM:SS (what tools write) is read by table, every time
# in one C pass, rather than by a call for each time a fresh process meets.
_HOURS = {f"{number:02d}": number * 3_600_000 for number in range(100)}
_MINUTES = {f"{number:02d}": number * 60_000 for number in range(60)}
_SECONDS = {f"{number:02d}": number * 1000 for number in range(60)}


def _token_ms(token: str) -> int | None:
    """Milliseconds of a time token (``HH:MM:SS``, ``H:MM:SS`` or ``MM:SS``,
    perhaps in brackets), ``None`` when it is no time."""
    if len(token) == 8 and token[2] == token[5] == ":":
        # HH:MM:SS, the form tools write, by table: twice as fast as the pattern.
        hours = _HOURS.get(token[:2])
        minutes = _MINUTES.get(token[3:5])
        seconds = _SECONDS.get(token[6:])
        if hours is not None and minutes is not None and seconds is not None:
            return hours + minutes + seconds
    match = re.fullmatch(_TIME_TOKEN, token)
    if match is None:
        return None
    _, hours_text, minutes_text, seconds_text = match.groups()
    total = (int(hours_text) * 60 if hours_text else 0) + int(minutes_text)
    return (total * 60 + int(seconds_text)) * 1000


def _clock_times(tokens: Sequence[str]) -> list[int] | None:
    """Milliseconds of time tokens that are all ``HH:MM:SS``, else ``None``."""
    fields = ":".join(tokens).split(":")
    if len(fields) != 3 * len(tokens):
        return None
    try:
        return list(map(
            add, map(_HOURS.__getitem__, fields[0::3]),
            map(add, map(_MINUTES.__getitem__, fields[1::3]),
                map(_SECONDS.__getitem__, fields[2::3])),
        ))
    except KeyError:  # not two digits, or minutes or seconds beyond 59
        return None


class _Clock(dict[str, "int | None"]):
    """A token to milliseconds, ``None`` if it is no time, remembered as met
    (a look-up is far cheaper than int(); a 90-minute file holds 5,400 times).

    Keys are time tokens as the fast path cuts them out of the lines; the
    check that one is a time runs once per distinct token, not once per line.
    """

    def __missing__(self, key: str) -> int | None:
        if len(self) > 100_000:
            self.clear()
        value = self[key] = _token_ms(key)
        return value


_CLOCK = _Clock()


def _one_line_cues(text: str) -> Transcript | None:
    """The cues of a file that is nothing but timed lines with one blank line
    between them (the layout talk-python and most tools write), read with one
    regular expression pass; ``None`` for any other file.

    Such a file has no problem the reader reports, and its lines fall in twos,
    so every field is a column computed in C.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # The text without the blank lines around it, by indexes: no copy.
    start, end = 0, len(text)
    while start < end and text[start] == "\n":
        start += 1
    while end > start and text[end - 1] == "\n":
        end -= 1
    first = start + 1  # the line of the first cue
    head = _FIRST_LINE.match(text, start, end)
    if head is None:
        return None  # empty, or the first line starts with a blank
    found = _NEXT_LINES.findall(text, head.end(), end)
    found.insert(0, head.groups())
    # Each line after the first takes the two line breaks before it and no
    # other (neither pattern matches one elsewhere): 2 * (count - 1) line
    # breaks in all means the lines alternate, a matched one, a blank one.
    count = len(found)
    if text.count("\n", start, end) != 2 * (count - 1):
        return None
    tokens, payloads = zip(*found, strict=True)
    del found
    starts: list[int] | list[int | None] | None = _clock_times(tokens)
    if starts is None:
        starts = list(map(_CLOCK.__getitem__, tokens))
    if None in starts:
        return None  # a line that does not start with a time: the slow path reports it
    speakers: list[str | None] = [None] * count
    plain = list(map(str.strip, payloads))
    if "" in plain and any(compress(payloads, map(not_, plain))):
        return None  # a time with only blanks after it heads the lines below: the line reader's
    # A speaker needs a colon: only those payloads are tried.
    for index in compress(range(count), map(contains, payloads, repeat(":"))):
        speaker, words = split_speaker(payloads[index])
        if speaker is not None:
            speakers[index], plain[index] = speaker, words.strip()
    numbers = range(first, first + 2 * count, 2)
    # The cues are made when first read; the linter reads the table.
    return Transcript("txt", table=CueTable(
        starts=starts,  # type: ignore[arg-type]  # None is not in it (checked above)
        ends=Constant(None, count), texts=list(payloads), plain_texts=plain,
        speakers=speakers, lines=numbers,
    ))


def parse(text: str) -> Transcript:
    """Read timestamped text (already decoded, without a BOM) into a transcript."""
    fast = _one_line_cues(text)
    if fast is not None:
        return fast
    return read_lines(text, "txt")
