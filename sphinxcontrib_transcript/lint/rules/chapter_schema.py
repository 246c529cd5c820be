r"""A chapter file does not follow its format: the chapters JSON spec, or a title missing.

A Podcasting 2.0 chapters file is an object with a ``version`` string and a
``chapters`` array; each chapter has a ``startTime`` in seconds (a number, not
``"1:23"``), and may have ``endTime`` (a number), ``title``, ``img`` and
``url`` (strings), ``toc`` (``true`` or ``false``) and ``location`` (an object
with ``name`` and ``geo``).  Keys the spec does not name are allowed.  Each
problem is reported at its key, or at the chapter's ``{``.

The level says who gets it wrong.  An **error** is what a player or a reader
of the page gets wrong: JSON that does not parse, no ``chapters`` array, a
chapter that is not an object or has no usable ``startTime`` (it is left
out: its section is missing), a value of the wrong type (a player that
validates the file rejects it; the chapter is read without it).  A
**warning** is what players read anyway: no ``version``, a listed chapter
(``toc`` not false) without a title, which shows untitled, an optional key
set to ``null``, an end before the start (read as no end), a ``location``
without ``name`` or ``geo``, a WebVTT chapter cue without text, a file with
no chapter at all.

In a YouTube-description list a time that is not one (``1:75``) is
``bad-timestamp``; in a WebVTT chapters file the WebVTT rules report what
is wrong with the file itself.

.. rubric:: Options

None.

.. rubric:: Fix

None: only the author knows the time or title meant.

.. rubric:: Examples

Failing (``talk.chapters.json``)::

    {
      "version": "1.2.0",
      "chapters": [
        {"startTime": 0, "title": "Intro"},
        {"startTime": "1:34", "title": "Keystone species"}
      ]
    }

Passing (``talk.chapters.json``)::

    {
      "version": "1.2.0",
      "chapters": [
        {"startTime": 0, "title": "Intro"},
        {"startTime": 94, "title": "Keystone species"},
        {"startTime": 180, "img": "https://example.org/dam.jpg", "toc": false}
      ]
    }
"""

from __future__ import annotations

from collections.abc import Iterator

from ..base import Context, Finding, Option
from ._chapters import chapters

ID = "chapter-schema"
LEVEL = "error"
ENABLED = True
FORMATS = frozenset({"chapters"})
OPTIONS: dict[str, Option] = {}
FIX = None


def check(ctx: Context) -> Iterator[Finding]:
    """The reader's ``chapter-schema`` diagnostics, each at the level the reader
    gave it (a warning stays a warning when the rule is configured as an error)."""
    for diagnostic in chapters(ctx).diagnostics:
        if diagnostic.rule == ID:
            level = "warning" if diagnostic.level == "warning" else None
            yield Finding(diagnostic.line, diagnostic.column, diagnostic.message, level=level)
