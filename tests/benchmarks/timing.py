"""Measuring: contenders interleaved in one run, and child processes with their own peak memory.

These machines are shared, so a number alone means little: every comparison
runs its contenders in the same loop, alternating their order, and keeps the
best (least disturbed) time of each; process start-up is compared by median.
"""

from __future__ import annotations

import gc
import os
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

#: Marker the child scripts print on stderr: elapsed seconds, peak memory, exit status.
_MARK = "BENCH-ELAPSED"


class Unavailable(Exception):
    """A piece of the project or a peer is missing: the section says so and moves on."""


def interleaved(
    contenders: dict[str, Callable[[], object]], repeat: int
) -> tuple[dict[str, list[float]], dict[str, str]]:
    """Time each contender *repeat* times, in alternating order, after one warm-up run.

    :returns: the times of each contender that ran, and for each one that
        failed in its warm-up run, why (it is left out of the timing).
    """
    failed: dict[str, str] = {}
    for name, run in contenders.items():
        try:
            run()
        except Exception as exc:  # report and go on: one broken contender spoils nothing
            failed[name] = f"{type(exc).__name__}: {exc}"
    names = [name for name in contenders if name not in failed]
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(repeat):
        for name in names if round_number % 2 == 0 else names[::-1]:
            gc.collect()
            start = time.perf_counter()
            contenders[name]()
            times[name].append(time.perf_counter() - start)
    return times, failed


def best(times: Sequence[float]) -> float:
    return min(times)


def median(times: Sequence[float]) -> float:
    return statistics.median(times)


def child_env() -> dict[str, str]:
    """The environment for child processes: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class ChildResult:
    """One child process: wall time, peak resident memory and how it ended."""

    seconds: float
    max_rss: int
    returncode: int
    stderr: str
    #: time the child measured itself (see :func:`timed_call`), else ``None``
    inner: float | None = None


def run_child(
    command: Sequence[str], cwd: Path, timeout: float = 600.0, stdout_to_null: bool = True
) -> ChildResult:
    """Run *command*; wall time and its own peak RSS in bytes (``os.wait4`` gives the
    child's ``ru_maxrss`` alone, unlike ``RUSAGE_CHILDREN``, which keeps the maximum
    over every child so far)."""
    errors = cwd / ".bench-stderr"
    with open(errors, "w+b") as stderr, open(os.devnull, "wb") as null:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=child_env(),
            stdin=subprocess.DEVNULL,
            stdout=null if stdout_to_null else None,
            stderr=stderr,
        )
        # A timer kills a child that hangs; waiting blocks, so polling costs no CPU.
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode == -signal.SIGKILL and seconds >= timeout:
            raise TimeoutError(f"no result after {timeout:.0f} s")
        stderr.seek(0)
        text = stderr.read().decode("utf-8", "replace")
    errors.unlink()
    inner = None
    # ru_maxrss counts the pages the child shared with this (large) process between
    # fork and exec; a child that reports its own VmHWM (peak since exec) is exact.
    max_rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    for line in text.splitlines():
        if line.startswith(_MARK):
            fields = line.split()
            inner = float(fields[1])
            if int(fields[2]):
                max_rss = int(fields[2])
    return ChildResult(seconds, max_rss, process.returncode, text, inner)


def timed_call(statement: str, setup: str) -> list[str]:
    """A ``python -c`` command that runs *setup*, then times *statement* alone.

    Used where start-up must not count (scaling, adversarial inputs) but the run
    needs its own process: for its peak memory, and to be killed on a hang.
    """
    code = (
        "import os, sys, time\n"
        f"{setup}\n"
        "sys.stdout = open(os.devnull, 'w')\n"
        "start = time.perf_counter()\n"
        "try:\n"
        f"    status = {statement}\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "elapsed = time.perf_counter() - start\n"
        "peak = 0\n"
        "try:\n"
        "    with open('/proc/self/status') as status_file:\n"
        "        for line in status_file:\n"
        "            if line.startswith('VmHWM:'):\n"
        "                peak = int(line.split()[1]) * 1024\n"
        "except OSError:\n"
        "    pass\n"
        f"sys.stderr.write(f'\\n{_MARK} {{elapsed!r}} {{peak}} {{status}}\\n')\n"
    )
    return [sys.executable, "-c", code]
