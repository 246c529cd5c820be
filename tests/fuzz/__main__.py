"""``python -m tests.fuzz``: run the coverage-guided fuzzer for a given time.

::

    python -m tests.fuzz --seconds 600                 # every target, 600 s shared
    python -m tests.fuzz --seconds 300 --target vtt    # one target
    python -m tests.fuzz --seconds 60 --target lint --target fix --seed 7

For each target the seed corpus is generated from ``tests/data`` into
``WORKDIR/TARGET/seeds`` (default ``build/fuzz``); the inputs libFuzzer finds
that reach new code go to ``WORKDIR/TARGET/corpus`` and are kept between runs,
so a second run starts where the first stopped.  A failing input (an
exception, a broken invariant, or too slow for its size) is saved as
``WORKDIR/TARGET/crashes/crash-<sha1>`` with its traceback in ``.log``
beside it, and the fuzzer goes on with the time left (at most
``--max-crashes`` times per target).  Replay one with
``python -m tests.fuzz --replay FILE --target TARGET``.

Exit status: 0 when nothing failed, 1 when something did, 2 for a usage
error or when atheris is missing (``pip install atheris``; it has wheels for
CPython 3.10-3.13 on x86-64 Linux).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

from .seeds import write_dictionary, write_seeds
from .targets import TARGETS

ROOT = Path(__file__).resolve().parent.parent.parent


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fuzz",
        description="Fuzz the transcript readers, the linter and the fixes with atheris.",
    )
    parser.add_argument("--seconds", type=float, default=60.0,
                        help="total fuzzing time, shared between the targets (default 60)")
    parser.add_argument("--target", action="append", choices=TARGETS,
                        help="target to fuzz (repeatable; default: all of them)")
    parser.add_argument("--seed", type=int, default=0,
                        help="libFuzzer's random seed (default 0: a new one each run)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "build" / "fuzz",
                        help="where seeds, the growing corpus and crashes go (default build/fuzz)")
    parser.add_argument("--max-len", type=int, default=16384,
                        help="largest input libFuzzer makes, in bytes (default 16384)")
    parser.add_argument("--mutants", type=int, default=4,
                        help="mutated copies of each seed excerpt (default 4)")
    parser.add_argument("--max-crashes", type=int, default=5,
                        help="stop a target after this many failing inputs (default 5)")
    parser.add_argument("--replay", type=Path, metavar="FILE",
                        help="run one saved input through --target (uninstrumented) and exit")
    return parser


def replay(path: Path, target: str) -> int:
    """Run one input through *target*; print what failed."""
    from .targets import target as checker
    from .targets import timed

    data = path.read_bytes()
    try:
        timed(checker(target))(data)
    except Exception:
        traceback.print_exc()
        return 1
    print(f"{path}: {target}: passes")
    return 0


def fuzz(target: str, seconds: float, args: argparse.Namespace) -> tuple[int, int, float]:
    """Fuzz *target* for *seconds*; return (failing inputs, runs, seconds used)."""
    base = args.workdir / target
    seeds, corpus, crashes = base / "seeds", base / "corpus", base / "crashes"
    for folder in (corpus, crashes):
        folder.mkdir(parents=True, exist_ok=True)
    count = write_seeds(seeds, target, args.mutants)
    dictionary = base / "tokens.dict"
    write_dictionary(dictionary)
    print(f"[{target}] {count} seeds in {seeds}", flush=True)
    failures = runs = 0
    coverage = "?"
    found_before: set[str] = set()
    started = time.monotonic()
    while (left := seconds - (time.monotonic() - started)) >= 1 and failures < args.max_crashes:
        command = [
            sys.executable, "-m", "tests.fuzz.harness", target,
            f"-max_total_time={int(left)}", f"-max_len={args.max_len}",
            f"-artifact_prefix={crashes}{os.sep}", "-timeout=30", "-rss_limit_mb=4096",
            "-print_final_stats=1", f"-dict={dictionary}",
            *([f"-seed={args.seed + failures}"] if args.seed else []),
            str(corpus), str(seeds),
        ]
        process = subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                 errors="replace", check=False)
        log = process.stdout + process.stderr
        found = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
        runs += int(found[-1]) if found else 0
        covered = re.findall(r"\bcov: (\d+) ft: (\d+)", log)
        if covered:
            coverage = f"{covered[-1][0]} edges, {covered[-1][1]} features"
        artifact = re.search(r"Test unit written to (\S+)", log)
        if process.returncode == 0:
            break
        failures += 1
        if artifact is None:
            print(f"[{target}] the fuzzer stopped with status {process.returncode}:\n"
                  f"{log[-3000:]}", flush=True)
            break
        saved = Path(artifact[1])
        saved.with_suffix(".log").write_text(log[-20000:], encoding="utf-8")
        error = re.findall(r"^\w*(?:Error|Broken|TooSlow)\b.*$", log, re.MULTILINE)
        print(f"[{target}] FAILED on {saved} ({error[-1] if error else 'see the .log'})",
              flush=True)
        if saved.name in found_before:
            break  # found again at once: fix it before fuzzing on
        found_before.add(saved.name)
    used = time.monotonic() - started
    print(f"[{target}] {runs} runs in {used:.0f} s, coverage {coverage}, "
          f"{failures} failing input(s)", flush=True)
    return failures, runs, used


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    targets = args.target or list(TARGETS)
    if args.replay is not None:
        if len(targets) != 1:
            print("--replay needs exactly one --target", file=sys.stderr)
            return 2
        return replay(args.replay, targets[0])
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("atheris is not installed: pip install atheris (wheels for CPython 3.10-3.13 "
              "on x86-64 Linux)", file=sys.stderr)
        return 2
    share = args.seconds / len(targets)
    total_failures = 0
    for target in targets:
        failures, _, _ = fuzz(target, share, args)
        total_failures += failures
    return 1 if total_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
