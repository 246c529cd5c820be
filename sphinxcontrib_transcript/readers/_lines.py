"""Timed lines in every layout people keep them in: the slow path of the text
reader, and the Markdown reader.

A line is read as one of:

* a **timed line**: a time, perhaps in ``[]`` or ``()``, with a speaker before
  it (``[Speaker 1] [00:03] text``, ``Ann Smith (00:01:12): text``) or after it
  (``[00:03] **Ann**: text``, ``00:03 Ann: text``), then its text;
* a **timed heading**: a time with no text, with or without a speaker
  (Otter's ``Speaker 1  0:03``, Rev's ``Ann Smith (00:01:12):``): the
  paragraphs below, up to the next time, are its text;
* a **speaker heading** (``**SPEAKER_00:**``, ``Ann:``): the speaker of the
  timed lines below that name none;
* Whisper's ``--verbose`` console line, ``[0.00 --> 2.90]  text``, the one
  layout with end times;
* anything else: text that runs on from the cue above (``untimed-line``,
  except below a timed heading, where paragraphs are the layout).

Times are ``H:MM:SS`` (hours of one to three digits) or ``M:SS`` with any
number of minutes (``[60:25]`` is 1:00:25, as long calls count), each with
optional fractional seconds (``.5``, ``,250``).  Something shaped like a time
that is not one (``00:61:10``) is ``bad-timestamp`` and nothing else: its line
is kept as text, and the one defect gets one report.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import and_, contains, is_

from ..decoding import split_lines
from ..model import Cue, Diagnostic, Transcript
from ..table import Constant, CueTable

# The shape of a time; its values are checked in _ms.
_SHAPE = r"\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?"
# A name written before a time or as a heading: up to four words, each
# capitalised ("Ann Smith", "SPEAKER_00"), or a word and a number ("Speaker 1").
_NAME = r"[^\W\d_][\w.'’-]*(?:[ ](?:[^\W\d_][\w.'’-]*|\d{1,3})){0,3}"
# The words a numbered speaker goes by: "At 10:" starts a sentence.
_NUMBERED = frozenset({"speaker", "guest", "host", "person", "participant", "voice", "unknown"})

_TIMED = rf"""
    (?P<indent>[ \t]*)
    (?:(?:\[(?P<bname>(?![\d:.,]+\])[^\[\]]{{1,60}})\]
        | \*\*(?P<sname>[^*]{{1,60}}?)\*\*
        | (?P<pname>{_NAME})
      )[ \t]+)?
    (?P<wrap>\*\*|\*|__)?
    (?:\[(?P<bt>{_SHAPE})\](?:\([^)\s]*\))? | \((?P<pt>{_SHAPE})\) | (?P<t>{_SHAPE}))
    (?(wrap)(?P=wrap))
    (?P<colon>:)?
    (?:[ \t]+|$)
"""
# A speaker after the time: "**Ann**:", "**Ann:**" or "Ann:".
_AFTER = rf"(?:\*\*(?P<bold>[^*]{{1,60}}?)(?::\*\*|\*\*:)|(?P<name>{_NAME}):)(?:[ \t]+|$)"
# A speaker alone on its line.
_HEADING = rf"[ \t]*(?:\*\*(?P<bold>[^*]{{1,60}}?)(?::\*\*|\*\*:)|(?P<name>{_NAME}):)[ \t]*$"
_VERBOSE = r"\[(?P<a>[\d:.]+) --> (?P<b>[\d:.]+)\](?:[ \t]+|$)"
# Shaped like a time, at the start or after a bracketed name: reported when not one.
_TIME_LIKE = (
    r"[ \t]*(?:\[[^\]]*\][ \t]+)?"
    r"(?P<token>[\[(]?\d+:\d+(?::\d+)?(?:[.,]\d+)?[\])]?)(?:[ \t:]|$)"
)
# Markdown around the text: bold, italics, links, code, escapes.
# Each with the character it needs: most texts have none of them.
_MARKDOWN = (
    (r"\*\*(.+?)\*\*", r"\1", "*"), (r"__(.+?)__", r"\1", "_"),
    (r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", "*"),
    (r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)", r"\1", "_"),
    (r"!?\[([^\]]*)\]\([^)]*\)", r"\1", "]("), (r"`([^`]*)`", r"\1", "`"),
)
# A backslash escape, set aside (as a private-use character) while the marks go.
_ESCAPE = r"\\([\\`*_{}\[\]()#+\-.!])"
_SET_ASIDE = 0xE000
# Markdown block marks before a line's content: list bullets and quotes.
_BLOCK = r"[ \t]*(?:[-*+][ \t]+|>[ \t]?)*"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(source, flags) for source, flags in (
        (_TIMED, re.VERBOSE), (_AFTER, 0), (_HEADING, 0), (_VERBOSE, 0), (_TIME_LIKE, 0),
        (_BLOCK, 0),
    ))


@lru_cache(maxsize=1 << 16)  # a file repeats its times' forms: "03:40" is met once
def time_ms(token: str) -> int | None:
    """Milliseconds of ``H:MM:SS`` or ``M:SS`` (any minutes), with optional
    fraction, or ``None`` when the values are out of range."""
    clock, _, fraction = token.replace(",", ".").partition(".")
    fields = clock.split(":")
    if len(fields[-1]) != 2 or int(fields[-1]) > 59:
        return None
    if len(fields) == 3:
        if len(fields[1]) != 2 or int(fields[1]) > 59:
            return None
        minutes = int(fields[0]) * 60 + int(fields[1])
    else:
        minutes = int(fields[0])
    return (minutes * 60 + int(fields[-1])) * 1000 + int((fraction + "00")[:3])


def _seconds_ms(token: str) -> int | None:
    """A Whisper console time: seconds (``2.90``) or a clock with a fraction."""
    if ":" in token:
        return time_ms(token)
    whole, _, fraction = token.partition(".")
    if not whole.isdecimal() or not (fraction.isdecimal() or fraction == ""):
        return None
    return int(whole) * 1000 + int((fraction + "00")[:3])


def _is_name(name: str) -> bool:
    """A speaker's name is capitalised word by word, or a numbered speaker
    ("Speaker 2"): a sentence starting "Note that:" or "At 10:" is no name."""
    words = name.split(" ")
    if words[-1].isdecimal():
        return len(words) == 2 and words[0].lower() in _NUMBERED
    return all(word[0].isupper() for word in words)


def markdown_plain(text: str) -> str:
    """*text* without its Markdown emphasis, links and escapes."""
    escaped = "\\" in text
    if escaped:
        text = re.sub(_ESCAPE, lambda match: chr(_SET_ASIDE + ord(match[1])), text)
    for pattern, replacement, mark in _MARKDOWN:
        if mark in text:
            text = re.sub(pattern, replacement, text)
    if escaped:
        text = "".join(
            chr(ord(char) - _SET_ASIDE) if _SET_ASIDE <= ord(char) < _SET_ASIDE + 128 else char
            for char in text
        )
    return text


def split_speaker(payload: str) -> tuple[str | None, str]:
    """The speaker named at the start of *payload* (``Ann:``, ``**Ann**:``) and the
    rest, or ``None`` and *payload*."""
    match = _patterns()[1].match(payload)
    if match is None:
        return None, payload
    bold, name = match["bold"], match["name"]
    if name is not None and not _is_name(name):
        return None, payload
    return (bold or name).strip(), payload[match.end():]


class _Open:
    """The cue being read: its time, where it is, its text lines so far."""

    __slots__ = ("body", "end", "lead", "line", "speaker", "start", "text_line")

    def __init__(self, start: int, end: int | None, line: int, speaker: str | None) -> None:
        self.start, self.end, self.line, self.speaker = start, end, line, speaker
        self.lead = False  # the speaker was named before the time, on its line
        self.body: list[str] = []
        self.text_line = line


class _Reader:
    """One pass over the lines, a cue open at a time."""

    def __init__(self, text: str, fmt: str) -> None:
        self.lines = split_lines(text)
        self.markdown = fmt == "md"
        self.transcript = Transcript(fmt)  # type: ignore[arg-type]  # "txt" or "md"
        self.diagnostics = self.transcript.diagnostics
        self.open: _Open | None = None
        self.heading_speaker: str | None = None
        self.under_heading = False  # untimed paragraphs are the open cue's text

    def read(self) -> Transcript:
        timed, _, heading, verbose, _, block = _patterns()
        number = 0
        lines = self.lines
        if self.markdown and lines and lines[0].strip() == "---":
            number = self._front_matter()
        while number < len(lines):
            line = lines[number]
            number += 1
            if not line.strip():
                continue
            at = 0
            if self.markdown:
                if _skip_markdown_line(line):
                    continue
                at = block.match(line).end()  # type: ignore[union-attr]  # matches ""
                if line.startswith("#"):
                    at = len(line) - len(line.lstrip("#").lstrip())
            if "-->" in line:
                match = verbose.match(line, at)
                if match is not None and self._verbose(match, line, number):
                    continue
            match = timed.match(line, at)
            if match is not None and self._timed(match, line, number):
                continue
            match = heading.match(line, at)
            if match is not None and (match["bold"] or _is_name(match["name"])):
                self.heading_speaker = (match["bold"] or match["name"]).strip()
                continue
            if self.markdown and line.startswith("#"):
                continue  # a heading that names no time nor speaker: not a cue's text
            self._untimed(line, number, at)
        self._close()
        return self.transcript

    def _front_matter(self) -> int:
        """Skip a YAML front matter block; the number of lines it takes."""
        for index in range(1, len(self.lines)):
            if self.lines[index].strip() in ("---", "..."):
                return index + 1
        return 0

    def _verbose(self, match: re.Match[str], line: str, number: int) -> bool:
        start, end = _seconds_ms(match["a"]), _seconds_ms(match["b"])
        if start is None or end is None:
            return False
        self._start(start, end, number, None).body.append(line[match.end():])
        self.under_heading = False
        return True

    def _timed(self, match: re.Match[str], line: str, number: int) -> bool:
        start = time_ms(match["bt"] or match["pt"] or match["t"])
        lead = match["bname"] or match["sname"] or match["pname"]
        rest = line[match.end():]
        if match["pname"] is not None and (
            not _is_name(lead) or (match["t"] is not None and rest.strip())
        ):
            return False  # a sentence with a time in it, not a name and a time
        if start is None:
            return False  # shaped like a time but not one: _untimed reports it
        if match["indent"] and not self.markdown:
            self.diagnostics.append(Diagnostic(
                number, len(match["indent"]) + 1, "timestamp-form", "warning",
                "the time is indented; start the line with it (read as this line's time)",
            ))
        cue = self._start(start, None, number, lead.strip() if lead else self.heading_speaker)
        cue.lead = lead is not None
        # A time with no text is a heading: its text is the paragraphs below.
        self.under_heading = not rest.strip()
        if self.under_heading:
            cue.text_line = 0
        else:
            cue.body.append(rest)
        return True

    def _untimed(self, line: str, number: int, at: int) -> None:
        bad = _patterns()[4].match(line, at)
        if bad is not None:
            token = bad["token"]
            self.diagnostics.append(Diagnostic(
                number, bad.start("token") + 1, "bad-timestamp", "error",
                f"{token!r} is not a valid time; write HH:MM:SS or MM:SS with seconds (and "
                "minutes, when there are hours) 0-59 (the line is kept as text)",
            ))
        # One defect, one report: a bad time says why the line has none.
        report = bad is None
        cue = self.open
        if cue is None:
            if report:
                self.diagnostics.append(Diagnostic(
                    number, 1, "untimed-line", "error",
                    "text before the first timestamp; start the line with its time "
                    "(HH:MM:SS); it is read as a cue at 00:00:00",
                ))
            self._start(0, None, number, self.heading_speaker).body.append(line[at:])
            return
        if report and not self.under_heading:
            self.diagnostics.append(Diagnostic(
                number, 1, "untimed-line", "error",
                f"line has no timestamp, so it runs on from the cue at line {cue.line}; "
                "join it to that line or give it its own HH:MM:SS time",
            ))
        if not cue.text_line:
            cue.text_line = number
        cue.body.append(line[at:])

    def _start(self, start: int, end: int | None, number: int, speaker: str | None) -> _Open:
        self._close()
        cue = self.open = _Open(start, end, number, speaker)
        return cue

    def _close(self) -> None:
        cue = self.open
        if cue is None:
            return
        payload = "\n".join(cue.body)
        # A label after the time ("Ann:") names the speaker, over a heading's; a
        # speaker named before the time makes "Note:" there just text.
        label, words = (None, payload) if cue.lead else split_speaker(payload)
        speaker = label or cue.speaker
        if len(cue.body) == 1:
            plain = words.strip()
        else:
            plain = "\n".join(part.strip() for part in words.split("\n")).strip()
        if self.markdown:
            plain = markdown_plain(plain)
        self.transcript.cues.append(Cue(
            cue.start, cue.end, payload, plain, speaker, "", cue.line, "",
            cue.text_line or cue.line,
        ))
        self.open = None


def _skip_markdown_line(line: str) -> bool:
    """Markdown that is no text of a cue: rules (``---``), fences, HTML comments."""
    stripped = line.strip()
    if stripped[:1] not in ("-", "*", "_", "`", "<"):
        return False
    return (
        len(stripped) >= 3 and set(stripped) <= {"-", "*", "_", " "}
    ) or stripped.startswith(("```", "<!--"))


# One timed line, bracketed time first or after a bracketed speaker: the
# layouts Whisper pipelines and call notes write, read a file at a time.
_FAST_LINE = (
    r"(?:\[((?![\d:.,]+\])[^\[\]\n]{1,60})\][ \t]+)?"
    r"\[(\d{1,3}:\d{1,2}(?::\d{1,2})?)\][ \t]+(\S[^\n]*)"
)


def _fast(text: str, fmt: str) -> Transcript | None:
    """The cues of a file of nothing but such lines (blank lines between them, and
    in Markdown headings without times), or ``None`` for the line reader.

    Every field is a column made by ``map`` over all the lines at once; only
    a payload with a colon is tried for a speaker, and only one with a
    Markdown mark is cleaned of them.
    """
    if "\r" in text:
        return None
    lines = text.split("\n")
    numbers = list(compress(range(1, len(lines) + 1), lines))  # of the lines not empty
    filled = list(compress(lines, lines))
    found = list(map(re.compile(_FAST_LINE).fullmatch, filled))
    if None in found:
        unmatched = compress(filled, map(is_, found, repeat(None)))
        if fmt != "md" or not all(map(_heading, unmatched)):
            return None
        numbers = list(compress(numbers, found))
    matches: list[re.Match[str]] = list(filter(None, found))
    count = len(matches)
    if not count:
        return None
    leads, tokens, payloads = zip(*map(re.Match.groups, matches), strict=True)
    starts = list(map(time_ms, tokens))
    if None in starts:
        return None
    speakers = list(leads)
    plain = list(map(str.strip, payloads))
    # As the line reader: a label after the time counts where none is before it.
    unnamed = map(is_, leads, repeat(None))
    labelled = map(and_, unnamed, map(contains, payloads, repeat(":")))
    after = _patterns()[1].match
    for index in compress(range(count), labelled):
        payload = payloads[index]
        label = after(payload)  # split_speaker, inlined: a call a cue is a third of the time
        if label is None:
            continue
        bold, name = label["bold"], label["name"]
        if bold is not None or _is_name(name):
            speakers[index], plain[index] = (bold or name).strip(), payload[label.end():].strip()
    if fmt == "md":
        marked = re.compile(r"[*_`\\]|\]\(").search
        for index in compress(range(count), map(marked, plain)):
            plain[index] = markdown_plain(plain[index])
    # The cues are made when first read; the linter reads the table.
    return Transcript(fmt, table=CueTable(  # type: ignore[arg-type]  # "txt" or "md"
        starts=starts,  # type: ignore[arg-type]  # None is not in it (checked above)
        ends=Constant(None, count), texts=list(payloads), plain_texts=plain,
        speakers=speakers, lines=numbers,
    ))


def _heading(line: str) -> bool:
    """A Markdown heading that names no time (which the line reader would read)."""
    return line.startswith("#") and ":" not in line


def read(text: str, fmt: str) -> Transcript:
    """Read timed lines of any layout above; *fmt* is ``"txt"`` or ``"md"``."""
    return _fast(text, fmt) or _Reader(text, fmt).read()
