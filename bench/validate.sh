#!/usr/bin/env bash
# imgbuild validate vs packer validate (Debian's packer 1.6.6) on the same template, in one run.
# Runs are interleaved so both see the same machine load. Target: imgbuild <= 2x Packer's time.
source "$(dirname "$0")/lib.sh"
ensure_pkg packer packer
runs=${RUNS:-15}
template=$bench_dir/templates/validate.json
cd "$bench_dir/templates"
"$imgbuild" validate validate.json >/dev/null   # builds imgbuild if needed and warms its CDS archive
packer validate validate.json >/dev/null
ib=(); pk=()
for _ in $(seq "$runs"); do
  ib+=("$(time_ms "$imgbuild" validate validate.json)")
  pk+=("$(time_ms packer validate validate.json)")
done
ib_med=$(printf '%s\n' "${ib[@]}" | median)
pk_med=$(printf '%s\n' "${pk[@]}" | median)
java_used=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "validate, median of $runs runs on $(nproc) cores, imgbuild on $("$java_used" -version 2>&1 | head -1):"
echo "  imgbuild validate: ${ib_med} ms   (runs: ${ib[*]})"
echo "  packer validate:   ${pk_med} ms   (runs: ${pk[*]})  [$(packer version | head -1)]"
awk -v a="$ib_med" -v b="$pk_med" 'BEGIN { printf "  ratio imgbuild/packer: %.2fx (target <= 2.0x)\n", a / b }'
