#!/usr/bin/env bash
# The compress post-processor on a ~1 GiB qcow2 disk image with real data, in one run:
#   .tar.gz level 6: imgbuild vs `tar -cf - | pigz -6` vs Packer 1.6.6's compress post-processor;
#   .tar.zst level 3: imgbuild vs `tar -cf - | zstd -3 -T0`.
# Rounds alternate the sides (ROUNDS, default 3); medians are printed with throughput ratios and
# peak RSS (/usr/bin/time -v). Then imgbuild with -Xmx256m compresses a 4 GiB raw image to .tar.gz,
# which shows the heap bound. Targets: >= 1.0x pigz, >= 1.5x Packer, >= 0.9x zstd.
#
# Throughput is input bytes over the compress phase's time: for imgbuild and Packer, from their
# "Running post-processor: compress" line to the line saying the archive is done (stamped here in
# µs as each line arrives; the file builder's copy before it is not counted); for pigz and zstd,
# the whole tar | compressor pipeline.
#
# The images are made once and cached in ~/.cache/imgbuild/bench/, keyed by what made them:
# mkfs.ext4 -d of a tree of files from /usr (hard links), then qemu-img convert -O qcow2.
source "$(dirname "$0")/lib.sh"
ensure_pkg packer packer
ensure_pkg pigz pigz
ensure_pkg zstd zstd
ensure_pkg qemu-img qemu-utils
ensure_pkg mkfs.ext4 e2fsprogs
[ -x /usr/bin/time ] || ensure_pkg /usr/bin/time time
rounds=${ROUNDS:-3}
fail() { echo "bench: $*" >&2; exit 1; }
cache=${XDG_CACHE_HOME:-$HOME/.cache}/imgbuild/bench
mkdir -p "$cache"

# --- inputs --------------------------------------------------------------------------------------
recipe=1   # bump when the way images are made changes
# make_image NAME SIZE_MIB DATA_MIB FORMAT: prints the path of a cached image holding DATA_MIB of /usr
make_image() {
  local name=$1 size=$2 fill=$3 format=$4 list key dir stage
  list=$(mktemp)
  # Files of /usr in a stable order, up to the data size (each under 64 MiB).
  find /usr -xdev -type f -size -64M -printf '%s %T@ %p\n' 2>/dev/null | LC_ALL=C sort -k3 \
    | awk -v max=$((fill * 1024 * 1024)) '{ if (t + $1 > max) exit; t += $1; print }' > "$list"
  key=$( { echo "recipe $recipe $name $size $format"; cat "$list"; } | sha256sum | cut -c1-16)
  dir=$cache/$name-$key
  if [ ! -f "$dir/disk.$format" ]; then
    echo "bench: making $dir/disk.$format (${size} MiB disk, ${fill} MiB of /usr; cached)" >&2
    rm -rf "$dir"; mkdir -p "$dir"
    stage=$dir/stage
    mkdir -p "$stage"
    cut -d' ' -f3- "$list" | while IFS= read -r f; do   # (names may hold spaces)
      mkdir -p "$stage$(dirname "$f")"
      ln "$f" "$stage$f" 2>/dev/null || cp -p "$f" "$stage$f" || fail "cannot copy $f into $stage"
    done
    truncate -s "${size}M" "$dir/disk.raw"
    mkfs.ext4 -q -F -d "$stage" "$dir/disk.raw" >/dev/null
    rm -rf "$stage"
    if [ "$format" = qcow2 ]; then
      qemu-img convert -O qcow2 "$dir/disk.raw" "$dir/disk.qcow2.tmp"
      rm "$dir/disk.raw"
      mv "$dir/disk.qcow2.tmp" "$dir/disk.qcow2"
    fi
  fi
  rm -f "$list"
  echo "$dir/disk.$format"
}
image=$(make_image compress-1g 1400 1000 qcow2)
image_mib=$(( $(stat -c %s "$image") / 1024 / 1024 ))

work=$(mktemp -d "$data/compress.XXXXXX")
results=$bench_dir/results/compress-$(date +%Y%m%dT%H%M%S)
mkdir -p "$results"
trap 'rm -rf "$work"' EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

stamp() { local l; while IFS= read -r l || [ -n "$l" ]; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$l"; done; }
mark_us() { awk -v s="$2" 'index($0, s) { print $1; exit }' "$1"; }
# peak_kib FILE: the "Maximum resident set size" /usr/bin/time -v wrote
peak_kib() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }

# run_tool imgbuild|packer FORMAT LEVEL ROUND: sets ms (compress phase) and kib (peak RSS)
run_tool() {
  local tool=$1 ext=$2 level=$3 round=$4 dir=$work/$1-$2-$4 console rc=0 t0 t1 start_mark end_mark
  mkdir -p "$dir"
  console=$results/$tool-$ext-$round.console
  cat > "$dir/t.json" <<JSON
{"builders": [{"type": "file", "source": "$image", "target": "$dir/disk.qcow2"}],
 "post-processors": [{"type": "compress", "output": "$dir/disk.$ext", "compression_level": $level}]}
JSON
  if [ "$tool" = imgbuild ]; then
    (cd "$dir" && /usr/bin/time -v -o "$dir/time" "$imgbuild" build -color=false t.json) 2>&1 | stamp > "$console" || rc=$?
    end_mark="(compress): Compressed "
  else
    (cd "$dir" && CHECKPOINT_DISABLE=1 PACKER_CACHE_DIR=$dir/cache TMPDIR=$dir \
       /usr/bin/time -v -o "$dir/time" packer build -color=false t.json) 2>&1 | stamp > "$console" || rc=$?
    end_mark="(compress): Archive "
  fi
  [ "$rc" = 0 ] || { tail -20 "$console" >&2; fail "$tool failed (console $console)"; }
  t0=$(mark_us "$console" "Running post-processor: compress")
  t1=$(mark_us "$console" "$end_mark")
  [ -n "$t0" ] && [ -n "$t1" ] || fail "$tool: no start or end line in $console"
  ms=$(( (t1 - t0) / 1000 ))
  kib=$(peak_kib "$dir/time")
  check_archive "$dir/disk.$ext" "$ext"
  rm -rf "$dir"
}

# run_pipe gz|zst ROUND: tar | pigz -6, or tar | zstd -3 -T0
run_pipe() {
  local ext=$1 dir=$work/pipe-$1-$2 t0 t1 comp
  mkdir -p "$dir"
  cp "$image" "$dir/disk.qcow2"   # as the file builder does for the others, outside the timing
  if [ "$ext" = tar.gz ]; then comp="pigz -6"; else comp="zstd -3 -T0 -q"; fi
  t0=$(now_ns)
  /usr/bin/time -v -o "$dir/time" sh -c "tar -cf - -C '$dir' disk.qcow2 | $comp > '$dir/out.$ext'"
  t1=$(now_ns)
  ms=$(( (t1 - t0) / 1000000 ))
  kib=$(peak_kib "$dir/time")
  check_archive "$dir/out.$ext" "$ext"
  rm -rf "$dir"
}

# Every archive is checked: the format's tool accepts it and it holds the image, byte for byte.
image_sum=$(sha256sum "$image" | cut -d' ' -f1)   # also warms the page cache
check_archive() {
  local f=$1 ext=$2 dc sum
  case $ext in tar.gz) dc="gzip -dc";; tar.zst) dc="zstd -dcq";; esac
  sizes[$ext]=$(stat -c %s "$f")
  sum=$($dc "$f" | tar -xOf - disk.qcow2 | sha256sum | cut -d' ' -f1)
  [ "$sum" = "$image_sum" ] || fail "$f does not hold the image (sha256 $sum, expected $image_sum)"
}

declare -A sizes
declare -A t_ms
declare -A t_kib
(cd "$repo" && "$imgbuild" version >/dev/null)   # builds imgbuild if needed, outside the timing
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
  echo "bench: round $r of $rounds" >&2
  run_tool imgbuild tar.gz 6 "$r";  t_ms[ib-gz,$r]=$ms; t_kib[ib-gz,$r]=$kib; sizes[ib-gz]=${sizes[tar.gz]}
  run_pipe tar.gz "$r";             t_ms[pigz,$r]=$ms;  t_kib[pigz,$r]=$kib;  sizes[pigz]=${sizes[tar.gz]}
  run_tool packer tar.gz 6 "$r";    t_ms[packer,$r]=$ms; t_kib[packer,$r]=$kib; sizes[packer]=${sizes[tar.gz]}
  run_tool imgbuild tar.zst 3 "$r"; t_ms[ib-zst,$r]=$ms; t_kib[ib-zst,$r]=$kib; sizes[ib-zst]=${sizes[tar.zst]}
  run_pipe tar.zst "$r";            t_ms[zstd,$r]=$ms;  t_kib[zstd,$r]=$kib;  sizes[zstd]=${sizes[tar.zst]}
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- heap bound on a 4 GiB input ---------------------------------------------------------------------
big=$(make_image compress-4g 4096 3400 raw)
big_dir=$work/heap
mkdir -p "$big_dir"
cat > "$big_dir/t.json" <<JSON
{"builders": [{"type": "file", "source": "$big", "target": "$big_dir/disk.raw"}],
 "post-processors": [{"type": "compress", "output": "$big_dir/disk.tar.gz", "compression_level": 6}]}
JSON
echo "bench: imgbuild -Xmx256m on the 4 GiB image $big" >&2
(cd "$big_dir" && IMGBUILD_JAVA_OPTS="-Xmx256m ${IMGBUILD_JAVA_OPTS:-}" /usr/bin/time -v -o "$big_dir/time" \
   "$imgbuild" build -color=false t.json) 2>&1 | stamp > "$results/heap-4g.console" \
   || { tail -20 "$results/heap-4g.console" >&2; fail "imgbuild with -Xmx256m failed on the 4 GiB image"; }
heap_line=$(grep -o 'Compressed .*' "$results/heap-4g.console" | tail -1)
heap_kib=$(peak_kib "$big_dir/time")
gzip -t "$big_dir/disk.tar.gz" || fail "the 4 GiB archive does not pass gzip -t"
rm -rf "$big_dir"

# --- the figures ---------------------------------------------------------------------------------
med() { local r; for r in $(seq "$rounds"); do echo "${t_ms[$1,$r]}"; done | median; }
medk() { local r; for r in $(seq "$rounds"); do echo "${t_kib[$1,$r]}"; done | median; }
java_used=${JAVA_HOME:+$JAVA_HOME/bin/}java
image_bytes=$(stat -c %s "$image")
{
  echo "compress a ${image_mib} MiB qcow2 disk image ($image), median of $rounds alternating round(s),"
  echo "on $(nproc) cores (load average $load_start at start, $load_end at end),"
  echo "imgbuild on $("$java_used" -version 2>&1 | head -1), $(packer version | head -1), $(pigz --version 2>&1), $(zstd --version):"
  printf '  %-34s %9s %9s %8s %10s   %s\n' side "time" MiB/s ratio "peak RSS" "rounds (ms)"
  for side in ib-gz pigz packer ib-zst zstd; do
    case $side in
      ib-gz) label="imgbuild .tar.gz level 6";; pigz) label="tar | pigz -6";;
      packer) label="Packer 1.6.6 compress .tar.gz -6";; ib-zst) label="imgbuild .tar.zst level 3";;
      zstd) label="tar | zstd -3 -T0";;
    esac
    m=$(med "$side")
    all=""; for r in $(seq "$rounds"); do all="$all ${t_ms[$side,$r]}"; done
    awk -v l="$label" -v ms="$m" -v b="$image_bytes" -v s="${sizes[$side]}" -v k="$(medk "$side")" -v all="$all" 'BEGIN {
      printf "  %-34s %7.1f s %9.1f %7.1f%% %7d MiB  %s\n", l, ms/1000, b/1048576/(ms/1000), 100*s/b, k/1024, all }'
  done
  awk -v ib="$(med ib-gz)" -v pz="$(med pigz)" -v pk="$(med packer)" -v iz="$(med ib-zst)" -v z="$(med zstd)" 'BEGIN {
    printf "  throughput imgbuild/pigz  (.tar.gz -6): %.2fx (target >= 1.0x)\n", pz / ib
    printf "  throughput imgbuild/Packer (.tar.gz -6): %.2fx (target >= 1.5x)\n", pk / ib
    printf "  throughput imgbuild/zstd  (.tar.zst -3): %.2fx (target >= 0.9x)\n", z / iz }'
  echo "  4 GiB raw image ($big) with -Xmx256m: ${heap_line:-?}; peak RSS $((heap_kib / 1024)) MiB; gzip -t OK"
} | tee "$results/summary.txt"
