"""Honest ``fixable`` on fuzzed files, for the rules about bytes and layout.

For ``control-character``, ``srt-index``, ``invalid-utf8``, ``utf16-file``,
``final-newline``, ``utf8-bom`` and ``mojibake``: on generated files with
mixed encodings, byte order marks in odd places, control characters inside
timing lines, SRT indices wrong in several ways, files ending oddly and
UTF-16 with and without a byte order mark, every problem reported as
fixable is removed by running the fix (the fix loop of ``transcript-lint
--fix --unsafe-fixes``, :func:`fix_report`, with that rule alone selected),
the fix is not refused, and no cue or word is lost.  ``RULES`` grows by one
rule with each rule made honest.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_transcript.lint import Config, build_context, fix_report, lint_bytes, resolve

from . import strategies  # noqa: F401 - the Hypothesis profiles (base, release)

RULES = ("final-newline", "invalid-utf8", "srt-index", "utf16-file", "utf8-bom", "mojibake",
         "control-character")

WORDS = ["Hi there.", "So, um,", "café au lait", "naïve résumé", "“quoted”", "it’s fine",
         "cafÃ© au lait", "itâ€™s fine", "\x93Hi\x94 there", "Ã©tÃ©", "Â£5 off", "ĂŠ odd",
         "two\nlines", "emoji 🎉 here", "<i>styled</i> words", "- dash line"]
CONTROLS = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x93", "\x9d", "\ufeff",
            "\ufffc", "\ufff9", "\x01\x02", "\x81\x8d"]
ENDINGS = ["\n", "\r\n", "\r"]
TAILS = ["", "\n", "\n\n", "\n\n\n", "\n \n\t\n", "\r\n\r\n\r\n", " ", "\n\n\ufeff", "\x00",
         "\n\x1a", "\r", "\n\r\n\n"]


def select(*rule_ids: str, rules: dict[str, dict[str, object]] | None = None) -> Config:
    table = {"select": list(rule_ids), "rules": rules or {}}
    return resolve(table, source=None, root=os.getcwd())


def spoil(draw: st.DrawFn, text: str, pieces: list[str]) -> str:
    """*text* with one of *pieces* put somewhere in it, or as it was."""
    if not text or not draw(st.booleans()):
        return text
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(pieces)) + text[at:]


def _index(draw: st.DrawFn, number: int) -> str | None:
    """An SRT index, wrong in one of several ways now and then."""
    shape = draw(st.sampled_from(["right"] * 6 + [
        "missing", "repeat", "jump", "zero", "text", "spaced", "dotted", "negative", "huge",
    ]))
    return {
        "right": str(number), "missing": None, "repeat": "1", "jump": str(number + 7),
        "zero": "0", "text": "Intro", "spaced": f" {number} ", "dotted": f"{number}.",
        "negative": f"-{number}", "huge": "9" * 25,
    }[shape]


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    """A WebVTT or SRT file damaged in the ways the seven rules are about."""
    srt = draw(st.booleans())
    count = draw(st.integers(1, 5))
    ending = draw(st.sampled_from(ENDINGS))
    lines = [] if srt else [spoil(draw, "WEBVTT", CONTROLS), ""]
    start = 0
    for number in range(1, count + 1):
        start += draw(st.sampled_from([0, 500, 1_000, 2_500]))
        end = start + draw(st.sampled_from([0, 800, 2_000]))
        separator = "," if srt else "."
        timing = (f"{start // 3600000:02}:{start // 60000 % 60:02}:{start // 1000 % 60:02}"
                  f"{separator}{start % 1000:03} --> {end // 3600000:02}:{end // 60000 % 60:02}:"
                  f"{end // 1000 % 60:02}{separator}{end % 1000:03}")
        timing = spoil(draw, timing, CONTROLS)
        if srt:
            index = _index(draw, number)
            if index is not None:
                lines.append(spoil(draw, index, CONTROLS))
        text = spoil(draw, draw(st.sampled_from(WORDS)), CONTROLS)
        lines += [timing, *text.split("\n"), ""]
    body = ending.join(lines).rstrip("\r\n") + draw(st.sampled_from(TAILS))
    body = spoil(draw, body, CONTROLS) if draw(st.integers(0, 3)) == 0 else body
    encoding = draw(st.sampled_from(["utf-8"] * 4 + [
        "utf-8-sig", "bom-twice", "cp1252", "latin-1", "utf-16", "utf-16-le", "utf-16-be",
        "utf-32", "bytes", "utf-16-odd", "utf-16-surrogate", "utf-16-bom-utf-8",
        "utf-8-bom-utf-16", "utf-16-bom-twice",
    ]))
    data = encode(draw, body, encoding)
    return ("x.srt" if srt else "x.vtt"), data


def encode(draw: st.DrawFn, text: str, encoding: str) -> bytes:
    """*text* in *encoding*, or damaged: ``bom-twice`` is two UTF-8 marks, ``bytes``
    UTF-8 with a stray byte that is not UTF-8 somewhere; UTF-16 with an odd byte at
    the end, a lone surrogate, a UTF-8 body or a second mark; UTF-16 after a UTF-8
    mark."""
    utf16 = codecs.BOM_UTF16_LE + text.encode("utf-16-le", "replace")
    if encoding == "utf-16-odd":
        return utf16 + b"\n"
    if encoding == "utf-16-surrogate":
        at = draw(st.integers(1, len(utf16) // 2)) * 2
        return utf16[:at] + b"\x00\xd8" + utf16[at:]
    if encoding == "utf-16-bom-utf-8":
        return codecs.BOM_UTF16_LE + text.encode("utf-8")
    if encoding == "utf-8-bom-utf-16":
        return codecs.BOM_UTF8 + utf16
    if encoding == "utf-16-bom-twice":
        return codecs.BOM_UTF16_LE + utf16
    if encoding == "bom-twice":
        return codecs.BOM_UTF8 * 2 + text.encode("utf-8", "surrogatepass")
    if encoding == "bytes":
        data = text.encode("utf-8")
        at = draw(st.integers(0, len(data)))
        stray = draw(st.sampled_from([b"\xff", b"\xe9", b"\xc3", b"\x80\x80"]))
        return data[:at] + stray + data[at:]
    return text.encode(encoding, "replace")


# What a player shows as nothing (not even a space): controls other than line
# breaks and tabs, marks and format characters.
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufff9-\ufffc]+")


def words(data: bytes, name: str) -> list[str]:
    """The words of the file's cues, as a player shows them."""
    return [word for cue in build_context(data, name).transcript.cues
            for word in INVISIBLE.sub("", cue.plain_text).split()]


def dishonest(name: str, data: bytes, config: Config) -> list[str]:
    """Where a problem of the seven rules is called fixable but ``--fix`` leaves it,
    refuses it, or loses a cue or a word; one line each, ``[]`` when all is well."""
    problems = lint_bytes(data, name, config)
    broken = []
    for rule_id in sorted({p.rule for p in problems if p.fixable}):
        unfixable = sum(1 for p in problems if p.rule == rule_id and not p.fixable)
        only = select(rule_id, rules={rule_id: dict(config.options[rule_id])})
        result = fix_report(data, name, only, unsafe=True)
        left = [p for p in lint_bytes(result.data, name, only) if p.rule == rule_id]
        before = build_context(data, name).transcript.cues
        after = build_context(result.data, name).transcript.cues
        lost = len(words(result.data, name)) < len(words(data, name)) or len(after) < len(before)
        if result.rejected or len(left) > unfixable or lost:
            broken.append(f"[{rule_id}] {len(left)} left (of them {unfixable} said unfixable), "
                          f"rejected {result.rejected}, lost {lost}: {left[:1]}")
    return broken


@given(damaged())
def test_every_fixable_problem_of_a_damaged_file_is_removed_by_its_fix(
    case: tuple[str, bytes],
) -> None:
    name, data = case
    assert dishonest(name, data, select(*RULES)) == []


@given(damaged())
def test_a_required_byte_order_mark_is_honest_too(case: tuple[str, bytes]) -> None:
    name, data = case
    config = select("utf8-bom", rules={"utf8-bom": {"policy": "require"}})
    assert dishonest(name, data, config) == []


# -- the cases the property found, one per rule -----------------------------------------

# Not UTF-8, and no other encoding reads it (the NULs rule them out): read with
# U+FFFD for the bad byte, so no text fix can write it back.
LOSSY = b"1\n00:00:01,000 --> 00:00:02,000\nit\x92s fine\x00\x00"


def problems_of(rule_id: str, data: bytes, name: str = "x.srt") -> list[tuple[str, bool]]:
    return [(p.message, p.fixable) for p in lint_bytes(data, name, select(rule_id))]


def test_final_newline_in_a_file_fix_cannot_write_back_is_left_by_hand() -> None:
    [(message, fixable)] = problems_of("final-newline", LOSSY)
    assert not fixable
    assert message == (
        "no line break at the end of the file; add one (by hand, or once invalid-utf8 is "
        "fixed: --fix rewrites only a file that is valid in its encoding)"
    )
    assert fix_report(LOSSY, "x.srt", select("final-newline")).data == LOSSY
    # Valid UTF-8: the same problem is fixable, and fixed.
    valid = LOSSY.replace(b"\x92", b"'").replace(b"\x00", b"")
    assert problems_of("final-newline", valid) == [
        ("no line break at the end of the file; add one", True)
    ]
    assert fix_report(valid, "x.srt", select("final-newline")).data == valid + b"\n"


def test_invalid_utf8_is_fixable_only_where_it_transcodes() -> None:
    [(message, fixable)] = problems_of("invalid-utf8", LOSSY)
    assert not fixable
    assert message.endswith("the undecodable bytes were read as U+FFFD; find the file's real "
                            "encoding and re-save it as UTF-8")
    assert fix_report(LOSSY, "x.srt", select("invalid-utf8"), unsafe=True).data == LOSSY
    spanish = "1\n00:00:01,000 --> 00:00:02,000\n¡Hola! ¿Qué tal?\n"
    [(message, fixable)] = problems_of("invalid-utf8", spanish.encode("cp1252"))
    assert fixable
    assert message.endswith("it looks like cp1252; re-save it as UTF-8 "
                            "(transcript-lint --unsafe-fixes transcodes it)")
    fixed = fix_report(spanish.encode("cp1252"), "x.srt", select("invalid-utf8"), unsafe=True)
    assert fixed.data == spanish.encode()


def test_srt_index_around_a_card_the_reader_could_not_read_is_left_by_hand() -> None:
    data = (b"1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n7\n00:00:0x,000 --> 00:00:03,000\n"
            b"Two.\n\n9\n00:00:04,000 --> 00:00:05,000\nThree.\n")
    why = ("cards are numbered 1, 2, 3\u2026 in order (by hand: --fix renumbers only when "
           "every card's timing line reads; see bad-timing-line at line 6)")
    assert problems_of("srt-index", data) == [
        (f"index 7 should be 2: {why}", False), (f"index 9 should be 8: {why}", False),
    ]
    assert fix_report(data, "x.srt", select("srt-index")).data == data
    # Once the timing line reads, the same index is fixable, and fixed.
    readable = data.replace(b"0x", b"02")
    assert [fixable for _, fixable in problems_of("srt-index", readable)] == [True, True]
    assert b"\n2\n00:00:02" in fix_report(readable, "x.srt", select("srt-index")).data


def test_srt_index_with_no_room_for_an_index_is_left_by_hand() -> None:
    data = b"1\n00:00:01,000 --> 00:00:02,000\nOne.\n00:00:02,000 --> 00:00:03,000\nTwo.\n"
    messages = [(message, fixable) for message, fixable in problems_of("srt-index", data)]
    assert messages == [(
        "card has no index line; write 2 on the line above (by hand: --fix writes an index "
        "only above a timing line after a blank)", False,
    )]


def test_utf16_with_bytes_it_cannot_hold_is_left_by_hand() -> None:
    text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nHi.\r\n"
    good = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert problems_of("utf16-file", good) == [(
        "the file is UTF-16 (little-endian), not UTF-8; save it as UTF-8 without a byte "
        "order mark (most players and tools read only UTF-8)", True,
    )]
    assert fix_report(good, "x.srt", select("utf16-file")).data == text.encode()
    odd = good + b"\n"  # half a character at the end
    [(message, fixable)] = problems_of("utf16-file", odd)
    assert not fixable
    assert message.endswith("; by hand: a second mark follows the first, or some of its "
                            "bytes are not valid in it (see invalid-utf8), so --fix cannot "
                            "transcode it without a change")
    assert fix_report(odd, "x.srt", select("utf16-file")).data == odd
    twice = codecs.BOM_UTF16_LE + good
    assert [fixable for _, fixable in problems_of("utf16-file", twice)] == [False]


def test_a_utf8_mark_before_utf16_is_left_by_hand() -> None:
    text = "1\n00:00:01,000 --> 00:00:02,000\nHi.\n"
    utf16 = codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    [(message, fixable)] = problems_of("utf8-bom", utf16)
    assert not fixable
    assert message.endswith("; by hand: what follows the mark is a second mark or not UTF-8 "
                            "(see invalid-utf8), and without the first the file would read "
                            "differently")
    assert fix_report(utf16, "x.srt", select("utf8-bom")).data == utf16
    # Two marks: the second hides the first timing line from the reader.
    twice = codecs.BOM_UTF8 * 2 + text.encode()
    assert [fixable for _, fixable in problems_of("utf8-bom", twice)] == [False]
    utf8 = codecs.BOM_UTF8 + text.encode()
    assert problems_of("utf8-bom", utf8) == [(
        "the file starts with a UTF-8 byte order mark (EF BB BF); remove it (some tools read "
        "it as text)", True,
    )]
    assert fix_report(utf8, "x.srt", select("utf8-bom")).data == text.encode()


def test_mojibake_the_repair_would_leave_is_left_by_hand() -> None:
    unknown = "1\n00:00:01,000 --> 00:00:03,000\nSo, um\x81\x8d,\n".encode()
    assert problems_of("mojibake", unknown) == [(
        "'um\\x81\\x8d,' looks like mojibake (UTF-8 read as another encoding): check the "
        "characters against the audio", False,
    )]
    assert fix_report(unknown, "x.srt", select("mojibake"), unsafe=True).data == unknown
    # U+0085 (cp1252's ellipsis read as Latin-1) splits words as whitespace does:
    # repairing it would make fewer words, which the fix loop refuses, so that
    # cue is left and the other repaired.
    data = ("1\n00:00:01,000 --> 00:00:03,000\n\x93H\x85i\x94 there\n\n"
            "2\n00:00:03,000 --> 00:00:04,000\ncaf\u00c3\u00a9 au lait\n").encode()
    assert problems_of("mojibake", data) == [
        ("'\\x93H\\x85i\\x94' looks like mojibake (UTF-8 read as another encoding): probably "
         "'\u201cH\u2026i\u201d'; repair the encoding by hand (--fix would not repair all of "
         "this cue)", False),
        ("'caf\u00c3\u00a9' looks like mojibake (UTF-8 read as another encoding): probably "
         "'caf\u00e9'; repair the encoding", True),
    ]
    fixed = fix_report(data, "x.srt", select("mojibake"), unsafe=True)
    assert fixed.rejected == []
    assert fixed.data == data.replace("caf\u00c3\u00a9".encode(), "caf\u00e9".encode())


def test_control_characters_whose_removal_changes_the_reading_are_left_by_hand() -> None:
    data = (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\x00Hi\x07 there.\n\n"
            b"00:00:\x0702.000 --> 00:00:03.000\nBye.\n\x0c\nStill Bye.\n")
    assert problems_of("control-character", data, "x.vtt") == [
        ("invisible U+0000 NUL; remove it by hand (WebVTT players show it as U+FFFD, so "
         "--fix leaves it: check what the line should say)", False),
        ("invisible U+0007 BEL; remove it", True),
        # On a timing line: without it the line reads, and a cue appears.
        ("invisible U+0007 BEL; remove it by hand (--fix leaves it: without it the file "
         "would read differently, so check what the line should say)", False),
        # All its line holds: without it the line is blank and ends the cue.
        ("invisible U+000C FF; remove it by hand (--fix leaves it: without it the file "
         "would read differently, so check what the line should say)", False),
    ]
    fixed = fix_report(data, "x.vtt", select("control-character"))
    assert fixed.rejected == []
    assert fixed.data == data.replace(b"Hi\x07", b"Hi")


def test_a_control_character_is_judged_by_the_bytes_the_fix_would_write() -> None:
    # Found by the property: UTF-16 whose text starts with a second mark and a
    # NUL.  Without the mark the file would start FF FE 00 00, UTF-32's mark,
    # and read as nothing: the mark is left, not fixable.
    text = "\ufeff\x00WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi.\n"
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    found = problems_of("control-character", data, "x.vtt")
    assert [fixable for _, fixable in found] == [False, False]
    assert fix_report(data, "x.vtt", select("control-character")).data == data


def test_the_command_line_fix_keeps_the_promise(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``transcript-lint --fix --unsafe-fixes`` in process, all seven rules at once,
    on a file with problems of each kind, fixable or not: afterwards exactly
    the problems reported as not fixable are left."""
    import json

    from sphinxcontrib_transcript.cli import main

    path = tmp_path / "x.vtt"
    path.write_bytes(codecs.BOM_UTF8 + (
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\x00Hi\x07 there caf\u00c3\u00a9.\n\n"
        "00:00:\x0702.000 --> 00:00:03.000\nSo, um\x81\x8d,\n\n\n"
    ).encode())
    selection = ["--select", ",".join(RULES), "--format", "json"]

    def problems() -> list[tuple[str, str, bool]]:
        main([*selection, str(path)])
        return [(p["rule"], p["message"], p["fixable"])
                for p in json.loads(capsys.readouterr().out)]

    before = problems()
    assert {rule for rule, _, fixable in before if fixable} == {
        "control-character", "final-newline", "mojibake", "utf8-bom",
    }
    main(["--fix", "--unsafe-fixes", *selection, str(path)])
    capsys.readouterr()
    assert sorted(problems()) == sorted(p for p in before if not p[2])
