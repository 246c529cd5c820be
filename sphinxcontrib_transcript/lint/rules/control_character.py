r"""An invisible control character (NUL, other C0 and C1 controls, DEL, a stray U+FEFF).

Control characters come from copying out of terminals, word processors and
broken conversions; they are invisible in editors, WebVTT turns NUL into
U+FFFD, and some players stop at them.  Tabs and line breaks are not
reported, nor is a byte order mark at the very start (``utf8-bom`` is about
that); a U+FEFF anywhere else is a leftover of joined files.  Also reported:
U+FFF9-U+FFFC (interlinear annotation marks, object replacement).

.. rubric:: Options

None.

.. rubric:: Fix

Safe: removes the characters.  A C1 control (U+0080-U+009F) right after
another non-ASCII character is part of mojibake (``â€\x9d`` for ``”``)
and is left for the ``mojibake`` fix, which can restore what it stood for;
a run of C1 controls right after an ASCII character is removed whole.  A C1
control in a cue's text is reported by the ``mojibake`` rule (``\x93Hi\x94``
is cp1252 quotes read as Latin-1), so not here too, and left for its fix,
which restores the quotes; C1 controls elsewhere (a header, a note) are
reported and removed here.

A control character whose removal would change how the file reads is left,
and reported as not fixable: one on a timing line (it may be all that keeps
the line from reading as one), one that is all a line holds (without it the
line is blank and splits the cue) or all that keeps it from being an SRT
index, a NUL in WebVTT (players show it as U+FFFD, so removing it changes the
text), and any in a file that cannot be written back (``invalid-utf8``).
The fix loop's own check of a safe fix decides: the file without the others
must read exactly as before.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi\u0007 there!

Passing (``example.vtt``)::

    WEBVTT

    00:00:01.000 --> 00:00:02.000
    Hi there!
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..base import Context, Finding, Option
from ._columns import column
from ._edit import BY_HAND, changed, join, reread, rewritable, split_keep
from ._text import non_ascii, rare_ascii

ID = "control-character"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"

# A pattern string, not a compiled pattern: ``re`` compiles it on first use
# (and caches it), so importing the rule costs nothing on the clean path.
_CONTROL = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffc]"
_SPECIALS = "\ufeff\ufff9\ufffa\ufffb\ufffc"  # what _CONTROL finds beyond C0, DEL and C1
_NAMES = {
    "\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x0b": "VT", "\x0c": "FF", "\x1b": "ESC",
    "\x7f": "DEL", "\ufeff": "ZERO WIDTH NO-BREAK SPACE (a byte order mark inside the file)",
    "\ufffc": "OBJECT REPLACEMENT CHARACTER",
}


def _present(ctx: Context) -> bool:
    """Whether the text has any, tested without a regex scan of the whole text (most
    files have none): C0 controls and DEL by deleting every other byte, the rest
    among the few characters that are not ASCII."""
    if rare_ascii(ctx).translate(None, b"\t\r<=>|"):
        return True  # a C0 control or DEL
    rest = non_ascii(ctx)
    # C1 controls are the smallest characters that are not ASCII.
    return bool(rest) and (min(rest) <= "\x9f" or any(char in rest for char in _SPECIALS))


def _classified(text: str, reported: frozenset[str]) -> Iterator[tuple[int, str, bool]]:
    """``(offset, character, part of mojibake)`` for each control character in *text*.

    A C1 control right after a non-ASCII character is part of mojibake, but
    not right after a control that goes: a run of C1 controls after an ASCII
    character goes as a whole, so that one fix removes all of it (the run
    once lost one character per pass, and a second --fix changed the file).
    A C1 control on a line of cue text in *reported* is the ``mojibake``
    rule's too.
    """
    removed_at = -2
    for match in re.finditer(_CONTROL, text):
        start = match.start()
        char = match.group()
        kept = "\x80" <= char <= "\x9f" and (
            (start > 0 and not text[start - 1].isascii() and start - 1 != removed_at)
            or _on_reported_line(text, start, reported)
        )
        if not kept:
            removed_at = start
        yield start, char, kept


def _mojibake_lines(ctx: Context) -> frozenset[str]:
    """The lines of cue text with a C1 control: the ``mojibake`` rule reports each
    such cue (ftfy counts every C1 control as mojibake: ``\x93Hi\x94`` is cp1252
    quotes read as Latin-1), so a C1 control there is that one defect."""
    if not any("\x80" <= char <= "\x9f" for char in non_ascii(ctx)):
        return frozenset()
    return frozenset(
        line for text in column(ctx, "text") if not text.isascii()
        for line in text.split("\n") if any("\x80" <= char <= "\x9f" for char in line)
    )


def _on_reported_line(text: str, offset: int, reported: frozenset[str]) -> bool:
    if not reported:
        return False
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [end for end in (text.find("\n", offset), text.find("\r", offset)) if end >= 0]
    line = text[start : min(ends, default=len(text))]
    return any(line.endswith(payload) for payload in reported)


def check(ctx: Context) -> Iterator[Finding]:
    if not _present(ctx):
        return
    reported = _mojibake_lines(ctx)
    plan = _plan(ctx)
    for number, line in enumerate(ctx.lines, 1):
        for start, char, mojibake in _classified(line, reported):
            if mojibake and _on_reported_line(line, start, reported):
                continue  # one defect, one report: the mojibake rule's
            name = _NAMES.get(char, "control character")
            fixable = not mojibake and number - 1 in plan and not _shown(ctx.format, char)
            advice = (
                "it looks like part of mojibake (see the mojibake rule)" if mojibake
                else "remove it" if fixable
                else "remove it by hand (WebVTT players show it as U+FFFD, so --fix leaves "
                "it: check what the line should say)" if _shown(ctx.format, char)
                else "remove it" + BY_HAND if not rewritable(ctx)
                else "remove it by hand (--fix leaves it: without it the file would read "
                "differently, so check what the line should say)"
            )
            yield Finding(
                number, start + 1, f"invisible U+{ord(char):04X} {name}; {advice}",
                fixable=fixable,
            )


def _shown(format: str, char: str) -> bool:
    """Whether *char* is shown (WebVTT reads NUL as U+FFFD), so that removing it
    changes the text, which a safe fix must not."""
    return char == "\x00" and format == "vtt"


def _without(line: str, reported: frozenset[str], format: str) -> str:
    """*line* without the control characters the fix removes from it."""
    out: list[str] = []
    position = 0
    for start, char, mojibake in _classified(line, reported):
        if not mojibake and not _shown(format, char):
            out.append(line[position:start])
            position = start + 1
    out.append(line[position:])
    return "".join(out)


def _plan(ctx: Context) -> frozenset[int]:
    """The (0-based) lines the fix removes control characters from: those where the
    file reads the same without them, as the fix loop checks a safe fix (the
    same cues, times and visible text).  Removing one from a timing line, from
    a line it alone kept from being blank or an index would change how the file
    reads: such lines are left (and a NUL in WebVTT, shown as U+FFFD, always)."""
    if "control-character plan" in ctx.cache:
        plan: frozenset[int] = ctx.cache["control-character plan"]
        return plan
    reported = _mojibake_lines(ctx)
    lines, endings = split_keep(ctx.text)
    changes = {}
    if rewritable(ctx):
        for i, line in enumerate(lines):
            if _present_in(line):
                new = _without(line, reported, ctx.format)
                if new != line and not _reads_otherwise(line, new):
                    changes[i] = new

    def reads_the_same(chosen: Iterable[int]) -> bool:
        edited = list(lines)
        for i in chosen:
            edited[i] = changes[i]
        return _same_reading(ctx, join(edited, endings))

    chosen = list(changes)
    if chosen and not reads_the_same(chosen):
        # Rare (the shapes _reads_otherwise knows are left out already): try the
        # lines one by one, a bounded number of them, each a reading of the file.
        chosen = [i for i in chosen[:_TRIED] if reads_the_same([i])]
        if not reads_the_same(chosen):
            chosen = []
    plan = frozenset(chosen)
    ctx.cache["control-character plan"] = plan
    return plan


# Lines tried one by one when removing them all would change how the file reads.
_TRIED = 32


def _reads_otherwise(line: str, new: str) -> bool:
    """Whether *new* for *line* plainly changes how the file reads (so the file need
    not be read again to know): a timing line (a control may be all that keeps
    it from reading), a line the control kept from being blank."""
    return "-->" in line or not new.strip()


def _present_in(line: str) -> bool:
    return re.search(_CONTROL, line) is not None


def _same_reading(ctx: Context, text: str) -> bool:
    """Whether *text* reads as the file does, by the fix loop's check of a safe fix."""
    from ..loss import loss  # only for files with control characters

    after = reread(ctx, text)
    return after is not None and loss(ctx.transcript, after, safe=True) is None


def fix(ctx: Context) -> bytes | None:
    if not _present(ctx):
        return None
    plan = _plan(ctx)
    if not plan:
        return None
    reported = _mojibake_lines(ctx)
    lines, endings = split_keep(ctx.text)
    for i in plan:
        lines[i] = _without(lines[i], reported, ctx.format)
    return changed(ctx, join(lines, endings))
