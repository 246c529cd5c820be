"""The seed corpus: the test data, converted and mutated, generated at run time.

Nothing here is committed in bulk: :func:`write_seeds` builds the seeds from
``tests/data/talk-python/`` and ``tests/data/seeds/`` each time the fuzzer
starts.  A seed is an excerpt of a real file (whole files are 50-120 KB and
would make each run slow) in its own format and converted to the others with
:func:`~sphinxcontrib_transcript.writers.dumps`, plus mutated copies made with
the damage transcripts really suffer: bytes flipped, the end cut off, lines
repeated, a stray ``-->``, re-encoded as cp1252 or UTF-16, CRLF or CR line
ends.  The mutations are plain functions of a :class:`random.Random`, so the
hypothesis tests (``tests/test_fuzz.py``) apply the same damage.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterator
from pathlib import Path

from sphinxcontrib_transcript.readers import loads
from sphinxcontrib_transcript.writers import dumps

DATA = Path(__file__).resolve().parent.parent / "data"
#: The targets' path suffixes, chosen by the first byte of a lint or fix input.
SUFFIXES = (".vtt", ".srt", ".txt", ".json")
#: Largest excerpt, in bytes: big enough for many cues, small enough to run fast.
EXCERPT_BYTES = 6000


def corpus_files() -> list[Path]:
    """Every transcript in the test data (the LICENSE files aside)."""
    return sorted(
        path
        for folder in (DATA / "talk-python", DATA / "seeds")
        for path in folder.iterdir()
        if path.is_file() and path.name != "LICENSE"
    )


def excerpt(data: bytes, start_line: int, size: int = EXCERPT_BYTES) -> bytes:
    """Whole lines of *data* from *start_line* on, at most about *size* bytes.

    A WebVTT excerpt that does not start at the top keeps the ``WEBVTT`` line,
    so that it is still a WebVTT file.
    """
    lines = data.splitlines(keepends=True)
    head: list[bytes] = []
    if start_line and lines and lines[0].lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        head = [lines[0], b"\n"]
    taken: list[bytes] = []
    total = 0
    for line in lines[start_line:]:
        if total + len(line) > size and taken:
            break
        taken.append(line)
        total += len(line)
    return b"".join(head + taken)


def originals(size: int = EXCERPT_BYTES) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of excerpts of every corpus file (its start, middle and end,
    about *size* bytes each), in each format it converts to."""
    for path in corpus_files():
        data = path.read_bytes()
        count = data.count(b"\n")
        for start in sorted({0, count // 2, max(count - 60, 0)}):
            piece = excerpt(data, start, size)
            stem = f"{path.stem}-{start}"
            yield f"{stem}{path.suffix}", piece
            transcript = loads(piece)
            for fmt in ("vtt", "srt", "txt", "json"):
                if fmt != transcript.format:
                    yield f"{stem}.{fmt}", dumps(transcript, fmt).encode("utf-8")
    # Small hand-made files that reach the paths the corpus does not.
    yield "tiny.vtt", (
        b"WEBVTT\n\n1\n00:01.000 --> 00:02.000 align:start\n<v Ann>Hi &amp; <i>bye</i>\n"
    )
    yield "tiny.srt", (
        b"1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hi</i>\r\n\r\n2\r\n00:00:01.5 -> 3\r\n"
    )
    yield "tiny.txt", b"[00:01] Ann: hi\n\n00:00:05 \xe2\x80\xae bye\n"
    yield "tiny.json", (
        b'{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 1, "endTime": 2,'
        b' "body": "Hi"}, {"startTime": "x", "body": 3}]}'
    )
    yield "rolling.vtt", _rolling()
    yield "note.vtt", (
        b"WEBVTT\n\nNOTE transcript-lint: disable=cue-overlap\n\n00:01.000 --> 00:03.000\n"
        b"a\n\n00:02.000 --> 00:04.000\nb\n"
    )


def _rolling() -> bytes:
    """YouTube's rolling captions, as yt-dlp saves them (real word timings)."""
    from ..youtube import rolling_vtt, words

    return rolling_vtt(words()[:24]).encode("utf-8")


# -- mutations --------------------------------------------------------------------


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    """A few bytes replaced by random ones."""
    if not data:
        return bytes([rng.randrange(256)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    """The end cut off, anywhere (in the middle of a character, too)."""
    return data[: rng.randint(0, len(data))]


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    """A run of lines repeated right after itself (a paste done twice)."""
    lines = data.splitlines(keepends=True)
    if not lines:
        return data
    first = rng.randrange(len(lines))
    last = min(len(lines), first + rng.randint(1, 6))
    return b"".join(lines[:last] + lines[first:last] + lines[last:])


def insert_arrow(data: bytes, rng: random.Random) -> bytes:
    """A ``-->`` (with or without spaces or a line break) somewhere."""
    at = rng.randint(0, len(data))
    arrow = rng.choice([b"-->", b" --> ", b"\n-->\n", b"00:00:01.000 -->", b"-->-->"])
    return data[:at] + arrow + data[at:]


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The text saved as cp1252 or UTF-16 (with or without a BOM)."""
    text = data.decode("utf-8", errors="replace")
    codec = rng.choice(["cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
    return text.encode(codec, errors="replace")


def line_endings(data: bytes, rng: random.Random) -> bytes:
    """All line ends made CRLF or CR, or only some of them (mixed)."""
    ending = rng.choice([b"\r\n", b"\r"])
    lines = data.split(b"\n")
    if rng.random() < 0.5:
        return ending.join(lines)
    return b"".join(
        line + (ending if rng.random() < 0.5 else b"\n") for line in lines[:-1]
    ) + lines[-1]


def mojibake(data: bytes, rng: random.Random) -> bytes:
    """UTF-8 read as cp1252 and saved again as UTF-8 (``AlÃ¡n``), in a slice."""
    start = rng.randint(0, len(data))
    end = min(len(data), start + rng.randint(1, 400))
    piece = data[start:end].decode("utf-8", errors="ignore") + "é’"
    damaged = piece.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    return data[:start] + damaged + data[end:]


MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    flip_bytes, truncate, duplicate_lines, insert_arrow, reencode, line_endings, mojibake,
)


def mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """*data* with one to three random mutations applied in turn."""
    for _ in range(rounds if rounds is not None else rng.randint(1, 3)):
        data = rng.choice(MUTATIONS)(data, rng)
    return data


def seeds(
    mutants: int = 4, seed: int = 1, size: int = EXCERPT_BYTES
) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every original excerpt and *mutants* mutated copies of each."""
    rng = random.Random(seed)
    for name, data in originals(size):
        yield name, data
        stem, _, suffix = name.rpartition(".")
        for number in range(mutants):
            yield f"{stem}-m{number}.{suffix}", mutate(data, rng)


# -- files for the fuzzer -----------------------------------------------------------


def suffix_byte(name: str) -> bytes:
    """The first byte of a lint or fix input, which picks the path suffix."""
    return bytes([SUFFIXES.index("." + name.rpartition(".")[2])])


def split_input(data: bytes) -> tuple[str, bytes]:
    """A lint or fix input as ``(path suffix, file content)``."""
    if not data:
        return ".txt", b""
    return SUFFIXES[data[0] % len(SUFFIXES)], data[1:]


#: Tokens of the formats, for libFuzzer's ``-dict`` (it splices them into inputs).
TOKENS: tuple[bytes, ...] = (
    b"WEBVTT", b"WEBVTT - title", b"NOTE", b"NOTE transcript-lint: disable=", b"enable=",
    b"disable-next=", b"disable-file=all", b"STYLE", b"REGION", b"::cue", b"-->", b" --> ",
    b"->", b"00:00:01.000", b"00:01.000", b"99:59:59.999", b"00:00:01,000", b"00:00:01",
    b"[00:00:01]", b"00:61:00", b"1:2:3", b"align:start", b"line:-1", b"position:50%",
    b"size:10%", b"vertical:rl", b"region:r", b"<v Ann>", b"<v.loud Ann>", b"</v>", b"<c.x>",
    b"</c>", b"<i>", b"</i>", b"<b>", b"</b>", b"<u>", b"<ruby>", b"<rt>", b"</rt>",
    b"<lang en>", b"<00:00:02.000>", b"&amp;", b"&lt;", b"&gt;", b"&nbsp;", b"&lrm;",
    b"&#x41;", b"&#65;", b"&", b"<font color=x>", b"{\\an8}", b"Ann: ",
    b'{"version": "1.0.0", "segments": [', b"]}", b'"startTime": ', b'"endTime": ',
    b'"body": ', b'"speaker": ', b"1e308", b"-1", b"NaN", b"\\u0000", b"\\ud800",
    b"<<<<<<< HEAD", b"=======", b">>>>>>> branch", b"\r\n", b"\r", b"\x00",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\xae", b"\xc3\x83\xc2\xa1",
    b"\xef\xbf\xbd", b"\xc2\x85",
)


def write_dictionary(path: Path) -> None:
    """Write :data:`TOKENS` as a libFuzzer dictionary (one quoted token a line)."""
    lines = []
    for token in TOKENS:
        escaped = "".join(
            chr(byte) if 0x20 <= byte < 0x7F and byte not in b'"\\' else f"\\x{byte:02x}"
            for byte in token
        )
        lines.append(f'"{escaped}"')
    path.write_text("\n".join(lines) + "\n", encoding="ascii")


def write_seeds(
    directory: Path,
    target: str,
    mutants: int = 4,
    seed: int = 1,
    *,
    size: int = EXCERPT_BYTES,
    limit: int | None = None,
) -> int:
    """Write the seeds for *target* into *directory*; return how many.

    Reader targets get the files of their format (every file for ``sniff``);
    ``lint`` and ``fix`` get every file, prefixed with the byte that names its
    suffix (see :func:`split_input`).  Files are named by content hash, as
    libFuzzer names the inputs it adds, so rewriting them is idempotent.
    With *limit*, only that many seeds, spread over the whole set (for the
    short pass in the test suite).
    """
    directory.mkdir(parents=True, exist_ok=True)
    chosen = [
        (name, data) for name, data in seeds(mutants, seed, size)
        if target in ("lint", "fix", "sniff", name.rpartition(".")[2])
    ]
    if limit is not None and len(chosen) > limit:
        step = len(chosen) / limit
        chosen = [chosen[int(index * step)] for index in range(limit)]
    count = 0
    for name, data in chosen:
        content = suffix_byte(name) + data if target in ("lint", "fix") else data
        digest = hashlib.sha1(content).hexdigest()
        (directory / digest).write_bytes(content)
        count += 1
    return count
