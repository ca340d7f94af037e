#!/usr/bin/env bash
# Upload and download of a 1 GiB file through imgbuild's SSH communicator (file provisioner, SFTP)
# vs OpenSSH's scp and sftp, to the same sshd on loopback, in one run, alternating so both see the
# same machine. imgbuild's throughput is the file provisioner's own progress report
# (--output=jsonl); OpenSSH's is wall time. Target: >= 1.0x scp.
source "$(dirname "$0")/lib.sh"
ensure_pkg sshd openssh-server
ensure_pkg scp openssh-client
size_mib=${SIZE_MIB:-1024}
rounds=${ROUNDS:-3}
input=$data/random-${size_mib}m.bin
if [ ! -f "$input" ]; then
  echo "bench: making $input (cached for later runs)" >&2
  head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$input.tmp" && mv "$input.tmp" "$input"
fi
work=$(mktemp -d "$data/ssh.XXXXXX")
sshd_pid=""
cleanup() { [ -n "$sshd_pid" ] && kill "$sshd_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# A private sshd on a free loopback port, logging in as the current user with a key made here.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh-keygen -q -t ed25519 -N '' -f "$work/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$work/user_key"
cp "$work/user_key.pub" "$work/authorized_keys"
mkdir -p /run/sshd 2>/dev/null || true
cat > "$work/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $work/host_key
PidFile $work/sshd.pid
UsePAM no
PasswordAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
AuthorizedKeysFile $work/authorized_keys
StrictModes no
Subsystem sftp internal-sftp
CONF
/usr/sbin/sshd -D -e -f "$work/sshd_config" 2>"$work/sshd.log" &
sshd_pid=$!
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
user=$(id -un)
remote_dir=$work/remote
mkdir -p "$remote_dir"
ssh_opts=(-o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR
          -i "$work/user_key")
cp "$input" "$remote_dir/download.bin"

cat > "$work/t.json" <<JSON
{"builders": [{"type": "null", "ssh_host": "127.0.0.1", "ssh_port": $port, "ssh_username": "$user",
               "ssh_private_key_file": "$work/user_key"}],
 "provisioners": [
   {"type": "file", "source": "$input", "destination": "$remote_dir/upload.bin"},
   {"type": "file", "source": "$remote_dir/download.bin", "destination": "$work/download.bin", "direction": "download"}]}
JSON
"$imgbuild" version >/dev/null

mibps() { awk -v s="$size_mib" -v ms="$1" 'BEGIN { printf "%.1f", s * 1000 / ms }'; }
best() { sort -n | head -1; }
scp_up=(); scp_gcm_up=(); sftp_up=(); scp_down=(); sftp_down=(); ib_up=(); ib_down=(); ib_wall=()
for _ in $(seq "$rounds"); do
  scp_up+=("$(time_ms scp -q "${ssh_opts[@]}" -P "$port" "$input" "$user@127.0.0.1:$remote_dir/scp.bin")")
  scp_gcm_up+=("$(time_ms scp -q -c aes128-gcm@openssh.com "${ssh_opts[@]}" -P "$port" "$input" "$user@127.0.0.1:$remote_dir/scp.bin")")
  sftp_up+=("$(time_ms sftp -q "${ssh_opts[@]}" -P "$port" -b <(echo "put $input $remote_dir/sftp.bin") "$user@127.0.0.1")")
  scp_down+=("$(time_ms scp -q "${ssh_opts[@]}" -P "$port" "$user@127.0.0.1:$remote_dir/download.bin" "$work/scp-down.bin")")
  sftp_down+=("$(time_ms sftp -q "${ssh_opts[@]}" -P "$port" -b <(echo "get $remote_dir/download.bin $work/sftp-down.bin") "$user@127.0.0.1")")
  rm -f "$work/download.bin" "$remote_dir/upload.bin"
  t0=$(now_ns)
  events=$(cd "$work" && "$imgbuild" build --output=jsonl t.json)
  t1=$(now_ns)
  ib_wall+=("$(( (t1 - t0) / 1000000 ))")
  rate() { echo "$events" | grep '"type":"progress"' | grep '"finished":true' | grep "\"label\":\"$1\"" \
           | sed 's/.*"bytes_per_second":\([0-9]*\).*/\1/'; }
  ib_up+=("$(( size_mib * 1024 * 1024 * 1000 / $(rate "$(basename "$input")") ))")
  ib_down+=("$(( size_mib * 1024 * 1024 * 1000 / $(rate download.bin) ))")
done
cmp -s "$input" "$remote_dir/upload.bin" || { echo "bench: upload differs!" >&2; exit 1; }
cmp -s "$input" "$work/download.bin" || { echo "bench: download differs!" >&2; exit 1; }

su=$(printf '%s\n' "${scp_up[@]}" | best); sgu=$(printf '%s\n' "${scp_gcm_up[@]}" | best)
fu=$(printf '%s\n' "${sftp_up[@]}" | best); sd=$(printf '%s\n' "${scp_down[@]}" | best)
fd=$(printf '%s\n' "${sftp_down[@]}" | best); iu=$(printf '%s\n' "${ib_up[@]}" | best)
idn=$(printf '%s\n' "${ib_down[@]}" | best); iw=$(printf '%s\n' "${ib_wall[@]}" | best)
java_used=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "SSH transfer of a ${size_mib} MiB file on loopback, best of $rounds, $(nproc) cores, $(ssh -V 2>&1),"
echo "imgbuild on $("$java_used" -version 2>&1 | head -1):"
echo "  upload:   imgbuild $(mibps "$iu") MiB/s | scp $(mibps "$su") (aes128-gcm $(mibps "$sgu")) | sftp put $(mibps "$fu")"
echo "  download: imgbuild $(mibps "$idn") MiB/s | scp $(mibps "$sd") | sftp get $(mibps "$fd")"
echo "  imgbuild whole build (connect, upload, download, JVM start): $iw ms"
awk -v iu="$iu" -v su="$su" -v fu="$fu" -v idn="$idn" -v sd="$sd" -v fd="$fd" 'BEGIN {
  printf "  ratios: upload %.2fx scp, %.2fx sftp; download %.2fx scp, %.2fx sftp (target >= 1.0x scp)\n",
         su / iu, fu / iu, sd / idn, fd / idn }'
