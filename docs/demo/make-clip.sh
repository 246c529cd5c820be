#!/bin/sh
# Regenerates the demo clip and its WebVTT transcript with espeak-ng and sox
# (Debian packages espeak-ng, sox, libsox-fmt-all), then times each word from
# espeak-ng's word events (clip-words.py: demo-words.vtt and demo-words.json).
# Run from this directory.
# The clip is made once and committed; this script documents how.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
i=0
: > "$tmp/lines"
while IFS='|' read -r speaker voice text; do
  i=$((i + 1))
  espeak-ng -v "$voice" -s 165 -w "$tmp/$i.wav" "$text"
  sox "$tmp/$i.wav" -r 16000 -c 1 "$tmp/$i-r.wav" pad 0 0.4
  echo "$speaker|$text|$(soxi -D "$tmp/$i-r.wav")" >> "$tmp/lines"
done <<'LINES'
Ann|en-us+f3|Welcome to the demo of sphinx contrib transcript.
Ben|en-us+m3|Thanks Ann. Every line you see below has its own anchor.
Ann|en-us+f3|Click a timestamp, and the player jumps to that moment.
Ann|en-us+f3|While the clip plays, the current line is marked.
Ben|en-us+m3|And the same transcript builds into a PDF, with working links.
Ann|en-us+f3|That is all. Thanks for listening.
LINES
sox $(seq -f "$tmp/%g-r.wav" 1 "$i") -C 0 demo-clip.ogg
python3 - "$tmp/lines" > demo-clip.vtt <<'PY'
import sys
t = 0.0
print("WEBVTT - sphinxcontrib-transcript demo clip (espeak-ng)\n")
for n, row in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    speaker, text, dur = row.rstrip("\n").split("|")
    end = t + float(dur) - 0.4
    fmt = lambda s: "%02d:%02d:%02d.%03d" % (s // 3600, s % 3600 // 60, s % 60, round(s * 1000) % 1000)
    print(f"{n}\n{fmt(t)} --> {fmt(end)}\n<v {speaker}>{text}\n")
    t += float(dur)
PY
python3 clip-words.py
