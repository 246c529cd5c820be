"""The SRT reader's messages, compared whole: one case per thing it reports.

Each case is the smallest file that shows one deviation; the test checks
every diagnostic's line, column, rule, level and whole message, and that the
line-by-line reader agrees with itself on the cues it still reads.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.readers.srt import parse

CASES = [
    pytest.param(
        '\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1, 1, 'leading-junk', 'warning', '1 blank line before the first card; remove it'),
        ],
        id='junk1',
    ),
    pytest.param(
        '\n \n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1, 1, 'leading-junk', 'warning', '2 blank lines before the first card; remove them'),
        ],
        id='junk2',
    ),
    pytest.param(
        '00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1, 1, 'srt-index', 'warning', 'card has no index line; write 1 on the line above'),
            (4, 1, 'srt-index', 'warning', 'card has no index line; write 2 on the line above'),
        ],
        id='noindex',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n  a2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (5, 3, 'srt-index', 'warning', "index 'a2' is not a whole number; write 2"),
        ],
        id='notnum',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n3\n00:00:03,000 --> 00:00:04,000\nB\n\n'
        '4\n00:00:05,000 --> 00:00:06,000\nC\n',
        [
            (5, 1, 'srt-index', 'warning',
             'index 3 should be 2: cards are numbered 1, 2, 3… in order'),
        ],
        id='wrongnum',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n 3\n00:00:03.000 --> 00:00:04,000\nB\n',
        [
            (5, 2, 'srt-index', 'warning',
             'index 3 should be 2: cards are numbered 1, 2, 3… in order'),
            (6, 9, 'bad-timestamp', 'warning',
             "'.' before the milliseconds in '00:00:03.000': players accept it; "
             "write ','"),
        ],
        id='wrongnum_slow',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (4, 1, 'missing-blank-line', 'error',
             'a new card starts here with no blank line before it; insert a '
             'blank line'),
        ],
        id='missingblank',
    ),
    pytest.param(
        '1\n01:02,500 --> 00:00:04,000\nA\n',
        [
            (2, 1, 'bad-timestamp', 'error',
             "'01:02,500' has no hours; SRT needs HH:MM:SS,mmm (read as "
             '00:01:02,500)'),
        ],
        id='nohours',
    ),
    pytest.param(
        '1\n00:61:75,000 --> 01:00:00,000\nA\n',
        [
            (2, 4, 'bad-timestamp', 'error',
             "minutes 61 in '00:61:75,000' are over 59; read as 01:02:15,000, "
             'write that'),
            (2, 7, 'bad-timestamp', 'error',
             "seconds 75 in '00:61:75,000' are over 59; read as 01:02:15,000, "
             'write that'),
        ],
        id='over59',
    ),
    pytest.param(
        '1\n0:0:1,000 --> 00:00:02,000\nA\n',
        [
            (2, 1, 'bad-timestamp', 'warning',
             "'0:0:1,000': write two digits for hours, minutes and seconds "
             '(00:00:01,000)'),
        ],
        id='onedigit',
    ),
    pytest.param(
        '1\n00：00：01,000 --> 00:00:02,000\nA\n',
        [
            (2, 3, 'bad-timestamp', 'warning',
             "full-width colon in '00：00：01,000'; write ':'"),
        ],
        id='fullwidth',
    ),
    pytest.param(
        '1\n00:00:01 --> 00:00:02,000\nA\n',
        [
            (2, 9, 'bad-timestamp', 'warning',
             "'00:00:01' has no milliseconds; write 00:00:01,000"),
        ],
        id='noms',
    ),
    pytest.param(
        '1\n00:00:01.000 --> 00:00:02，000\nA\n',
        [
            (2, 9, 'bad-timestamp', 'warning',
             "'.' before the milliseconds in '00:00:01.000': players accept it; "
             "write ','"),
            (2, 26, 'bad-timestamp', 'warning',
             "'，' before the milliseconds in '00:00:02，000': players accept it; "
             "write ','"),
        ],
        id='dot',
    ),
    pytest.param(
        '1\n00:00:01,5 --> 00:00:02,1234\nA\n',
        [
            (2, 10, 'bad-timestamp', 'warning',
             "'00:00:01,5': write the milliseconds as three digits (read as "
             '00:00:01,500)'),
            (2, 25, 'bad-timestamp', 'warning',
             "'00:00:02,1234': write the milliseconds as three digits (read as "
             '00:00:02,123)'),
        ],
        id='frac',
    ),
    pytest.param(
        '1\n00:00:01,000 -> 00:00:02,000\nA\n',
        [
            (2, 14, 'bad-timing-line', 'warning',
             "'->' between the times: players may not accept it; write ' --> '"),
        ],
        id='arrow1',
    ),
    pytest.param(
        '1\n00:00:01,000-->00:00:02,000\nA\n',
        [
            (2, 13, 'bad-timing-line', 'warning',
             "'-->' between the times: players may not accept it; write ' --> '"),
        ],
        id='arrow2',
    ),
    pytest.param(
        '1\n00:00:01,000 — > 00:00:02,000\nA\n',
        [
            (2, 14, 'bad-timing-line', 'warning',
             "'— >' between the times: players may not accept it; write ' --> '"),
        ],
        id='arrow3',
    ),
    pytest.param(
        '1\nxx --> 00:00:02,000\nA\n',
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such as '
             "00:00:01,000; the card's text 'A' was not read (write HH:MM:SS,mmm "
             '--> HH:MM:SS,mmm)'),
        ],
        id='nostart',
    ),
    pytest.param(
        '1\n00:00:01,000 => 00:00:02,000\nA\n',
        [
            (1, 1, 'untimed-line', 'error',
             "text before the first card, with no timing line; '1 00:00:01,000 "
             "=> 00:00:02,000 A' was not read (give it an index and a timing "
             'line)'),
        ],
        id='noarrow',
    ),
    pytest.param(
        '1\n00:00:01,000 --> soon\nA\n',
        [
            (2, 18, 'bad-timing-line', 'error',
             "cannot read the timing line: expected the end time after '-->', "
             "found 'soon'; the card's text 'A' was not read (write HH:MM:SS,mmm "
             '--> HH:MM:SS,mmm)'),
        ],
        id='noend',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000x\nA\n',
        [
            (2, 30, 'bad-timing-line', 'error',
             "cannot read the timing line: unexpected 'x' right after the end "
             "time; the card's text 'A' was not read (write HH:MM:SS,mmm --> "
             'HH:MM:SS,mmm)'),
        ],
        id='after',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\nmore\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (5, 1, 'blank-in-payload', 'error',
             'text after a blank line, with no index or timing line: read as '
             'more text of the card at line 2; a blank line ends a card in SRT, '
             'so remove it (or give this text its own index and timing line)'),
        ],
        id='blankpayload',
    ),
    pytest.param(
        'My subtitles\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1, 1, 'untimed-line', 'error',
             "text before the first card, with no timing line; 'My subtitles' "
             'was not read (give it an index and a timing line)'),
        ],
        id='untimed',
    ),
    pytest.param(
        '1\nxx --> 00:00:02,000\nA\n\nlost words\n',
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such as '
             "00:00:01,000; the card's text 'A' was not read (write HH:MM:SS,mmm "
             '--> HH:MM:SS,mmm)'),
            (5, 1, 'untimed-line', 'error',
             "text of a card that was not read, with no timing line; 'lost "
             "words' was not read (give it an index and a timing line)"),
        ],
        id='untimed_dropped',
    ),
    pytest.param(
        '1\nxx --> 00:00:02,000\n' + 'word ' * 20 + '\n',
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such as '
             "00:00:01,000; the card's text 'word word word word word word word "
             "word …' was not read (write HH:MM:SS,mmm --> HH:MM:SS,mmm)"),
        ],
        id='longquote',
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_messages(text: str, expected: list[tuple[int, int, str, str, str]]) -> None:
    diagnostics = parse(text).diagnostics
    assert [(d.line, d.column, d.rule, d.level, d.message) for d in diagnostics] == expected
