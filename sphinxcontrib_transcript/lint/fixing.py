"""Fixes: the fix loop with its no-loss guard, and atomic writes.

The loop runs each selected rule that has a fix allowed in this run (``safe``;
with ``unsafe=True`` also ``unsafe``) and a finding in the current content,
re-reads the result, and repeats until nothing changes (at most
:data:`MAX_PASSES` passes).  Every fix is checked by reading the file again
before it is kept:

* a *safe* fix must leave every cue's start, end, speaker and text exactly as
  they were (whitespace, line breaks and invisible control characters aside);
* an *unsafe* fix may move cues and change times or characters, but must keep
  every cue that had text and every word (:func:`.loss.loss`).  A rule whose fix removes repeats
  on purpose (``rolling-captions``) has a ``fix_baseline(ctx)`` giving the
  transcript the result must keep instead; the other exception is a cue the
  fix names as removed (:class:`~.base.Repair`), which must have been
  zero-length (never shown) with its words in a neighbouring cue that stays.

What a fix says it did (:attr:`~.base.Repair.notes`) is collected in
:attr:`FixResult.notes` for the command line to show.

A fix that fails its check is dropped (reported in :attr:`FixResult.rejected`)
and the others go on.  Writing goes through :func:`write_atomic` (the checks a
fix needs, then :mod:`sphinxcontrib_transcript.atomic`): a temporary file in
the same directory, flushed and synced, given the original's
permissions, then renamed over the original, so a crash at any point leaves
either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field

from ..model import Cue
from . import rules as _rules
from .base import Context, Repair
from .config import Config
from .engine import build_context, rule_problems
from .loss import loss
from .problems import BUG as _BUG
from .suppressions import apply_suppressions

#: Passes of the fix loop before it gives up on reaching a stable result.
MAX_PASSES = 10

@dataclass
class FixResult:
    """What the fix loop did to one file's content.

    :param data: the content after all kept fixes.
    :param applied: IDs of the rules whose fixes were kept, in order applied.
    :param rejected: ``(rule ID, reason)`` for fixes dropped by the no-loss
        check or because they crashed.
    :param passes: how many passes the loop made.
    :param notes: ``(rule ID, note)`` for what kept fixes said they did (the
        cues the ``zero-duration`` fix removed, for one).
    :param removed: the cues kept fixes removed on purpose (zero-length cues
        whose words a neighbour shows), as they were.
    """

    data: bytes
    applied: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    passes: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)
    removed: list[Cue] = field(default_factory=list)


def fix_bytes(
    data: bytes,
    path: str,
    config: Config | None = None,
    *,
    unsafe: bool = False,
    format: str | None = None,
) -> bytes:
    """The content of *data* after every allowed fix; *data* itself if none applies."""
    return fix_report(data, path, config, unsafe=unsafe, format=format).data


def fix_report(
    data: bytes,
    path: str,
    config: Config | None = None,
    *,
    unsafe: bool = False,
    format: str | None = None,
) -> FixResult:
    """Run the fix loop and say what it applied and what it refused.  Never raises
    for any content (a crashing fix is rejected and reported)."""
    config = config or Config.default()
    allowed = ("safe", "unsafe") if unsafe else ("safe",)
    rule_ids = [rid for rid in config.rules_for(path) if _rules.RULES[rid].FIX in allowed]
    result = FixResult(data)
    if not rule_ids:
        return result
    context = build_context(data, path, format)
    # Refused fixes, with the content they were refused on.  A fix the guard
    # refused is tried again once other fixes have changed the file (a blank
    # line inserted may make it safe), so that fixing twice changes nothing
    # the second time; a fix that crashed is not tried again.
    refused: dict[str, tuple[bytes | None, str]] = {}
    seen = {data}
    for _ in range(MAX_PASSES):
        result.passes += 1
        changed = False
        for rule_id in rule_ids:
            if rule_id in refused and refused[rule_id][0] in (None, context.data):
                continue
            attempt = _try_fix(context, rule_id, config, path, format)
            if isinstance(attempt, str):
                refused[rule_id] = (None if _BUG in attempt else context.data, attempt)
                continue
            refused.pop(rule_id, None)
            if attempt is not None:
                result.removed.extend(context.transcript.cues[i] for i in attempt[2])
                context, notes = attempt[:2]
                result.notes.extend((rule_id, note) for note in notes)
                changed = True
                if rule_id not in result.applied:
                    result.applied.append(rule_id)
        if not changed or context.data in seen:
            break  # stable, or fixes undoing each other: stop either way
        seen.add(context.data)
    result.data = context.data
    result.rejected = [(rule_id, reason) for rule_id, (_, reason) in refused.items()]
    return result


def _try_fix(
    context: Context, rule_id: str, config: Config, path: str, format: str | None
) -> tuple[Context, tuple[str, ...], tuple[int, ...]] | str | None:
    """The new context after *rule_id*'s fix with what the fix said it did and the
    cues it removed, a reason it was refused, or ``None``."""
    problems = apply_suppressions(context, rule_problems(context, rule_id, config))
    if not any(problem.rule == rule_id for problem in problems):
        return None
    module = _rules.RULES[rule_id]
    context.options = dict(config.options[rule_id])
    try:
        new = module.fix(context)
    except Exception as exc:
        return f"the fix crashed ({type(exc).__name__}: {exc}); {_BUG}"
    notes: tuple[str, ...] = ()
    removed: tuple[int, ...] = ()
    if isinstance(new, Repair):
        repair: Repair = new
        new, notes, removed = repair.data, tuple(repair.notes), tuple(repair.removed)
    if new is None or new == context.data:
        return None
    if not isinstance(new, bytes):
        return f"the fix returned {type(new).__name__}, not bytes; {_BUG}"
    try:
        fixed = build_context(new, path, format)
    except Exception as exc:
        return f"the fixed file could not be read back ({type(exc).__name__}: {exc}); {_BUG}"
    # A fix that removes repeats (rolling-captions) says what must be left.
    baseline = getattr(module, "fix_baseline", None)
    before = context.transcript if baseline is None else baseline(context)
    reason = loss(before, fixed.transcript, safe=module.FIX == "safe", removed=removed)
    if reason is not None:
        return reason
    return fixed, notes, removed


# -- atomic writes --------------------------------------------------------------


class WriteRefused(Exception):
    """A fixed file was not written; ``str()`` says why and what to do (one line)."""


@dataclass(frozen=True, slots=True)
class FileState:
    """What a file was when it was read, to notice it changing before the write."""

    device: int
    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileState:
        """The state in a :func:`os.stat` result."""
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def read_for_fix(path: str) -> tuple[bytes, FileState]:
    """Read *path* and remember its state for :func:`write_atomic`.

    :raises OSError: when it cannot be read.
    """
    with open(path, "rb") as handle:
        before = os.fstat(handle.fileno())
        data = handle.read()
    return data, FileState.of(before)


def write_atomic(path: str, data: bytes, original: bytes, state: FileState) -> None:
    """Replace *path* with *data*, atomically, keeping its permission bits.

    Refuses (and leaves the file exactly as it was) when *path* is a symbolic
    link, not a regular file, read-only, hard-linked, or no longer holds
    *original* as read in *state*.  On any failure the temporary file is
    removed.

    :raises WriteRefused: with the reason and what to do.
    """
    from ..atomic import NoTemporaryFile, replace_atomically

    _check_writable(path, original, state)
    try:
        info = os.stat(path)
        # Last look before the rename: someone may have saved the file meanwhile.
        replace_atomically(path, data, stat.S_IMODE(info.st_mode), (info.st_uid, info.st_gid),
                           last_look=lambda: _check_writable(path, original, state))
    except NoTemporaryFile as exc:
        raise WriteRefused(
            f"cannot create a temporary file in {exc.filename}: {exc.strerror or exc}; "
            "the directory must be writable for a safe fix"
        ) from None
    except OSError as exc:
        raise WriteRefused(
            f"could not write the fixed file ({exc.strerror or exc}); it is unchanged"
        ) from None


def _check_writable(path: str, original: bytes, state: FileState) -> None:
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise WriteRefused(f"it disappeared while transcript-lint ran ({exc.strerror})") from None
    if stat.S_ISLNK(info.st_mode):
        target = os.readlink(path)
        raise WriteRefused(
            f"it is a symbolic link (to {target}); not replaced by a file: "
            "run the fix on the file it points to"
        )
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("it is not a regular file; nothing written")
    # Root may write anything, so the permission bits are checked as well.
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise WriteRefused("it is read-only; make it writable (chmod u+w) to fix it")
    if info.st_nlink > 1:
        raise WriteRefused(
            f"it has {info.st_nlink} hard links, which replacing it would split; "
            "fix a copy by hand"
        )
    changed = FileState.of(info) != state
    if not changed:
        try:
            with open(path, "rb") as handle:
                changed = handle.read() != original
        except OSError:
            changed = True
    if changed:
        raise WriteRefused("it changed on disk while transcript-lint ran; run it again")
