"""WebVTT cue text: the tree a browser builds, the plain text, the voice, the problems.

Expected trees follow the spec's "WebVTT cue text parsing rules" step by step;
problems are compared by ``(line, column)`` and a word of the message at most.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxcontrib_transcript.markup import (
    Span,
    Timestamp,
    decode_references,
    first_voice,
    parse,
    plain_text,
    problems,
    scan_timestamp,
)


def where(text: str) -> list[tuple[int, int]]:
    return [(line, column) for line, column, _ in problems(text)]


# -- the tree ---------------------------------------------------------------------------


def test_plain_text_is_one_string() -> None:
    assert parse("Hello\nworld") == ["Hello\nworld"]
    assert parse("") == []


def test_known_tags() -> None:
    assert parse("<i>a</i><b>b</b><u>c</u>") == [
        Span("i", (), "", ("a",)), Span("b", (), "", ("b",)), Span("u", (), "", ("c",)),
    ]


def test_voice_with_classes_and_annotation() -> None:
    assert parse("<v.first.loud Esme>It's a blue apple tree!") == [
        Span("v", ("first", "loud"), "Esme", ("It's a blue apple tree!",)),
    ]


def test_annotation_whitespace_is_trimmed_and_collapsed_and_references_decoded() -> None:
    assert parse("<v \t Roger \n Bingham  >x</v>") == [Span("v", (), "Roger Bingham", ("x",))]
    assert parse("<v Tom &amp; Jerry>x") == [Span("v", (), "Tom & Jerry", ("x",))]


def test_empty_classes_are_dropped() -> None:
    assert parse("<c.a..b.>x</c>") == [Span("c", ("a", "b"), "", ("x",))]


def test_only_voice_and_lang_keep_an_annotation() -> None:
    assert parse("<i.x note>t</i>") == [Span("i", ("x",), "", ("t",))]
    assert parse("<lang en-GB>colour</lang>") == [Span("lang", (), "en-GB", ("colour",))]


def test_unknown_tags_are_dropped_and_their_text_kept() -> None:
    assert parse("a<font color=red>b</font>c<span>d</span>") == ["abcd"]


def test_tag_names_are_case_sensitive_unless_folded() -> None:
    assert parse("<I>x</I>") == ["x"]
    assert parse("<I>x</I>", fold_case=True) == [Span("i", (), "", ("x",))]


def test_end_tag_that_does_not_close_the_current_span_is_ignored() -> None:
    # </b> is ignored while <i> is current; "y" goes into <i>; </i> closes it.
    assert parse("<b><i>x</b>y</i>z") == [Span("b", (), "", (Span("i", (), "", ("xy",)), "z"))]


def test_end_tag_with_a_space_is_not_that_end_tag() -> None:
    assert parse("<i>a</i >b") == [Span("i", (), "", ("ab",))]


def test_spans_left_open_are_closed_at_the_end() -> None:
    assert parse("<v Ann><i>hi") == [Span("v", (), "Ann", (Span("i", (), "", ("hi",)),))]


def test_ruby() -> None:
    assert parse("<ruby>東京<rt>とうきょう</rt></ruby>") == [
        Span("ruby", (), "", ("東京", Span("rt", (), "", ("とうきょう",)))),
    ]


def test_ruby_end_tag_closes_open_ruby_text() -> None:
    assert parse("<ruby>a<rt>b</ruby>c") == [
        Span("ruby", (), "", ("a", Span("rt", (), "", ("b",)))), "c",
    ]


def test_rt_outside_ruby_is_dropped() -> None:
    assert parse("<rt>x</rt>") == ["x"]
    assert parse("<ruby><i><rt>x</rt></i></ruby>") == [
        Span("ruby", (), "", (Span("i", (), "", ("x",)),)),
    ]


def test_inline_timestamps() -> None:
    assert parse("a<00:00:01.500>b<00:02.000>c") == [
        "a", Timestamp(1500), "b", Timestamp(2000), "c",
    ]


def test_bad_inline_timestamps_are_dropped() -> None:
    assert parse("a<1.5>b<00:01.500x>c<00:61.000>d") == ["abcd"]


def test_unclosed_tag_hides_the_rest() -> None:
    # Every "<" opens a tag that runs to ">" or the end: " b" is a tag here.
    assert parse("a < b") == ["a "]
    assert parse("a <b") == ["a ", Span("b", (), "", ())]


def test_empty_tags_are_ignored() -> None:
    assert parse("a<>b< i>c<.x>d") == ["abcd"]


def test_greater_than_is_text() -> None:
    assert parse("5 > 4 &gt; 3") == ["5 > 4 > 3"]


# -- character references ----------------------------------------------------------------


def test_named_numeric_and_hex_references() -> None:
    assert decode_references("&amp;&lt;&gt;&nbsp;&lrm;&#65;&#x42;&#X43;") == "&<>\xa0\u200eABC"


def test_legacy_references_without_semicolon() -> None:
    # As in HTML outside attributes: the longest legacy name is taken.
    assert decode_references("&amp &ampx; &copy2020 &notit; &notin;") == "& &x; ©2020 ¬it; ∉"


def test_unknown_references_stay_as_written() -> None:
    assert decode_references("AT&T Q&A &foo; & &# &#x;") == "AT&T Q&A &foo; & &# &#x;"


def test_numeric_references_follow_html() -> None:
    assert decode_references("&#0;&#xD800;&#x110000;&#x80;&#x81;&#99999999999;") == (
        "\ufffd\ufffd\ufffd€\x81\ufffd"
    )


def test_references_in_the_tree() -> None:
    assert parse("<i>Q&amp;A</i> &#x2014; done") == [Span("i", (), "", ("Q&A",)), " — done"]


# -- plain text and voice -------------------------------------------------------------------


def test_plain_text_keeps_line_breaks_and_drops_ruby_text_and_timestamps() -> None:
    nodes = parse("<v Ann>Hi <b>there</b>\n<ruby>東京<rt>とうきょう</rt></ruby><00:01.000>!")
    assert plain_text(nodes) == "Hi there\n東京!"


def test_first_voice() -> None:
    assert first_voice(parse("<v Roger>a</v><v Neil>b")) == "Roger"
    assert first_voice(parse("<i>(laughs)</i> <v Mary>No way!")) == "Mary"
    assert first_voice(parse("<v>nameless</v><v Bob>yes")) == "Bob"
    assert first_voice(parse("nobody")) is None


def test_deep_nesting_is_linear_and_never_recursive() -> None:
    depth = 100_000
    nodes = parse("<b>" * depth + "x" + "</b>" * depth)
    assert plain_text(nodes) == "x"
    span = nodes[0]
    seen = 0
    while isinstance(span, Span):
        seen += 1
        span = span.children[0]
    assert (seen, span) == (depth, "x")
    assert first_voice(parse("<b>" * 10_000 + "<v Deep>x")) == "Deep"
    assert len(problems("<b>" * 10_000)) == 10_000


# -- problems -------------------------------------------------------------------------------


def test_well_formed_text_has_no_problems() -> None:
    assert problems("<v Ann>Hi <i>there</i> &amp; <c.loud>you</c>") == []
    assert problems("<v Ann>Speaker spans may stay open") == []
    assert problems("<ruby>a<rt>b</ruby> <lang en>x</lang> <00:00:01.000>") == []
    assert problems("plain, with a lone & between words") == []


def test_unclosed_span() -> None:
    assert where("a <i>b") == [(0, 3)]
    assert "never closed" in problems("a <i>b")[0][2]


def test_voice_not_at_the_start_must_be_closed() -> None:
    assert where(" <v Ann>hi") == [(0, 2)]


def test_stray_and_misnested_end_tags() -> None:
    assert where("a</i>") == [(0, 2)]
    assert where("<b><i>x</b></i></b>") == [(0, 8)]


def test_unknown_and_misspelt_tags() -> None:
    assert where("<span>x</span>") == [(0, 1), (0, 8)]
    assert "lower case" in problems("<I>x</I>")[0][2]
    assert problems("<I>x</I>", fold_case=True) == []
    assert where("<i>x</i >") == [(0, 1), (0, 5)]


def test_extra_tags_are_accepted() -> None:
    assert problems('<font color="red">x</font>', extra_tags={"font"}) == []


def test_voice_problems() -> None:
    assert where("<v>x</v>") == [(0, 1)]
    assert where("<v A>x<v B>y</v></v>") == [(0, 7)]
    assert "inside another" in problems("<v A>x<v B>y</v></v>")[0][2]


def test_lang_needs_a_language_and_others_take_no_annotation() -> None:
    assert where("<lang>x</lang>") == [(0, 1)]
    assert where("<b loud>x</b>") == [(0, 1)]


def test_rt_outside_ruby() -> None:
    assert where("<rt>x</rt>") == [(0, 1), (0, 6)]


def test_bad_inline_timestamp() -> None:
    assert where("a<00:01.5>b") == [(0, 2)]


def test_unclosed_tag_is_reported_once() -> None:
    assert where("a < b") == [(0, 3)]
    assert where("a <b") == [(0, 3)]


def test_bad_references() -> None:
    assert where("AT&T &amp &#65 &#0; &foo; &# x") == [(0, 3), (0, 6), (0, 11), (0, 16), (0, 21),
                                                     (0, 27)]


def test_positions_are_per_line() -> None:
    assert problems("first line\n  <x>second</x>\n&bogus;") == [
        (1, 3, problems("<x>")[0][2]),
        (1, 12, problems("</x>")[0][2]),
        (2, 1, problems("&bogus;")[0][2]),
    ]


def test_problems_in_annotations() -> None:
    assert where("<v Tom &bogus; Jerry>x") == [(0, 8)]


# -- the timestamp algorithm ------------------------------------------------------------------


def test_scan_timestamp() -> None:
    assert scan_timestamp("00:01.500") == (1500, 9, "")
    assert scan_timestamp("x 01:00:00.000 y", 2) == (3_600_000, 14, "")
    assert scan_timestamp("1:00:00.000")[:2] == (3_600_000, 11)
    assert scan_timestamp("1:00:00.000")[2] != ""  # accepted, but hours want two digits
    assert scan_timestamp("00:01")[:2] == (None, 5)
    assert scan_timestamp("9" * 5000 + ":00:00.000")[:2] == (None, 0)


# -- never raises ------------------------------------------------------------------------------


_MARKUP = st.text(alphabet="<>/.&;# \nvibucrtlangx0123:AZ", max_size=60)


@settings(max_examples=500, deadline=None)
@given(_MARKUP)
def test_any_text_parses_and_problems_point_into_it(text: str) -> None:
    nodes = parse(text)
    assert isinstance(plain_text(nodes), str)
    lines = text.split("\n")
    for line, column, message in problems(text):
        assert 0 <= line < len(lines)
        assert 1 <= column <= len(lines[line]) + 1
        assert message


def test_the_legacy_names_are_htmls() -> None:
    """markup keeps HTML's legacy named references itself (so that ``&amp;`` and a
    stray ``Q&A`` need not load the 2,231 names of html.entities): they must be
    exactly those of the standard library's table, each valid with ";" too."""
    from html.entities import html5

    from sphinxcontrib_transcript import markup

    legacy = {name: text for name, text in html5.items() if not name.endswith(";")}
    assert markup._legacy_names() == legacy
    assert all(html5[name + ";"] == text for name, text in legacy.items())
    assert max(map(len, legacy)) == markup._LONGEST_LEGACY


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["amp", "AMP", "lt", "not", "notin", "nbsp", "hellip", "lrm", "A",
                        "copyx", "frac12", "sup23", "zz", "CounterClockwiseContourIntegral"]),
       st.sampled_from(["", ";"]), st.sampled_from(["", "x", " y"]))
def test_named_references_decode_as_html_does(name: str, end: str, after: str) -> None:
    import html

    text = f"a&{name}{end}{after}"
    assert decode_references(text) == html.unescape(text)


def test_a_huge_cue_is_parsed_with_the_collector_paused_and_restored() -> None:
    """parse() pauses the cyclic collector over a cue of thousands of tags (its
    passes over the growing tree made the parse superlinear) and leaves the
    collector as it found it, on or off."""
    import gc

    from sphinxcontrib_transcript import markup

    text = "<b>" * (markup._LARGE // 3 + 1) + "x"
    assert gc.isenabled()
    nodes = parse(text)
    assert gc.isenabled()
    assert plain_text(nodes) == "x"
    gc.disable()
    try:
        assert plain_text(parse(text)) == "x"
        assert not gc.isenabled()
    finally:
        gc.enable()
