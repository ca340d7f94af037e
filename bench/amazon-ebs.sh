#!/usr/bin/env bash
# A whole amazon-ebs build, imgbuild vs Packer 1.6.6, against the same EC2 simulator
# (bin/imgbuild-sim: the EC2 Query API with real state and timed transitions), one template both
# read unchanged: source_ami_filter, launch, stop, create the AMI, copy it to two regions, tag AMIs and
# snapshots, clean up. communicator "none": this measures the AWS orchestration (and start-up), not SSH.
# Both poll every second (AWS_POLL_DELAY_SECONDS=1, which both honour). Median of ROUNDS alternating
# rounds (default 3). THROTTLE=0.3 answers that share of calls RequestLimitExceeded.
source "$(dirname "$0")/lib.sh"
ensure_pkg packer packer
ensure_pkg curl curl
rounds=${ROUNDS:-3}
work=$(mktemp -d "$data/amazon-ebs.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$repo/bin/imgbuild-sim" ec2 --port "$port" --instance-start 2s --instance-stop 2s --instance-terminate 1s \
  --image-available 3s --throttle "${THROTTLE:-0}" > "$work/sim.log" 2>&1 &
sim=$!
trap 'kill $sim 2>/dev/null; wait $sim 2>/dev/null || true; rm -rf "$work"' EXIT  # (set -e: the killed simulator's 143 is not ours)
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$port/_sim/leftovers" >/dev/null && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/_sim/leftovers" >/dev/null || { echo "bench: the simulator did not start" >&2; cat "$work/sim.log" >&2; exit 1; }
cat > "$work/t.json" <<JSON
{"builders": [{"type": "amazon-ebs", "access_key": "AKIDBENCH", "secret_key": "bench-secret",
  "region": "us-east-1", "custom_endpoint_ec2": "http://127.0.0.1:$port/",
  "skip_metadata_api_check": true, "skip_credential_validation": true,
  "source_ami_filter": {"owners": ["136693071363"], "most_recent": true, "filters": {"name": "debian-12-amd64-*"}},
  "instance_type": "t3.micro", "communicator": "none",
  "ami_name": "bench {{timestamp}} {{uuid}}", "ami_regions": ["us-west-2", "eu-west-1"],
  "tags": {"Base": "{{ .SourceAMIName }}"}, "snapshot_tags": {"Built": "bench"}}]}
JSON
"$imgbuild" version >/dev/null
export AWS_POLL_DELAY_SECONDS=1 CHECKPOINT_DISABLE=1
# run_ms CMD...: wall time in ms, or "failed" (under throttling a failed build is a result, not an error)
run_ms() {
  local t0 t1
  t0=$(now_ns)
  if (cd "$work" && "$@" > "$work/last.log" 2>&1); then t1=$(now_ns); echo $(( (t1 - t0) / 1000000 ));
  else echo failed; grep -iE "error|fail" "$work/last.log" | tail -2 >&2; fi
}
ib=(); pk=()
for _ in $(seq 1 "$rounds"); do
  ib+=("$(run_ms "$imgbuild" build t.json)")
  pk+=("$(run_ms packer build t.json)")
done
left=$(curl -sf "http://127.0.0.1:$port/_sim/leftovers")
ib_med=$(printf '%s\n' "${ib[@]}" | grep -v failed | median)
pk_med=$(printf '%s\n' "${pk[@]}" | grep -v failed | median)
echo "amazon-ebs build against the EC2 simulator (copy to 2 regions, throttle ${THROTTLE:-0}), median of $rounds on $(nproc) cores:"
echo "  imgbuild ${ib_med:-none} ms (runs: ${ib[*]})"
echo "  packer   ${pk_med:-none} ms (runs: ${pk[*]})"
[ -n "$ib_med" ] && [ -n "$pk_med" ] && awk -v i="$ib_med" -v p="$pk_med" 'BEGIN { printf "  imgbuild / packer wall time (successful runs): %.2fx\n", i / p }'
echo "  left in the account (AMIs and snapshots expected): $(grep -o '"type":"[a-z-]*"' <<<"$left" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
