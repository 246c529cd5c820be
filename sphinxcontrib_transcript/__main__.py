"""``python -m sphinxcontrib_transcript``: the ``transcript-lint`` command.

``python -m sphinxcontrib_transcript convert IN OUT`` is ``transcript-convert``
(lint a file named ``convert`` as ``./convert``).
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["convert"]:
        from .convert import main

        sys.exit(main(sys.argv[2:]))
    from .cli import run

    run()
