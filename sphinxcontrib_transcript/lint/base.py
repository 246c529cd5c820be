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
    yields what is wrong, with 1-based line and column.
``fix(ctx) -> bytes | None``
    only when ``FIX`` is set: the whole file's new bytes, or ``None`` when
    there is nothing to change.  A fix never drops a cue or a word.

The module docstring is the rule's documentation page, in reST: a summary,
then ``.. rubric::`` sections *Options*, *Fix*, and *Examples* with a
failing and a passing example (literal blocks).  The linter, not the rule,
attaches the rule ID and level to findings.
"""

from __future__ import annotations

from functools import cached_property

from ..decoding import split_lines
from ..model import Format, Transcript

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NamedTuple

    class _FindingFields(NamedTuple):
        line: int
        column: int
        message: str

    class _OptionFields(NamedTuple):
        type: type
        default: Any
        help: str
        choices: tuple[Any, ...] = ()

else:
    # Named tuples, not dataclasses: cheap to make (rules make one per problem)
    # and to import (a pre-commit hook pays for the dataclasses module).
    from collections import namedtuple

    _FindingFields = namedtuple("Finding", ("line", "column", "message"))
    _OptionFields = namedtuple("Option", ("type", "default", "help", "choices"), defaults=((),))


class Finding(_FindingFields):
    """One problem a rule found: where, and what to tell the user."""

    __slots__ = ()


class Option(_OptionFields):
    """One configurable option of a rule.

    :param type: the Python type values must have (``int``, ``float``,
        ``bool``, ``str``); an ``int`` is accepted where ``float`` is asked.
    :param default: the value when nothing configures it.
    :param help: one line for ``--explain`` and the docs.
    :param choices: the allowed values, if restricted.
    """

    __slots__ = ()


def _no_sibling(suffix: str) -> tuple[str, Transcript] | None:
    return None


class Context:
    """Everything a rule may look at for one file.

    The linter builds one per file and shares it between rules, so the costly
    parts (decoding, splitting lines, reading) happen once.

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
        sibling: Callable[[str], tuple[str, Transcript] | None] = _no_sibling,
    ) -> None:
        self.path = path
        self.data = data
        self.text = text
        self.transcript = transcript
        self.options: dict[str, Any] = {} if options is None else options
        self.sibling = sibling

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
