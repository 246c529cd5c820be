from __future__ import annotations

from sphinxcontrib_transcript.lint.rules import malformed_markup as rule

from .conftest import check, check_example


def test_failing_example() -> None:
    # expat stops at the name in the </div> that closes nothing open: the <p> is open.
    assert check_example(rule, "failing") == [(5, 5)]


def test_passing_example_is_clean() -> None:
    assert check_example(rule, "passing") == []


def test_a_paragraph_without_begin() -> None:
    source = b'<tt xmlns="http://www.w3.org/ns/ttml"><body>\n  <p>Hi</p></body></tt>\n'
    assert check(rule, source, "x.ttml") == [(2, 3)]


def test_an_entity_declaration_is_refused() -> None:
    source = (
        b'<?xml version="1.0"?>\n<!DOCTYPE tt [\n <!ENTITY a "aaaaaaaaaa">\n'
        b' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
        b'<tt xmlns="http://www.w3.org/ns/ttml"><body><p begin="1s">&b;</p></body></tt>\n'
    )
    assert check(rule, source, "x.ttml") == [(3, 13)]  # where expat has read the declaration
