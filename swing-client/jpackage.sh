#!/usr/bin/env bash
# Builds a double-click program: a jpackage app image with its own trimmed Java runtime, in
# swing-client/target/app-image/chat-client/ (start it with bin/chat-client inside that folder).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/swing-client/target"
jar="swing-client-1.0.0-SNAPSHOT.jar"
cd "$root"

mvn -B -q -pl swing-client -am package -DskipTests

rm -rf "$target/jpackage-input" "$target/app-image"
mkdir -p "$target/jpackage-input"
cp "$target/$jar" "$target/jpackage-input/"
modules="$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$target/$jar")"

jpackage --type app-image \
  --name chat-client \
  --app-version 1.0.0 \
  --description "Desktop client of the actor chat" \
  --input "$target/jpackage-input" \
  --main-jar "$jar" \
  --main-class chat.client.ChatApp \
  --add-modules "$modules,jdk.localedata" \
  --java-options "-Dawt.useSystemAAFontSettings=on" \
  --dest "$target/app-image"

echo "app image: $target/app-image/chat-client (run $target/app-image/chat-client/bin/chat-client)"
