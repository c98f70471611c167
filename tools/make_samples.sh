#!/bin/sh
# Regenerate the simulator's bundled recordings (agentbar/sim/samples/) with espeak-ng and sox.
# sample-pcm.wav: 16-bit PCM, 8 kHz mono; sample-gsm.WAV: GSM 6.10 in WAV (Asterisk's wav49);
# sample.mp3: MP3, 16 kbit/s mono (some PBXes convert recordings to MP3).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/agentbar/sim/samples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
espeak-ng -v tr -s 160 -w "$tmp/voice.wav" \
  "Merhaba, bu görüşme kalite amacıyla kaydedilmektedir."
sox "$tmp/voice.wav" -r 8000 -c 1 -b 16 -e signed-integer "$out/sample-pcm.wav"
sox "$out/sample-pcm.wav" -r 8000 -c 1 -e gsm-full-rate "$out/sample-gsm.WAV"
sox "$out/sample-pcm.wav" -C 16 "$out/sample.mp3"
soxi "$out/sample-pcm.wav" "$out/sample-gsm.WAV" "$out/sample.mp3"
file "$out/sample-pcm.wav" "$out/sample-gsm.WAV" "$out/sample.mp3"
