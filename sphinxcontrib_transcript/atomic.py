"""Writing a file atomically: whoever reads it sees the old content or the
new, never a part, and a failure leaves it as it was.

The one way files are replaced: the linter's fixes
(:func:`sphinxcontrib_transcript.lint.fixing.write_atomic`, which adds the
checks a fix needs) and ``transcript-convert`` use it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable


class NoTemporaryFile(OSError):
    """No temporary file could be made beside the file to replace
    (:attr:`filename` is the directory)."""


def replace_atomically(
    path: str, data: bytes, mode: int, owner: tuple[int, int] | None = None,
    last_look: Callable[[], None] | None = None,
) -> None:
    """Write *data* to a temporary file beside *path* (the same filesystem, so
    that the rename is atomic) with permission bits *mode* and, when we may,
    *owner* ``(uid, gid)``; run *last_look* (which may raise to stop); rename
    the file over *path* and make the rename durable.  On any failure or
    interruption the temporary file is removed and *path* is as it was.

    :raises NoTemporaryFile: when no temporary file can be made beside *path*.
    :raises OSError: when writing or renaming fails.
    """
    import tempfile  # only when a file is written: it costs start-up time otherwise

    directory = os.path.dirname(path) or "."
    try:
        fd, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
        )
    except OSError as exc:
        raise NoTemporaryFile(exc.errno, exc.strerror or str(exc), directory) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
            if owner is not None:
                _give_owner(handle.fileno(), owner)
        if last_look is not None:
            last_look()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(directory)


def _give_owner(fd: int, owner: tuple[int, int]) -> None:
    """Give the new file the old one's owner when we may (we run as root)."""
    if hasattr(os, "fchown") and owner != (os.getuid(), os.getgid()):
        # Not allowed (we are not root): the file keeps our ownership, as any editor's would.
        with contextlib.suppress(OSError):
            os.fchown(fd, *owner)


def _sync_directory(directory: str) -> None:
    """Make the rename durable; best effort (not every system can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
