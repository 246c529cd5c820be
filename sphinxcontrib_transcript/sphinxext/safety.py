"""Text from a transcript made safe to show, whatever it contains.

Escaping is the writers' job (the text is always :class:`docutils.nodes.Text`);
this module handles what escaping does not: control characters (invalid in
the XHTML of EPUB, invisible elsewhere) and bidi controls left open (an
unclosed right-to-left override in one cue would reverse the rest of its
paragraph, timestamps included), plus the language tags that may reach a
``lang`` attribute.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# A BCP 47 language tag, loosely: what may go into a lang attribute.
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")

# C0 and C1 controls other than tab and line breaks: shown as U+FFFD (the
# linter names them).
_CONTROLS = {c: "\ufffd" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                     *range(0x7F, 0xA0)]}
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
_PDF, _PDI = "\u202c", "\u2069"

#: Characters that need :func:`clean` or :func:`bidi_closers`: controls and bidi
#: embeddings, overrides and isolates (one search tells whether a text has any).
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Text with control characters replaced by U+FFFD.

    >>> clean("a\\x01b\\tc")
    'a\\ufffdb\\tc'
    """
    return text.translate(_CONTROLS) if UNSAFE.search(text) else text


def bidi_closers(texts: Sequence[str]) -> str:
    """What closes the bidi embeddings and isolates left open in *texts*.

    An unclosed override would reverse everything after it in the paragraph,
    the following cues and timestamps included; closing it where its cue
    ends keeps its effect inside the cue.

    >>> bidi_closers(["a \\u202eb", "c \\u2067d\\u202b"]) == "\\u202c\\u2069\\u202c"
    True
    >>> bidi_closers(["\\u2067balanced\\u2069 text"])
    ''
    """
    if not any(UNSAFE.search(text) for text in texts):
        return ""
    stack: list[str] = []
    for text in texts:
        for char in text:
            if char in _EMBEDDINGS:
                stack.append(_PDF)
            elif char in _ISOLATES:
                stack.append(_PDI)
            elif char == _PDF and stack and stack[-1] == _PDF:
                stack.pop()
            elif char == _PDI and _PDI in stack:
                # A PDI also closes the embeddings opened inside its isolate.
                while stack.pop() != _PDI:
                    pass
    return "".join(reversed(stack))


def valid_language(tag: str) -> bool:
    """Whether *tag* can go into a ``lang`` attribute.

    >>> valid_language("pt-BR"), valid_language('en" onclick="x')
    (True, False)
    """
    return _LANGUAGE.fullmatch(tag) is not None
