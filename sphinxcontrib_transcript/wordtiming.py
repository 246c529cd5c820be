"""Word timings from cue text: WebVTT inline timestamps, and timed runs of any source.

A file that times its words cuts each cue's text at *time points*: WebVTT
inline timestamps (``Never <00:00:01.500>drink``; YouTube writes
``<00:00:01.500><c> drink</c>``), TTML ``<span begin= end=>``.  Whatever the
source, a :class:`~sphinxcontrib_transcript.model.Word` here is **the text
from one time point to the next**, as written:

* its start is the time point before it (the cue's start for the text before
  the first timestamp), its end the next time point (the cue's end after the
  last);
* a run holding several words stays one ``Word`` (the file times them as
  one: no time is made up for each);
* a timestamp inside a word cuts it in two (karaoke syllables,
  ``beau<00:00:01.200>tiful``): the second piece has no space before it, which
  tells a reader it belongs to the word before;
* text that is only whitespace is no word: it joins the word after it (or
  the one before, at the end of the cue), so the texts of the words, joined,
  are the cue's plain text (markup gone, references decoded, ruby text left
  out) character for character;
* the times are the file's, as written: a timestamp out of order or outside
  its cue (the ``inline-timestamp`` lint rule reports those) gives a word
  that ends before it starts, or starts outside its cue.

A cue with no inline timestamp has no word timings (``None``): its only time
points are its start and end, and it would be one "word".

TTML's layout whitespace is collapsed (one space, before the word after it,
as Whisper writes words), and text outside any timed span is a word without
times (``None``), unless it follows a span's text with no space between (its
punctuation), which ends that span's word.  ``Cue.words`` as a tuple holds
the :class:`PendingWords` while unread (``tuple(cue)``, ``cue._asdict()``):
read the attribute.

Reading inline timestamps costs a parse of the cue text, which the linter
never needs.  The WebVTT reader's ``words`` column (:class:`InlineWords`)
parses nothing: each cue with a ``<`` gets a :class:`PendingWords`, which
parses when :attr:`Cue.words <sphinxcontrib_transcript.model.Cue.words>` is
first read.  A linted file (clean, or with cues made for its findings) pays a
C-level pass over the texts at most.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, count, repeat
from operator import contains

from .model import Word

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    _State: TypeAlias = tuple[str, int, "int | None", bool, "tuple[Word, ...] | None"]

__all__ = ["InlineWords", "PendingWords", "inline_words", "timed_runs"]

_DIGITS = "0123456789"


def _maybe_stamped(text: str) -> bool:
    """Whether *text* has a ``<`` followed by a digit (an inline timestamp, maybe:
    :func:`~sphinxcontrib_transcript.markup.parse` says whether it is one)."""
    at = text.find("<")
    while at >= 0:
        if text[at + 1 : at + 2] in _DIGITS and at + 1 < len(text):
            return True
        at = text.find("<", at + 1)
    return False


def timed_runs(
    runs: Sequence[tuple[str, int | None, int | None]], *, collapse: bool = False,
) -> tuple[Word, ...] | None:
    """Words from runs of ``(text, start_ms, end_ms)`` in text order.

    Runs that are empty or only whitespace join the next run (the last such
    run joins the run before); adjacent runs are not merged otherwise.
    ``None`` when no run holds anything but whitespace.

    :param collapse: the whitespace is layout (XML): every stretch of it becomes
        one space before the next word, none at the start or the end.

    .. doctest::

        >>> timed_runs([("Hi", 0, 500), (" ", None, None), ("there", 500, 900)])
        (Word(start_ms=0, end_ms=500, text='Hi'), Word(start_ms=500, end_ms=900, text=' there'))
    """
    if collapse:
        runs = _collapsed(runs)
    words: list[Word] = []
    pending = ""  # whitespace waiting for the next word
    for text, start, end in runs:
        if not text or text.isspace():
            pending += text
            continue
        words.append(Word(start, end, pending + text))
        pending = ""
    if not words:
        return None
    if pending:
        last = words[-1]
        words[-1] = Word(last.start_ms, last.end_ms, last.text + pending)
    return tuple(words)


def _collapsed(
    runs: Sequence[tuple[str, int | None, int | None]],
) -> list[tuple[str, int | None, int | None]]:
    """*runs* with each stretch of whitespace, within a run or across runs, one
    space, put before the word that follows it (as Whisper writes words); none
    at the start or the end."""
    out: list[tuple[str, int | None, int | None]] = []
    space = False  # whitespace since the last word, with a word before it
    for text, start, end in runs:
        flat = " ".join(text.split())
        if out and text[:1].isspace():
            space = True
        if flat:
            out.append((" " * space + flat, start, end))
            space = text[-1:].isspace()
    return out


def _pieces(text: str) -> list[str | int]:
    """The cue text's plain text cut at its inline timestamps: strings and times
    (milliseconds) in text order, ruby text (``<rt>``) left out as
    :func:`~sphinxcontrib_transcript.markup.plain_text` leaves it out."""
    from . import markup  # a lint run never needs it here

    out: list[str | int] = []
    pending: list[markup.Node] = list(reversed(markup.parse(text)))
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, markup.Timestamp):
            out.append(node.ms)
        elif node.tag != "rt":
            pending.extend(reversed(node.children))
    return out


def inline_words(text: str, start_ms: int, end_ms: int | None) -> tuple[Word, ...] | None:
    """The words of WebVTT cue *text* timed by its inline timestamps (see the module's
    docstring for what a word is); ``None`` when it has none.

    .. doctest::

        >>> text = "The<00:00:01.300><c> game</c> <00:00:01.700>is on"
        >>> for word in inline_words(text, 1000, 2000):
        ...     print(word)
        Word(start_ms=1000, end_ms=1300, text='The')
        Word(start_ms=1300, end_ms=1700, text=' game ')
        Word(start_ms=1700, end_ms=2000, text='is on')
    """
    if not _maybe_stamped(text):
        return None
    pieces = _pieces(text)
    if all(isinstance(piece, str) for piece in pieces):
        return None  # "<1" that was no timestamp
    runs: list[tuple[str, int | None, int | None]] = []
    parts: list[str] = []
    at: int = start_ms
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
            continue
        runs.append(("".join(parts), at, piece))
        parts, at = [], piece
    runs.append(("".join(parts), at, end_ms))
    return timed_runs(runs)


class PendingWords:
    """A cue's inline-timestamp words, parsed when first read.

    What a WebVTT cue's ``words`` field holds until then: the reader makes one
    for each cue whose text holds a ``<`` (a pointer and three references),
    and :attr:`Cue.words <sphinxcontrib_transcript.model.Cue.words>` hands out
    :meth:`resolve`'s value, so a cue made only to be linted never parses its
    text for words.  It compares, hashes and prints as that value, and pickles
    as itself (its text and times).
    """

    __slots__ = ("_done", "_end", "_start", "_text", "_value")

    def __init__(self, text: str, start_ms: int, end_ms: int | None) -> None:
        self._text, self._start, self._end = text, start_ms, end_ms
        self._done = False
        self._value: tuple[Word, ...] | None = None

    def resolve(self) -> tuple[Word, ...] | None:
        """The words (:func:`inline_words`), worked out once."""
        if not self._done:
            self._value = inline_words(self._text, self._start, self._end)
            self._done = True
        return self._value

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PendingWords):
            other = other.resolve()
        return self.resolve() == other

    def __hash__(self) -> int:
        return hash(self.resolve())

    def __repr__(self) -> str:
        return repr(self.resolve())

    def __getstate__(self) -> _State:
        return self._text, self._start, self._end, self._done, self._value

    def __setstate__(self, state: _State) -> None:
        self._text, self._start, self._end, self._done, self._value = state


class InlineWords(Sequence["Any"]):
    """The ``words`` column of a WebVTT table: for each cue whose text holds a
    ``<``, a :class:`PendingWords` (its words, parsed when first read); ``None``
    for the others.

    Iterating (making the cues) finds the cues with a ``<`` in one C-level
    pass and parses none of them.
    """

    __slots__ = ("_ends", "_starts", "_texts")

    def __init__(
        self, texts: Sequence[str], starts: Sequence[int], ends: Sequence[int | None]
    ) -> None:
        self._texts, self._starts, self._ends = texts, starts, ends

    def __len__(self) -> int:
        return len(self._texts)

    def __getitem__(self, index: Any) -> Any:  # a cue's words, or for a slice a list
        if isinstance(index, slice):
            return [self[at] for at in range(*index.indices(len(self)))]
        text = self._texts[index]
        if "<" not in text:
            return None
        return PendingWords(text, self._starts[index], self._ends[index])

    def __iter__(self) -> Iterator[Any]:
        texts = self._texts
        marked = list(compress(count(), map(contains, texts, repeat("<"))))
        if not marked:
            return repeat(None, len(texts))
        values: list[Any] = [None] * len(texts)
        starts, ends = self._starts, self._ends
        for index in marked:
            values[index] = PendingWords(texts[index], starts[index], ends[index])
        return iter(values)

    def __repr__(self) -> str:
        return f"<InlineWords of {len(self)} cues>"
