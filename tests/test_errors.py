"""Clear errors, nothing lost: bad inputs and bad options, with the real rules.

Issue 7, part 5.  Every message names the file, the line where it applies,
what is wrong and what to do; no traceback reaches a user for any input or
option; the exit status says what happened (0 clean, 1 problems, 2 a usage
or configuration error).  ``tests/test_cli.py`` checks the same paths with a
fake rule catalog and exact output; here the real catalog runs, in-process
through :func:`main` and once as a real process, and the same kinds of
mistakes go through the Sphinx extension.

We run as root, so files cannot be made unreadable with ``chmod``; a dangling
symbolic link and a FIFO stand in for unreadable files.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinxcontrib_transcript.cli import main

PROG = "transcript-lint"
TEXT_LINE = re.compile(r"(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>error|warning) "
                       r"\[(?P<rule>[a-z0-9-]+)\] (?P<message>.+)")
VTT_OVERLAP = b"WEBVTT\n\n00:01.000 --> 00:04.000\nOne. \n\n00:03.000 --> 00:05.000\nTwo.\n"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def problems(out: str) -> list[dict[str, str]]:
    """Every output line, parsed; each must have the text format."""
    found = []
    for line in out.splitlines():
        match = TEXT_LINE.fullmatch(line)
        assert match, f"not path:line:col: level [rule] message: {line!r}"
        found.append(match.groupdict())
    return found


# -- bad inputs -------------------------------------------------------------------


def write(name: str, data: bytes) -> str:
    Path(name).write_bytes(data)
    return name


def png(name: str) -> str:
    return write(name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)


def utf16_without_bom(name: str) -> str:
    return write(name, "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".encode("utf-16-le"))


def cp1252(name: str) -> str:
    return write(name, "00:00:01 Café crème brûlée, señor.\n".encode("cp1252"))


def dangling(name: str) -> str:
    os.symlink("nowhere.vtt", name)
    return name


def fifo(name: str) -> str:
    os.mkfifo(name)
    return name


def huge_line(name: str) -> str:
    return write(name, b"a" * 5_000_000)


def every_line_bad(name: str) -> str:
    return write(name, b"WEBVTT\n\n" + b"00:61.000 --> soon\nx\n\n" * 2000)


#: id, make the file (returns the path), status, [(line, col, rule, advice), ...].
BAD_INPUTS: list[tuple[str, Callable[[str], str], str, int, list[tuple[int, int, str, str]]]] = [
    ("empty WebVTT", lambda name: write(name, b""), "empty.vtt", 1, [
        (1, 1, "no-cues", "a player would show nothing"),
        (1, 1, "vtt-signature", "a WebVTT file starts with a line WEBVTT"),
    ]),
    ("empty SRT", lambda name: write(name, b""), "empty.srt", 1, [
        (1, 1, "no-cues", "a player would show nothing"),
    ]),
    ("binary", png, "movie.vtt", 1, [
        (1, 1, "io-error", "if it is UTF-16 without a byte order mark, re-save it as UTF-8"),
    ]),
    ("UTF-16 without BOM", utf16_without_bom, "u16.vtt", 1, [
        (1, 1, "io-error", "re-save it as UTF-8"),
    ]),
    ("cp1252", cp1252, "ep.txt", 1, [
        (1, 13, "invalid-utf8",
         "it looks like cp1252; re-save it as UTF-8 (transcript-lint --unsafe-fixes transcodes "
         "it)"),
    ]),
    ("dangling symlink", dangling, "gone.vtt", 1, [
        (1, 1, "io-error", "it is a symbolic link to 'nowhere.vtt', which does not exist"),
    ]),
    ("FIFO", fifo, "pipe.srt", 1, [
        (1, 1, "io-error", "not a regular file (a FIFO, socket or device); not read"),
    ]),
    ("5 MB line", huge_line, "huge.srt", 1, [
        (1, 1, "no-cues", "a player would show nothing"),
        (1, 1, "untimed-line", "was not read (give it an index and a timing line)"),
        (1, 5_000_001, "final-newline", "add one"),
    ]),
    ("invalid JSON", lambda name: write(
        name, b'{"version": "1.0.0", "segments": [\n {"startTime": 1, "body": "x"},\n ]}\n'),
     "bad.json", 1, [
        (1, 1, "no-cues", "a player would show nothing"),
        (3, 2, "json-schema", 'a Podcasting 2.0 transcript is {"version": "1.0.0"'),
    ]),
]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_a_located_problem_with_advice(
    here: Path, capsys: pytest.CaptureFixture[str], case
) -> None:
    _, make, name, status, expected = case
    path = make(name)
    found_status, out, err = run(capsys, path)
    assert found_status == status
    found = problems(out)
    assert [(int(p["line"]), int(p["col"]), p["rule"]) for p in found] == [
        (line, col, rule) for line, col, rule, _ in expected
    ]
    for problem, (_, _, _, advice) in zip(found, expected, strict=True):
        assert problem["path"] == name
        assert advice in problem["message"], problem["message"]
    assert err.endswith("in 1 file\n") or " in 1 file; " in err


def test_every_problem_of_a_file_full_of_mistakes_is_located(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every_line_bad("bad.vtt")
    status, out, _ = run(capsys, "bad.vtt")
    found = problems(out)
    assert status == 1
    timing = [p for p in found if p["rule"] == "bad-timestamp"]
    assert len(timing) == 2000
    assert {int(p["line"]) for p in timing} == set(range(3, 3 + 3 * 2000, 3))
    assert all("write HH:MM:SS.mmm --> HH:MM:SS.mmm" in p["message"] for p in timing)


def test_missing_path_is_a_usage_error(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "missing.vtt") == (
        2, "", f"{PROG}: error: missing.vtt: no such file or directory\n"
    )


def test_directory_without_transcripts_is_a_warning(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("notes").mkdir()
    Path("notes/readme.md").write_text("# hi\n")
    assert run(capsys, "notes") == (
        0, "", f"{PROG}: warning: no transcript files found in notes\n"
    )


# -- --fix: refused writes leave the file as it was --------------------------------


def refused(capsys: pytest.CaptureFixture[str], path: str, reason: str) -> None:
    status, out, _ = run(capsys, "--fix", path)
    assert status == 1
    first = problems(out)[0]
    assert (first["path"], first["line"], first["rule"]) == (path, "1", "io-error")
    assert first["message"] == f"not fixed: {reason}"


def test_fix_refuses_a_read_only_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    Path("ep.vtt").chmod(0o444)
    refused(capsys, "ep.vtt", "it is read-only; make it writable (chmod u+w) to fix it")
    assert Path("ep.vtt").read_bytes() == VTT_OVERLAP


def test_fix_refuses_a_hard_linked_file(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    os.link("ep.vtt", "twin.vtt")
    refused(capsys, "ep.vtt",
            "it has 2 hard links, which replacing it would split; fix a copy by hand")
    assert Path("ep.vtt").read_bytes() == Path("twin.vtt").read_bytes() == VTT_OVERLAP
    assert Path("ep.vtt").stat().st_ino == Path("twin.vtt").stat().st_ino


def test_fix_refuses_a_symlink(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("real.vtt").write_bytes(VTT_OVERLAP)
    Path("link.vtt").symlink_to("real.vtt")
    refused(capsys, "link.vtt", "it is a symbolic link (to real.vtt); not replaced by a file: "
            "run the fix on the file it points to")
    assert Path("link.vtt").is_symlink()
    assert Path("real.vtt").read_bytes() == VTT_OVERLAP


def test_fix_refuses_a_file_replaced_during_the_run(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from sphinxcontrib_transcript.lint import fixing

    real = fixing.fix_report
    saved_meanwhile = b"WEBVTT\n\n00:01.000 --> 00:02.000\nSaved in an editor meanwhile.\n"

    def editor_saves_meanwhile(*args, **kwargs):
        result = real(*args, **kwargs)
        Path("ep.vtt").write_bytes(saved_meanwhile)
        return result

    monkeypatch.setattr(fixing, "fix_report", editor_saves_meanwhile)
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    refused(capsys, "ep.vtt", "it changed on disk while transcript-lint ran; run it again")
    assert Path("ep.vtt").read_bytes() == saved_meanwhile


def test_fix_on_another_filesystem_works_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    """A file on tmpfs (/dev/shm) is fixed there: the temporary file is made beside it."""
    shm = Path("/dev/shm")
    if not shm.is_dir():
        pytest.skip("no /dev/shm on this system")
    directory = shm / f"transcript-errors-{os.getpid()}"
    directory.mkdir()
    try:
        path = directory / "ep.vtt"
        path.write_bytes(b"WEBVTT\n\n00:01.000 --> 00:02.000\nTrailing. \n")
        status, _, err = run(capsys, "--fix", str(path))
        assert status == 0
        assert err == f"{path}: fixed (trailing-whitespace)\n"
        assert path.read_bytes() == b"WEBVTT\n\n00:01.000 --> 00:02.000\nTrailing.\n"
        assert sorted(os.listdir(directory)) == ["ep.vtt"]
    finally:
        for name in os.listdir(directory):
            (directory / name).unlink()
        directory.rmdir()


# -- bad options and configuration --------------------------------------------------


CONFIGS = {
    "invalid.toml": b"select = [cue-order\n",
    "latin1.toml": "# café\n".encode("latin-1"),
    "types.toml": b'[rules.line-too-long]\nmax = "ten"\n',
    "level.toml": b'[rules.cue-overlap]\nlevel = "fatal"\n',
    "enabled.toml": b'[rules.cue-overlap]\nenabled = "yes"\n',
    "key.toml": b'selekt = ["cue-order"]\n',
    "option.toml": b"[rules.cue-overlap]\ntolerance = 5\n",
    "rule.toml": b'ignore = ["cue-ordr"]\n',
    "pfi.toml": b'per-file-ignores = ["a"]\n',
}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--select", "bogus", "ep.vtt"],
         "--select: unknown rule 'bogus'; `transcript-lint --list-rules` lists them"),
        (["--select", "cue-ordr", "ep.vtt"],
         "--select: unknown rule 'cue-ordr' (did you mean 'cue-order'?); "
         "`transcript-lint --list-rules` lists them"),
        (["--ignore", "nope", "ep.vtt"],
         "--ignore: unknown rule 'nope'; `transcript-lint --list-rules` lists them"),
        (["--format", "xml", "ep.vtt"],
         "argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'github', "
         "'sarif', 'junit') "
         "(see transcript-lint --help)"),
        (["--preset", "loose", "ep.vtt"],
         "--preset: unknown preset 'loose'; presets: netflix, podcast, subtitle-edit"),
        (["--jobs", "-1", "ep.vtt"],
         "--jobs must be 0 (one per CPU) or more, not -1 (see transcript-lint --help)"),
        (["--jobs", "many", "ep.vtt"],
         "argument --jobs/-j: invalid int value: 'many' (see transcript-lint --help)"),
        (["--explain", "cue-ordr"],
         "--explain: unknown rule 'cue-ordr' (did you mean 'cue-order'?); "
         "`transcript-lint --list-rules` lists them"),
        (["--explain"], "argument --explain: expected one argument (see transcript-lint --help)"),
        (["--bogus"], "unrecognized arguments: --bogus (see transcript-lint --help)"),
        (["--config", "nope.toml", "ep.vtt"],
         "{cwd}/nope.toml: config file not found; check the --config path"),
        (["--config", "sub", "ep.vtt"],
         "{cwd}/sub: cannot read config file: Is a directory; give the path of a readable "
         "TOML file"),
        (["--config", "invalid.toml", "ep.vtt"],
         "{cwd}/invalid.toml: invalid TOML: Invalid value (at line 1, column 11); fix the syntax"),
        (["--config", "latin1.toml", "ep.vtt"],
         "{cwd}/latin1.toml: not UTF-8 (byte 0xe9 at byte offset 5); a TOML file must be "
         "UTF-8: re-save it as UTF-8"),
        (["--config", "types.toml", "ep.vtt"],
         "{cwd}/types.toml: rules.line-too-long: max must be an integer, not a string ('ten')"),
        (["--config", "level.toml", "ep.vtt"],
         "{cwd}/level.toml: rules.cue-overlap: level must be 'error' or 'warning', not 'fatal'"),
        (["--config", "enabled.toml", "ep.vtt"],
         "{cwd}/enabled.toml: rules.cue-overlap: enabled must be true or false, "
         "not a string ('yes')"),
        (["--config", "pfi.toml", "ep.vtt"],
         "{cwd}/pfi.toml: per-file-ignores must be a table of glob = [rule IDs], not an array"),
    ],
)
def test_bad_option_is_one_line_and_exit_2(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    Path("sub").mkdir()
    for name, content in CONFIGS.items():
        Path(name).write_bytes(content)
    assert run(capsys, *argv) == (2, "", f"{PROG}: error: {message.format(cwd=here)}\n")
    assert Path("ep.vtt").read_bytes() == VTT_OVERLAP


@pytest.mark.parametrize("name", ["key.toml", "option.toml", "rule.toml"])
def test_unknown_names_in_a_config_file_are_named_with_the_file(
    here: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    Path(name).write_bytes(CONFIGS[name])
    status, out, err = run(capsys, "--config", name, "ep.vtt")
    assert (status, out) == (2, "")
    assert err.startswith(f"{PROG}: error: {here / name}: ")
    assert err.count("\n") == 1
    wrong = {"key.toml": "selekt", "option.toml": "tolerance", "rule.toml": "cue-ordr"}[name]
    assert repr(wrong) in err


def test_a_bad_pyproject_found_by_searching_is_named(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("pyproject.toml").write_text('[tool.transcript-lint]\nselect = ["nope"]\n')
    Path("ep.vtt").write_bytes(VTT_OVERLAP)
    status, out, err = run(capsys, "ep.vtt")
    assert (status, out) == (2, "")
    assert err.startswith(f"{PROG}: error: {here / 'pyproject.toml'}: ")
    assert "unknown rule 'nope'" in err


# -- as a real process: nothing but messages on stderr ---------------------------------


def test_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    os.chdir(tmp_path)
    try:
        png("movie.vtt")
        cp1252("ep.txt")
        dangling("gone.vtt")
        Path("empty.vtt").write_bytes(b"")
        Path("bad.toml").write_bytes(b"[rules\n")
        command = [sys.executable, "-m", "sphinxcontrib_transcript"]
        lint = subprocess.run([*command, "."], capture_output=True, text=True, check=False)
        assert lint.returncode == 1
        assert "Traceback" not in lint.stderr + lint.stdout
        assert sorted({p["path"] for p in problems(lint.stdout)}) == [
            "empty.vtt", "ep.txt", "gone.vtt", "movie.vtt",
        ]
        # io-error twice, invalid-utf8, no-cues and vtt-signature for the empty file.
        assert lint.stderr == (
            "5 problems (5 errors, 0 warnings) in 4 files; 1 with --unsafe-fixes\n"
        )
        config = subprocess.run([*command, "--config", "bad.toml", "."],
                                capture_output=True, text=True, check=False)
        assert config.returncode == 2
        assert config.stdout == ""
        assert re.fullmatch(r"transcript-lint: error: \S+bad\.toml: invalid TOML: .*; fix the "
                            r"syntax\n", config.stderr)
    finally:
        os.chdir(Path(__file__).parent)


# -- the Sphinx extension --------------------------------------------------------------


def build(tmp_path: Path, index: str, files: dict[str, bytes]):
    """Build a one-page project; returns (app, warnings as (location, message, type))."""

    from .sphinx_util import build_once, warnings

    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_transcript"]\n')
    (srcdir / "index.rst").write_text("Page\n====\n\n" + index)
    for name, data in files.items():
        (srcdir / name).write_bytes(data)
    app = build_once(srcdir, freshenv=True)
    found = []
    for line in warnings(app).splitlines():
        match = re.fullmatch(r"(\S+?):(\d+): WARNING: (.*) \[(transcript\.[a-z0-9-]+)\]", line)
        assert match, line
        found.append((f"{Path(match[1]).name}:{match[2]}", match[3], match[4]))
    return app, found


CLEAN = b"WEBVTT\n\n00:01.000 --> 00:02.000\nLast words.\n"


@pytest.mark.parametrize(
    ("option", "kind", "says", "advice"),
    [
        (":format: application/pdf", "directive", "unknown transcript format 'application/pdf'",
         "use one of vtt, srt, txt, json, md, whisper, sbv, ttml, html"),
        (":start: soon", "directive", "'soon' is not a time", "write HH:MM:SS, MM:SS"),
        (":end: 1:2:3:4", "directive", "'1:2:3:4' is not a time", "write HH:MM:SS, MM:SS"),
        (":speakers: SPEAKER_00 Ann", "directive",
         "cannot understand 'SPEAKER_00 Ann' in speakers", "write ID=Name pairs"),
        (":merge: sentences", "directive", "cannot understand 'sentences' in merge",
         "write 'none', or 'speaker'"),
        (":encoding: klingon", "directive", "unknown encoding 'klingon'",
         "name one Python knows"),
        (":timestamps: sometimes", "directive", "'sometimes' is not a :timestamps: choice",
         "write one of show, all, hide"),
        (":language: en_US!", "directive", "'en_US!' is not a language tag",
         "write one such as 'en'"),
    ],
)
def test_a_bad_directive_option_is_one_warning_and_the_build_goes_on(
    tmp_path: Path, option: str, kind: str, says: str, advice: str
) -> None:
    index = f".. transcript:: talk.vtt\n   {option}\n\n.. transcript:: talk.vtt\n   :name: b\n"
    app, found = build(tmp_path, index, {"talk.vtt": CLEAN})
    assert app.statuscode == 0
    assert len(found) == 1, found
    where, message, found_kind = found[0]
    assert (where, found_kind) == ("index.rst:4", f"transcript.{kind}")
    assert message.startswith(says) and advice in message, message
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert html.count("Last words.") == 1  # the second transcript renders


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({}, ("index.rst:4", "directive", "cannot read transcript 'talk.vtt' (No such file",
              "check the path")),
        ({"talk.vtt": b"WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xe9 cr\xe8me\n"},
         ("talk.vtt:4", "invalid-utf8", "not valid utf-8 (byte e9 at byte offset 35)",
          "re-save it as UTF-8")),
        ({"talk.vtt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
         ("index.rst:4", "directive", "transcript 'talk.vtt' is binary content, not text",
          "give the path of a transcript file")),
        ({"talk.vtt": "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n".encode("utf-16-le")},
         ("index.rst:4", "directive", "transcript 'talk.vtt' is binary content, not text",
          "one in UTF-16 needs a byte order mark")),
    ],
    ids=["missing", "undecodable", "binary", "utf-16 without BOM"],
)
def test_an_unreadable_transcript_is_one_warning_and_the_build_goes_on(
    tmp_path: Path, files: dict[str, bytes], expected: tuple[str, str, str, str]
) -> None:
    where, kind, says, advice = expected
    index = ".. transcript:: talk.vtt\n\n.. transcript:: clean.vtt\n   :name: clean\n"
    app, found = build(tmp_path, index, {**files, "clean.vtt": CLEAN})
    assert app.statuscode == 0
    assert len(found) == 1, found
    assert found[0][0] == where and found[0][2] == f"transcript.{kind}"
    assert found[0][1].removeprefix("error: ").startswith(says), found[0][1]
    assert advice in found[0][1]
    assert "Last words." in (app.outdir / "index.html").read_text(encoding="utf-8")


def test_the_same_file_read_with_another_encoding_reports_its_own_problems(
    tmp_path: Path,
) -> None:
    index = ".. transcript:: talk.vtt\n\n.. transcript:: talk.vtt\n   :name: forced\n" \
        "   :encoding: utf-8\n"
    _, found = build(tmp_path, index, {
        "talk.vtt": b"WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xe9 cr\xe8me\n",
    })
    assert [(where, kind) for where, _, kind in found] == [
        ("talk.vtt:4", "transcript.invalid-utf8"), ("talk.vtt:4", "transcript.invalid-utf8"),
    ]
    assert "it looks like cp1252" in found[0][1]
    assert "the undecodable bytes were read as U+FFFD" in found[1][1]
