"""Time each word of the demo clip from espeak-ng's own word events.

``make-clip.sh`` speaks each line of ``demo-clip.vtt`` with espeak-ng.  This
script says each line again through the espeak-ng library (the same voice and
speed; espeak-ng is deterministic, so the audio is the clip's, sample for
sample, when each line is said by a fresh process, as the command does) and
listens to its synthesis events: espeak-ng reports the sample at
which it starts each word (``espeakEVENT_WORD``) and where the sentence ends.
A word's time in the clip is its line's start plus that offset.

It writes two files from the same timings:

* ``demo-words.vtt``: the cues of ``demo-clip.vtt`` with a WebVTT inline
  timestamp before each word (as YouTube's word-timed captions have them),
  but a first word said at the cue's start;
* ``demo-words.json``: the same as Whisper JSON, each segment with its
  ``words``.

Run from this directory (``make-clip.sh`` does, after making the clip); needs
the espeak-ng library (Debian package ``espeak-ng``; ``libespeak-ng.so.1``).
It checks that each line lasts as long as its cue says, so a clip made with
another espeak-ng version is noticed.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import subprocess
import sys
from pathlib import Path

#: The voices and speed make-clip.sh speaks each speaker's lines with.
VOICES = {"Ann": "en-us+f3", "Ben": "en-us+m3"}
RATE = 165  # words per minute (espeak-ng -s)

_EVENT_END = 0  # espeakEVENT_LIST_TERMINATED
_EVENT_WORD = 1
_EVENT_MSG_END = 5  # espeakEVENT_END: the end of the sentence (its samples, pause included)
_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS
_RATE = 1  # espeakRATE
_POS_CHARACTER = 1
_FLAGS = 1 | 0x1000  # espeakCHARS_UTF8 | espeakENDPAUSE, as the espeak-ng command has it
_TIMING = re.compile(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})")


class _Id(ctypes.Union):
    _fields_ = [("number", ctypes.c_int), ("name", ctypes.c_char_p),
                ("string", ctypes.c_char * 8)]


class _Event(ctypes.Structure):
    """``espeak_EVENT`` of espeak-ng's ``speak_lib.h``."""

    _fields_ = [("type", ctypes.c_int), ("unique_identifier", ctypes.c_uint),
                ("text_position", ctypes.c_int), ("length", ctypes.c_int),
                ("audio_position", ctypes.c_int), ("sample", ctypes.c_int),
                ("user_data", ctypes.c_void_p), ("id", _Id)]


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


class Speaker:
    """espeak-ng's library, saying a text and reporting where its words start."""

    def __init__(self) -> None:
        self.lib = ctypes.CDLL("libespeak-ng.so.1")
        self.rate = self.lib.espeak_Initialize(_SYNCHRONOUS, 0, None, 0)
        if self.rate <= 0:
            raise RuntimeError("espeak-ng did not start (espeak_Initialize failed)")
        self.samples = 0
        self.events: list[tuple[int, int, int]] = []  # (type, text position, sample)
        self.callback = _CALLBACK(self._heard)  # kept: the library holds a pointer to it
        self.lib.espeak_SetSynthCallback(self.callback)

    def _heard(self, wav: object, count: int, events: ctypes._Pointer[_Event]) -> int:
        self.samples += count
        index = 0
        while events[index].type != _EVENT_END:
            event = events[index]
            self.events.append((event.type, event.text_position, event.sample))
            index += 1
        return 0

    def say(self, text: str, voice: str) -> tuple[list[tuple[int, int]], int]:
        """``([(character offset, start ms) per word], length in ms)`` of *text* spoken."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise RuntimeError(f"espeak-ng has no voice {voice!r}")
        self.lib.espeak_SetParameter(_RATE, RATE, 0)
        self.samples, self.events = 0, []
        data = text.encode()
        self.lib.espeak_Synth(data, len(data) + 1, 0, _POS_CHARACTER, 0, _FLAGS, None, None)
        self.lib.espeak_Synchronize()
        words = [(position - 1, round(sample * 1000 / self.rate))
                 for kind, position, sample in self.events if kind == _EVENT_WORD]
        return words, round(self.samples * 1000 / self.rate)


def read_cues(path: Path) -> list[tuple[int, int, str, str]]:
    """``(start ms, end ms, speaker, text)`` of each cue of demo-clip.vtt."""
    cues = []
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        lines = block.strip().splitlines()
        timing = next((_TIMING.fullmatch(line) for line in lines if "-->" in line), None)
        if timing is None:
            continue
        h1, m1, s1, f1, h2, m2, s2, f2 = map(int, timing.groups())
        speaker, text = re.fullmatch(r"<v ([^>]+)>(.*)", lines[-1]).groups()  # type: ignore[union-attr]
        cues.append((((h1 * 60 + m1) * 60 + s1) * 1000 + f1,
                     ((h2 * 60 + m2) * 60 + s2) * 1000 + f2, speaker, text))
    return cues


def say(voice: str, text: str) -> tuple[list[tuple[int, int]], int]:
    """:meth:`Speaker.say` in a fresh process: the library keeps state from one text
    to the next (the same line said twice comes out a few milliseconds longer)."""
    done = subprocess.run([sys.executable, __file__, "--say", voice, text],
                          capture_output=True, text=True, check=True)
    words, length = json.loads(done.stdout)
    return [(offset, ms) for offset, ms in words], length


def timed_words(start: int, end: int, voice: str, text: str) -> list[tuple[str, int, int]]:
    """``(word, start ms, end ms)`` for each word (run of non-space) of a cue."""
    events, length = say(voice, text)
    if abs(length - (end - start)) > 20:
        raise SystemExit(f"espeak-ng says {text!r} in {length} ms, the cue lasts "
                         f"{end - start} ms: remake the clip with make-clip.sh")
    tokens = [(match.start(), match.end(), match[0]) for match in re.finditer(r"\S+", text)]
    starts: list[int] = []
    for first, last, _word in tokens:
        heard = [ms for offset, ms in events if first <= offset < last]
        if not heard:
            raise SystemExit(f"espeak-ng gave no word event for a word of {text!r}")
        starts.append(start + heard[0])
    ends = [*starts[1:], end]
    words = [word for _first, _last, word in tokens]
    return list(zip(words, starts, ends, strict=True))


def clock(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}.{millis:03d}"


def write(path: Path, text: str) -> None:
    """Write *text* to *path* atomically."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8", newline="\n")
    os.replace(temporary, path)


def main(folder: Path) -> None:
    vtt = ["WEBVTT - sphinxcontrib-transcript demo clip, word by word (espeak-ng word events)", ""]
    segments = []
    for number, (start, end, name, text) in enumerate(read_cues(folder / "demo-clip.vtt"), 1):
        words = timed_words(start, end, VOICES[name], text)
        # A timestamp before each word, but at the cue's start (not allowed there).
        line = " ".join(f"<{clock(s)}>{word}" if s > start else word for word, s, _e in words)
        vtt += [str(number), f"{clock(start)} --> {clock(end)}", f"<v {name}>{line}", ""]
        segments.append({
            "id": number - 1, "start": start / 1000, "end": end / 1000, "text": " " + text,
            "speaker": name,
            "words": [{"word": " " + word, "start": s / 1000, "end": e / 1000}
                      for word, s, e in words],
        })
    write(folder / "demo-words.vtt", "\n".join(vtt))
    body = ",\n".join("  " + json.dumps(segment) for segment in segments)
    write(folder / "demo-words.json", '{"language": "en", "segments": [\n' + body + "\n]}\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--say"]:
        print(json.dumps(Speaker().say(sys.argv[3], sys.argv[2])))
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("."))
