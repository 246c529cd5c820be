"""The fix loop (bytes before and after, the no-loss guard) and atomic writes."""

from __future__ import annotations

import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import types
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from sphinxcontrib_transcript.lint import (
    Config,
    WriteRefused,
    fix_bytes,
    fix_report,
    fixing,
    resolve,
    write_atomic,
)
from sphinxcontrib_transcript.lint.base import Context, Finding
from sphinxcontrib_transcript.lint.fixing import read_for_fix

from . import _fake_rules

TXT = b"00:00:01 Hello\tworld\n\n00:00:05 SHOUT here\n"


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> dict[str, types.ModuleType]:
    return _fake_rules.install(monkeypatch)


def only(*rule_ids: str) -> Config:
    return resolve({"select": list(rule_ids)}, source=None, root=os.getcwd())


# -- the fix loop ---------------------------------------------------------------


def test_safe_fixes_only_by_default(fake: object) -> None:
    assert fix_bytes(TXT, "a.txt") == b"00:00:01 Hello world\n\n00:00:05 SHOUT here\n"


def test_unsafe_fixes_when_asked(fake: object) -> None:
    result = fix_report(TXT, "a.txt", unsafe=True)
    assert result.data == b"00:00:01 Hello world\n\n00:00:05 shout here\n"
    assert result.applied == ["tab-char", "shout"]
    assert result.rejected == []
    assert result.passes == 2  # the second pass finds nothing left to do


def test_fixing_twice_changes_nothing_the_second_time(fake: object) -> None:
    once = fix_bytes(TXT, "a.txt", unsafe=True)
    result = fix_report(once, "a.txt", unsafe=True)
    assert result.data == once
    assert result.applied == []


def test_nothing_to_fix_returns_the_same_bytes(fake: object) -> None:
    clean = b"00:00:01 Hello world\n"
    result = fix_report(clean, "a.txt", unsafe=True)
    assert result.data is clean
    assert result.applied == []


def test_disabled_rules_are_not_fixed(fake: object) -> None:
    assert fix_bytes(TXT, "a.txt", only("shout"), unsafe=False) == TXT


def test_per_file_ignores_keep_a_rule_from_fixing(fake: object, tmp_path: Path) -> None:
    config = resolve(
        {"per-file-ignores": {"a.txt": ["tab-char"]}}, source=None, root=str(tmp_path)
    )
    assert fix_bytes(TXT, str(tmp_path / "a.txt"), config) == TXT
    assert fix_bytes(TXT, str(tmp_path / "b.txt"), config) != TXT


def test_unsafe_fix_that_drops_a_cue_is_refused(fake: object) -> None:
    data = b"00:00:01 DROP me\n\n00:00:05 last cue\n"
    result = fix_report(data, "a.txt", only("drop-cue"), unsafe=True)
    assert result.data == data
    assert result.rejected == [("drop-cue", "it would drop 1 cue(s) with text")]


def test_safe_fix_that_changes_words_is_refused(fake: object) -> None:
    data = b"00:00:01 DROP me\n\n00:00:05 last cue\n"
    result = fix_report(data, "a.txt", only("safe-liar"))
    assert result.data == data
    assert result.rejected == [
        ("safe-liar",
         "it would change the time or text of the cue at line 1, which a safe fix must not do"),
    ]


def test_refused_fix_does_not_stop_the_others(fake: object) -> None:
    data = b"00:00:01 DROP\tme\n\n00:00:05 last cue\n"
    result = fix_report(data, "a.txt", only("safe-liar", "tab-char"))
    assert result.data == b"00:00:01 DROP me\n\n00:00:05 last cue\n"
    assert [rule for rule, _ in result.rejected] == ["safe-liar"]
    assert result.applied == ["tab-char"]


def test_crashing_fix_is_refused_with_a_reason(
    fake: dict[str, types.ModuleType]
) -> None:
    def explode(ctx: Context) -> bytes:
        raise ValueError("no way")

    fake["tab-char"].fix = explode
    result = fix_report(TXT, "a.txt", only("tab-char"))
    assert result.data == TXT
    assert result.rejected == [(
        "tab-char",
        "the fix crashed (ValueError: no way); this is a bug in transcript-lint: "
        "please report it with the file attached",
    )]


def test_fixes_that_undo_each_other_stop(fake: dict[str, types.ModuleType]) -> None:
    def spaces(ctx: Context) -> Iterator[Finding]:
        if "  " in ctx.text:
            yield Finding(1, ctx.text.index("  ") + 1, "two spaces")

    fake["tab-char"].fix = lambda ctx: ctx.data.replace(b"\t", b"  ")
    fake["two-spaces"] = _fake_rules.make_rule(
        "two-spaces", spaces, fix="safe", fixer=lambda ctx: ctx.data.replace(b"  ", b"\t")
    )
    result = fix_report(b"00:00:01 a\tb\n", "a.txt", only("tab-char", "two-spaces"))
    assert result.passes == 1
    assert result.data == b"00:00:01 a\tb\n"


def test_loop_is_bounded(fake: dict[str, types.ModuleType]) -> None:
    # A fix that always finds more to do (each pass adds a space) stops at MAX_PASSES.
    fake["tab-char"].fix = lambda ctx: ctx.data.replace(b"\t", b" \t")
    result = fix_report(b"00:00:01 a\tb\n", "a.txt", only("tab-char"))
    assert result.passes == fixing.MAX_PASSES
    assert result.data == b"00:00:01 a" + b" " * fixing.MAX_PASSES + b"\tb\n"


# -- real rules: bytes before and after -----------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # trailing blanks go, CRLF endings stay
        (b"00:00:01 Hello  \r\n\r\n00:00:05 Bye\t\r\n", b"00:00:01 Hello\r\n\r\n00:00:05 Bye\r\n"),
        # a missing final newline is added
        (b"00:00:01 Hello\n\n00:00:05 Bye", b"00:00:01 Hello\n\n00:00:05 Bye\n"),
    ],
)
def test_real_safe_fixes(before: bytes, after: bytes) -> None:
    assert fix_bytes(before, "episode.txt", Config.default()) == after
    assert fix_bytes(after, "episode.txt", Config.default()) == after


# -- atomic writes --------------------------------------------------------------


def transcript_file(tmp_path: Path, mode: int = 0o640) -> Path:
    path = tmp_path / "episode.vtt"
    path.write_bytes(b"old")
    path.chmod(mode)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(name for name in os.listdir(directory) if name != "episode.vtt")


def test_write_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    path = transcript_file(tmp_path, 0o640)
    data, state = read_for_fix(str(path))
    inode = path.stat().st_ino
    write_atomic(str(path), b"new", data, state)
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file renamed over the old one
    assert leftovers(tmp_path) == []


def test_crash_between_write_and_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))

    def crash(src: str, dst: str) -> None:
        assert Path(src).read_bytes() == b"new"  # written in full, not yet renamed
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(WriteRefused) as caught:
        write_atomic(str(path), b"new", data, state)
    assert str(caught.value) == (
        "could not write the fixed file (Input/output error); it is unchanged"
    )
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_interrupt_between_write_and_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))

    def interrupt(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(path), b"new", data, state)
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_crash_while_writing_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(WriteRefused, match="No space left on device"):
        write_atomic(str(path), b"new", data, state)
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    # We run as root, who may write anything: the permission bits decide.
    path = transcript_file(tmp_path, 0o444)
    data, state = read_for_fix(str(path))
    with pytest.raises(WriteRefused) as caught:
        write_atomic(str(path), b"new", data, state)
    assert str(caught.value) == "it is read-only; make it writable (chmod u+w) to fix it"
    assert path.read_bytes() == b"old"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_symlink_is_refused_and_stays_a_link(tmp_path: Path) -> None:
    target = transcript_file(tmp_path)
    link = tmp_path / "link.vtt"
    link.symlink_to("episode.vtt")
    data, state = read_for_fix(str(link))
    with pytest.raises(WriteRefused) as caught:
        write_atomic(str(link), b"new", data, state)
    assert str(caught.value) == (
        "it is a symbolic link (to episode.vtt); not replaced by a file: "
        "run the fix on the file it points to"
    )
    assert link.is_symlink()
    assert target.read_bytes() == b"old"


def test_file_changed_during_the_run_is_refused(tmp_path: Path) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))
    path.write_bytes(b"edited meanwhile")
    with pytest.raises(WriteRefused) as caught:
        write_atomic(str(path), b"new", data, state)
    assert str(caught.value) == "it changed on disk while transcript-lint ran; run it again"
    assert path.read_bytes() == b"edited meanwhile"


def test_file_replaced_with_same_size_and_time_is_refused(tmp_path: Path) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))
    before = path.stat()
    path.write_bytes(b"OLD")  # same size...
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # ...and same time
    with pytest.raises(WriteRefused, match="changed on disk"):
        write_atomic(str(path), b"new", data, state)
    assert path.read_bytes() == b"OLD"


def test_file_replaced_by_another_file_is_refused(tmp_path: Path) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))
    other = tmp_path / "other"
    other.write_bytes(b"old")
    os.replace(other, path)  # same content, another inode: someone saved it
    with pytest.raises(WriteRefused, match="changed on disk"):
        write_atomic(str(path), b"new", data, state)
    assert path.read_bytes() == b"old"


def test_hard_linked_file_is_refused(tmp_path: Path) -> None:
    path = transcript_file(tmp_path)
    os.link(path, tmp_path / "twin")
    data, state = read_for_fix(str(path))
    with pytest.raises(WriteRefused, match="2 hard links"):
        write_atomic(str(path), b"new", data, state)
    assert (tmp_path / "twin").read_bytes() == b"old"


def test_not_a_regular_file_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.vtt"
    os.mkfifo(fifo)
    state = fixing.FileState(0, 0, 0, 0)
    with pytest.raises(WriteRefused, match="not a regular file"):
        write_atomic(str(fifo), b"new", b"", state)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_deleted_file_is_refused(tmp_path: Path) -> None:
    path = transcript_file(tmp_path)
    data, state = read_for_fix(str(path))
    path.unlink()
    with pytest.raises(WriteRefused, match="disappeared"):
        write_atomic(str(path), b"new", data, state)
    assert not path.exists()


# -- the real catalog over the corpus -------------------------------------------


def corpus_files() -> list[Path]:
    data = Path(__file__).parent / "data"
    return sorted(
        path for path in [*data.glob("talk-python/*.*"), *data.glob("seeds/*.txt")]
        if path.name != "LICENSE"
    )


def cues(data: bytes, name: str) -> list[tuple[int, int | None, str]]:
    from sphinxcontrib_transcript.lint import build_context

    transcript = build_context(data, name).transcript
    return [(cue.start_ms, cue.end_ms, cue.plain_text) for cue in transcript.cues]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_fixes_lose_nothing_and_settle(path: Path) -> None:
    data = path.read_bytes()
    config = Config.default()
    safe = fix_report(data, path.name, config)
    assert safe.rejected == []
    # A safe fix leaves every cue as it was, in order.
    assert cues(safe.data, path.name) == cues(data, path.name)
    assert fix_bytes(safe.data, path.name, config) == safe.data
    unsafe = fix_report(data, path.name, config, unsafe=True)
    # Unsafe fixes may reorder cues and move times, but keep every cue's text
    # but for the never-shown repeats zero-duration removes.
    removed = [cue.plain_text for cue in unsafe.removed]
    assert sorted(text for *_, text in cues(unsafe.data, path.name)) == sorted(
        (Counter(text for *_, text in cues(data, path.name)) - Counter(removed)).elements()
    )
    assert fix_bytes(unsafe.data, path.name, config, unsafe=True) == unsafe.data


def test_a_refused_fix_is_tried_again_once_other_fixes_change_the_file() -> None:
    # Found by the fuzzer: removing the control character first would make
    # "2" the index of the card below (a safe fix must not change the cards),
    # so it is refused; once missing-blank-line has separated the cards it is
    # safe.  Giving up on it for good left it for a second run to fix.
    data = (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello\n\x0f2\n00:00:02,000 --> 00:00:03,000\nWorld\n"
    )
    result = fix_report(data, "x.srt", Config.default())
    assert result.data == (
        b"1\n00:00:01,000 --> 00:00:02,000\nHello\n2\n\n2\n00:00:02,000 --> 00:00:03,000\nWorld\n"
    )
    assert result.applied == ["missing-blank-line", "srt-index", "control-character"]
    assert result.rejected == []
    assert fix_report(result.data, "x.srt", Config.default()).applied == []


# -- nothing lost: unsafe fixes over the corpus, fuzzed variants ------------------


def words(data: bytes, name: str) -> Counter[str]:
    """Every word of every cue, as a multiset."""
    from sphinxcontrib_transcript.lint import build_context

    found: Counter[str] = Counter()
    for cue in build_context(data, name).transcript.cues:
        found.update(cue.plain_text.split())
    return found


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_unsafe_fixes_keep_every_cue_and_every_word_of_the_corpus(path: Path) -> None:
    data = path.read_bytes()
    result = fix_report(data, path.name, Config.default(), unsafe=True)
    fixed = result.data
    # Only the zero-length cues whose words stand beside them may go.
    assert all(cue.start_ms == cue.end_ms for cue in result.removed)
    assert len(cues(fixed, path.name)) == len(cues(data, path.name)) - len(result.removed)
    gone: Counter[str] = Counter()
    for cue in result.removed:
        gone.update(cue.plain_text.split())
    assert not words(data, path.name) - gone - words(fixed, path.name)


def fuzzed_variants() -> list[tuple[str, bytes]]:
    """300 damaged excerpts of the corpus (fixed seed), as (name, bytes)."""
    from .fuzz.seeds import seeds

    variants = [(name, data) for name, data in seeds(mutants=3, seed=11, size=2000)
                if "-m" in name.rpartition(".")[0]]
    return variants[:300]


def test_fixes_of_three_hundred_fuzzed_variants_lose_nothing() -> None:
    """Safe fixes keep every cue (times and plain text) and settle; unsafe ones keep
    every cue and every word (see tests/fuzz/targets.py for the exact comparison)."""
    from .fuzz import targets
    from .fuzz.seeds import suffix_byte

    variants = fuzzed_variants()
    assert len(variants) == 300
    for name, data in variants:
        try:
            targets.fix(suffix_byte(name) + data)
        except targets.Broken as exc:
            raise AssertionError(f"{name}: {exc}") from None


# -- nothing lost: crashes, and files that cannot be replaced safely ---------------


def test_a_killed_run_leaves_the_original_whole(tmp_path: Path) -> None:
    # A real crash between writing and renaming: the process is killed (SIGKILL,
    # no clean-up possible) right where os.replace would run.
    path = tmp_path / "episode.vtt"
    path.write_bytes(b"old")
    script = (
        "import os, signal, sys\n"
        "from sphinxcontrib_transcript.lint.fixing import read_for_fix, write_atomic\n"
        "os.replace = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)\n"
        "data, state = read_for_fix(sys.argv[1])\n"
        "write_atomic(sys.argv[1], b'new content', data, state)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert done.returncode == -signal.SIGKILL
    assert path.read_bytes() == b"old"
    # What a kill leaves is the complete new file under a hidden temporary name
    # beside the original, which the linter never picks up as a transcript.
    (leftover,) = [name for name in os.listdir(tmp_path) if name != "episode.vtt"]
    assert re.fullmatch(r"\.episode\.vtt\.\w+\.tmp", leftover)
    assert (tmp_path / leftover).read_bytes() == b"new content"
    from sphinxcontrib_transcript.cli import main

    assert main(["--select", "final-newline", str(tmp_path)]) == 0  # only episode.vtt linted


def test_temporary_file_is_created_beside_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename never crosses filesystems: the temporary file is made in the
    file's own directory, even on tmpfs with TMPDIR on another filesystem."""
    shm = Path("/dev/shm")
    directory = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path / "d"
    directory.mkdir(exist_ok=True)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None  # make tempfile read TMPDIR again
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def replace(src: str, dst: str) -> None:
        renames.append((src, dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    try:
        path = directory / "episode.vtt"
        path.write_bytes(b"old")
        data, state = read_for_fix(str(path))
        write_atomic(str(path), b"new", data, state)
        assert path.read_bytes() == b"new"
        [(src, dst)] = renames
        assert os.path.dirname(src) == str(directory) and dst == str(path)
        if shm.is_dir():
            assert os.stat(directory).st_dev != os.stat(tmp_path).st_dev  # really another fs
        assert os.listdir(directory) == ["episode.vtt"]
    finally:
        tempfile.tempdir = None
        shutil.rmtree(directory, ignore_errors=True)
