"""mojibake's pre-check: text whose only non-ASCII characters are ftfy's "common"
ones is not searched at all, so ftfy's pattern must never match such text.

Every alternative of ftfy's BADNESS_RE needs a character from outside that set
(the common characters only ever follow a required Ø, Ù, Â, Ã, Î or Ð); the
test checks it by brute force over short strings, longer than the
alternatives that could otherwise be made of these characters.
"""

from __future__ import annotations

from itertools import product

import ftfy.badness

from sphinxcontrib_transcript.lint.rules import mojibake as rule

from .conftest import check

# One ASCII character of each kind the pattern tells apart: lower and upper
# letters, digits, space and line break, word and sentence punctuation.
_ASCII = "aZ1 \n_.,?!"


def test_harmless_characters_are_ftfy_common_characters() -> None:
    assert set(rule.HARMLESS) <= set(ftfy.badness.MOJIBAKE_CATEGORIES["common"])


def test_ftfy_never_finds_mojibake_made_of_harmless_and_ascii_characters() -> None:
    alphabet = rule.HARMLESS + _ASCII
    pattern = ftfy.badness.BADNESS_RE
    for size in range(1, 5):
        for chars in product(alphabet, repeat=size):
            text = "".join(chars)
            assert pattern.search(text) is None, repr(text)


def test_mojibake_next_to_harmless_characters_is_still_found() -> None:
    data = "00:00:01 It’s … AlÃ¡n – here\n".encode()
    assert check(rule, data, "x.txt") == [(1, 19)]  # the Ã
