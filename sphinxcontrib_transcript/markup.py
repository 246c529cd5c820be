"""WebVTT cue text: markup in, a small tree out.

:func:`parse` follows the W3C "WebVTT cue text parsing rules" (tokenizer and
tree builder): the tags ``<c>``, ``<i>``, ``<b>``, ``<u>``, ``<ruby>``,
``<rt>``, ``<v Name>``, ``<lang xx>``, class names (``<c.yellow>``), inline
timestamps (``<00:01.500>``) and HTML character references (``&amp;``,
``&#x2014;``).  Like a browser it never fails: unknown tags are dropped and
their content kept, an end tag that does not close the innermost open span is
ignored, and spans still open at the end are closed there.  :func:`problems`
runs the same pass and says where the text relied on that forgiveness, for the
``cue-markup`` lint rule.

SRT files use the same tag syntax for ``<i>``, ``<b>``, ``<u>`` and
``<font ...>``, so the SRT reader uses :func:`parse` too (``<font>`` is an
unknown tag here: dropped, its text kept).

.. doctest::

    >>> nodes = parse("<v.loud Esme>It's a <i>blue</i> apple tree!")
    >>> nodes
    [Span(tag='v', classes=('loud',), annotation='Esme', children=("It's a ", Span(tag='i', \
classes=(), annotation='', children=('blue',)), ' apple tree!'))]
    >>> plain_text(nodes), first_voice(nodes)
    ("It's a blue apple tree!", 'Esme')
    >>> for line, column, message in problems("<b>bold <i>both</b>"):
    ...     print(line, column, message)
    0 1 <b> is never closed; browsers close it at the end of the cue: add </b>
    0 9 <i> is never closed; browsers close it at the end of the cue: add </i>
    0 16 </b> does not close the innermost open <i>; browsers ignore it: close <i> first

The tree builder keeps its own stack, so 100,000 nested tags take linear time
and no recursion.  The tree it returns can be that deep too: walk it with an
explicit stack, as :func:`plain_text` does, not with recursion.
"""

from __future__ import annotations

import gc
import re
from collections import namedtuple
from collections.abc import Collection, Iterator, Sequence
from functools import cache

#: The tags the WebVTT parser knows; any other start or end tag is dropped.
TAGS = frozenset({"c", "i", "b", "u", "ruby", "rt", "v", "lang"})

# Tags that take an annotation (the voice name, the language); the others
# ignore one, and the syntax forbids it.
_ANNOTATED = frozenset({"v", "lang"})

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple

    class _SpanFields(NamedTuple):
        tag: str
        classes: tuple[str, ...] = ()
        annotation: str = ""
        children: tuple[Node, ...] = ()

    class _TimestampFields(NamedTuple):
        ms: int

else:
    # Named tuples, not dataclasses: the dataclasses module alone costs a
    # pre-commit hook milliseconds, and any cue with a "&" needs this module.
    _SpanFields = namedtuple(
        "Span", ("tag", "classes", "annotation", "children"), defaults=((), "", ())
    )
    _TimestampFields = namedtuple("Timestamp", ("ms",))


class Span(_SpanFields):
    """A WebVTT internal node: ``<i>...</i>``, ``<v Name>...</v>`` and so on.

    An immutable named tuple, equal and hashable by value.

    :param tag: ``"c"``, ``"i"``, ``"b"``, ``"u"``, ``"ruby"``, ``"rt"``,
        ``"v"`` or ``"lang"``.
    :param classes: the class names written after the tag name
        (``<c.yellow.bg_blue>``), empty ones left out.
    :param annotation: the voice name for ``v``, the language tag for
        ``lang`` (whitespace trimmed and collapsed, references decoded);
        ``""`` when none was written, and for the other tags, which ignore
        one as the spec's tree does.
    :param children: text, spans and timestamps inside the span.
    """

    __slots__ = ()


class Timestamp(_TimestampFields):
    """An inline (karaoke) timestamp, ``<00:00:01.500>``, in milliseconds."""

    __slots__ = ()


#: A node of cue text: text (character references decoded), a span or a timestamp.
Node = str | Span | Timestamp

# The tokenizer in one expression: every "<" opens a tag that runs to the next
# ">" or to the end of the text (no character inside a tag ends it early);
# everything else is text.
_TOKEN = re.compile(r"<([^>]*)(>?)|[^<]+")
# A start tag: name, then ".class" parts, then an annotation after the first
# space, tab, form feed or line feed.  The name and classes stop at those and
# at "."; anything else (even "<" or "&") belongs to them.
# Compiled when a cue first holds a tag: many files only ever need _REFERENCE.
_START_TAG = r"([^\t\n\f .]*)((?:\.[^\t\n\f .]*)*)(?:[\t\n\f ](.*))?"
_ASCII_SPACE = r"[\t\n\f\r ]+"


@cache
def _tag_pattern(which: int) -> re.Pattern[str]:
    """The compiled _START_TAG (*which* 0) or _ASCII_SPACE (1)."""
    return re.compile(_START_TAG, re.DOTALL) if which == 0 else re.compile(_ASCII_SPACE)


# Character references as HTML's tokenizer sees them outside attributes.
_REFERENCE = re.compile(r"&(?:#[xX]([0-9A-Fa-f]+)(;?)|#([0-9]+)(;?)|([A-Za-z0-9]+)(;?)|(#))")
# HTML's legacy named references, those valid without ";" (each is valid with
# it too), as name:code point: what a reference without ";" can be, and the
# commonest with it (&amp;).  From html.entities.html5, which a test checks
# them against; the 2,231 names of that table are loaded only for a reference
# with ";" that is none of these.
_LEGACY_NAMES = (
    "AElig:c6 AMP:26 Aacute:c1 Acirc:c2 Agrave:c0 Aring:c5 Atilde:c3 Auml:c4 COPY:a9 "
    "Ccedil:c7 ETH:d0 Eacute:c9 Ecirc:ca Egrave:c8 Euml:cb GT:3e Iacute:cd Icirc:ce Igrave:cc "
    "Iuml:cf LT:3c Ntilde:d1 Oacute:d3 Ocirc:d4 Ograve:d2 Oslash:d8 Otilde:d5 Ouml:d6 QUOT:22 "
    "REG:ae THORN:de Uacute:da Ucirc:db Ugrave:d9 Uuml:dc Yacute:dd aacute:e1 acirc:e2 "
    "acute:b4 aelig:e6 agrave:e0 amp:26 aring:e5 atilde:e3 auml:e4 brvbar:a6 ccedil:e7 "
    "cedil:b8 cent:a2 copy:a9 curren:a4 deg:b0 divide:f7 eacute:e9 ecirc:ea egrave:e8 eth:f0 "
    "euml:eb frac12:bd frac14:bc frac34:be gt:3e iacute:ed icirc:ee iexcl:a1 igrave:ec "
    "iquest:bf iuml:ef laquo:ab lt:3c macr:af micro:b5 middot:b7 nbsp:a0 not:ac ntilde:f1 "
    "oacute:f3 ocirc:f4 ograve:f2 ordf:aa ordm:ba oslash:f8 otilde:f5 ouml:f6 para:b6 "
    "plusmn:b1 pound:a3 quot:22 raquo:bb reg:ae sect:a7 shy:ad sup1:b9 sup2:b2 sup3:b3 "
    "szlig:df thorn:fe times:d7 uacute:fa ucirc:fb ugrave:f9 uml:a8 uuml:fc yacute:fd yen:a5 "
    "yuml:ff"
)
_LONGEST_LEGACY = 6
@cache
def _legacy_names() -> dict[str, str]:
    pairs = (item.split(":") for item in _LEGACY_NAMES.split())
    return {name: chr(int(code, 16)) for name, code in pairs}


@cache
def _named() -> dict[str, str]:
    """HTML's named references, ``"name;"`` (and the legacy ``"name"``) to text."""
    from html.entities import html5

    return html5
_DIGITS = "0123456789"


def scan_timestamp(text: str, pos: int = 0) -> tuple[int | None, int, str]:
    """Run the spec's "collect a WebVTT timestamp" on *text* from *pos*.

    :returns: ``(ms, end, problem)``: the time in milliseconds and the index
        just after it; or ``(None, where, problem)`` with the index where the
        timestamp went wrong and what is wrong with it.  *problem* is ``""``
        for a timestamp that is valid and written as the syntax requires; for
        one the parser accepts but the syntax does not (one-digit hours), it
        says so while ``ms`` is set.

    .. doctest::

        >>> scan_timestamp("01:02.500 -->")
        (62500, 9, '')
        >>> scan_timestamp("00:60.000")
        (None, 3, 'seconds must be 00-59, not 60')
        >>> scan_timestamp("1:00:00.000")[:2]
        (3600000, 11)
    """
    n = len(text)
    if pos >= n or text[pos] not in _DIGITS:
        return None, pos, "expected a timestamp (MM:SS.mmm or HH:MM:SS.mmm)"
    first = pos
    while pos < n and text[pos] in _DIGITS:
        pos += 1
    digits1 = text[first:pos]
    if len(digits1) > 10:  # int() of thousands of digits is slow or refused
        return None, first, f"{len(digits1)} digits is no time"
    value1 = int(digits1)
    # Not exactly two digits, or over 59: the first number can only be hours.
    hours_first = len(digits1) != 2 or value1 > 59
    if pos >= n or text[pos] != ":":
        return None, pos, f"expected ':' after {digits1!r}"
    pos += 1
    second = pos
    while pos < n and text[pos] in _DIGITS:
        pos += 1
    if pos - second != 2:
        unit = "minutes" if hours_first or (pos < n and text[pos] == ":") else "seconds"
        return None, second, f"{unit} must be exactly two digits, not {text[second:pos]!r}"
    value2 = int(text[second:pos])
    third = second
    if hours_first or (pos < n and text[pos] == ":"):
        if pos >= n or text[pos] != ":":
            why = "one digit" if len(digits1) == 1 else f"{value1} is over 59"
            return None, pos, (
                f"expected ':' and seconds: {why}, so {digits1!r} is read as hours "
                "(write minutes and seconds as two digits each, 00-59)"
            )
        pos += 1
        third = pos
        while pos < n and text[pos] in _DIGITS:
            pos += 1
        if pos - third != 2:
            return None, third, f"seconds must be exactly two digits, not {text[third:pos]!r}"
        hours, minutes, seconds = value1, value2, int(text[third:pos])
    else:
        hours, minutes, seconds = 0, value1, value2
        second, third = first, second
    if pos >= n or text[pos] != ".":
        if pos < n and text[pos] == ",":
            return None, pos, "use '.' before the milliseconds, not ','"
        return None, pos, "expected '.' and three digits of milliseconds after the seconds"
    pos += 1
    fraction = pos
    while pos < n and text[pos] in _DIGITS:
        pos += 1
    if pos - fraction != 3:
        return None, fraction, (
            f"milliseconds must be exactly three digits, not {text[fraction:pos]!r}"
        )
    if minutes > 59:
        return None, second, f"minutes must be 00-59, not {minutes}"
    if seconds > 59:
        return None, third, f"seconds must be 00-59, not {seconds}"
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + int(text[fraction:pos])
    problem = ""
    if hours_first and len(digits1) < 2:
        problem = f"hours need two digits: write {'0' + text[first:pos]!r}"
    return ms, pos, problem


# -- character references --------------------------------------------------------


def _numeric(value: int) -> str:
    # HTML's numeric character reference rules: NUL, surrogates and values past
    # U+10FFFF become U+FFFD; 0x80-0x9F are read as windows-1252.
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= value <= 0x9F:
        try:
            return bytes([value]).decode("cp1252")
        except UnicodeDecodeError:
            return chr(value)
    return chr(value)


def _reference(match: re.Match[str]) -> tuple[str, str]:
    """What one ``&...`` match stands for, and what was wrong with it (or ``""``)."""
    hexa, hexa_end, deci, deci_end, name, name_end, bare = match.groups()
    if bare is not None:
        return "&#", "'&#' starts a numeric reference but no digits follow: write &amp;#"
    if hexa is not None or deci is not None:
        digits = hexa if hexa is not None else deci
        assert digits is not None
        value = 0x110000 if len(digits) > 8 else int(digits, 16 if hexa is not None else 10)
        char = _numeric(value)
        written = match.group(0)
        if char == "\ufffd":
            return char, f"{written} is no valid character (browsers show U+FFFD)"
        if not (hexa_end or deci_end):
            return char, f"{written} needs a ';' at its end: write {written};"
        return char, ""
    assert name is not None
    legacy = _legacy_names()
    if name_end:
        if name in legacy:
            return legacy[name], ""
        html5 = _named()
        if name + ";" in html5:
            return html5[name + ";"], ""
    # Without a full match, the longest prefix that is a legacy name (one
    # valid without ";") is decoded, and the rest is text, as in HTML.
    for length in range(min(len(name), _LONGEST_LEGACY), 1, -1):
        replacement = legacy.get(name[:length])
        if replacement is not None:
            rest = name[length:] + name_end
            written = "&" + name[:length]
            return replacement + rest, (
                f"{written}{rest} is read as {replacement}{rest}: end a reference with ';' "
                f"({written};), or write &amp; for a literal '&'"
            )
    written = match.group(0)
    return written, f"{written} is not a character reference: write &amp; for a literal '&'"


def decode_references(text: str) -> str:
    """Decode HTML character references the way a WebVTT parser does.

    .. doctest::

        >>> decode_references("Q&amp;A &lt;3 &#x2014; AT&T &copy2020")
        'Q&A <3 — AT&T ©2020'
    """
    if "&" not in text:
        return text
    return _REFERENCE.sub(lambda match: _reference(match)[0], text)


def _literal_ampersands(text: str) -> set[int]:
    """Offsets of the ``&`` that start no reference and show as written: a name with
    no ``;`` that no legacy reference begins (``AT&T``, ``Q&A``)."""
    return {
        match.start() for match in _REFERENCE.finditer(text)
        if match.group(5) and not match.group(6) and _reference(match)[0] == match.group(0)
    }


def _reference_problems(text: str, offset: int) -> Iterator[tuple[int, str]]:
    for match in _REFERENCE.finditer(text):
        problem = _reference(match)[1]
        if problem:
            yield offset + match.start(), problem


# -- the tree builder --------------------------------------------------------------


class _Open:
    """A span being built: what :class:`Span` will hold, plus where it started."""

    __slots__ = ("annotation", "children", "classes", "quiet", "start", "tag")

    def __init__(
        self, tag: str, classes: tuple[str, ...], annotation: str, start: int, quiet: bool
    ) -> None:
        self.tag = tag
        self.classes = classes
        self.annotation = annotation
        self.children: list[Node] = []
        self.start = start
        self.quiet = quiet  # its tag was never closed with ">": reported as that

    def close(self) -> Span:
        return Span(self.tag, self.classes, self.annotation, tuple(_merged(self.children)))


def _merged(children: list[Node]) -> list[Node]:
    """*children* with adjacent strings joined.

    Text split only by a dropped tag ("a<foo>b") is one string in the tree.
    The pieces are joined once, when their span closes: adding each piece to
    the string before it would copy the growing string every time, which is
    quadratic on a line of thousands of dropped tags.
    """
    if len(children) < 2:
        return children
    merged: list[Node] = []
    run: list[str] = []
    for child in children:
        if isinstance(child, str):
            run.append(child)
            continue
        if run:
            merged.append("".join(run))
            run = []
        merged.append(child)
    if run:
        merged.append("".join(run))
    return merged


def _build(
    text: str, fold_case: bool, report: list[tuple[int, str]] | None, extra: Collection[str]
) -> list[Node]:
    """Tokenize and build the tree; with *report*, collect (offset, problem) pairs."""
    root: list[Node] = []
    stack: list[_Open] = []  # open spans, innermost last
    counts = dict.fromkeys(TAGS, 0)  # open spans by tag, so no problem needs a stack walk

    def children() -> list[Node]:
        return stack[-1].children if stack else root

    for token in _TOKEN.finditer(text):
        content = token.group(1)
        at = token.start()
        if content is None:  # text
            value = token.group(0)
            if "&" in value:
                if report is not None:
                    report.extend(_reference_problems(value, at))
                value = decode_references(value)
            children().append(value)
            continue
        unterminated = not token.group(2)
        if unterminated and report is not None:
            report.append((at, (
                "'<' starts a tag that is never closed with '>', so browsers hide the rest "
                "of the cue: write &lt; for a literal '<'"
            )))
        head = content[:1]
        if head == "/":
            name = content[1:].lower() if fold_case else content[1:]
            current = stack[-1].tag if stack else None
            if name == current and name in TAGS:
                counts[name] -= 1
                span = stack.pop().close()
                children().append(span)
            elif name == "ruby" and current == "rt":
                counts["rt"] -= 1
                counts["ruby"] -= 1
                rt = stack.pop().close()
                stack[-1].children.append(rt)
                ruby = stack.pop().close()
                children().append(ruby)
            elif report is not None and not unterminated:
                problem = _end_tag_problem(name, current, counts, extra)
                if problem:
                    report.append((at, problem))
            continue
        if head and head in _DIGITS:
            ms, end, problem = scan_timestamp(content)
            if ms is not None and end == len(content):
                children().append(Timestamp(ms))
            elif report is not None and not unterminated:
                why = problem if ms is None else f"unexpected {content[end:]!r} after the time"
                report.append((at, (
                    f"<{content}> is not a timestamp ({why}); browsers ignore it: "
                    "write <HH:MM:SS.mmm>"
                )))
            continue
        match = _tag_pattern(0).fullmatch(content)
        assert match is not None  # the pattern accepts any string
        name, dotted, annotation_text = match.groups()
        if fold_case:
            name = name.lower()
        annotation = ""
        if annotation_text:
            if "&" in annotation_text:
                if report is not None:
                    offset = at + 1 + match.start(3)
                    report.extend(_reference_problems(annotation_text, offset))
                annotation_text = decode_references(annotation_text)
            annotation = _tag_pattern(1).sub(" ", annotation_text).strip(" ")
        known = name in TAGS and (name != "rt" or (bool(stack) and stack[-1].tag == "ruby"))
        if report is not None and not unterminated:
            problem = _start_tag_problem(name, annotation, known, counts["v"], extra)
            if problem:
                report.append((at, problem))
        if not known:
            continue
        classes = tuple(filter(None, dotted.split("."))) if dotted else ()
        # Only voices and languages keep their annotation, as in the spec's tree.
        stack.append(
            _Open(name, classes, annotation if name in _ANNOTATED else "", at, unterminated)
        )
        counts[name] += 1
    # Spans still open at the end are closed there, innermost first.
    while stack:
        span_open = stack.pop()
        quiet = span_open.quiet or (span_open.tag == "v" and span_open.start == 0)
        if report is not None and not quiet:
            # A voice span holding the whole cue may omit its end tag.
            report.append((span_open.start, (
                f"<{span_open.tag}> is never closed; browsers close it at the end of the cue: "
                f"add </{span_open.tag}>"
            )))
        children().append(span_open.close())
    return _merged(root)


def _start_tag_problem(
    name: str, annotation: str, known: bool, voices: int, extra: Collection[str]
) -> str:
    if name in extra:
        return ""
    if not name:
        return "a tag with no name is ignored by browsers: write &lt; for a literal '<'"
    if name == "rt" and not known:
        return "<rt> belongs directly inside <ruby>; browsers ignore it here"
    if name not in TAGS:
        if name.lower() in TAGS:
            return f"tag names are lower case: browsers ignore <{name}>; write <{name.lower()}>"
        return (
            f"unknown tag <{name}>: browsers drop it and keep its text; WebVTT knows "
            "<c>, <i>, <b>, <u>, <ruby>, <rt>, <v> and <lang>"
        )
    if name == "v" and not annotation:
        return "<v> needs the speaker's name: write <v Name>"
    if name == "v" and voices:
        return "<v> inside another <v>: close the first voice with </v> before the next"
    if name == "lang" and not annotation:
        return "<lang> needs a language tag: write <lang en>"
    if annotation and name not in _ANNOTATED:
        return f"<{name}> takes no annotation; browsers ignore {annotation!r}"
    return ""


def _end_tag_problem(
    name: str, current: str | None, counts: dict[str, int], extra: Collection[str]
) -> str:
    if name in extra:
        return ""
    if name not in TAGS:
        stripped = name.strip("\t\n\f ")
        if stripped in TAGS:
            return f"</{name}> is not </{stripped}> to browsers, which ignore it: remove the space"
        if name.lower() in TAGS:
            return f"tag names are lower case: browsers ignore </{name}>; write </{name.lower()}>"
        return f"unknown end tag </{name}>: browsers ignore it"
    if not counts[name]:
        return f"</{name}> has no open <{name}> to close; browsers ignore it"
    return (
        f"</{name}> does not close the innermost open <{current}>; "
        f"browsers ignore it: close <{current}> first"
    )


# -- public functions ----------------------------------------------------------------


def parse(text: str, *, fold_case: bool = False) -> list[Node]:
    """Parse cue text into nodes, as the WebVTT cue text parsing rules do.

    Never raises.  Adjacent text (split only by a dropped tag) is one string.

    :param text: the cue payload, lines joined with ``"\\n"``.
    :param fold_case: read tag names case-insensitively (``<I>`` as ``<i>``),
        as SRT players do; WebVTT tag names are case-sensitive.

    .. doctest::

        >>> parse("<c.yellow>Hi</c> <00:00:01.000>you&#33;")
        [Span(tag='c', classes=('yellow',), annotation='', children=('Hi',)), ' ', \
Timestamp(ms=1000), 'you!']
        >>> parse("<font color=red>red</font> <ruby>漢<rt>kan</ruby>")
        ['red ', Span(tag='ruby', classes=(), annotation='', children=('漢', Span(tag='rt', \
classes=(), annotation='', children=('kan',))))]
    """
    if "<" not in text:
        return [decode_references(text)] if text else []
    if len(text) < _LARGE or not gc.isenabled():
        return _build(text, fold_case, None, ())
    # A tree of nodes has no reference cycles, so the cyclic collector finds
    # nothing in it; but on a cue of thousands of tags, each of its passes walks
    # the whole growing tree, and the parse stops being linear.
    gc.disable()
    try:
        return _build(text, fold_case, None, ())
    finally:
        gc.enable()


#: Cue text long enough for :func:`parse` to pause the cyclic collector.
_LARGE = 20_000


def plain_text(nodes: Sequence[Node]) -> str:
    """The text a screen reader reads: all text, in order, line breaks kept.

    Ruby text (``<rt>``) is left out and the ruby base kept, as the spec's
    rules for extracting a chapter title do: the base is the word as read, the
    ruby text its reading aid, and reading both would say the word twice.
    Inline timestamps add nothing.

    .. doctest::

        >>> plain_text(parse("<v Ann>Hi <b>there</b>\\n<ruby>東京<rt>とうきょう</rt></ruby>"))
        'Hi there\\n東京'
    """
    out: list[str] = []
    pending: list[Node] = list(reversed(nodes))
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, Span) and node.tag != "rt":
            pending.extend(reversed(node.children))
    return "".join(out)


def first_voice(nodes: Sequence[Node]) -> str | None:
    """The name in the first ``<v Name>`` span (depth first), or ``None``.

    A ``<v>`` without a name is passed over: it names nobody.

    .. doctest::

        >>> first_voice(parse("<i>(laughs)</i> <v Mary>No way!")), first_voice(parse("Hi"))
        ('Mary', None)
    """
    pending: list[Node] = list(reversed(nodes))
    while pending:
        node = pending.pop()
        if isinstance(node, Span):
            if node.tag == "v" and node.annotation:
                return node.annotation
            pending.extend(reversed(node.children))
    return None


def problems(
    text: str,
    *,
    fold_case: bool = False,
    extra_tags: Collection[str] = (),
    literal_ampersands: bool = False,
) -> list[tuple[int, int, str]]:
    """Where cue text leans on the parser's forgiveness, for the ``cue-markup`` rule.

    Reports tags never closed with ``>``, unknown or misspelt tags, end tags
    that close nothing or not the innermost span, spans never closed (except a
    ``<v>`` that holds the whole cue, which the syntax allows), ``<rt>`` outside
    ``<ruby>``, ``<v>`` without a name, ``<v>`` inside ``<v>``, ``<lang>``
    without a language, annotations on other tags, unparseable inline
    timestamps and bad character references (``&foo;``, ``AT&T``, ``&copy2020``).
    A lone ``&`` followed by a space is left alone: browsers show it as is
    (and so, with *literal_ampersands*, is one before a word, as in ``AT&T``).

    :param text: the cue payload, lines joined with ``"\\n"``.
    :param fold_case: as for :func:`parse`.
    :param extra_tags: tag names to accept silently (SRT's ``font``).
    :param literal_ampersands: leave alone a bare ``&`` before a name that is no
        reference and has no ``;`` (``AT&T``, ``Q&A``, ``R&D``): browsers show
        it as written.  ``&foo;`` and ``&copy2020`` are still reported.
    :returns: ``(line, column, message)`` triples in text order: *line* counts
        from 0 within the payload, *column* from 1 within that line.

    .. doctest::

        >>> [(line, column) for line, column, _ in problems("<v>Hi</v>\\nAT&T <x>ok</x>")]
        [(0, 1), (1, 3), (1, 6), (1, 11)]
        >>> problems("Q&A about R&D at AT&T", literal_ampersands=True)
        []
    """
    if "<" not in text and "&" not in text:
        return []
    found: list[tuple[int, str]] = []
    if "<" in text:
        _build(text, fold_case, found, frozenset(extra_tags))
    else:
        found.extend(_reference_problems(text, 0))
    if literal_ampersands and found and "&" in text:
        shown = _literal_ampersands(text)
        found = [item for item in found if item[0] not in shown]
    # One sweep over the sorted offsets, so many problems cost no rescans.
    found.sort(key=lambda item: item[0])
    result = []
    line, line_start, scanned = 0, 0, 0
    for offset, message in found:
        newline = text.find("\n", scanned, offset)
        while newline != -1:
            line, line_start = line + 1, newline + 1
            newline = text.find("\n", line_start, offset)
        scanned = offset  # no line break between here and the next offset's search start
        result.append((line, offset - line_start + 1, message))
    return result
