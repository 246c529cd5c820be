"""The mutation driver (``python -m tests.mutation``) on a module of two functions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.mutation.mutants import mutants

ROOT = Path(__file__).resolve().parents[1]

MODULE = '''\
"""A constant and two functions; the second is not fully tested."""

LIMIT = 10


def double(x):
    return x * 2


def at_least(value, low):
    return value if value >= low else low
'''

TESTS = '''\
from tiny_mutated import LIMIT, at_least, double


def test_limit():
    assert LIMIT == 10  # read when this module was imported


def test_double():
    assert double(3) == 6


def test_at_least():
    assert at_least(5, 1) == 5
    assert at_least(0, 1) == 1
'''


def test_mutants_change_one_thing_and_name_it():
    source = MODULE.encode()
    found = [m.describe(source) for m in mutants(source)]
    assert found == [
        "3:9: number + 1: 10 -> 11",
        "7:5: return None: return x * 2 -> return None",
        "7:12: * -> /: x * 2 -> ((x) / (2))",
        "7:16: number + 1: 2 -> 3",
        "11:5: return None: return value if value >= low else low -> return None",
        "11:21: >= -> >: value >= low -> ((value) > (low))",
    ]
    assert [m.import_time for m in mutants(source)] == [True] + [False] * 5


def test_a_tested_mutant_is_killed_and_an_equivalent_one_survives(tmp_path):
    module = tmp_path / "tiny_mutated.py"
    module.write_text(MODULE)
    tests = tmp_path / "test_tiny_mutated.py"
    tests.write_text(TESTS)
    done = subprocess.run(
        [sys.executable, "-m", "tests.mutation", str(module), "--tests", str(tests),
         "--fail-under", "100"],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    # ">=" to ">" gives the same result when value == low: it survives, the rest
    # die, LIMIT too (its test read it at import: only a fresh import sees 11).
    assert done.stdout.splitlines() == [
        f"{module}: 5/6 killed (83.3%), 1 survived, 0 by timeout",
        f"  {module}:11:21: >= -> >: value >= low -> ((value) > (low))",
    ], done.stderr
    assert done.returncode == 1  # under --fail-under
    assert module.read_text() == MODULE  # never written
