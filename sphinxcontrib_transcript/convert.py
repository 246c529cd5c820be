"""``transcript-convert``: a transcript from any format the readers know to another.

Usage: ``transcript-convert [options] IN OUT`` (also ``python -m
sphinxcontrib_transcript convert ...``).  ``IN`` is read as its suffix or
content says (or ``--from``), ``OUT`` written as its suffix says (or
``--to``); ``-`` is standard input or output.  Speakers and word timings are
kept where the target can hold them (:mod:`.conversion`), and YouTube's
rolling captions are written with each line once.

The input is linted first, as ``transcript-lint`` would with the
configuration it finds: with a problem at error level, nothing is written and
the problems are printed, unless ``--lenient``.  The output is read back
before it is written; it must hold every word.  An existing ``OUT`` is
replaced only with ``--force``, atomically (a temporary file renamed over it).

Exit status: ``0`` written; ``1`` nothing written (errors in the input, an
existing output without ``--force``, a file that cannot be read or written);
``2`` a usage or configuration error (an unknown format, a missing argument,
a broken ``[tool.transcript-lint]``).

This module never imports Sphinx or docutils.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import __version__

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

    from .model import Transcript

PROG = "transcript-convert"


class _Refused(Exception):
    """Nothing written: one message on stderr, exit status 1."""


class _Usage(Exception):
    """A bad command line: one message on stderr, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Usage(message)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the docs)."""
    from .writers import WRITERS

    targets = ", ".join(WRITERS)
    parser = _Parser(
        prog=PROG,
        description="Convert a transcript to WebVTT, SRT, timestamped text or Podcasting 2.0 "
                    "JSON, keeping speakers and word timings where the target can hold them.",
        epilog="Exit status: 0 written; 1 nothing written (errors in the input, an existing "
               "output without --force, a file that cannot be read or written); 2 usage error.",
    )
    add = parser.add_argument
    add("input", metavar="IN", help="the transcript to read ('-' for standard input)")
    add("output", metavar="OUT", help="the file to write ('-' for standard output)")
    add("--to", metavar="FORMAT",
        help=f"the format to write ({targets}); default: from OUT's suffix")
    add("--from", dest="source", metavar="FORMAT",
        help="the format to read; default: from IN's suffix, else its content")
    add("--encoding", metavar="NAME",
        help="the input's encoding when it has no byte order mark (default: UTF-8, else a "
             "guess)")
    add("--force", action="store_true", help="replace OUT if it exists")
    add("--lenient", action="store_true",
        help="convert even when the input has errors (they are still printed)")
    add("--keep-rolling", action="store_true",
        help="write YouTube's rolling captions as they are, every line repeated")
    add("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``transcript-convert``; return the exit status (never raises, never exits)."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except _Usage as exc:
        sys.stderr.write(f"{PROG}: error: {exc} (see {PROG} --help)\n")
        return 2
    except _Refused as exc:
        sys.stderr.write(f"{PROG}: {exc}\n")
        return 1
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else 0
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted\n")
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        from .lint import ConfigError

        if isinstance(exc, ConfigError):
            sys.stderr.write(f"{PROG}: error: {exc}\n")
            return 2
        sys.stderr.write(
            f"{PROG}: internal error ({type(exc).__name__}: {exc}); this is a bug in "
            "transcript-convert: please report it with the file attached\n"
        )
        return 1


def run() -> NoReturn:
    """The ``transcript-convert`` command: :func:`main`, then exit with its status."""
    sys.exit(main())


def _run(argv: list[str]) -> int:
    from .readers import normalize_format
    from .writers import writer_format

    args = build_parser().parse_args(argv)
    target_name = args.to or _suffix(args.output)
    if not target_name:
        raise _Usage(f"say which format to write with --to ({args.output!r} has no suffix)")
    try:
        target = writer_format(target_name)
        if args.source:
            normalize_format(args.source)
    except ValueError as exc:
        raise _Usage(str(exc)) from None
    if args.output != "-":
        _check_output(args.output, args.force)
    data = _read(args.input)
    name = "<stdin>" if args.input == "-" else args.input
    transcript = _lint(data, name, args)
    text = _converted(transcript, target, args.keep_rolling, name)
    if args.output == "-":
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    else:
        _write(args.output, text.encode("utf-8"), args.force)
    return 0


def _suffix(path: str) -> str:
    return "" if path == "-" else os.path.splitext(path)[1].lower()


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise _Refused(f"{path}: cannot read it ({exc.strerror or exc})") from None


def _lint(data: bytes, name: str, args: argparse.Namespace) -> Transcript:
    """Read the input as ``transcript-lint`` would and report its errors.

    :raises _Refused: when it has errors and ``--lenient`` is not given.
    """
    from .lint import load_config
    from .lint.engine import build_context, lint_context

    config = load_config(None, os.getcwd())
    context = build_context(data, name, args.source, encoding=args.encoding)
    errors = sorted(p for p in lint_context(context, config) if p.level == "error")
    if errors:
        for problem in errors:
            sys.stderr.write(f"{problem}\n")
        if not args.lenient:
            raise _Refused(
                f"{name}: {len(errors)} error(s) in the input, nothing written; fix them "
                "(transcript-lint --fix may) or convert anyway with --lenient"
            )
    transcript = context.transcript
    transcript.cues  # noqa: B018 - made now: the conversion reads them as objects
    return transcript


def _converted(transcript: Transcript, target: str, keep_rolling: bool, name: str) -> str:
    """The output's text, checked by reading it back: every word must still be there."""
    from .conversion import convert, prepare, word_count
    from .readers import READERS

    text = convert(transcript, target, derolled=not keep_rolling)
    expected = word_count(prepare(transcript, target, derolled=not keep_rolling))
    reader = READERS.get(target)  # type: ignore[call-overload]
    if reader is None:  # a format written but not read: nothing to check it with
        return text
    got = word_count(reader(text).cues)
    if got < expected:
        raise _Refused(
            f"{name}: written as {target}, {expected - got} word(s) would not read back (text "
            "that the format reads as markup, such as '<word>' in SRT?); nothing written: "
            "choose another format or edit the text"
        )
    return text


def _check_output(path: str, force: bool) -> None:
    if os.path.islink(path):
        raise _Refused(f"{path}: is a symbolic link; give the file it points to")
    if os.path.isdir(path):
        raise _Refused(f"{path}: is a directory; give a file name")
    if os.path.exists(path) and not force:
        raise _Refused(f"{path}: exists; give --force to replace it")


def _write(path: str, data: bytes, force: bool) -> None:
    """Write *data* to *path* atomically: a temporary file beside it, renamed over it."""
    from .atomic import NoTemporaryFile, replace_atomically

    _check_output(path, force)  # again: it may have appeared while we read
    try:
        replace_atomically(path, data, _mode(path))
    except NoTemporaryFile as exc:
        raise _Refused(f"{path}: cannot write in {exc.filename} ({exc.strerror or exc})") from None
    except OSError as exc:
        raise _Refused(f"{path}: cannot write it ({exc.strerror or exc})") from None


def _mode(path: str) -> int:
    """The permission bits *path* has, or those a new file gets (the umask applied)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
