"""``python -m tests.benchmarks``: run the benchmark harness."""

from __future__ import annotations

from .run import main

if __name__ == "__main__":
    raise SystemExit(main())
