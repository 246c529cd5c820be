"""Words of cue text as a reader takes them, to tell a repeat from new words.

Shared by the ``zero-duration`` fix (which removes a never-shown cue only when
a neighbour shows its words) and the fix loop's no-loss check (which verifies
that claim before it lets the cue go).
"""

from __future__ import annotations

import re

# A pattern string: compiled on first use, so importing costs nothing.
_WORD = r"\w+(?:['’]\w+)*"


def words(text: str) -> list[str]:
    """The words of *text*, case folded, without punctuation (``"You know,"`` gives
    ``["you", "know"]``)."""
    return [word.casefold() for word in re.findall(_WORD, text)]


def repeats(inner: str, outer: str) -> bool:
    """Whether *inner* says nothing *outer* does not: its words, all of them and at
    least one, appear in *outer* one after another, in the same order."""
    needle, haystack = words(inner), words(outer)
    if not needle or len(needle) > len(haystack):
        return False
    first, size = needle[0], len(needle)
    return any(
        haystack[at : at + size] == needle
        for at, word in enumerate(haystack[: len(haystack) - size + 1])
        if word == first
    )
