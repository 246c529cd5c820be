r"""The examples in each rule's documentation, as files the tests and docs can use.

Every rule docstring ends with a ``.. rubric:: Examples`` section made of
literal blocks, each introduced by one line of exactly this shape::

    Failing (``example.vtt``)::

        WEBVTT
        ...

    Passing (``example.vtt``)::

        WEBVTT
        ...

The name in double backquotes is the file's name (its suffix gives the
format); a rule may show several files of a kind (``pair-drift`` shows a
``.vtt`` and a ``.txt``).  A block's content, dedented, with a line break after
each line, is the file.  Bytes that cannot be shown in a docstring are written
as escapes, the way Python writes them: ``\r`` (a carriage return, so a line
written ``text\r`` ends in CRLF), ``\t``, ``\n``, ``\uXXXX`` (a character),
``\xNN`` (a raw byte, for files that are not UTF-8), ``\\`` (a backslash), and
a ``\`` at the very end of a line, which removes that line's break (so a file
without a final newline ends its last line with ``\``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

_HEADING = re.compile(r"^(Failing|Passing) \(``([^`]+)``\)::[ \t]*$", re.MULTILINE)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[rnt\\]|\n)")
_SIMPLE = {"r": b"\r", "n": b"\n", "t": b"\t", "\\": b"\\", "\n": b""}


@dataclass(frozen=True)
class Example:
    """One example file from a rule's documentation.

    :param kind: ``"failing"`` or ``"passing"``.
    :param name: the file name shown (``example.vtt``).
    :param source: the block as written in the docstring (escapes unexpanded).
    :param data: the file's bytes (escapes expanded).
    """

    kind: str
    name: str
    source: str
    data: bytes


def unescape(source: str) -> bytes:
    r"""Turn an example's text into bytes: UTF-8, with the escapes above expanded.

    >>> unescape("WEBVTT\\r\nA\\u00e9\\xe9\\\n")
    b'WEBVTT\r\nA\xc3\xa9\xe9'
    """
    out = bytearray()
    position = 0
    for match in _ESCAPE.finditer(source):
        out += source[position : match.start()].encode("utf-8")
        code = match.group(1)
        if code[0] == "u":
            out += chr(int(code[1:], 16)).encode("utf-8")
        elif code[0] == "x":
            out.append(int(code[1:], 16))
        else:
            out += _SIMPLE[code]
        position = match.end()
    out += source[position:].encode("utf-8")
    return bytes(out)


def examples(rule: ModuleType) -> list[Example]:
    """The examples of *rule*'s docstring, in the order written.

    :raises ValueError: when the docstring has no Examples section or a
        heading without a literal block (a documentation bug).
    """
    doc = rule.__doc__ or ""
    section = doc.find(".. rubric:: Examples")
    if section < 0:
        raise ValueError(f"{rule.__name__}: no '.. rubric:: Examples' section")
    found: list[Example] = []
    for heading in _HEADING.finditer(doc, section):
        block: list[str] = []
        lines = doc[heading.end() :].split("\n")[1:]
        for line in lines:
            if line.strip() and not line.startswith("    "):
                break
            block.append(line[4:])
        while block and not block[0].strip():
            block.pop(0)
        while block and not block[-1].strip():
            block.pop()
        if not block:
            raise ValueError(f"{rule.__name__}: {heading.group(0)!r} has no literal block")
        source = "\n".join(block) + "\n"
        found.append(Example(heading.group(1).lower(), heading.group(2), source, unescape(source)))
    if not any(example.kind == "failing" for example in found):
        raise ValueError(f"{rule.__name__}: no failing example")
    return found
