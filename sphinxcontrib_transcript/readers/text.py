"""Reader for timestamped text transcripts, the talk-python style.

One paragraph per line, each starting with its time, blank lines between::

    00:04:23 Hannah Sim: Yes, and that's the point.

    00:04:31 So the next thing is...

Accepted times: ``HH:MM:SS``, ``H:MM:SS``, ``MM:SS`` and any of them in square
brackets (``[00:04:23]``).  An optional ``Speaker Name:`` may follow the time.
The format has no end times: every cue's ``end_ms`` is ``None`` and consumers
take the next cue's start.

Deviations are kept, never dropped, and reported:

* a non-blank line with no timestamp continues the previous cue's text
  (``untimed-line``); text before the first timestamp becomes a cue at 0:00;
* a line that starts with something shaped like a time that is not one
  (``00:61:10``) is reported as ``bad-timestamp`` and kept as text;
* a time indented by spaces or tabs is read as the line's time and reported
  (``bad-timestamp``, warning).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress, repeat
from operator import add, contains

from ..decoding import split_lines
from ..model import Cue, Diagnostic, Transcript
from ..table import Constant, CueTable

# Patterns are kept as source and compiled on first use (re caches them):
# compiling them all on import cost a pre-commit hook about 1 ms, and a file
# in the usual layout needs none of these.

# The time, then at least one space or tab, then the text.  Minutes and seconds
# are 0-59; hours may have 1-3 digits.  Brackets must pair (checked in code).
_TIMED = (
    r"(?P<open>\[?)(?:(?P<h>\d{1,3}):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?P<close>\]?)"
    r"(?:[ \t]+|$)"
)
# Something that looks like a time but is not a valid one (``00:61:10``,
# ``1:2:3``): reported rather than silently taken as text.
_TIME_LIKE = r"\[?\d+:\d+(?::\d+)?(?:[.,]\d+)?\]?(?:[ \t]|$)"
# ``Speaker Name:`` after the time: one to four capitalised words then a colon.
_SPEAKER = r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}):[ \t]+"


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


def _split_speaker(payload: str) -> tuple[str | None, str]:
    match = re.match(_SPEAKER, payload)
    if match is None:
        return None, payload
    name = match["name"]
    if not all(word[0].isupper() for word in name.split(" ")):
        return None, payload
    return name, payload[match.end() :]


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
    # A speaker needs a colon: only those payloads are tried.
    for index in compress(range(count), map(contains, payloads, repeat(":"))):
        speaker, words = _split_speaker(payloads[index])
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
    transcript = Transcript("txt")
    diagnostics = transcript.diagnostics
    # Each open cue: [start_ms, line, text_lines]; closed into a Cue when the next begins.
    starts: list[tuple[int, int]] = []
    bodies: list[list[str]] = []
    timed = re.compile(_TIMED)
    for number, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        match = timed.match(line)
        if match is None and line[0] in " \t":
            # Hand edits indent a line now and then; the time is still its time.
            match = timed.match(line, len(line) - len(line.lstrip(" \t")))
            if match is not None and bool(match["open"]) == bool(match["close"]):
                diagnostics.append(
                    Diagnostic(
                        number, match.start() + 1, "timestamp-form", "warning",
                        "the time is indented; start the line with it (read as this "
                        "line's time)",
                    )
                )
        if match is not None and bool(match["open"]) == bool(match["close"]):
            ms = (int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"])) * 1000
            starts.append((ms, number))
            bodies.append([line[match.end() :]])
            continue
        if re.match(_TIME_LIKE, line.lstrip()):
            token = line.split(None, 1)[0]
            diagnostics.append(
                Diagnostic(
                    number, line.index(token) + 1, "bad-timestamp", "error",
                    f"{token!r} is not a valid time; write HH:MM:SS with minutes and seconds "
                    "0-59 (the line is kept as text)",
                )
            )
        if not bodies:
            diagnostics.append(
                Diagnostic(
                    number, 1, "untimed-line", "error",
                    "text before the first timestamp; start the line with its time "
                    "(HH:MM:SS); it is read as a cue at 00:00:00",
                )
            )
            starts.append((0, number))
            bodies.append([line])
            continue
        diagnostics.append(
            Diagnostic(
                number, 1, "untimed-line", "error",
                f"line has no timestamp, so it runs on from the cue at line {starts[-1][1]}; "
                "join it to that line or give it its own HH:MM:SS time",
            )
        )
        bodies[-1].append(line)
    for (start, number), body in zip(starts, bodies, strict=True):
        payload = "\n".join(body)
        speaker, words = _split_speaker(payload)
        plain = "\n".join(part.strip() for part in words.split("\n")).strip()
        transcript.cues.append(Cue(start, None, payload, plain, speaker, "", number, "", number))
    return transcript
