"""What the linter reports: one :class:`Problem` per defect, ready to print.

A problem is a finding of a rule, or a diagnostic the decoder or a reader
made under a rule's ID, placed in a file and given the level the
configuration decides (the engine does that, in one place), or one of the
two IDs the linter itself reports: a file that could not be read
(:data:`IO_ERROR`) and a crash turned into a problem (:data:`INTERNAL_ERROR`).
"""

from __future__ import annotations

from collections import namedtuple

from ..model import Level

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple

    class _ProblemFields(NamedTuple):
        path: str
        line: int
        column: int
        rule: str
        level: Level
        message: str
        fixable: bool = False

else:
    # A named tuple: cheap to make and to import, orders field by field, and
    # pickles (problems travel back from --jobs worker processes).
    _ProblemFields = namedtuple(
        "Problem", ("path", "line", "column", "rule", "level", "message", "fixable"),
        defaults=(False,),
    )

#: Rule IDs the linter itself reports; they are not rules and cannot be
#: configured: a file that could not be read, or a crash to report.
IO_ERROR = "io-error"
INTERNAL_ERROR = "internal-error"

BUG = "this is a bug in transcript-lint: please report it with the file attached"


class Problem(_ProblemFields):
    """One problem in one file, ready to print.

    Problems sort by path, then line, then column.  ``str()`` gives the CLI's
    text format, ``path:line:col: level [rule-id] message``.

    :param fixable: the rule's fix will change this problem (``--fix`` when its fix is safe,
        ``--unsafe-fixes`` otherwise; see :func:`~.engine.fix_kind`).
    """

    __slots__ = ()

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.level} [{self.rule}] {self.message}"


def io_problem(path: str, message: str) -> Problem:
    """A file that could not be read or written: an error at 1:1."""
    return Problem(path, 1, 1, IO_ERROR, "error", message)


def internal_problem(path: str, doing: str, exc: BaseException) -> Problem:
    """A crash turned into a problem, so one bad file never stops a run."""
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    detail = detail.splitlines()[0] if detail else type(exc).__name__
    return Problem(path, 1, 1, INTERNAL_ERROR, "error", f"crashed in {doing} ({detail}); {BUG}")
