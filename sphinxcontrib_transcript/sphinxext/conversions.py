"""The directive's ``:rolling:`` and ``:download: FORMATS`` options: the transcript
as shown, and offered in other formats.

``:rolling:``
    ``deroll`` (the default) renders YouTube's rolling captions with each
    spoken line once (:mod:`sphinxcontrib_transcript.rolling`); ``keep``
    renders the cues as the file has them.
``:download: vtt srt txt``
    a value made only of format names (those there is a writer for) offers
    the transcript in each: the file itself for its own format, a conversion
    (:func:`sphinxcontrib_transcript.conversion.convert`, de-rolled as
    ``:rolling:`` says) for the others.  Any other value is the link text of
    the file itself, as before.

Conversions are written at read time under the doctree directory, named by
a digest of what they are made from (so an unchanged transcript is not
written again, and its page not rebuilt), and handed to Sphinx's own
download machinery like any file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import get_translation

from ..conversion import convert
from ..rolling import deroll, first_rolling
from ..writers import writer_format

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from ..model import Transcript

_ = get_translation("sphinxcontrib-transcript")

#: The ``:rolling:`` choices, the default first.
ROLLING = ("deroll", "keep")
#: Where conversions are written, under the doctree directory.
FOLDER = "transcript-downloads"


def rolling_choice(value: str | None) -> str:
    """The ``:rolling:`` value, checked.

    :raises ValueError: naming the choices.
    """
    choice = (value or ROLLING[0]).strip().lower()
    if choice not in ROLLING:
        raise ValueError(
            f"{choice!r} is not a :rolling: choice; write one of {', '.join(ROLLING)}"
        )
    return choice


def as_shown(transcript: Transcript, choice: str) -> Transcript:
    """*transcript* with its rolling captions de-rolled, unless *choice* is ``keep``."""
    if choice == "keep" or first_rolling(transcript.cues) is None:
        return transcript
    transcript.cues = deroll(transcript.cues)
    return transcript


def download_formats(value: str) -> list[str] | None:
    """The formats a ``:download:`` value names, or ``None`` when it is link text.

    >>> download_formats("vtt srt, TXT"), download_formats("Get it here")
    (['vtt', 'srt', 'txt'], None)
    """
    words = value.replace(",", " ").split()
    formats: list[str] = []
    try:
        for word in words:
            fmt = writer_format(word)
            if fmt not in formats:
                formats.append(fmt)
    except ValueError:
        return None
    return formats or None


def _written(env: BuildEnvironment, data: bytes, name: str, text: str) -> str:
    """The path of a conversion, written unless the same one is there already."""
    digest = hashlib.sha256(data + b"\0" + text.encode("utf-8")).hexdigest()[:20]
    folder = Path(env.doctreedir) / FOLDER / digest
    path = folder / name
    if not path.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(text.encode("utf-8"))
        os.replace(temporary, path)  # parallel readers write the same bytes
    return os.fspath(path)


def downloads_node(
    env: BuildEnvironment,
    rel: str,
    source: str,
    data: bytes,
    transcript: Transcript,
    *,
    formats: list[str],
    rolling: str,
) -> nodes.paragraph:
    """A paragraph offering the transcript in each of *formats*.

    :param rel: the transcript's path relative to the source directory.
    :param source: its file name as the directive's argument gives it.
    """
    stem = Path(source).stem
    paragraph = nodes.paragraph(classes=["transcript-download"])
    paragraph += nodes.Text(_("Download the transcript:") + " ")
    for index, fmt in enumerate(formats):
        if index:
            paragraph += nodes.Text(", ")
        if fmt == transcript.format:
            target, shown = "/" + rel, Path(source).name
        else:
            shown = f"{stem}.{fmt}"
            text = convert(transcript, fmt, derolled=rolling != "keep")
            written = _written(env, data, shown, text)
            target = "/" + os.path.relpath(written, env.srcdir).replace(os.sep, "/")
        paragraph += addnodes.download_reference(shown, shown, reftarget=target,
                                                 refexplicit=True)
    return paragraph
