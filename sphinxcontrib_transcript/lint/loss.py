"""The fix loop's no-loss check: what a fixed transcript may not lose.

* a *safe* fix must leave every cue's start, end, speaker and text exactly as
  they were (whitespace, line breaks and invisible control characters aside);
* an *unsafe* fix may move cues and change times or characters, but must keep
  every cue that had text and every word, except cues it names as removed,
  which must have been zero-length with their words in a neighbour that stays.

It is its own module, below both the fix loop (:mod:`.fixing`) and the rules
that judge their own fix with it before promising it (``control-character``,
``mojibake``), so neither imports the other.
"""

from __future__ import annotations

import bisect
import re

from ..model import Cue, Transcript
from .problems import BUG as _BUG

# What a safe fix may change in cue text: whitespace, C0/C1 controls, stray
# byte order marks and the deprecated format characters control-character
# removes.  Bidi controls are not in this set: removing them is unsafe.
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ufeff\ufff9-\ufffb\u206a-\u206f]+")


def loss(
    before: Transcript, after: Transcript, *, safe: bool, removed: tuple[int, ...] = ()
) -> str | None:
    """Why *after* loses or changes too much of *before*, or ``None`` when it is fine.

    :param removed: indexes of cues of *before* the fix says it removed on
        purpose; each must be zero-length with its words in a neighbour that
        stays, and the rest of *before* is held to the usual standard.
    """
    if removed:
        reason = _unremovable(before.cues, removed)
        if reason is not None:
            return reason
        gone = set(removed)
        before = Transcript(
            before.format, [cue for i, cue in enumerate(before.cues) if i not in gone]
        )
    if safe:
        if len(before.cues) != len(after.cues):
            return (
                f"it would change the number of cues from {len(before.cues)} to "
                f"{len(after.cues)}, which a safe fix must not do"
            )
        for old, new in zip(before.cues, after.cues, strict=True):
            if _safe_key(old) != _safe_key(new):
                return (
                    f"it would change the time or text of the cue at line {old.line}, "
                    "which a safe fix must not do"
                )
        return None
    old_cues = sum(1 for cue in before.cues if _skeleton(_text(cue)))
    new_cues = sum(1 for cue in after.cues if _skeleton(_text(cue)))
    if new_cues < old_cues:
        return f"it would drop {old_cues - new_cues} cue(s) with text"
    old_words = sum(_word_count(cue) for cue in before.cues)
    new_words = sum(_word_count(cue) for cue in after.cues)
    if new_words < old_words:
        return f"it would drop {old_words - new_words} word(s)"
    return None


def _unremovable(cues: list[Cue], removed: tuple[int, ...]) -> str | None:
    """Why the cues at *removed* may not go, or ``None``: each must be zero-length
    and blank, or hold only words a neighbouring cue that stays shows too."""
    from .rules._words import repeats

    gone = set(removed)
    kept = [i for i in range(len(cues)) if i not in gone]
    for index in sorted(gone):
        if not 0 <= index < len(cues):
            return f"it names cue {index} as removed, which does not exist; {_BUG}"
        cue = cues[index]
        if cue.end_ms != cue.start_ms:
            return f"it would remove the cue at line {cue.line}, which players show"
        if not _skeleton(_text(cue)):
            continue
        at = bisect.bisect(kept, index)
        neighbours = [cues[kept[j]] for j in (at - 1, at) if 0 <= j < len(kept)]
        if not any(repeats(_text(cue), _text(other)) for other in neighbours):
            return (
                f"it would remove the cue at line {cue.line}, whose words no neighbouring "
                "cue holds"
            )
    return None


def _text(cue: object) -> str:
    plain: str = getattr(cue, "plain_text", "")
    return plain or getattr(cue, "text", "")


def _skeleton(text: str) -> str:
    return _INVISIBLE.sub("", text)


def _safe_key(cue: object) -> tuple[object, ...]:
    speaker = getattr(cue, "speaker", None) or ""
    return (
        getattr(cue, "start_ms", None), getattr(cue, "end_ms", None),
        _skeleton(speaker), _skeleton(_text(cue)),
    )


def _word_count(cue: object) -> int:
    return sum(1 for word in _text(cue).split() if _skeleton(word))
