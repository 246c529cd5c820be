"""``python -m tests.benchmarks``: every section, its table of ratios, and the results page.

Sections (``--only`` picks some): ``read`` (our readers against webvtt-py,
pysubs2 and srt), ``formats`` (each newer reader's time per MB against the
WebVTT reader's), ``lint`` (every default rule over the corpus against
webvtt-py merely reading the ``.vtt`` files), ``hook`` (one 100 KB file linted
by a fresh process against ``python -c pass``), ``scaling`` (1, 10 and 100
times an episode, and adversarial inputs), ``real`` (lint time per MB and
memory on 1, 7 and 50 MB of real episodes end to end) and ``sphinx`` (50 pages through the
``transcript`` directive against ``literalinclude``) and ``words`` (a one-hour page with word
timings against ``:words: off``: its size, and the browser's updates during playback).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from . import corpus as corpus_module
from .corpus import Corpus
from .real_content import section_real
from .timing import (
    ChildResult,
    Unavailable,
    best,
    interleaved,
    median,
    run_child,
    timed_call,
)

SECTIONS = ("read", "formats", "lint", "hook", "scaling", "real", "sphinx", "words")
NOTES = Path(__file__).with_name("notes.rst")


@dataclass
class Row:
    """One line of the results table.

    :param ours: our time in seconds (or bytes, for memory rows; see *unit*).
    :param peer: the peer's time, or ``None`` where the row has none.
    :param ratio: the number the target is about.
    :param ratio_text: how to read it, such as ``"12.3x faster"``.
    :param met: whether the target is met (``None`` where the row has no target).
    """

    section: str
    measure: str
    ours: float | None
    peer_name: str = ""
    peer: float | None = None
    ratio: float | None = None
    ratio_text: str = ""
    target: str = ""
    met: bool | None = None
    unit: str = "s"


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(_format_row(row), flush=True)

    def unavailable(self, section: str, reason: str) -> None:
        self.missing.append((section, reason))
        print(f"  {section}: not available yet: {reason}", flush=True)


def _amount(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "B":
        return f"{value / 1e6:.1f} MB"
    if unit == "kB":
        return f"{value / 1e3:.0f} kB"
    if unit == "/s":  # a count per second
        return f"{value:.1f}/s"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def _verdict(met: bool | None) -> str:
    return {True: "met", False: "MISSED", None: ""}[met]


def _format_row(row: Row) -> str:
    text = f"  {row.measure:<46} ours {_amount(row.ours, row.unit):>10}"
    if row.peer_name:
        text += f"  {row.peer_name} {_amount(row.peer, row.unit):>10}"
    if row.ratio_text:
        text += f"  -> {row.ratio_text}"
    if row.target:
        text += f"  (target {row.target}: {_verdict(row.met)})"
    return text


def _megabytes(paths: Iterable[Path]) -> str:
    return f"{sum(path.stat().st_size for path in paths) / 1e6:.1f} MB"


class _EachFile:
    """A contender: *function* over every path.  A peer's failure on a file is counted
    (``failures``, for the last run) rather than stopping the run; ours must not fail
    (``peer=False``), so there an exception propagates and the section reports it."""

    def __init__(
        self, function: Callable[[Path], object], paths: Sequence[Path], peer: bool = True
    ) -> None:
        self.function = function
        self.paths = paths
        self.peer = peer
        self.failures = 0

    def __call__(self) -> int:
        if not self.peer:
            for path in self.paths:
                self.function(path)
            return 0
        failures = 0
        for path in self.paths:
            try:
                self.function(path)
            except Exception:  # a peer rejecting a file is a result, not a crash
                failures += 1
        self.failures = failures
        return failures


def _import(module: str, hint: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise Unavailable(f"cannot import {module} ({exc}); {hint}") from exc


BENCH_HINT = "install the bench extra: pip install -e '.[bench]'"


# -- read ------------------------------------------------------------------------------------


def section_read(corpus: Corpus, repeat: int, results: Results) -> None:
    print(f"read: {len(corpus.vtt)} .vtt files ({_megabytes(corpus.vtt)}), "
          f"{len(corpus.srt)} .srt files ({_megabytes(corpus.srt)}); best of {repeat}")
    try:
        load = _import("sphinxcontrib_transcript", "run from the repository root").load
        load(corpus.vtt[0])
    except Exception as exc:
        results.unavailable("read", f"sphinxcontrib_transcript.load fails: {exc}")
        return
    for kind, paths, peers in (
        ("vtt", corpus.vtt, (("webvtt-py", "webvtt", "read"), ("pysubs2", "pysubs2", "load"))),
        ("srt", corpus.srt, (("srt", "srt", "parse"), ("pysubs2", "pysubs2", "load"))),
    ):
        contenders: dict[str, _EachFile] = {"ours": _EachFile(load, paths, peer=False)}
        for name, module_name, function_name in peers:
            try:
                module = _import(module_name, BENCH_HINT)
            except Unavailable as exc:
                results.unavailable("read", f"{name}: {exc}")
                continue
            function = getattr(module, function_name)
            if module_name == "srt":
                contenders[name] = _EachFile(
                    lambda path, f=function: list(f(path.read_text(encoding="utf-8"))), paths
                )
            else:
                contenders[name] = _EachFile(lambda path, f=function: f(str(path)), paths)
        times, failed = interleaved(dict(contenders), repeat)
        for name, reason in failed.items():
            results.unavailable("read", f"{name} on .{kind}: {reason}")
        if "ours" not in times:
            continue
        ours = best(times["ours"])
        for name in times:
            if name == "ours":
                continue
            peer = best(times[name])
            target = ">= 10x faster" if (kind, name) == ("vtt", "webvtt-py") else ""
            ratio = peer / ours
            rejected = contenders[name].failures
            note = f" ({rejected} files rejected)" if rejected else ""
            results.add(
                Row(
                    "read",
                    f"read all .{kind}: load() vs {name}{note}",
                    ours,
                    name,
                    peer,
                    ratio,
                    f"{ratio:.1f}x faster",
                    target,
                    ratio >= 10 if target else None,
                )
            )


# -- lint ------------------------------------------------------------------------------------


def _lint_main() -> Callable[[Sequence[str]], int]:
    cli = _import("sphinxcontrib_transcript.cli", "the lint CLI is not in this checkout")
    main = getattr(cli, "main", None)
    if main is None:
        raise Unavailable("sphinxcontrib_transcript.cli has no main()")
    return cast("Callable[[Sequence[str]], int]", main)


def _lint_in_process(main: Callable[[Sequence[str]], int], args: Sequence[str]) -> int:
    with (
        open(os.devnull, "w") as null,
        contextlib.redirect_stdout(null),
        contextlib.redirect_stderr(null),
    ):
        try:
            status = main(list(args))
        except SystemExit as exc:
            status = exc.code if isinstance(exc.code, int) else 1
    if status not in (0, 1):
        raise RuntimeError(f"transcript-lint {' '.join(args)} exited {status}")
    return status


def hook_python(scratch: Path) -> str:
    """An interpreter set up as a pre-commit hook's: a fresh virtual environment
    with a plain path to this environment's packages (the dependencies), so that
    both contenders start as they would there.

    This environment may hold an editable install, whose import hook every
    Python start here runs (about 16 ms on the machine this was written on,
    more than linting a file): it would be added to both sides and make the
    ratio look better than a real installation gives.
    """
    import sysconfig
    import venv

    home = scratch / "hook-venv"
    if not home.exists():
        venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(home)
    python = home / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # A .pth line that is a path only adds it to sys.path: the .pth files in that
    # directory (the editable install's) are not run.
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site, "benchmark-dependencies.pth").write_text("\n".join(sorted(paths)) + "\n")
    return str(python)


#: What the ``transcript-lint`` console script pip writes does (it imports re).
_SCRIPT = "import re, sys; from sphinxcontrib_transcript.cli import run; sys.exit(run())"


def _check_child(result: ChildResult, what: str) -> None:
    if result.returncode not in (0, 1) or "Traceback" in result.stderr:
        last = result.stderr.strip().splitlines()[-1:] or [f"exit {result.returncode}"]
        raise Unavailable(f"{what} exited {result.returncode}: {last[0]}")


def section_lint(corpus: Corpus, repeat: int, jobs: int, scratch: Path, results: Results) -> None:
    files = len(corpus.vtt) + len(corpus.txt)
    print(f"lint: {files} files (.vtt and .txt, {_megabytes(corpus.vtt + corpus.txt)}), "
          f"every default rule; best of {repeat}")
    try:
        main = _lint_main()
        _lint_in_process(main, [str(corpus.vtt[0]), "--jobs", "1"])
        webvtt = _import("webvtt", BENCH_HINT)
    except Exception as exc:
        results.unavailable("lint", str(exc))
        return
    root = str(corpus.root)
    # As the hook row: a fresh environment, the console script's imports.
    script = [hook_python(scratch), "-c", _SCRIPT]

    def child(extra: Sequence[str]) -> Callable[[], object]:
        def run() -> object:
            result = run_child([*script, root, *extra], scratch)
            _check_child(result, "transcript-lint")
            return result

        return run

    def webvtt_process() -> object:
        # webvtt-py reading the same files in a fresh process of the same kind:
        # start-up and imports count on both sides.
        code = "import sys, webvtt\nfor path in sys.argv[1:]: webvtt.read(path)"
        result = run_child([script[0], "-c", code, *map(str, corpus.vtt)], scratch)
        _check_child(result, "webvtt-py")
        return result

    contenders: dict[str, Callable[[], object]] = {
        "webvtt-py": _EachFile(lambda path: webvtt.read(str(path)), corpus.vtt),
        "webvtt-py process": webvtt_process,
        "in-process": lambda: _lint_in_process(main, [root, "--jobs", "1"]),
        "process": child(["--jobs", "1"]),
        f"process --jobs {jobs}": child(["--jobs", str(jobs)]),
    }
    times, failed = interleaved(contenders, repeat)
    for name, reason in failed.items():
        results.unavailable("lint", f"{name}: {reason}")
    for name, measure, peer_name, targeted in (
        ("in-process", "lint corpus, in this process (main())", "webvtt-py", True),
        ("process", "lint corpus, fresh process, --jobs 1", "webvtt-py process", True),
        (f"process --jobs {jobs}", f"lint corpus, fresh process, --jobs {jobs}",
         "webvtt-py process", False),
    ):
        if name not in times or peer_name not in times:
            continue
        ours, peer = best(times[name]), best(times[peer_name])
        ratio = ours / peer
        results.add(
            Row(
                "lint",
                measure,
                ours,
                "webvtt-py read" + (", fresh process" if "process" in peer_name else ""),
                peer,
                ratio,
                f"{ratio:.3f}x the time",
                "<= 0.1x" if targeted else "",
                ratio <= 0.1 if targeted else None,
            )
        )


# -- hook ------------------------------------------------------------------------------------


def section_hook(corpus: Corpus, runs: int, scratch: Path, results: Results) -> None:
    episode = corpus_module.typical(corpus.vtt)
    size = episode.stat().st_size
    print(f"hook: transcript-lint on one {size / 1000:.0f} KB file as a fresh process "
          f"({episode.name}), in a fresh virtual environment; median of {runs}")
    python = hook_python(scratch)
    lint = [python, "-c", _SCRIPT, str(episode)]
    bare = [python, "-c", "pass"]
    try:
        _check_child(run_child(lint, scratch), "transcript-lint")
    except Unavailable as exc:
        results.unavailable("hook", str(exc))
        return
    lint_times: list[float] = []
    bare_times: list[float] = []
    for number in range(runs):
        pair = ((lint, lint_times), (bare, bare_times))
        for command, into in pair if number % 2 == 0 else pair[::-1]:
            into.append(run_child(command, scratch).seconds)
    ours, peer = median(lint_times), median(bare_times)
    ratio = ours / peer
    results.add(
        Row(
            "hook",
            f"transcript-lint FILE ({size / 1000:.0f} KB), fresh process",
            ours,
            "python -c pass",
            peer,
            ratio,
            f"{ratio:.2f}x the time",
            "<= 3x",
            ratio <= 3,
        )
    )


# -- scaling ---------------------------------------------------------------------------------

_LOAD_SETUP = "from sphinxcontrib_transcript import load"
_LINT_SETUP = "from sphinxcontrib_transcript.cli import main"


def _inner(command: list[str], scratch: Path, repeat: int, timeout: float) -> ChildResult:
    """Best of *repeat* child runs by their own measured time (start-up not counted)."""
    runs = []
    for _ in range(repeat):
        result = run_child(command, scratch, timeout=timeout)
        _check_child(result, "the measured call")
        if result.inner is None:
            raise Unavailable(f"no time reported: {result.stderr.strip()[-200:]}")
        runs.append(result)
    return min(runs, key=lambda result: result.inner or 0.0)


def section_scaling(corpus: Corpus, repeat: int, scratch: Path, results: Results) -> None:
    episode = corpus_module.typical(corpus.vtt)
    print(f"scaling: {episode.name} ({episode.stat().st_size / 1000:.0f} KB) 1, 10 and 100 "
          f"times in one file; adversarial inputs; best of {repeat}, start-up not counted")
    inputs = scratch / "scaling"
    inputs.mkdir(exist_ok=True)
    scaled: dict[int, Path] = {}
    for times in (1, 10, 100):
        path = inputs / f"x{times}.vtt"
        path.write_text(corpus_module.repeated(episode, times), encoding="utf-8", newline="\n")
        scaled[times] = path
    tiny = inputs / "tiny.vtt"
    tiny.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n", encoding="utf-8")
    for what, setup, statement in (
        ("read", _LOAD_SETUP, "load(sys.argv[1]) and 0"),
        ("lint", _LINT_SETUP, "main(sys.argv[1:])"),
    ):
        command = timed_call(statement, setup)
        try:
            floor = _inner([*command, str(tiny)], scratch, 1, 120)
            measured = {
                times: _inner([*command, str(path)], scratch, repeat, 600)
                for times, path in scaled.items()
            }
        except (Unavailable, TimeoutError) as exc:
            results.unavailable(f"scaling ({what})", str(exc))
            continue
        one = measured[1].inner or 0.0
        for times in (10, 100):
            inner = measured[times].inner or 0.0
            growth = inner / one
            limit = 1.2 * times
            results.add(
                Row(
                    "scaling",
                    f"{what} {times}x episode vs 1x ({scaled[times].stat().st_size / 1e6:.1f} MB)",
                    inner,
                    "1x",
                    one,
                    growth,
                    f"{growth:.1f}x the time for {times}x the input",
                    f"<= {limit:.0f}x",
                    growth <= limit,
                )
            )
        size = scaled[100].stat().st_size
        grown = measured[100].max_rss - floor.max_rss
        # The memory target is the linter's; load() returns a Cue object
        # for every cue, so its row shows what that costs (no target).
        linting = what == "lint"
        results.add(
            Row(
                "scaling",
                f"{what} 100x episode: peak memory over a tiny file's",
                grown,
                "file size",
                size,
                grown / size,
                f"{grown / size:.1f}x the file size "
                f"(peak RSS {measured[100].max_rss / 1e6:.0f} MB, "
                f"floor {floor.max_rss / 1e6:.0f} MB)",
                "< 5x" if linting else "",
                grown / size < 5 if linting else None,
                unit="B",
            )
        )
    for what, setup, statement in (
        ("read", _LOAD_SETUP, "load(sys.argv[1]) and 0"),
        ("lint", _LINT_SETUP, "main(sys.argv[1:])"),
    ):
        command = timed_call(statement, setup)
        small, large = corpus_module.adversarial(1), corpus_module.adversarial(10)
        for number, ((label, suffix, text_small), (_, _, text_large)) in enumerate(
            zip(small, large, strict=True)
        ):
            paths = []
            for scale, text in ((1, text_small), (10, text_large)):
                path = inputs / f"adversarial-{number}-{scale}{suffix}"
                path.write_text(text, encoding="utf-8", newline="\n")
                paths.append(path)
            measure = f"{what} {label} ({suffix}, {paths[1].stat().st_size / 1e6:.1f} MB)"
            try:
                # Cheap and short, so noisy: more runs than the rest.
                low = _inner([*command, str(paths[0])], scratch, max(repeat, 5), 120)
                high = _inner([*command, str(paths[1])], scratch, max(repeat, 5), 120)
            except TimeoutError as exc:
                results.add(Row("scaling", measure, None, ratio_text=str(exc),
                                target="<= 12x", met=False))
                continue
            except Unavailable as exc:
                results.unavailable(f"scaling ({what})", f"{label} {suffix}: {exc}")
                break
            growth = (high.inner or 0.0) / max(low.inner or 0.0, 1e-6)
            results.add(
                Row(
                    "scaling",
                    measure,
                    high.inner,
                    "1/10 size",
                    low.inner,
                    growth,
                    f"{growth:.1f}x the time for 10x the input",
                    "<= 12x",
                    growth <= 12,
                )
            )


# -- sphinx ----------------------------------------------------------------------------------


_RST_SPECIAL = str.maketrans({char: "\\" + char for char in "\\*`|_[]<>:"})


def _paragraphs(episode: Path) -> str:
    """The episode's words as plain reST paragraphs, markup characters escaped."""
    cues = corpus_module.parse_vtt(episode.read_text(encoding="utf-8", errors="replace"))
    paragraphs = []
    for start in range(0, len(cues), 4):
        words = " ".join(" ".join(cue.lines) for cue in cues[start : start + 4]).split()
        if words:
            paragraphs.append("\\" + " ".join(words).translate(_RST_SPECIAL))
    return "\n\n".join(paragraphs) + "\n"


def _sphinx_project(directory: Path, episodes: Sequence[Path], pages: int, kind: str) -> Path:
    """A project of *pages* pages, each one episode: through the ``transcript`` directive,
    through ``literalinclude``, or as plain paragraphs (``kind``)."""
    source = directory / kind
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    extensions = '["sphinxcontrib_transcript"]' if kind == "directive" else "[]"
    (source / "conf.py").write_text(
        f'project = "bench"\nextensions = {extensions}\nhtml_theme = "alabaster"\n',
        encoding="utf-8",
    )
    names = [f"page{number:02d}" for number in range(pages)]
    toctree = "\n".join(f"   {name}" for name in names)
    (source / "index.rst").write_text(
        f"Bench\n=====\n\n.. toctree::\n\n{toctree}\n", encoding="utf-8"
    )
    for number, name in enumerate(names):
        episode = episodes[number % len(episodes)]
        title = f"Episode {number}"
        if kind == "paragraphs":
            body = _paragraphs(episode)
        else:
            shutil.copyfile(episode, source / f"{name}.vtt")
            body = (
                f".. transcript:: {name}.vtt\n   :name: {name}\n"
                if kind == "directive"
                else f".. literalinclude:: {name}.vtt\n   :language: text\n"
            )
        (source / f"{name}.rst").write_text(
            f"{title}\n{'=' * len(title)}\n\n{body}", encoding="utf-8"
        )
    return source


def _build(source: Path, scratch: Path) -> ChildResult:
    output = source.parent / f"{source.name}-html"
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(output)]
    return run_child(command, scratch, timeout=1800)


def section_sphinx(
    corpus: Corpus, pages: int, repeat: int, scratch: Path, results: Results
) -> None:
    print(f"sphinx: {pages} pages, each a full episode, 'sphinx-build -b html -q' in a fresh "
          f"process and output directory; best of {repeat}")
    projects = scratch / "sphinx"
    probe = _sphinx_project(projects / "probe", corpus.vtt, 1, "directive")
    result = _build(probe, scratch)
    lines = [line.strip() for line in result.stderr.splitlines() if line.strip()]
    problem = next(
        (
            line
            for line in lines
            if "Unknown directive type" in line or "Could not import extension" in line
        ),
        None,
    )
    if result.returncode != 0 or problem:
        last = lines[-1] if lines else "no message"
        results.unavailable(
            "sphinx", problem or f"sphinx-build exited {result.returncode}: {last}"
        )
        return
    kinds = ("directive", "literalinclude", "paragraphs")
    sources = {kind: _sphinx_project(projects, corpus.vtt, pages, kind) for kind in kinds}
    builds: dict[str, list[ChildResult]] = {kind: [] for kind in kinds}
    for number in range(repeat):
        for kind in kinds if number % 2 == 0 else kinds[::-1]:
            builds[kind].append(_build(sources[kind], scratch))
    failed = [b for runs in builds.values() for b in runs if b.returncode != 0]
    if failed:
        results.unavailable("sphinx", f"a build failed: {failed[0].stderr[-300:]}")
        return
    fastest = {kind: min(b.seconds for b in runs) for kind, runs in builds.items()}
    peer = fastest["literalinclude"]
    warnings = sum(1 for line in builds["directive"][0].stderr.splitlines() if "WARNING" in line)
    note = f" ({warnings} lint warnings)" if warnings else ""
    for kind, measure, targeted in (
        ("directive", f"{pages} pages: transcript directive{note}", True),
        ("paragraphs", f"{pages} pages: the same words as plain paragraphs", False),
    ):
        ratio = fastest[kind] / peer
        results.add(
            Row(
                "sphinx",
                measure,
                fastest[kind],
                "literalinclude",
                peer,
                ratio,
                f"{ratio:.2f}x the time",
                "<= 1.5x" if targeted else "",
                ratio <= 1.5 if targeted else None,
            )
        )


# -- machine and page ------------------------------------------------------------------------


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine() -> list[tuple[str, str]]:
    model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    try:
        ours = str(importlib.import_module("sphinxcontrib_transcript").__version__)
    except Exception as exc:  # the page still gets written
        ours = f"cannot import: {exc}"
    return [
        ("CPU", model),
        ("CPUs usable (nproc)", str(usable)),
        ("load average at start (1, 5, 15 min)", load),
        ("system", f"{platform.system()} {platform.release()} {platform.machine()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("sphinxcontrib-transcript", ours),
        ("webvtt-py", _version("webvtt-py")),
        ("pysubs2", _version("pysubs2")),
        ("srt", _version("srt")),
        ("Sphinx", _version("sphinx")),
    ]


def _cell(text: str) -> str:
    return text.replace("\n", " ").replace("*", "\\*") or " "


def _cells(row: Row) -> tuple[str, ...]:
    against = f"{row.peer_name}: {_amount(row.peer, row.unit)}" if row.peer_name else ""
    target = f"{row.target}: {_verdict(row.met)}" if row.target else ""
    return tuple(
        _cell(text)
        for text in (
            row.section,
            row.measure,
            _amount(row.ours, row.unit),
            against,
            row.ratio_text,
            target,
        )
    )


def write_page(
    path: Path,
    *,
    results: Results,
    info: list[tuple[str, str]],
    corpus_text: str,
    command: str,
    repeat: int,
) -> None:
    """Write the results page (reST) of the documentation."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "Benchmarks",
        "==========",
        "",
        f"Measured on {now} by::",
        "",
        f"    {command}",
        "",
        "Each comparison runs its contenders in one loop, alternating their order, and keeps",
        f"the best of {repeat} runs (process start-up is compared by the median of its runs):",
        "the machines are shared, and a ratio measured side by side means more than a time.",
        "Regenerate this page with the same command.",
        "",
        "Machine",
        "-------",
        "",
        ".. list-table::",
        "",
    ]
    for key, value in info:
        lines += [f"   * - {key}", f"     - {_cell(value)}"]
    lines += ["", "Corpus", "------", "", corpus_text, ""]
    lines += ["Results", "-------", ""]
    if results.rows:
        lines += [".. list-table::", "   :header-rows: 1", ""]
        header = ("Section", "Measure", "Ours", "Against", "Ratio", "Target")
        for row_cells in [header, *(_cells(row) for row in results.rows)]:
            lines += [f"   * - {row_cells[0]}", *(f"     - {cell}" for cell in row_cells[1:])]
    else:
        lines += ["No section could run."]
    if results.missing:
        lines += ["", "Not measured", "------------", ""]
        for section, reason in results.missing:
            lines += [f"* ``{section}``: not available yet: {_cell(reason)}"]
    if NOTES.exists():
        lines += ["", NOTES.read_text(encoding="utf-8").rstrip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- command line ----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description="Benchmark sphinxcontrib-transcript against its peers; prints ratios.",
    )
    parser.add_argument("--corpus", type=Path, help="a directory of .vtt and .txt transcripts "
                        "(default: generate one from tests/data/talk-python)")
    parser.add_argument("--size", type=int, default=100,
                        help="episodes to generate (default 100; talk-python has 509)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpus")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"sections to run, comma-separated (default {','.join(SECTIONS)})")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each contender; the best counts (default 3)")
    parser.add_argument("--hook-runs", type=int, default=20,
                        help="fresh processes per contender for hook latency (default 20)")
    parser.add_argument("--jobs", type=int, default=2, help="--jobs for the parallel lint row")
    parser.add_argument("--pages", type=int, default=50, help="pages of the Sphinx project")
    parser.add_argument("--output", type=Path,
                        help="write the results page here (docs/benchmarks.rst)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated files and print where they are")
    args = parser.parse_args(argv)
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = sorted(set(only) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    args.only = only
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"--corpus {args.corpus}: not a directory")
    if args.size < 1 or args.repeat < 1 or args.hook_runs < 1 or args.pages < 1:
        parser.error("--size, --repeat, --hook-runs and --pages must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="transcript-bench-"))
    results = Results()
    try:
        if args.corpus is None:
            corpus = corpus_module.generate(scratch / "corpus", args.size, args.seed)
            corpus_text = (
                f"Generated from ``tests/data/talk-python`` (seed {args.seed}): "
                f"{args.size} episodes, each a ``.vtt`` and a ``.txt`` "
                f"({_megabytes(corpus.vtt)} and {_megabytes(corpus.txt)}), "
                f"and the ``.srt`` version of each ``.vtt`` ({_megabytes(corpus.srt)})."
            )
        else:
            corpus = corpus_module.given(args.corpus.resolve(), scratch)
            corpus_text = (
                f"``{args.corpus}``: {len(corpus.vtt)} ``.vtt`` ({_megabytes(corpus.vtt)}) "
                f"and {len(corpus.txt)} ``.txt`` files ({_megabytes(corpus.txt)}); the "
                f"``.srt`` versions of the ``.vtt`` files ({_megabytes(corpus.srt)})."
            )
        if not corpus.vtt:
            print(f"no .vtt files in {corpus.root}", file=sys.stderr)
            return 2
        info = machine()
        for key, value in info:
            print(f"{key}: {value}")
        print(corpus_text.replace("``", ""))
        print("Note: on a shared machine, compare the ratios, not the times.\n")
        for section in args.only:
            try:
                if section == "read":
                    section_read(corpus, args.repeat, results)
                elif section == "formats":
                    from .formats import section_formats

                    section_formats(corpus, args.repeat, scratch, results)
                elif section == "lint":
                    section_lint(corpus, args.repeat, args.jobs, scratch, results)
                elif section == "hook":
                    section_hook(corpus, args.hook_runs, scratch, results)
                elif section == "scaling":
                    section_scaling(corpus, args.repeat, scratch, results)
                elif section == "real":
                    section_real(args.repeat, scratch, results)
                elif section == "words":
                    from .words import section_words

                    section_words(scratch, results)
                else:
                    section_sphinx(corpus, args.pages, args.repeat, scratch, results)
            except Unavailable as exc:
                results.unavailable(section, str(exc))
            except Exception as exc:  # one broken section must not lose the others' results
                results.unavailable(section, f"failed: {type(exc).__name__}: {exc}")
            print()
        if args.output is not None:
            command = " ".join(["python -m tests.benchmarks", *(argv or sys.argv[1:])])
            write_page(
                args.output,
                results=results,
                info=info,
                corpus_text=corpus_text,
                command=command,
                repeat=args.repeat,
            )
            print(f"wrote {args.output}")
    finally:
        if args.keep:
            print(f"kept the generated files in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    missed = [row for row in results.rows if row.met is False]
    return 1 if missed else 0
