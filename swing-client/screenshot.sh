#!/usr/bin/env bash
# Takes the README screenshots: an in-process server, two client windows and two headless friends
# chatting in Chinese, Japanese, English and emoji, on a virtual X display (Xvfb).
# Writes chat-light.png and chat-dark.png to docs/screenshots/ (or to the directory given).
# Needs: xvfb (xvfb-run), fonts-noto-cjk, and fonts-noto-color-emoji for the emoji.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/docs/screenshots}")"
cd "$root"

mvn -B -q -pl swing-client -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
classpath="swing-client/target/test-classes:swing-client/target/classes:$(cat swing-client/target/test-classpath.txt)"

mkdir -p "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" java -cp "$classpath" chat.client.ui.ScreenshotStage "$out"
