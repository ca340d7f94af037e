# Shared helpers for the benchmarks: install the peer, time commands, print ratios.
set -euo pipefail
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
imgbuild=$repo/bin/imgbuild
data=$bench_dir/.data
mkdir -p "$data"

ensure_pkg() { # ensure_pkg COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return
  echo "bench: installing $2 (the peer)" >&2
  local s=""; [ "$(id -u)" -ne 0 ] && s=sudo
  $s env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

now_ns() { date +%s%N; }

# time_ms CMD... : wall time of one run in milliseconds; output discarded, failure is fatal
time_ms() {
  local t0 t1
  t0=$(now_ns)
  "$@" >/dev/null 2>&1 || { echo "bench: command failed: $*" >&2; "$@"; exit 1; }
  t1=$(now_ns)
  echo $(( (t1 - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }
