"""Reader for WebVTT, following the W3C WebVTT parser algorithm.

It yields exactly the cues a browser creates from the file: NUL read as
U+FFFD; CRLF, CR and LF line ends; the ``WEBVTT`` signature; header lines;
``NOTE``, ``STYLE`` and ``REGION`` blocks kept out of the cues (``STYLE`` and
``REGION`` only count before the first cue, as in the spec); cue identifiers;
timings with or without hours; cue settings, kept as written for lint to
judge; and the spec's quirks, each reported:

* a line holding ``-->`` ends the cue text above it and starts a new cue
  (``missing-blank-line``);
* a cue whose timing line does not parse is dropped, as browsers drop it
  (``bad-timestamp`` or ``bad-timing-line``, at the column where it went
  wrong); one the parser accepts but the syntax does not (one-digit hours,
  no space around ``-->``, a form feed) is kept and reported as a warning;
* a block with no timing line is ignored (``orphan-identifier``).

Beyond what a browser does, for a linter: a file whose first line is not a
valid signature is still read (a browser would show none of it), and the
``vtt-signature`` diagnostic says so.  When a later line is the signature (a
web page capture puts page text before ``WEBVTT``), cues are read from there.

Cue text markup is parsed by :mod:`sphinxcontrib_transcript.markup`; a cue
with neither ``<`` nor ``&`` is its own plain text.

.. doctest::

    >>> t = parse("WEBVTT\\n\\n1\\n00:01.000 --> 00:02.000 align:start\\n<v Ann>Hi\\n")
    >>> t.cues
    [Cue(start_ms=1000, end_ms=2000, text='<v Ann>Hi', plain_text='Hi', speaker='Ann', \
identifier='1', line=4, settings='align:start', text_line=5)]
    >>> bad = parse("WEBVTT\\n\\n00:01.000 --> 00:02.00\\nHi")
    >>> bad.cues, [(d.line, d.column, d.rule) for d in bad.diagnostics]
    ([], [(3, 21, 'bad-timestamp')])
"""

from __future__ import annotations

import re

from ..model import Diagnostic, Level, Transcript
from ._bulk import CLOCK, MILLIS, Lazy, TableBuilder, plain_and_speaker
from ._webvtt_body import _ARROW, WHITESPACE, BodyReader


def _is_signature(line: str) -> bool:
    """Whether *line* (no line break in it) is a signature: ``WEBVTT`` alone, or
    followed by a space or tab and text (a pattern would cost its compiling on
    every start)."""
    return line.startswith("WEBVTT") and (len(line) == 6 or line[6] in " \t")


_LATER_SIGNATURE = Lazy(r"^WEBVTT(?:[ \t][^\n]*)?$", re.MULTILINE)

# A timing line as the syntax wants it (the block algorithm tries it before its
# character-by-character scan); see _webvtt_body for the cue patterns.
_TIME = r"([0-9]{2,}:[0-5][0-9]:[0-5][0-9]|[0-5][0-9]:[0-5][0-9])\.([0-9]{3})"
_FAST_TIMING = Lazy(_TIME + _ARROW + _TIME + r"(?:[ \t]+(.*))?", re.ASCII)

_DIGITS = "0123456789"
_FIX = "write HH:MM:SS.mmm --> HH:MM:SS.mmm (hours may be left out)"
_DROPPED = "browsers drop this cue, so its text is not shown"

def _fast_times(match: re.Match[str]) -> tuple[int, int]:
    clock1, millis1, clock2, millis2 = match.group(1, 2, 3, 4)
    return CLOCK[clock1] + MILLIS[millis1], CLOCK[clock2] + MILLIS[millis2]


def _is_keyword_line(line: str, keyword: str) -> bool:
    """``STYLE``/``REGION`` followed by nothing but whitespace, as the parser checks."""
    return line.startswith(keyword) and not line[len(keyword) :].strip(WHITESPACE)


def _is_note(line: str) -> bool:
    return line.startswith("NOTE") and (len(line) == 4 or line[4] in " \t")


def _skip_whitespace(line: str, pos: int) -> int:
    while pos < len(line) and line[pos] in WHITESPACE:
        pos += 1
    return pos


class _Timing:
    """What the spec's "collect WebVTT cue timings and settings" made of a line."""

    __slots__ = ("end_ms", "error", "settings", "start_ms", "warnings")

    def __init__(self) -> None:
        self.start_ms = 0
        self.end_ms = 0
        self.settings = ""
        #: (column, rule, what is wrong) when the line is no timing line
        self.error: tuple[int, str, str] | None = None
        #: (column, rule, message) for what the parser accepts but the syntax does not
        self.warnings: list[tuple[int, str, str]] = []


def _scan_timing(line: str) -> _Timing:
    """The spec's algorithm, character by character, noting every deviation."""
    from .. import markup  # only for timing lines the fast patterns refuse
    result = _Timing()
    warnings = result.warnings
    pos = _skip_whitespace(line, 0)
    if pos:
        warnings.append((1, "timing-line-form", "a timing line starts with the start time, "
                         "not with whitespace; browsers accept it, other tools may not"))
    if pos >= len(line) or line[pos] not in _DIGITS:
        found = line[pos:].split(None, 1)[0] if line[pos:].strip() else line[pos:]
        result.error = (pos + 1, "bad-timing-line", f"it starts with {found!r}, not a time")
        return result
    start, end, problem = markup.scan_timestamp(line, pos)
    if start is None:
        token = line[pos:].split(None, 1)[0]
        result.error = (end + 1, "bad-timestamp", f"start time {token!r}: {problem}")
        return result
    if problem:
        warnings.append((pos + 1, "timestamp-form", f"{problem} (browsers accept "
                         f"{line[pos:end]!r}, other tools may not)"))
    gap = end
    pos = _skip_whitespace(line, end)
    if line[pos : pos + 3] != "-->":
        found = line[pos : pos + 3] or "the end of the line"
        result.error = (pos + 1, "bad-timing-line",
                        f"expected '-->' after the start time, found {found!r}")
        return result
    _check_gap(line, gap, pos, "before", warnings)
    pos += 3
    gap = pos
    pos = _skip_whitespace(line, pos)
    if pos >= len(line) or line[pos] not in _DIGITS:
        found = line[pos:].split(None, 1)[0] if line[pos:].strip() else "nothing"
        result.error = (pos + 1, "bad-timing-line",
                        f"expected the end time after '-->', found {found!r}")
        return result
    _check_gap(line, gap, pos, "after", warnings)
    stop, end, problem = markup.scan_timestamp(line, pos)
    if stop is None:
        token = line[pos:].split(None, 1)[0]
        result.error = (end + 1, "bad-timestamp", f"end time {token!r}: {problem}")
        return result
    if problem:
        warnings.append((pos + 1, "timestamp-form", f"{problem} (browsers accept "
                         f"{line[pos:end]!r}, other tools may not)"))
    remainder = line[end:]
    if remainder and remainder[0] not in " \t":
        warnings.append((end + 1, "timing-line-form",
                         f"{remainder.strip(WHITESPACE)!r} runs into the end time; separate "
                         "cue settings from it with a space"))
    result.start_ms, result.end_ms = start, stop
    result.settings = remainder.strip(WHITESPACE)
    return result


def _check_gap(
    line: str, start: int, stop: int, side: str, warnings: list[tuple[int, str, str]]
) -> None:
    gap = line[start:stop]
    if not gap:
        warnings.append((start + 1, "timing-line-form", f"put a space {side} '-->'; browsers "
                         "accept it without, other tools may not"))
    elif gap.strip(" \t"):
        warnings.append((start + 1, "timing-line-form", f"only spaces and tabs may stand "
                         f"{side} '-->' ({gap!r}); browsers accept it, other tools may not"))


def _valid_timing(line: str) -> bool:
    return _FAST_TIMING.compiled.fullmatch(line) is not None or _scan_timing(line).error is None


class _Reader(BodyReader):
    """One pass over one file; state the spec's algorithm keeps between blocks."""

    def __init__(self) -> None:
        self.transcript = Transcript("vtt")
        # The cues as the paths make them (see TableBuilder); None until the first.
        self.builder: TableBuilder | None = None
        # What kind of block a line holding "-->" (but no valid timing) broke
        # off, for the message about that line: "cue", "comment", "STYLE"...
        self.follows = ""

    def report(self, line: int, column: int, rule: str, level: Level, message: str) -> None:
        self.transcript.diagnostics.append(Diagnostic(line, column, rule, level, message))

    # -- signature and header -------------------------------------------------

    def read(self, text: str) -> None:
        newline = text.find("\n")
        first = text if newline < 0 else text[:newline]
        if _is_signature(first):
            self.signature_line(first, 1)
            if newline >= 0:
                self.header(text, newline + 1, 2)
            return
        later = _LATER_SIGNATURE.compiled.search(text, newline + 1) if newline >= 0 else None
        if later is not None:
            number = text.count("\n", 0, later.start()) + 1
            self.report(1, 1, "vtt-signature", "error", (
                f"the file must start with WEBVTT, but WEBVTT is on line {number}, after "
                f"{number - 1} lines of other text, so browsers show no cue of this file: "
                f"delete the lines above line {number} (cues are read from line {number} on)"
            ))
            self.signature_line(later.group(), number)
            self.header(text, later.end() + 1, number + 1)
            return
        if not text.strip(WHITESPACE):
            self.report(1, 1, "vtt-signature", "error", (
                "the file is empty: a WebVTT file starts with a line WEBVTT, then a blank "
                "line, then its cues"
            ))
            return
        if first.lstrip(WHITESPACE).upper().startswith("WEBVT"):  # a mangled signature
            column = 7 if first.startswith("WEBVTT") else 1
            self.report(1, column, "vtt-signature", "error", (
                f"the first line must be WEBVTT, alone or followed by a space or tab and text, "
                f"not {first[:40]!r}, so browsers show no cue of this file "
                "(cues are read as if it were right)"
            ))
            if newline >= 0:
                self.header(text, newline + 1, 2)
            return
        self.report(1, 1, "vtt-signature", "error", (
            "the file does not start with WEBVTT, so browsers show no cue of this file: add "
            "a first line WEBVTT and a blank line after it (cues are read as if it were there)"
        ))
        self.body(text, 0, 1)

    def signature_line(self, line: str, number: int) -> None:
        title = line[7:].strip(WHITESPACE)
        if title:
            self.transcript.metadata["title"] = title
        arrow = line.find("-->")
        if arrow >= 0:
            self.report(number, arrow + 1, "vtt-header", "warning", (
                "browsers ignore everything on the WEBVTT line, this timing too: put the "
                "cue on its own lines after a blank line"
            ))

    def header(self, text: str, pos: int, number: int) -> None:
        """The lines after the signature up to a blank line or a line holding ``-->``."""
        lines: list[str] = []
        size = len(text)
        while pos < size:
            end = text.find("\n", pos)
            if end < 0:
                end = size
            line = text[pos:end]
            if not line:
                pos, number = end + 1, number + 1
                break
            if "-->" in line:
                # The header ends here and this line starts the first block.
                if _valid_timing(line):
                    self.report(number, 1, "vtt-header", "warning", (
                        "no blank line between the header and this cue: browsers read the "
                        "cue all the same, other tools may not: add a blank line above it"
                    ))
                break
            lines.append(line)
            key, colon, value = line.partition(":")
            if colon and key.strip(WHITESPACE).lower() == "language":
                self.transcript.metadata["language"] = value.strip(WHITESPACE)
            pos, number = end + 1, number + 1
        if lines:
            self.transcript.metadata["header"] = "\n".join(lines)
        self.body(text, pos, number)

    # -- the block loop -------------------------------------------------------

    def blocks(self, chunk: str, number: int) -> None:
        """Run the spec's "collect a WebVTT block" over the lines of *chunk*."""
        lines = chunk.split("\n")
        index = 0
        while index < len(lines):
            if lines[index]:
                index = self.block(lines, index, number)
            else:
                index += 1

    def block(self, lines: list[str], index: int, base: int) -> int:
        """Collect one block starting at ``lines[index]``; return where the next starts."""
        first = index
        count = 0
        buffer: list[str] = []
        seen_arrow = False
        timing: _Timing | None = None
        timing_line = 0
        identifier = ""
        kind = ""  # "STYLE" or "REGION" once the block is one of those
        follows, self.follows = self.follows, ""
        while index < len(lines):
            line = lines[index]
            number = base + index
            index += 1
            count += 1
            if "-->" in line:
                if count == 1 or (count == 2 and not seen_arrow):
                    seen_arrow = True
                    identifier = buffer[0] if buffer else ""
                    after = lines[index] if index < len(lines) else ""
                    timing = self.timing(line, number, identifier, follows, after)
                    if timing is not None:
                        timing_line = number
                        buffer = []
                    continue
                # This line starts the next block (its timing line).
                index -= 1
                self.interrupted(line, number, first=base + first, head=lines[first],
                                 timing=timing, count=count, kind=kind)
                break
            if not line:
                index -= 1  # the blank line is no part of the block
                break
            if count == 2 and not self.cue_count() and buffer:
                for keyword in ("STYLE", "REGION"):
                    if _is_keyword_line(buffer[0], keyword):
                        kind, buffer = keyword, []
                        break
            buffer.append(line)
        if timing is not None:
            self.add(timing, "\n".join(buffer), identifier, timing_line)
        elif not seen_arrow and not kind:
            self.no_cue(lines[first:index], base + first)
        return index

    def timing(
        self, line: str, number: int, identifier: str, follows: str, after: str
    ) -> _Timing | None:
        """Parse a timing line; report and return ``None`` when the cue is dropped."""
        match = _FAST_TIMING.compiled.fullmatch(line)
        if match is not None:
            result = _Timing()
            result.start_ms, result.end_ms = _fast_times(match)
            settings = match.group(5)
            result.settings = settings.strip(WHITESPACE) if settings else ""
        else:
            result = _scan_timing(line)
        keyword = _keyword(identifier)
        if result.error is None:
            for column, rule, message in result.warnings:
                self.report(number, column, rule, "warning", message)
            if keyword:
                self.report(number, 1, "missing-blank-line", "error", (
                    f"no blank line between the {keyword} line above and this timing line: "
                    f"browsers show this cue with {identifier!r} as its identifier: add a blank "
                    "line above this line"
                ))
            return result
        column, rule, what = result.error
        own = _keyword(line)
        if keyword or own or follows in ("comment", "STYLE", "REGION"):
            block = keyword or own or follows
            name = "a NOTE comment" if block == "comment" else f"a {block} block"
            # The arrow is the mistake here, not where timing parsing stopped.
            column = line.find("-->") + 1
            message = (
                f"{name} cannot hold '-->': browsers read this line as a timing line "
                f"({what}); reword it"
            )
            # In a NOTE the arrow breaks the comment (bad-timing-line, an error); in
            # a STYLE or REGION block it loses styling, not text (vtt-header, a warning).
            if block == "comment":
                self.report(number, column, "bad-timing-line", "error", message)
            else:
                self.report(number, column, "vtt-header", "warning", message)
        elif not identifier and "-->" in after and _valid_timing(after):
            self.report(number, column, rule, "error", (
                "a cue identifier cannot hold '-->': browsers read this line as a timing line "
                f"({what}) and drop it, then show the cue below without an identifier: remove "
                "the '-->'"
            ))
        elif follows == "cue":
            self.report(number, column, rule, "error", (
                "this line holds '-->', so browsers end the cue above here and read the line "
                f"as a timing line, which it is not ({what}): it and the lines after it up to "
                "the next blank line are not shown; if the arrow is text, write --&gt;"
            ))
        else:
            self.report(number, column, rule, "error", f"timing line: {what}; {_FIX}; {_DROPPED}")
        return None

    def interrupted(
        self, line: str, number: int, *, first: int, head: str,
        timing: _Timing | None, count: int, kind: str,
    ) -> None:
        """A line holding ``-->`` ended the block that started at line *first* with *head*."""
        head_number = first
        if timing is not None:
            what = "cue"
        elif kind:
            what = kind
        elif _is_note(head):
            what = "comment"
        elif "-->" in head:
            what = "dropped"
        else:
            return  # a block of loose text: no_cue reports it
        if not _valid_timing(line):
            self.follows = "cue" if what == "dropped" else what
            return
        if what == "dropped" and count == 2:
            return  # an identifier holding "-->": reported with its own message
        described = {
            "cue": f"the cue at line {head_number if '-->' in head else head_number + 1}",
            "comment": f"the NOTE comment at line {head_number}",
            "dropped": f"the dropped cue at line {head_number}",
        }.get(what, f"the {what} block at line {head_number}")
        self.report(number, 1, "missing-blank-line", "error", (
            f"no blank line between {described} and this timing line: browsers start a new "
            "cue here all the same, other tools may not: add a blank line above it"
        ))

    def no_cue(self, lines: list[str], number: int) -> None:
        """A block without a timing line: a comment, a late STYLE, or stray text."""
        head = lines[0]
        if _is_note(head):
            return
        for keyword in ("STYLE", "REGION"):
            if _is_keyword_line(head, keyword):
                if self.cue_count():
                    self.report(number, 1, "vtt-header", "warning", (
                        f"{keyword} blocks must come before the first cue; browsers ignore "
                        "this one: move it up"
                    ))
                return
        if len(lines) == 1:
            message = (
                f"{head[:40]!r} has no timing line under it, so browsers ignore it: if it is a "
                "cue identifier, put the cue's timing line directly below it; if it is text, "
                "join it to its cue (a blank line ends a cue)"
            )
        else:
            message = (
                f"lines {number}-{number + len(lines) - 1} belong to no cue: a block must "
                "start with a timing line (or an identifier and a timing line), so browsers "
                "ignore them; give them a timing line or join them to their cue"
            )
        self.report(number, 1, "orphan-identifier", "error", message)

    def add(self, timing: _Timing, text: str, identifier: str, line: int) -> None:
        plain, speaker = plain_and_speaker(text)
        self.rows().append((
            timing.start_ms, timing.end_ms, text, plain, speaker, identifier, line,
            timing.settings, line + 1,
        ))

def _keyword(line: str) -> str:
    """``"comment"``, ``"STYLE"`` or ``"REGION"`` for the first line of such a block."""
    if _is_note(line):
        return "comment"
    for keyword in ("STYLE", "REGION"):
        if _is_keyword_line(line, keyword):
            return keyword
    return ""


def parse(text: str) -> Transcript:
    """Read WebVTT text (already decoded) into a transcript.

    Never raises: whatever is wrong becomes a diagnostic, and the cues are
    those a browser would show (plus, when the signature is missing or
    misplaced, those it would show if it were right).
    """
    if text.startswith("\ufeff"):  # UTF-8 decoding drops it; be as kind to str input
        text = text[1:]
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader()
    reader.read(text)
    return reader.finish()
