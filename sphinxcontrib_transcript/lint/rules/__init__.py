"""The rule catalog: one module per rule, imported explicitly, in catalog order.

Each module follows the contract in :mod:`sphinxcontrib_transcript.lint.base`
(``ID``, ``LEVEL``, ``ENABLED``, ``FORMATS``, ``OPTIONS``, ``FIX``, ``check``
and, where ``FIX`` is set, ``fix``).  :data:`RULES` lists them grouped as the
documentation shows them: encoding and bytes, structure, timing, content, and
the chapter rules (which run on chapter files only).
There is no plugin discovery: adding a rule means adding its module here.

:func:`examples` turns the failing and passing examples of a rule's
docstring into files (:class:`._examples.Example`; see that module for the
notation).
"""

from __future__ import annotations

from types import ModuleType

from . import (
    bad_timestamp,
    bad_timing_line,
    bidi_control,
    blank_in_payload,
    chapter_after_end,
    chapter_duplicate_title,
    chapter_order,
    chapter_orphan,
    chapter_overlap,
    chapter_schema,
    control_character,
    cue_markup,
    cue_order,
    cue_overlap,
    cue_setting,
    duplicate_adjacent,
    duplicate_cue_id,
    empty_cue,
    end_before_start,
    final_newline,
    format_mismatch,
    inline_timestamp,
    invalid_utf8,
    json_schema,
    leading_junk,
    line_too_long,
    malformed_markup,
    max_duration,
    merge_conflict,
    min_duration,
    min_gap,
    missing_blank_line,
    mixed_line_endings,
    mojibake,
    no_cues,
    orphan_identifier,
    pair_drift,
    reading_speed,
    replacement_character,
    rolling_captions,
    srt_index,
    timestamp_form,
    timestamp_style,
    timing_line_form,
    too_many_lines,
    trailing_whitespace,
    untimed_line,
    unused_suppression,
    utf8_bom,
    utf16_file,
    vtt_header,
    vtt_signature,
    zero_duration,
)

TYPE_CHECKING = False  # not typing's: importing typing costs start-up time
if TYPE_CHECKING:
    from ._examples import Example

#: Rule groups, in the order the documentation and ``--list-rules`` show them.
GROUPS: dict[str, tuple[ModuleType, ...]] = {
    "Encoding and bytes": (
        invalid_utf8,
        utf16_file,
        utf8_bom,
        mixed_line_endings,
        final_newline,
        trailing_whitespace,
        control_character,
        replacement_character,
        bidi_control,
        mojibake,
        merge_conflict,
    ),
    "Structure": (
        format_mismatch,
        vtt_signature,
        vtt_header,
        leading_junk,
        bad_timing_line,
        timing_line_form,
        bad_timestamp,
        timestamp_form,
        timestamp_style,
        missing_blank_line,
        blank_in_payload,
        orphan_identifier,
        duplicate_cue_id,
        cue_setting,
        cue_markup,
        srt_index,
        untimed_line,
        json_schema,
        rolling_captions,
        malformed_markup,
        no_cues,
        unused_suppression,
    ),
    "Timing": (
        cue_order,
        cue_overlap,
        end_before_start,
        zero_duration,
        min_duration,
        max_duration,
        min_gap,
        reading_speed,
        inline_timestamp,
        pair_drift,
    ),
    "Content": (
        empty_cue,
        duplicate_adjacent,
        line_too_long,
        too_many_lines,
    ),
    "Chapters": (
        chapter_schema,
        chapter_order,
        chapter_overlap,
        chapter_after_end,
        chapter_duplicate_title,
        chapter_orphan,
    ),
}

#: Every rule module by its ID, in catalog order.
RULES: dict[str, ModuleType] = {
    module.ID: module for group in GROUPS.values() for module in group
}

__all__ = ["GROUPS", "RULES", "examples", "get"]


def get(rule_id: str) -> ModuleType:
    """The rule module with *rule_id*.

    :raises KeyError: for an unknown ID; the message suggests the closest one.
    """
    try:
        return RULES[rule_id]
    except KeyError:
        import difflib  # lazy: only for the error message

        close = difflib.get_close_matches(rule_id, RULES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise KeyError(f"no such rule: {rule_id!r}{hint}") from None


def examples(rule: ModuleType) -> list[Example]:
    """The failing and passing example files of *rule*'s documentation.

    See :mod:`._examples` for the notation; loaded on first use, since only
    the documentation and the tests need it.
    """
    from ._examples import examples as parse

    return parse(rule)
