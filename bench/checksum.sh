#!/usr/bin/env bash
# The checksum post-processor vs sha256sum on a 1 GiB file, in one run. Target: >= 0.9x sha256sum's
# throughput. imgbuild's throughput is its hashing step as it reports it (--output=jsonl); the
# build's wall time (which also copies the file with the file builder) is printed too.
source "$(dirname "$0")/lib.sh"
size_mib=${SIZE_MIB:-1024}
input=$data/random-${size_mib}m.bin
if [ ! -f "$input" ]; then
  echo "bench: making $input (cached for later runs)" >&2
  head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$input.tmp" && mv "$input.tmp" "$input"
fi
work=$(mktemp -d "$data/checksum.XXXXXX")
trap 'rm -rf "$work"' EXIT
cat > "$work/t.json" <<JSON
{"builders": [{"type": "file", "source": "$input", "target": "$work/artifact.bin"}],
 "post-processors": [{"type": "checksum", "checksum_types": ["sha256"], "output": "$work/artifact.sha256"}]}
JSON
cat "$input" > /dev/null   # page cache warm for both
"$imgbuild" version >/dev/null
best_sum=999999; best_ib=999999; best_wall=999999
for _ in 1 2 3; do
  t=$(time_ms sha256sum "$input"); [ "$t" -lt "$best_sum" ] && best_sum=$t
  rm -f "$work/artifact.bin" "$work/artifact.sha256"
  t0=$(now_ns)
  rate=$(cd "$work" && "$imgbuild" build --output=jsonl t.json | grep '"type":"progress"' | grep '"finished":true' \
         | grep 'Hashing' | sed 's/.*"bytes_per_second":\([0-9]*\).*/\1/')
  t1=$(now_ns)
  wall=$(( (t1 - t0) / 1000000 ))
  ms=$(( size_mib * 1024 * 1024 * 1000 / rate ))
  [ "$ms" -lt "$best_ib" ] && best_ib=$ms
  [ "$wall" -lt "$best_wall" ] && best_wall=$wall
done
if [ "$(cut -d' ' -f1 "$work/artifact.sha256")" != "$(sha256sum "$input" | cut -d' ' -f1)" ]; then
  echo "bench: checksums differ!" >&2; exit 1
fi
java_used=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "checksum of a ${size_mib} MiB file, best of 3 on $(nproc) cores, imgbuild on $("$java_used" -version 2>&1 | head -1):"
awk -v s="$size_mib" -v a="$best_ib" -v b="$best_sum" -v w="$best_wall" 'BEGIN {
  printf "  imgbuild checksum (sha256): %6.1f MiB/s  (hashing step %d ms; whole build incl. copy %d ms)\n", s*1000/a, a, w
  printf "  sha256sum:                  %6.1f MiB/s  (%d ms)\n", s*1000/b, b
  printf "  throughput ratio imgbuild/sha256sum: %.2fx (target >= 0.9x)\n", b / a }'
