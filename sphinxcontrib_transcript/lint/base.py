"""What every lint rule module works with: the context it checks and what it yields.

A rule is a module in :mod:`sphinxcontrib_transcript.lint.rules` with these names:

``ID``
    kebab-case rule ID (``"cue-order"``): config key, CLI name, Sphinx
    ``suppress_warnings`` subtype.
``LEVEL``
    default level, ``"error"`` or ``"warning"``.
``ENABLED``
    ``True`` when on by default (invalid content or almost surely a mistake);
    style and delivery limits are ``False`` and come on through ``--select``
    or a preset.
``FORMATS``
    the formats the rule applies to (a frozenset of names in
    :data:`~sphinxcontrib_transcript.model.FORMATS`: ``"vtt"``, ``"srt"``,
    ``"txt"``, ``"json"``, ``"md"``, ``"whisper"``, ``"sbv"``, ``"ttml"``,
    ``"html"``).
``OPTIONS``
    ``{name: Option(...)}``; the linter validates configured values against
    them and passes the merged values as ``ctx.options``.
``FIX``
    ``"safe"`` (applied by ``--fix``: cannot change what is said or when),
    ``"unsafe"`` (only with ``--unsafe-fixes``) or ``None``.
``check(ctx) -> Iterator[Finding]``
    yields what is wrong, with 1-based line and column.  A rule whose
    problems the decoder or a reader finds while reading (``bad-timestamp``,
    ``invalid-utf8``...) has no ``check``: the engine routes the
    diagnostics with its ID to it, so the module is its ID, level,
    documentation and fix, with no logic to copy them.
``fix(ctx) -> bytes | Repair | None``
    only when ``FIX`` is set: the whole file's new bytes, or ``None`` when
    there is nothing to change.  A fix never drops a cue or a word; a fix
    that removes cues on purpose (never-shown repeats) or wants to say what it
    did returns a :class:`Repair`, which names them.

The module docstring is the rule's documentation page, in reST: a summary,
then ``.. rubric::`` sections *Options*, *Fix*, and *Examples* with a
failing and a passing example (literal blocks).  The linter, not the rule,
attaches the rule ID and level to findings.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cached_property
from itertools import accumulate

from ..decoding import split_lines
from ..model import Cue, Diagnostic, Format, Transcript
from ..table import CueTable, TimingSummary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Collection
    from typing import Any, NamedTuple

    class _FindingFields(NamedTuple):
        line: int
        column: int
        message: str
        fixable: bool = True
        level: str | None = None

    class _RepairFields(NamedTuple):
        data: bytes
        notes: tuple[str, ...] = ()
        removed: tuple[int, ...] = ()

    class _OptionFields(NamedTuple):
        type: type
        default: Any
        help: str
        choices: tuple[Any, ...] = ()
        minimum: float | None = None

else:
    # Named tuples, not dataclasses: cheap to make (rules make one per problem)
    # and to import (a pre-commit hook pays for the dataclasses module).
    from collections import namedtuple

    _FindingFields = namedtuple(
        "Finding", ("line", "column", "message", "fixable", "level"), defaults=(True, None)
    )
    _OptionFields = namedtuple(
        "Option", ("type", "default", "help", "choices", "minimum"), defaults=((), None)
    )
    _RepairFields = namedtuple("Repair", ("data", "notes", "removed"), defaults=((), ()))


class Finding(_FindingFields):
    """One problem a rule found: where, and what to tell the user.

    :param fixable: ``False`` when the rule has a fix but it will not change
        this problem (its fix would leave it, or could not apply here), so
        that ``fixable`` in the output is a promise the fix keeps.
    :param level: ``"warning"`` to report this one problem at most as a
        warning (a near-miss below a rule's threshold); ``None`` for the
        rule's configured level.
    """

    __slots__ = ()


class Repair(_RepairFields):
    """What a fix made, when it has more to say than the new bytes.

    :param data: the whole file's new bytes.
    :param notes: one line each on what the fix did, shown after ``--fix``.
    :param removed: indexes (in the file as it was) of the cues the fix removed
        on purpose: only zero-length cues whose words a neighbouring cue shows,
        which the no-loss check verifies before it allows them to go.
    """

    __slots__ = ()


class Option(_OptionFields):
    """One configurable option of a rule.

    :param type: the Python type values must have (``int``, ``float``,
        ``bool``, ``str``); an ``int`` is accepted where ``float`` is asked.
    :param default: the value when nothing configures it.
    :param help: one line for ``--explain`` and the docs.
    :param choices: the allowed values, if restricted.
    :param minimum: the smallest value allowed, if any (the configuration is
        refused below it).
    """

    __slots__ = ()


# Characters of text a line look-up counts line breaks in at a time (see Context.line).
_BLOCK = 1 << 16


def _no_sibling(suffix: str) -> tuple[str, Transcript] | None:
    return None


if TYPE_CHECKING:
    #: Loads the file beside the linted one with another suffix (``".txt"``), as
    #: ``(path, transcript)``, or ``None``.
    Sibling = Callable[[str], tuple[str, Transcript] | None]


class Context:
    """Everything a rule may look at for one file.

    The linter builds one per file and shares it between rules, so the costly
    parts (decoding, splitting lines, reading) happen once.  A rule looks at
    the cues through :attr:`table` (columns) and :attr:`timing` (what the
    times say): on a clean file no rule of the default set makes a
    :class:`~sphinxcontrib_transcript.model.Cue` (a test checks it).
    :meth:`cue` and :attr:`cues` make them, for the few cues a rule reports
    and for fixes.  What a rule works out once per file and others share goes
    in :attr:`cache`.

    :param options: the rule's options (the linter sets them before each rule).
    :param sibling: loads a sibling file (``NAME.txt`` next to ``NAME.vtt``) by
        suffix, or returns ``None``; set by the linter, used by ``pair-drift``.
    """

    def __init__(  # noqa: PLR0917 - positional, as when it was a dataclass
        self,
        path: str,
        data: bytes,
        text: str,
        transcript: Transcript,
        options: dict[str, Any] | None = None,
        sibling: Sibling = _no_sibling,
    ) -> None:
        self.path = path
        self.data = data
        self.text = text
        self.transcript = transcript
        self.options: dict[str, Any] = {} if options is None else options
        self.sibling = sibling
        #: Per-file values several rules share (see ``rules._columns.derived``).
        self.cache: dict[str, Any] = {}
        #: The IDs of every rule the linter knows (set by the engine), for a rule
        #: about rules (``unused-suppression`` names an unknown one).
        self.rules: Collection[str] = ()

    def _fields(self) -> tuple[object, ...]:
        return self.path, self.data, self.text, self.transcript, self.options, self.sibling

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Context)
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        return (
            f"Context(path={self.path!r}, data=<{len(self.data)} bytes>, "
            f"format={self.format!r}, options={self.options!r})"
        )

    @property
    def format(self) -> Format:
        return self.transcript.format

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """What the decoder and the reader reported, in file order."""
        return self.transcript.diagnostics

    @property
    def encoding(self) -> str:
        """The encoding the file was decoded with."""
        return self.transcript.encoding

    @cached_property
    def table(self) -> CueTable:
        """The cues as columns (see :class:`~sphinxcontrib_transcript.table.CueTable`)."""
        return self.transcript.table

    @cached_property
    def timing(self) -> TimingSummary:
        """What the cues' times say (see
        :class:`~sphinxcontrib_transcript.table.TimingSummary`)."""
        return self.transcript.timing

    def cue(self, index: int) -> Cue:
        """Cue *index*, made from its row of the table."""
        return tuple.__new__(Cue, self.table.row(index))

    @property
    def cues(self) -> list[Cue]:
        """Every cue as a :class:`~sphinxcontrib_transcript.model.Cue` (made on
        first use: for fixes and for rules that report, not for the clean path)."""
        return self.transcript.cues

    def line(self, number: int) -> str | None:
        """Line *number* (1-based) of the text, or ``None`` past its end.

        Without cutting the whole text into lines when :attr:`lines` is not
        made yet: a rule reporting a few cues of a long file looks up their
        lines, where the list of every line would take more memory than the
        text itself.
        """
        if number < 1:
            return None
        text = self.text
        breaks = self._breaks
        if not breaks:  # a line break other than LF (CR): cut into lines as they are
            lines = self.lines
            return lines[number - 1] if number <= len(lines) else None
        if number - 1 > breaks[-1]:
            return None  # the text has breaks[-1] + 1 lines
        # The line starts after line break number - 1, which lies in the block
        # with fewer breaks before it and at least that many by its end.
        block = max(bisect_left(breaks, number - 1) - 1, 0)
        start = block * _BLOCK
        skip = number - 1 - breaks[block]
        if skip:
            chunk = text[start : start + _BLOCK]
            start += len(chunk) - len(chunk.split("\n", skip)[-1])
        end = text.find("\n", start)
        return text[start : len(text) if end < 0 else end]

    @cached_property
    def _breaks(self) -> list[int]:
        """Line breaks before the start of each block of :data:`_BLOCK` characters of
        the text, and (last) in all; ``[]`` when the text holds a CR, which breaks
        lines too (:attr:`lines` is used then)."""
        text = self.text
        if "\r" in text:
            return []
        counts = (text.count("\n", at, at + _BLOCK) for at in range(0, len(text), _BLOCK))
        return list(accumulate(counts, initial=0))

    @cached_property
    def lines(self) -> list[str]:
        """The decoded text split at CRLF, CR and LF (line ``n`` is ``lines[n - 1]``)."""
        return split_lines(self.text)

    @cached_property
    def filled_lines(self) -> list[int]:
        """1-based numbers of the lines with something other than whitespace.

        The timestamped-text reader skips blank lines, so the lines of a cue's
        text are the filled lines from its ``text_line`` on.
        """
        return [number for number, line in enumerate(self.lines, 1) if line.strip()]
