#!/usr/bin/env bash
# Lays out the distribution (bin/imgbuild, lib/*.jar, share/ completion) under target/imgbuild and
# packs it as target/imgbuild-VERSION.tar.gz. Run by Maven at package time.
set -euo pipefail
target=$1
version=$2
dist=$target/imgbuild
mkdir -p "$dist/bin" "$dist/lib" "$dist/share/bash-completion/completions"
cp "$target"/imgbuild-cli-"$version".jar "$dist/lib/"
cp "$(dirname "$0")/bin/imgbuild" "$dist/bin/imgbuild"
chmod +x "$dist/bin/imgbuild"
java -cp "$dist/lib/*" io.imgbuild.cli.Main completion bash > "$dist/share/bash-completion/completions/imgbuild"
tar -C "$target" -czf "$target/imgbuild-$version.tar.gz" --transform "s,^imgbuild,imgbuild-$version," imgbuild
touch "$dist/.built"
