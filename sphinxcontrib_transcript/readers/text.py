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
from itertools import compress, repeat
from operator import contains

from ..decoding import split_lines
from ..model import Cue, Diagnostic, Transcript

# The time, then at least one space or tab, then the text.  Minutes and seconds
# are 0-59; hours may have 1-3 digits.  Brackets must pair (checked in code).
_TIMED = re.compile(
    r"(?P<open>\[?)(?:(?P<h>\d{1,3}):)?(?P<m>[0-5]?\d):(?P<s>[0-5]\d)(?P<close>\]?)"
    r"(?:[ \t]+|$)"
)
# Something that looks like a time but is not a valid one (``00:61:10``,
# ``1:2:3``): reported rather than silently taken as text.
_TIME_LIKE = re.compile(r"\[?\d+:\d+(?::\d+)?(?:[.,]\d+)?\]?(?:[ \t]|$)")
# ``Speaker Name:`` after the time: one to four capitalised words then a colon.
_SPEAKER = re.compile(r"(?P<name>[^\W\d_][\w.'’-]*(?: [^\W\d_][\w.'’-]*){0,3}):[ \t]+")


# The fast path: every line of the file a time and its text, with the same
# groups as _TIMED (so the same match), the time as one field.
# Only a whole line between blank lines (or the ends of the text) matches.
_TIMED_LINES = re.compile(
    r"(?:\A|(?<=\n\n))(\[?)((?:\d{1,3}:)?[0-5]?\d:[0-5]\d)(\]?)(?:[ \t]+|$)(.*)(?=\n\n|\Z)",
    re.MULTILINE,
)


class _Clock(dict[str, int]):
    """``"HH:MM:SS"``, ``"H:MM:SS"`` or ``"MM:SS"`` to milliseconds, remembered as met
    (a look-up is far cheaper than int(); a 90-minute file holds 5,400 times)."""

    def __missing__(self, key: str) -> int:
        if len(self) > 100_000:
            self.clear()
        value = 0
        for part in key.split(":"):
            value = value * 60 + int(part)
        self[key] = value * 1000
        return value * 1000


_CLOCK = _Clock()


def _split_speaker(payload: str) -> tuple[str | None, str]:
    match = _SPEAKER.match(payload)
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
    if start == end:
        return None
    # Each match is a whole line that follows a blank line (or starts the
    # text) and comes before one (or ends it): count matches, 2 * count - 1
    # lines in all means the lines alternate, a matched one, a blank one.
    found = _TIMED_LINES.findall(text, start, end)
    count = len(found)
    if not count or text.count("\n", start, end) != 2 * (count - 1):
        return None
    opens, times, closes, payloads = zip(*found, strict=True)
    if ("[" in opens or "]" in closes) and list(map(bool, opens)) != list(map(bool, closes)):
        return None  # a bracket without its pair: the slow path reports it
    speakers: list[str | None] = [None] * count
    plain = list(map(str.strip, payloads))
    # A speaker needs a colon: only those payloads are tried.
    for index in compress(range(count), map(contains, payloads, repeat(":"))):
        speaker, words = _split_speaker(payloads[index])
        if speaker is not None:
            speakers[index], plain[index] = speaker, words.strip()
    numbers = list(range(first, first + 2 * count, 2))
    transcript = Transcript("txt")
    # The cues are made when first read; the linter mostly reads these columns.
    transcript._keep_columns({
        "start_ms": list(map(_CLOCK.__getitem__, times)), "end_ms": [None] * count,
        "text": list(payloads), "plain_text": plain, "speaker": speakers,
        "identifier": [""] * count, "line": numbers, "settings": [""] * count,
        "text_line": numbers,
    })
    return transcript


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
    for number, line in enumerate(split_lines(text), 1):
        if not line.strip():
            continue
        match = _TIMED.match(line)
        if match is None and line[0] in " \t":
            # Hand edits indent a line now and then; the time is still its time.
            match = _TIMED.match(line, len(line) - len(line.lstrip(" \t")))
            if match is not None and bool(match["open"]) == bool(match["close"]):
                diagnostics.append(
                    Diagnostic(
                        number, match.start() + 1, "bad-timestamp", "warning",
                        "the time is indented; start the line with it (read as this "
                        "line's time)",
                    )
                )
        if match is not None and bool(match["open"]) == bool(match["close"]):
            ms = (int(match["h"] or 0) * 3600 + int(match["m"]) * 60 + int(match["s"])) * 1000
            starts.append((ms, number))
            bodies.append([line[match.end() :]])
            continue
        if _TIME_LIKE.match(line.lstrip()):
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
