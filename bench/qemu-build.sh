#!/usr/bin/env bash
# One qemu disk_image build (Debian 12 base disk, shell provisioner that runs apt-get install hello,
# then a libvirt vagrant box and a .tar.gz of the image)
# by imgbuild (libvirt) and by Packer 1.6.6 (runs qemu-system-x86_64 itself), from the same
# template, in one run. Rounds alternate imgbuild, packer, imgbuild, ... (ROUNDS, default 1).
# Prints each phase's time and the ratio of median total wall times. Target: <= 0.8x Packer's.
#
# Phases come from the time each line of the tool's console output arrived (stamped here with
# microseconds; the same clock for both tools). The tools' own logs (IMGBUILD_LOG / PACKER_LOG) and
# the stamped output are kept in bench/results/qemu-build-*/ for inspection.
#
# Base disk: templates/debian12/make-base-disk (its last stdout line is the disk's path), or
# BASE_DISK=/path/to/disk.qcow2 (user vagrant, password vagrant, passwordless sudo).
source "$(dirname "$0")/lib.sh"
ensure_pkg packer packer
ensure_pkg qemu-img qemu-utils
ensure_pkg qemu-system-x86_64 qemu-system-x86
ensure_pkg virsh libvirt-clients
rounds=${ROUNDS:-1}
template=bench/templates/qemu-build.json   # relative to the repository root, where both tools run
libvirt_uri=qemu:///system
fail() { echo "bench: $*" >&2; exit 1; }

virsh -c "$libvirt_uri" version >/dev/null 2>&1 \
  || fail "no libvirt daemon answers on $libvirt_uri (imgbuild's qemu builder needs one): start libvirtd"

if [ -n "${BASE_DISK:-}" ]; then
  base_disk=$BASE_DISK
elif [ -x "$repo/templates/debian12/make-base-disk" ]; then
  echo "bench: making or finding the base disk with templates/debian12/make-base-disk" >&2
  base_disk=$("$repo/templates/debian12/make-base-disk" | tail -1) \
    || fail "templates/debian12/make-base-disk failed (its output is above)"
else
  fail "templates/debian12/make-base-disk is missing in $repo, so there is no Debian 12 base disk:
       set BASE_DISK=/path/to/debian12.qcow2 (user vagrant/vagrant, passwordless sudo, boots to SSH)"
fi
[ -f "$base_disk" ] || fail "the base disk $base_disk does not exist"
base_disk=$(readlink -f "$base_disk")
qemu-img info "$base_disk" >/dev/null || fail "the base disk $base_disk is not a disk image qemu-img reads"
echo "bench: base disk $base_disk; computing its sha256" >&2
base_sum=sha256:$(sha256sum "$base_disk" | cut -d' ' -f1)   # also warms the page cache for both tools

results=$bench_dir/results/qemu-build-$(date +%Y%m%dT%H%M%S)
mkdir -p "$results"
work=$(mktemp -d "$data/qemu-build.XXXXXX")
prefix=bench-qemu-build-$$-         # every machine of this run is named so: domain name and vm_name

# --- cleanup, also on Ctrl-C / SIGTERM -----------------------------------------------------------
tool_pgid=""; pipe_pid=""
stop_tool() { # the tool runs in its own session: Ctrl-C (SIGINT to its group) once, as a terminal would
  [ -n "$tool_pgid" ] || return 0
  if kill -0 -- "-$tool_pgid" 2>/dev/null; then
    echo "bench: stopping the running build (SIGINT to process group $tool_pgid) and waiting for its cleanup" >&2
    kill -INT -- "-$tool_pgid" 2>/dev/null || true
    for _ in $(seq 1200); do kill -0 -- "-$tool_pgid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 -- "-$tool_pgid" 2>/dev/null; then
      echo "bench: the build did not stop within 120 s: killing process group $tool_pgid" >&2
      kill -KILL -- "-$tool_pgid" 2>/dev/null || true
    fi
  fi
  [ -n "$pipe_pid" ] && wait "$pipe_pid" 2>/dev/null
  tool_pgid=""; pipe_pid=""
}
leftovers() { # prints libvirt domains and qemu processes of this run that are still there
  virsh -c "$libvirt_uri" list --all --name 2>/dev/null | grep -F "$prefix" | sed 's/^/domain /' || true
  pgrep -f "qemu-system.*$work" | sed 's/^/qemu pid /' || true
}
remove_leftovers() {
  local d p
  for d in $(virsh -c "$libvirt_uri" list --name 2>/dev/null | grep -F "$prefix"); do
    echo "bench: destroying the libvirt domain $d left by the bench" >&2
    virsh -c "$libvirt_uri" destroy "$d" >/dev/null 2>&1 || true
  done
  for d in $(virsh -c "$libvirt_uri" list --all --name 2>/dev/null | grep -F "$prefix"); do
    virsh -c "$libvirt_uri" undefine "$d" >/dev/null 2>&1 || true
  done
  for p in $(pgrep -f "qemu-system.*$work"); do
    echo "bench: killing the qemu process $p left by the bench" >&2
    kill -TERM "$p" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
}
cleanup() {
  trap '' INT TERM   # let the cleanup finish
  stop_tool
  remove_leftovers
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT TERM

# --- one build --------------------------------------------------------------------------------------
stamp() { # prefixes each line with the time it arrived, in microseconds since the epoch
  local l
  while IFS= read -r l || [ -n "$l" ]; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$l"; done
}
# Console lines that start each phase (the build is named "qemu", after its type).
ib_marks=("==> qemu: Started the machine" "qemu: Connected to SSH" "==> qemu: Shutting down with"
          "==> qemu: Converting the disk" "==> qemu: Running post-processor:")
pk_marks=("==> qemu: Starting VM" "==> qemu: Connected to SSH!" "==> qemu: Gracefully halting"
          "==> qemu: Converting hard drive" "==> qemu: Running post-processor:")
phase_names=("start -> machine started" "-> SSH connected" "provisioning" "shutdown" "convert" "post-processors"
             "total wall time")
declare -A phase_ms   # [tool,round,phase index] = ms

mark_us() { # mark_us FILE TEXT: arrival time of the first line containing TEXT
  awk -v s="$2" 'index($0, s) { print $1; exit }' "$1"
}

run_build() { # run_build imgbuild|packer ROUND
  local tool=$1 round=$2 name=${prefix}$1-$2.qcow2 out=$work/out-$1-$2 rc t0 t1 cmd env_vars marks
  local console=$results/$tool-$round.console log=$results/$tool-$round.log vars=$work/vars-$tool-$round.json
  printf '{"base_disk": "%s", "base_disk_checksum": "%s", "output_directory": "%s", "vm_name": "%s"}\n' \
    "$base_disk" "$base_sum" "$out" "$name" > "$vars"
  if [ "$tool" = imgbuild ]; then
    env_vars=(IMGBUILD_LOG=1 "IMGBUILD_LOG_PATH=$log")
    cmd=("$imgbuild" build -force -color=false "-var-file=$vars" "$template")
    marks=("${ib_marks[@]}")
  else
    mkdir -p "$work/packer-cache" "$work/packer-tmp"
    env_vars=(PACKER_LOG=1 "PACKER_LOG_PATH=$log" "PACKER_CACHE_DIR=$work/packer-cache" "TMPDIR=$work/packer-tmp"
              CHECKPOINT_DISABLE=1)
    cmd=(packer build -color=false "-var-file=$vars" "$template")
    marks=("${pk_marks[@]}")
  fi
  echo "bench: round $round: $tool build (console: $console)" >&2
  rm -f "$work/pgid" "$work/rc"
  t0=$(now_ns)
  # The tool gets its own session (setsid) so a Ctrl-C on the terminal reaches only this script,
  # which then interrupts the tool exactly once; the stamping reader ignores it and drains the output.
  { rc=0
    # (env: a background job starts with SIGINT ignored, which the JVM would keep; give it back)
    (cd "$repo" && exec env --default-signal=INT "${env_vars[@]}" \
       setsid -w bash -c 'echo $$ > "$0"; exec "$@"' "$work/pgid" "${cmd[@]}" </dev/null) || rc=$?
    echo "$rc" > "$work/rc"; } 2>&1 | (trap '' INT TERM; stamp) > "$console" &
  pipe_pid=$!
  for _ in $(seq 100); do [ -s "$work/pgid" ] && break; sleep 0.05; done
  tool_pgid=$(cat "$work/pgid" 2>/dev/null || true)
  wait "$pipe_pid" || true
  t1=$(now_ns)
  tool_pgid=""; pipe_pid=""
  rc=$(cat "$work/rc" 2>/dev/null || echo "?")
  if [ "$rc" != 0 ]; then
    tail -30 "$console" | cut -d' ' -f2- >&2
    fail "$tool build failed (exit code $rc) in round $round: console $console, log $log"
  fi

  # The phases, from the marker lines' arrival times.
  local i t prev=$(( t0 / 1000000 )) us
  for i in 0 1 2 3 4; do
    us=$(mark_us "$console" "${marks[$i]}")
    [ -n "$us" ] || fail "$tool round $round: no line \"${marks[$i]}\" in $console (did its output change?)"
    t=$(( us / 1000 ))
    [ "$t" -ge "$prev" ] || fail "$tool round $round: \"${marks[$i]}\" came before the previous phase's line"
    phase_ms[$tool,$round,$i]=$(( t - prev )); prev=$t
  done
  phase_ms[$tool,$round,5]=$(( t1 / 1000000 - prev ))
  phase_ms[$tool,$round,6]=$(( (t1 - t0) / 1000000 ))

  # The output: there, a complete image (no backing file), qemu-img check clean, provisioner ran.
  local image=$out/$name
  [ -f "$image" ] || fail "$tool round $round: no image at $image (output directory: $(ls -A "$out" 2>&1 | tr '\n' ' '))"
  qemu-img check "$image" > "$results/$tool-$round.check" 2>&1 \
    || { cat "$results/$tool-$round.check" >&2; fail "$tool round $round: qemu-img check $image is not clean"; }
  if qemu-img info "$image" | grep -q '^backing file'; then
    fail "$tool round $round: $image still has a backing file"
  fi
  # The post-processors' outputs: a libvirt box holding the disk, and a tar.gz of the image.
  local box=$out/qemu-libvirt.box archive=$out/$name.tar.gz listing
  [ -f "$box" ] || fail "$tool round $round: no vagrant box at $box"
  gzip -t "$box" || fail "$tool round $round: $box is not a valid gzip file"
  listing=$(tar -tzf "$box" | sed 's|^\./||' | sort | tr '\n' ' ')
  for f in box.img metadata.json; do
    case " $listing" in *" $f "*) ;; *) fail "$tool round $round: $box holds $listing, no $f";; esac
  done
  [ -f "$archive" ] || fail "$tool round $round: no compressed image at $archive"
  gzip -t "$archive" || fail "$tool round $round: $archive is not a valid gzip file"
  tar -tzf "$archive" | grep -qx "\(\./\)\?$name" || fail "$tool round $round: $archive does not hold $name"
  grep -q 'Hello, world!' "$console" || fail "$tool round $round: the provisioner's 'hello' never printed Hello, world!"
  local left; left=$(leftovers)
  [ -z "$left" ] || fail "$tool round $round: left behind after a successful build: $left"
  rm -rf "$out"
}

# --- the rounds ----------------------------------------------------------------------------------
(cd "$repo" && "$imgbuild" version >/dev/null)   # builds imgbuild if needed, outside the timing
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$rounds"); do
  run_build imgbuild "$r"
  run_build packer "$r"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the figures ---------------------------------------------------------------------------------
sec() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }
med() { # med TOOL PHASE
  local r; for r in $(seq "$rounds"); do echo "${phase_ms[$1,$r,$2]}"; done | median
}
java_used=${JAVA_HOME:+$JAVA_HOME/bin/}java
{
  echo "qemu disk_image build (Debian 12 base disk, TCG, shell provisioner with apt-get install hello,"
  echo "then a libvirt vagrant box and a .tar.gz of the image at level 6),"
  echo "median of $rounds round(s), alternating, on $(nproc) cores (load average $load_start at start, $load_end at end),"
  echo "imgbuild on $("$java_used" -version 2>&1 | head -1), $(packer version | head -1), $(qemu-system-x86_64 --version | head -1):"
  printf '  %-26s %10s %10s\n' phase imgbuild packer
  for i in 0 1 2 3 4 5 6; do
    printf '  %-26s %10s %10s\n' "${phase_names[$i]}" "$(sec "$(med imgbuild $i)")" "$(sec "$(med packer $i)")"
  done
  for tool in imgbuild packer; do
    printf '  %-8s rounds (total):' "$tool"
    for r in $(seq "$rounds"); do printf ' %s' "$(sec "${phase_ms[$tool,$r,6]}")"; done
    echo
  done
  awk -v a="$(med imgbuild 6)" -v b="$(med packer 6)" \
    'BEGIN { printf "  ratio imgbuild/packer (total wall time): %.2fx (target <= 0.8x)\n", a / b }'
  echo "  consoles and logs: ${results#"$repo"/}/"
} | tee "$results/summary.txt"
