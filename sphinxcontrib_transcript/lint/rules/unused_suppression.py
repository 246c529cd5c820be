r"""An inline suppression that suppresses nothing: remove it.

A ``NOTE transcript-lint: disable...`` directive (see :ref:`suppressing`)
that no longer hides anything is noise at best; at worst it names a rule
with a typo, so the problem it was written for is still reported, or it
outlives the problem and will hide the next one, unseen.  Reported:

* a directive naming a rule that reports nothing in its range (checked
  against the problems found, with the configuration in force: a rule
  that is not enabled reports nothing);
* a name that is no rule (``cue-overlpa``), or not a directive at all
  (``transcript-lint: ignore=...``);
* ``enable=RULE`` with no ``disable=RULE`` before it, ``disable=RULE``
  while it is already disabled, and ``disable-next`` with no block after
  it.

A directive naming ``unused-suppression`` itself is never reported.  Only
WebVTT has comments, so only WebVTT has directives; for SRT and
timestamped text, accept known problems with a baseline instead.

.. rubric:: Options

None.

.. rubric:: Fix

None: remove the directive, or correct the rule's name.

.. rubric:: Examples

Failing (``example.vtt``)::

    WEBVTT

    NOTE transcript-lint: disable-next=cue-overlpa

    00:00:01.000 --> 00:00:04.040
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.

Passing (``example.vtt``)::

    WEBVTT

    NOTE Recorded live: the host talks over the intro music.

    00:00:01.000 --> 00:00:04.000
    Welcome to the show.

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.

A directive that does hide a problem (here an overlap, when ``cue-overlap``
runs too) is not reported::

    NOTE transcript-lint: disable-next=cue-overlap

    00:00:04.000 --> 00:00:06.000
    Today we talk about Python 3.8.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..base import Context, Finding, Option
from ..suppressions import _EVERYTHING, _MARKER, _NOTE, UNUSED, _blocks, directives

ID = UNUSED
LEVEL = "warning"
ENABLED = True
FORMATS = frozenset({"vtt"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    """What the file alone shows: unknown names, directives with nothing to act on,
    and marker lines that are no directive.  (Directives naming a rule that
    finds nothing in their range are reported by the linter, which has the
    problems: :func:`..suppressions.apply_suppressions`.)"""
    found = directives(ctx)
    for item in found:
        if item.name != _EVERYTHING and ctx.rules and item.name not in ctx.rules:
            yield Finding(item.line, item.column, (
                f"{item.text}: no rule is named {item.name!r}, so this suppresses nothing; "
                "correct the name (transcript-lint --list-rules) or remove it"))
        elif item.span is None:
            yield Finding(item.line, item.column, _no_range(item.verb, item.name))
    if ctx.format != "vtt" or _MARKER not in ctx.text:
        return
    seen = {item.line for item in found}
    note = re.compile(_NOTE)
    lines = ctx.lines
    for first, last in _blocks(lines):
        if not note.match(lines[first - 1]):
            continue
        for number in range(first, last + 1):
            at = lines[number - 1].find(_MARKER)
            if at >= 0 and number not in seen:
                yield Finding(number, at + 1, (
                    "not a directive, so this suppresses nothing; write "
                    "'transcript-lint: disable=RULE' (or disable-next, disable-file, enable)"))


def _no_range(verb: str, name: str) -> str:
    if verb == "enable":
        return f"enable={name} ends nothing (no disable={name} before it); remove it"
    if verb == "disable":
        return f"disable={name}: {name} is already disabled above; remove this one"
    return f"disable-next={name} has no block after it to suppress; remove it"
