"""The SRT reader, case by case: the cues it reads and its messages, compared whole.

Each case is the smallest file that shows one thing the line-by-line reader
does (a deviation it reports, a boundary it must get right); the test checks
every cue's times, index, settings and text, and every diagnostic's line,
column, rule, level and whole message.
"""

from __future__ import annotations

import pytest

from sphinxcontrib_transcript.readers.srt import parse

Cue = tuple[int, int, str, str, str]
Found = tuple[int, int, str, str, str]

CASES = [
    pytest.param(
        '\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (1, 1, 'leading-junk', 'warning', '1 blank line before the first card; remove it'),
        ],
        id='junk1',
    ),
    pytest.param(
        '\n \n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (1, 1, 'leading-junk', 'warning',
             '2 blank lines before the first card; remove them'),
        ],
        id='junk2',
    ),
    pytest.param(
        '00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '', '', 'A'),
            (3000, 4000, '', '', 'B'),
        ],
        [
            (1, 1, 'srt-index', 'warning',
             'card has no index line; write 1 on the line above'),
            (4, 1, 'srt-index', 'warning',
             'card has no index line; write 2 on the line above'),
        ],
        id='noindex',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n  a2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, 'a2', '', 'B'),
        ],
        [
            (5, 3, 'srt-index', 'warning', "index 'a2' is not a whole number; write 2"),
        ],
        id='notnum',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n3\n00:00:03,000 --> 00:00:04,000\nB\n\n4\n'
        '00:00:05,000 --> 00:00:06,000\nC\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '3', '', 'B'),
            (5000, 6000, '4', '', 'C'),
        ],
        [
            (5, 1, 'srt-index', 'warning',
             'index 3 should be 2: cards are numbered 1, 2, 3… in order'),
        ],
        id='wrongnum',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n 3\n00:00:03.000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '3', '', 'B'),
        ],
        [
            (5, 2, 'srt-index', 'warning',
             'index 3 should be 2: cards are numbered 1, 2, 3… in order'),
            (6, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '00:00:03.000': players accept "
             "it; write ','"),
        ],
        id='wrongnum_slow',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '2', '', 'B'),
        ],
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
            (62500, 4000, '1', '', 'A'),
        ],
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
            (3735000, 3600000, '1', '', 'A'),
        ],
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
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 1, 'timestamp-form', 'warning',
             "'0:0:1,000': write two digits for hours, minutes and seconds "
             '(00:00:01,000)'),
        ],
        id='onedigit',
    ),
    pytest.param(
        '1\n00：00：01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 3, 'timestamp-form', 'warning',
             "full-width colon in '00：00：01,000'; write ':'"),
        ],
        id='fullwidth',
    ),
    pytest.param(
        '1\n00:00:01 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'00:00:01' has no milliseconds; write 00:00:01,000"),
        ],
        id='noms',
    ),
    pytest.param(
        '1\n00:00:01.000 --> 00:00:02，000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '00:00:01.000': players accept "
             "it; write ','"),
            (2, 26, 'timestamp-form', 'warning',
             "'，' before the milliseconds in '00:00:02，000': players accept "
             "it; write ','"),
        ],
        id='dot',
    ),
    pytest.param(
        '1\n00:00:01,5 --> 00:00:02,1234\nA\n',
        [
            (1500, 2123, '1', '', 'A'),
        ],
        [
            (2, 10, 'timestamp-form', 'warning',
             "'00:00:01,5': write the milliseconds as three digits (read as "
             '00:00:01,500)'),
            (2, 25, 'timestamp-form', 'warning',
             "'00:00:02,1234': write the milliseconds as three digits (read as "
             '00:00:02,123)'),
        ],
        id='frac',
    ),
    pytest.param(
        '1\n00:00:01,000 -> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 14, 'bad-timing-line', 'error',
             "'->' between the times: many players drop the card; write ' --> '"),
        ],
        id='arrow1',
    ),
    pytest.param(
        '1\n00:00:01,000-->00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 13, 'timing-line-form', 'warning',
             "write one space on each side of '-->' (players read it as it is, stricter "
             "tools may not)"),
        ],
        id='arrow2',
    ),
    pytest.param(
        '1\n00:00:01,000 — > 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (2, 14, 'bad-timing-line', 'error',
             "'— >' between the times: many players drop the card; write ' --> '"),
        ],
        id='arrow3',
    ),
    pytest.param(
        '1\n00:00:01,000\t-->\t00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
        ],
        id='arrow4',
    ),
    pytest.param(
        '1\nxx --> 00:00:02,000\nA\n',
        [
        ],
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such '
             "as 00:00:01,000; the card's text 'A' was not read (write "
             'HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='nostart',
    ),
    pytest.param(
        '1\n00:00:01,000 => 00:00:02,000\nA\n',
        [
        ],
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
        ],
        [
            (2, 18, 'bad-timing-line', 'error',
             "cannot read the timing line: expected the end time after '-->', "
             "found 'soon'; the card's text 'A' was not read (write "
             'HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='noend',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000x\nA\n',
        [
        ],
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
            (1000, 2000, '1', '', 'A\n\nmore'),
            (3000, 4000, '2', '', 'B'),
        ],
        [
            (5, 1, 'blank-in-payload', 'error',
             'text after a blank line, with no index or timing line: read as '
             'more text of the card at line 2; a blank line ends a card in '
             'SRT, so remove it (or give this text its own index and timing '
             'line)'),
        ],
        id='blankpayload',
    ),
    pytest.param(
        'My subtitles\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
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
        ],
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such '
             "as 00:00:01,000; the card's text 'A' was not read (write "
             'HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
            (5, 1, 'untimed-line', 'error',
             "text of a card that was not read, with no timing line; 'lost "
             "words' was not read (give it an index and a timing line)"),
        ],
        id='untimed_dropped',
    ),
    pytest.param(
        '1\n00:00:01.000 --> 00:00:02,000 X1:40 X2:600\nA\n',
        [
            (1000, 2000, '1', 'X1:40 X2:600', 'A'),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '00:00:01.000': players accept "
             "it; write ','"),
        ],
        id='settings',
    ),
    pytest.param(
        '1\n00:00:01,000\t-->\t00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
        ],
        id='arrow-tabs',
    ),
    pytest.param(
        'Subtitles: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (1, 1, 'untimed-line', 'error',
             "text before the first card, with no timing line; 'Subtitles: "
             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa' was not read (give it an index "
             'and a timing line)'),
        ],
        id='quote-of-40',
    ),
    pytest.param(
        'Subtitles: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n1\n00:00:01,000 --> 00:00:02,000\nA\n',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (1, 1, 'untimed-line', 'error',
             "text before the first card, with no timing line; 'Subtitles: "
             "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa…' was not read (give it an index "
             'and a timing line)'),
        ],
        id='quote-of-41',
    ),
    pytest.param(
        '1\nxx --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (3000, 4000, '2', '', 'B'),
        ],
        [
            (2, 1, 'bad-timing-line', 'error',
             'cannot read the timing line: it does not start with a time such '
             "as 00:00:01,000; the card's text (the card has no text) was not "
             'read (write HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='no-text-when-dropped',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nThe answer:\n42',
        [
            (1000, 2000, '1', '', 'The answer:\n42'),
        ],
        [
        ],
        id='number-ends-the-text',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n2\n00:00:03,000 --> 00:00:04,000',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '2', '', ''),
        ],
        [
            (4, 1, 'missing-blank-line', 'error',
             'a new card starts here with no blank line before it; insert a '
             'blank line'),
        ],
        id='last-card-has-no-text',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n  00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '', '', 'B'),
        ],
        [
            (4, 1, 'missing-blank-line', 'error',
             'a new card starts here with no blank line before it; insert a '
             'blank line'),
            (4, 1, 'srt-index', 'warning',
             'card has no index line; write 2 on the line above'),
        ],
        id='indented-card-after-text',
    ),
    pytest.param(
        '1\n01:02:03.456 --> 10:20:30,789\nA\n',
        [
            (3723456, 37230789, '1', '', 'A'),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '01:02:03.456': players accept "
             "it; write ','"),
        ],
        id='hours-on-the-slow-path',
    ),
    pytest.param(
        '1\n00:60:00,000 --> 00:00:60,000\nA\n',
        [
            (3600000, 60000, '1', '', 'A'),
        ],
        [
            (2, 4, 'bad-timestamp', 'error',
             "minutes 60 in '00:60:00,000' are over 59; read as 01:00:00,000, "
             'write that'),
            (2, 24, 'bad-timestamp', 'error',
             "seconds 60 in '00:00:60,000' are over 59; read as 00:01:00,000, "
             'write that'),
        ],
        id='minutes-and-seconds-of-60',
    ),
    pytest.param(
        '1\n0:59:59.000 --> 00:00:02,000\nA\n',
        [
            (3599000, 2000, '1', '', 'A'),
        ],
        [
            (2, 1, 'timestamp-form', 'warning',
             "'0:59:59.000': write two digits for hours, minutes and seconds "
             '(00:59:59,000)'),
            (2, 8, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '0:59:59.000': players accept it; "
             "write ','"),
        ],
        id='minutes-and-seconds-of-59',
    ),
    pytest.param(
        '1\n00:1:02,000 --> 00:00:02,000\nA\n',
        [
            (62000, 2000, '1', '', 'A'),
        ],
        [
            (2, 1, 'timestamp-form', 'warning',
             "'00:1:02,000': write two digits for hours, minutes and seconds "
             '(00:01:02,000)'),
        ],
        id='one-digit-minutes',
    ),
    pytest.param(
        '1\n00:00:01,000 x --> 00:00:02,000\nA\n',
        [
        ],
        [
            (2, 13, 'bad-timing-line', 'error',
             "cannot read the timing line: expected '-->' after the start "
             "time, found ' x --> 00:00'; the card's text 'A' was not read "
             '(write HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='long-text-instead-of-arrow',
    ),
    pytest.param(
        '1\n00:00:01,000 --> whenever it suits you\nA\n',
        [
        ],
        [
            (2, 18, 'bad-timing-line', 'error',
             "cannot read the timing line: expected the end time after '-->', "
             "found 'whenever it '; the card's text 'A' was not read (write "
             'HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='long-text-instead-of-end',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000xxxxxxxxxxxxxxxxxxxx\nA\n',
        [
        ],
        [
            (2, 30, 'bad-timing-line', 'error',
             "cannot read the timing line: unexpected 'xxxxxxxxxxxx' right "
             "after the end time; the card's text 'A' was not read (write "
             'HH:MM:SS,mmm --> HH:MM:SS,mmm)'),
        ],
        id='long-text-after-end',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n'
        '1234567890123456789\n00:00:03,000 --> 00:00:04,000\nB\nC\n\n'
        '3\n00:00:05,000 --> 00:00:06,000\nD\n',
        [
            (1000, 2000, '1', '', 'A'),
            (3000, 4000, '1234567890123456789', '', 'B\nC'),
            (5000, 6000, '3', '', 'D'),
        ],
        [
            (5, 1, 'srt-index', 'warning',
             "index '1234567890123456789' is not a whole number; write 2"),
        ],
        id='index-of-19-digits',
    ),
    pytest.param(
        '1\n00:00:01.000 --> 00:00:02,000',
        [
            (1000, 2000, '1', '', ''),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '00:00:01.000': players accept it; write ','"),
        ],
        id='index-and-timing-line-end-the-file',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\nxx --> 00:00:02,000',
        [
            (1000, 2000, '1', '', 'A'),
        ],
        [
            (6, 1, 'bad-timing-line', 'error',
             "cannot read the timing line: it does not start with a time such as "
             "00:00:01,000; the card's text (the card has no text) was not read "
             "(write HH:MM:SS,mmm --> HH:MM:SS,mmm)"),
        ],
        id='index-and-unreadable-timing-line-end-the-file',
    ),
    pytest.param(
        '1\n00:00:01,000 --> 00:00:02,000\nA\n\n2',
        [
            (1000, 2000, '1', '', 'A\n\n2'),
        ],
        [
            (5, 1, 'blank-in-payload', 'error',
             'text after a blank line, with no index or timing line: read as '
             'more text of the card at line 2; a blank line ends a card in '
             'SRT, so remove it (or give this text its own index and timing '
             'line)'),
        ],
        id='number-at-the-end',
    ),
    pytest.param(
        '1\n01:02:03,456 --> 01:02:04,789\nA\nB\n\n2\n10:00:00,001 --> 10:00:00,002\nC\n',
        [
            (3723456, 3724789, '1', '', 'A\nB'),
            (36000001, 36000002, '2', '', 'C'),
        ],
        [
        ],
        id='canonical-cards-with-two-lines',
    ),
    pytest.param(
        '1\n00:00:01.000 --> 00:00:02,000\n2\n00:00:03,000 --> 00:00:04,000\nB\n',
        [
            (1000, 2000, '1', '', ''),
            (3000, 4000, '2', '', 'B'),
        ],
        [
            (2, 9, 'timestamp-form', 'warning',
             "'.' before the milliseconds in '00:00:01.000': players accept "
             "it; write ','"),
            (3, 1, 'missing-blank-line', 'error',
             'a new card starts here with no blank line before it; insert a '
             'blank line'),
        ],
        id='card-without-text-then-card',
    ),
]


@pytest.mark.parametrize(("text", "cues", "diagnostics"), CASES)
def test_cases(text: str, cues: list[Cue], diagnostics: list[Found]) -> None:
    transcript = parse(text)
    assert [
        (c.start_ms, c.end_ms, c.identifier, c.settings, c.text) for c in transcript.cues
    ] == cues
    assert [
        (d.line, d.column, d.rule, d.level, d.message) for d in transcript.diagnostics
    ] == diagnostics


def test_tags_read_in_any_case_and_override_blocks_dropped() -> None:
    # SRT players read <I> as <i>; {\an8} places the text and is not shown.
    (cue,) = parse("1\n00:00:01,000 --> 00:00:02,000\n<I>Ann:</I> {\\an8}<B>caps</B>\nB\n").cues
    assert (cue.plain_text, cue.speaker) == ("caps\nB", "Ann")
