"""Word timings on the page: ``:words: auto`` (the default) or ``off``.

Where a transcript gives word timings (``Cue.words``: Whisper JSON, WebVTT
inline timestamps...), each cue's words are timed on the page, so that the
script (``transcript-words.js``) can mark the word being spoken and seek to a
word when it is clicked.  The page stays light: the words stay plain text
(searchable, readable without JavaScript, and plain text in every other
builder), and each cue gets one attribute, ``data-w``, with one number per
word of its text::

    <span class="transcript-cue" id="t-00-00-03" data-start="3" data-end="6"
          data-w="0 41 37 0 52">Welcome to the demo, everyone.</span>

A *word* here is what the page shows between spaces (a run of characters
other than ASCII white space, over the text the cue's element holds, its
timestamp link left out), so that the script finds the same words the build
counted.  Each number is the word's start in hundredths of a second after
the previous word's (the first word's: after the cue's start); ``0`` after
the first joins a word to the one before (both are marked together, as when
a timed word is ``don't`` and the file timed ``don`` and ``'t``).  The
script wraps a cue's words in elements only when they are needed: when the
cue is played, or when the pointer comes over it.

Measured on a one-hour episode (``python -m tests.benchmarks --only words``),
the page with words is 1.27x the size of the page without (the budget is
2.5x); an element per word in the HTML, even a short one without a class,
would make it 2.95x.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from docutils import nodes

from . import nodes as tn

if TYPE_CHECKING:
    from ..model import Word
    from .render import Paragraph

#: The ``:words:`` choices, the default first.
WORDS = ("auto", "off")

# What the script (transcript-words.js) takes for a word: the same pattern.
_TOKEN = re.compile(r"[^ \t\n\r\f]+")
# How far past the last matched word a word's text is looked for: a word the
# text does not hold (a reader's guess, a cleaned character) is skipped
# rather than matched a sentence later.
_REACH = 80


def words_choice(value: str | None) -> bool:
    """Whether ``:words:`` (or :confval:`transcript_words`) asks for words.

    >>> words_choice("auto"), words_choice(" Off ")
    (True, False)

    :raises ValueError: naming the choices.
    """
    choice = (value or WORDS[0]).strip().lower()
    if choice not in WORDS:
        raise ValueError(f"{choice!r} is not a :words: choice; write one of {', '.join(WORDS)}")
    return choice == "auto"


def _matches(squeezed: str, words: Sequence[Word]) -> Iterator[tuple[int, int]]:
    """``(position in squeezed, start ms)`` of each timed word found in *squeezed*, in order.

    *squeezed* is the cue's text without white space; a word is looked for
    without its own, from where the last one ended.
    """
    cursor = 0
    for word in words:
        if word.start_ms is None:
            continue  # unaligned (WhisperX numbers): part of the word before it
        text = "".join(str(word.text).split())
        if not text:
            continue
        found = squeezed.find(text, cursor, cursor + _REACH + len(text))
        if found < 0:
            continue
        yield found, word.start_ms
        cursor = found + len(text)


def encode(text: str, start_ms: int, end_ms: int | None, words: Sequence[Word]) -> str:
    """The ``data-w`` value of a cue showing *text*: one number per word of the text.

    >>> from sphinxcontrib_transcript.model import Word
    >>> encode("Hello there, don't", 1000, 3000,
    ...        [Word(1000, 1400, " Hello"), Word(1500, 1900, " there,"),
    ...         Word(2000, 2200, " don"), Word(2200, 2500, "'t")])
    '0 50 50'

    Times are kept within the cue and in order; ``""`` when no word after the
    first has a time of its own (nothing to follow).
    """
    squeezed: list[str] = []
    starts: list[int] = []  # each word's position in the squeezed text
    position = 0
    for match in _TOKEN.finditer(text):
        starts.append(position)
        squeezed.append(match[0])
        position += len(match[0])
    found = list(_matches("".join(squeezed), words))
    if not starts or not found:
        return ""
    high = None if end_ms is None else max(end_ms, start_ms)
    out: list[str] = []
    index, time, previous = -1, start_ms, 0
    for begin in starts:
        while index + 1 < len(found) and found[index + 1][0] <= begin:
            index += 1
            time = max(found[index][1], time)
            if high is not None:
                time = min(time, high)
        hundredths = (time - start_ms + 5) // 10
        out.append(str(hundredths - previous))
        previous = hundredths
    if not any(step != "0" for step in out[1:]):
        return ""
    return " ".join(out)


def _shown_text(cue: nodes.Element) -> str:
    """The text of a cue's HTML element, its timestamp link left out (what the script reads)."""
    parts: list[str] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            parts.append(node.astext())
        elif not isinstance(node, tn.transcript_time):
            for child in node.children:
                walk(child)

    walk(cue)
    return "".join(parts)


def annotate(node: tn.transcript_paragraph, paragraph: Paragraph) -> None:
    """Give each cue of *node* that has word timings its ``data-w`` numbers (``words``).

    A :class:`~.nodes.transcript_text` run gets ``words``, one value per cue
    of its ``cues`` (``""`` for a cue without); a cue with its own
    :class:`~.nodes.transcript_cue` node gets ``words`` as an attribute.
    """
    placed: Mapping[str, tuple[int, int | None, Sequence[Word]]] = {
        item.anchor: (item.cue.start_ms, item.cue.end_ms, item.cue.words)
        for item in paragraph.cues if item.cue.words
    }
    if not placed:
        return
    for child in node.children:
        if isinstance(child, tn.transcript_text):
            text = child.astext()
            values = [
                encode(text[begin:finish], *placed[anchor]) if anchor in placed else ""
                for anchor, _start, _end, begin, finish in child["cues"]
            ]
            if any(values):
                child["words"] = values
        elif isinstance(child, tn.transcript_cue) and child.children:
            anchor = child.children[0]
            if isinstance(anchor, tn.transcript_anchor) and anchor["ids"][0] in placed:
                value = encode(_shown_text(child), *placed[anchor["ids"][0]])
                if value:
                    child["words"] = value
