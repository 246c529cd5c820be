"""Run the targeted tests against each mutant, in memory, in a forked process.

The driver imports pytest, the tests and the module once (a collection
run), then forks a child per mutant.  For a change inside a function body,
the child executes the mutated source in the module's own namespace and
moves the new code into the old function objects (``__code__``), so every
``from module import name`` made before sees the mutant too; then it runs
the tests with ``pytest.main``.  A change that runs at import time (a
constant, a rule's ``ID``, a pattern) may have been read by other modules
as they were imported, so for those the child starts a fresh interpreter
whose import system serves the mutated source.  No file is ever written: the
source on disk is never mutated, and a crash or a timeout (``SIGALRM`` in
the child) cannot leave it so.  Tests that start a new Python process do not
see the mutant, so map a module to tests that run in-process.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import FunctionType, ModuleType

from .mutants import Mutant, mutants

PYTEST_ARGS = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-o", "addopts="]


@dataclass
class Result:
    """What became of the mutants of one module."""

    module: str
    source: bytes
    killed: list[Mutant] = field(default_factory=list)
    survived: list[Mutant] = field(default_factory=list)
    timed_out: int = 0

    @property
    def score(self) -> float:
        total = len(self.killed) + len(self.survived)
        return 100.0 * len(self.killed) / total if total else 100.0

    def report(self, path: str) -> str:
        total = len(self.killed) + len(self.survived)
        lines = [f"{path}: {len(self.killed)}/{total} killed ({self.score:.1f}%), "
                 f"{len(self.survived)} survived, {self.timed_out} by timeout"]
        lines += [f"  {path}:{m.describe(self.source)}" for m in self.survived]
        return "\n".join(lines)


def _patch_function(old: FunctionType, new: FunctionType) -> None:
    old.__code__ = new.__code__
    old.__defaults__ = new.__defaults__
    old.__kwdefaults__ = new.__kwdefaults__


def _patch_class(old: type, new: type) -> None:
    for name, value in vars(old).items():
        replacement = vars(new).get(name)
        if isinstance(value, FunctionType) and isinstance(replacement, FunctionType):
            _patch_function(value, replacement)
        elif isinstance(value, property) and isinstance(replacement, property):
            for part in ("fget", "fset", "fdel"):
                before, after = getattr(value, part), getattr(replacement, part)
                if isinstance(before, FunctionType) and isinstance(after, FunctionType):
                    _patch_function(before, after)
        elif (
            isinstance(value, (staticmethod, classmethod))
            and isinstance(replacement, type(value))
            and isinstance(value.__func__, FunctionType)
            and isinstance(replacement.__func__, FunctionType)
        ):
            _patch_function(value.__func__, replacement.__func__)


def install(module: ModuleType, source: bytes) -> None:
    """Make *module* run *source*, which differs in a function body: re-execute it
    in place and keep the old functions and classes (others hold them), with the
    new code."""
    before = dict(vars(module))
    exec(compile(source, module.__file__ or module.__name__, "exec"), vars(module))
    namespace = vars(module)
    for name, old in before.items():
        new = namespace.get(name)
        if new is old:  # imported from elsewhere
            continue
        if isinstance(old, FunctionType) and isinstance(new, FunctionType):
            _patch_function(old, new)
        elif isinstance(old, type) and isinstance(new, type):
            _patch_class(old, new)
        elif isinstance(getattr(old, "__wrapped__", None), FunctionType) and isinstance(
            getattr(new, "__wrapped__", None), FunctionType
        ):  # functools.cache and the like
            _patch_function(old.__wrapped__, new.__wrapped__)
            getattr(old, "cache_clear", lambda: None)()
        else:
            continue
        namespace[name] = old


# The fresh interpreter of an import-time mutant: its import system serves the
# mutated source (from the environment) for the one module, then pytest runs.
_BOOT = """
import importlib.machinery, os, sys
NAME, SOURCE = sys.argv[1], os.environb[b"MUTANT_SOURCE"]
class Loader(importlib.machinery.SourceFileLoader):
    def get_code(self, fullname):
        return compile(SOURCE, self.path, "exec")
class Finder:
    @staticmethod
    def find_spec(fullname, path=None, target=None):
        if fullname != NAME:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        spec.loader = Loader(fullname, spec.origin)
        return spec
sys.meta_path.insert(0, Finder)
import pytest
sys.exit(int(pytest.main(sys.argv[2:])))
"""


def _start(
    module: str, source: bytes | None, tests: Sequence[str], timeout: float, fresh: bool = False
) -> int:
    """Fork a child that installs *source* (unless ``None``) and runs *tests*, in a
    fresh interpreter if *fresh*."""
    pid = os.fork()
    if pid:
        return pid
    status = 3
    try:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(max(1, round(timeout)))
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        if source is not None and not fresh:
            try:
                install(sys.modules[module], source)
            except Exception:
                # The change runs at import time after all (a function the module
                # calls as it is imported): let a fresh import say what it does.
                fresh = True
        if fresh and source is not None:
            # The alarm and the quiet output carry over into the new program.
            path = os.pathsep.join(filter(None, sys.path))
            env = {**os.environ, "PYTHONPATH": path, "PYTHONDONTWRITEBYTECODE": "1"}
            os.execve(sys.executable, [sys.executable, "-c", _BOOT, module, *PYTEST_ARGS,
                                       *tests], {**env, "MUTANT_SOURCE": source.decode()})
        status = int(pytest_main([*PYTEST_ARGS, *tests]))
    finally:
        os._exit(status)


def pytest_main(args: list[str]) -> int:
    import pytest

    return int(pytest.main(args))


def _outcome(status: int) -> str:
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM:
        return "timeout"
    # The tests pass on the unchanged source both ways (see prepare), so any
    # other status is the mutant's doing: a failure (1), an import it breaks
    # during collection (2) or in a conftest (4), a crash.
    return "passed" if os.waitstatus_to_exitcode(status) == 0 else "failed"


def _run_one(
    module: str, source: bytes | None, tests: Sequence[str], timeout: float, fresh: bool = False
) -> str:
    _, status = os.waitpid(_start(module, source, tests, timeout, fresh), 0)
    return _outcome(status)


def prepare(module: str, tests: Sequence[str]) -> float:
    """Import pytest, *tests* and *module* here once; check the tests pass; their time."""
    with contextlib.redirect_stdout(io.StringIO()) as out:
        collected = pytest_main([*PYTEST_ARGS, "--collect-only", *tests])
    if collected != 0:
        raise RuntimeError(f"cannot collect {' '.join(tests)}:\n{out.getvalue()}")
    source = _source(importlib.import_module(module))
    began = time.monotonic()
    if _run_one(module, None, tests, 900) != "passed":
        raise RuntimeError(f"the tests of {module} fail before any mutation: {' '.join(tests)}")
    elapsed = time.monotonic() - began
    # Both ways of running a mutant must pass with the source as it is, or a
    # broken harness would count as killing mutants.
    if _run_one(module, source, tests, 900, fresh=True) != "passed":
        raise RuntimeError(f"the tests of {module} fail in a fresh interpreter")
    if _run_one(module, source, tests, 900) != "passed":
        raise RuntimeError(f"the tests of {module} fail once the module is re-executed")
    return elapsed


def _source(module: ModuleType) -> bytes:
    assert module.__file__ is not None
    with open(module.__file__, "rb") as file:
        return file.read()


def mutate(
    module: str, tests: Sequence[str], jobs: int = 1,
    progress: Callable[[str], None] = lambda _: None,
) -> Result:
    """Run *tests* against every mutant of *module* (a dotted name), *jobs* at once."""
    elapsed = prepare(module, tests)
    source = _source(sys.modules[module])
    found = list(mutants(source))
    timeout = 20 + 3 * elapsed  # import-time mutants start a new interpreter
    progress(f"{module}: {len(found)} mutants, tests take {elapsed:.1f} s")
    result = Result(module, source)
    running: dict[int, Mutant] = {}
    pending = list(reversed(found))
    while pending or running:
        while pending and len(running) < max(1, jobs):
            mutant = pending.pop()
            child = _start(module, mutant.apply(source), tests, timeout, mutant.import_time)
            running[child] = mutant
        pid, status = os.wait()
        mutant = running.pop(pid)
        outcome = _outcome(status)
        (result.survived if outcome == "passed" else result.killed).append(mutant)
        result.timed_out += outcome == "timeout"
        done = len(result.killed) + len(result.survived)
        if done % 50 == 0:
            progress(f"{module}: {done}/{len(found)} run, {len(result.survived)} survived")
    result.killed.sort(key=lambda m: m.start)
    result.survived.sort(key=lambda m: m.start)
    return result
