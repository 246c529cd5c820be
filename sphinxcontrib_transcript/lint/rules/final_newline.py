r"""The file does not end with a line break, or ends with several blank lines.

A missing final line break makes ``cat`` and ``git diff`` ("\ No newline at
end of file") misbehave and the next edit touch a line it did not change;
blank lines piled up at the end are leftovers of editing.  Both are invisible
in an editor, which is why a hook should catch them.  One blank line after
the last cue is fine (many tools end every block with one); empty files are
left to ``no-cues``.

.. rubric:: Options

None.

.. rubric:: Fix

Safe: adds the missing line break (the file's usual line ending), or removes
the extra blank lines, keeping one.  A file that is not valid in its encoding
(``invalid-utf8``) cannot be written back safely (bytes read as U+FFFD would
be lost, a guessed encoding guessed again): there the problem is reported as
not fixable, to be fixed by hand or once the encoding is repaired.

.. rubric:: Examples

Failing (``example.txt``)::

    00:00:01 Hi!\

Passing (``example.txt``)::

    00:00:01 Hi!
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._edit import BY_HAND, changed, join, majority_ending, rewritable, split_keep

ID = "final-newline"
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt", "srt", "txt", "json", "md", "whisper", "sbv", "ttml", "html"})
OPTIONS: dict[str, Option] = {}
FIX = "safe"


def _ends_badly(text: str) -> bool:
    """No final line break, or two or more blank lines after the last text."""
    if not text:
        return False
    if text[-1] not in "\r\n":
        return True
    # Where the trailing blanks start, found from the end: rstrip() would copy
    # all the text before them.
    end = len(text)
    while end and text[end - 1] in " \t\r\n":
        end -= 1
    rest = text[end:]
    return not end or rest.count("\n") + rest.count("\r") - rest.count("\r\n") > 2


def _last_text(lines: list[str]) -> int:
    """1-based number of the last line with text (0 if none); ``lines`` ends with ``""``."""
    last = len(lines) - 1  # lines[-1] is the empty rest after the final break
    while last > 0 and not lines[last - 1].strip(" \t"):
        last -= 1
    return last


def check(ctx: Context) -> Iterator[Finding]:
    text = ctx.text
    if not _ends_badly(text):
        return
    lines = ctx.lines
    fixable = rewritable(ctx)
    advice = "" if fixable else BY_HAND
    if text[-1] not in "\r\n":
        yield Finding(
            len(lines), len(lines[-1]) + 1,
            f"no line break at the end of the file; add one{advice}", fixable=fixable,
        )
        return
    last = _last_text(lines)
    if last == 0:
        yield Finding(
            1, 1, f"the file holds nothing but blank lines; empty it{advice}", fixable=fixable
        )
        return
    count = len(lines) - 1 - last
    yield Finding(
        last + 2, 1, f"{count} blank lines at the end of the file; keep at most one{advice}",
        fixable=fixable,
    )


def fix(ctx: Context) -> bytes | None:
    text = ctx.text
    if not _ends_badly(text) or not rewritable(ctx):
        return None
    lines, endings = split_keep(text)
    usual = majority_ending(endings[:-1]) if len(endings) > 1 else "\n"
    if text[-1] not in "\r\n":
        endings[-1] = usual
        return changed(ctx, join(lines, endings))
    last = _last_text(lines)
    # Keep the last text line, one blank line, and the empty rest after it.
    keep = last + 1 if last else 0
    return changed(ctx, join([*lines[:keep], ""], [*endings[:keep], ""]))
