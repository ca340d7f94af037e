#!/usr/bin/env bash
# The vagrant post-processor vs Packer 1.6.6's and vs `tar | pigz -6`, boxing the same disk at gzip
# level 6, best of 3, alternating. The disk is a Debian 12 qcow2 (BASE_DISK=, else the one
# templates/debian12/make-base-disk caches). Packer 1.6.6's libvirt provider cannot box a plain file
# (it needs the qemu builder's state), so Packer makes a virtualbox box of the same disk with a
# hand-made OVF (artifice -> vagrant); imgbuild makes the libvirt box (file builder -> vagrant). Both
# boxes hold the disk and a few small files, so the compressed bytes are nearly the same.
# imgbuild's figure is its box-writing step as it reports it (--output=jsonl); Packer's is its whole
# `packer build` (a null build, artifice, then the vagrant post-processor, which copies the disk to a
# scratch directory before tar+gzip); peak RSS of each comes from /usr/bin/time.
source "$(dirname "$0")/lib.sh"
ensure_pkg packer packer
ensure_pkg pigz pigz
disk=${BASE_DISK:-$("$repo/templates/debian12/make-base-disk" | tail -1)}
[ -f "$disk" ] || { echo "bench: no base disk at $disk" >&2; exit 1; }
size=$(stat -c %s "$disk")
size_mib=$(( size / 1024 / 1024 ))
work=$(mktemp -d "$data/vagrant-box.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$repo/postprocessors/src/test/resources/vagrant/deb.ovf" "$work/deb.ovf"
ln -s "$disk" "$work/deb-disk001.vmdk"
cat > "$work/packer.json" <<JSON
{"builders": [{"type": "null", "communicator": "none"}],
 "post-processors": [[
   {"type": "artifice", "files": ["$work/deb.ovf", "$work/deb-disk001.vmdk"]},
   {"type": "vagrant", "provider_override": "virtualbox", "compression_level": 6, "keep_input_artifact": true,
    "output": "$work/packer.box"}]]}
JSON
cat > "$work/imgbuild.json" <<JSON
{"builders": [{"type": "file", "source": "$disk", "target": "$work/input.qcow2"}],
 "post-processors": [{"type": "vagrant", "provider_override": "libvirt", "compression_level": 6,
   "keep_input_artifact": true, "output": "$work/imgbuild.box"}]}
JSON
cat "$disk" > /dev/null   # page cache warm for all
"$imgbuild" version >/dev/null
rss_kib() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; }
best_pigz=999999; best_packer=999999; best_ib=999999; ib_rss=0; packer_rss=0
for _ in 1 2 3; do
  rm -f "$work/pigz.tar.gz"
  t0=$(now_ns); tar -C "$work" -chf - deb.ovf deb-disk001.vmdk | pigz -6 > "$work/pigz.tar.gz"; t1=$(now_ns)
  t=$(( (t1 - t0) / 1000000 )); [ "$t" -lt "$best_pigz" ] && best_pigz=$t

  rm -f "$work/packer.box"
  t0=$(now_ns)
  (cd "$work" && CHECKPOINT_DISABLE=1 TMPDIR=$work /usr/bin/time -v -o "$work/packer.time" packer build packer.json >/dev/null)
  t1=$(now_ns)
  t=$(( (t1 - t0) / 1000000 )); [ "$t" -lt "$best_packer" ] && best_packer=$t
  packer_rss=$(rss_kib "$work/packer.time")

  rm -f "$work/imgbuild.box" "$work/input.qcow2"
  rate=$(cd "$work" && /usr/bin/time -v -o "$work/imgbuild.time" "$imgbuild" build --output=jsonl imgbuild.json \
         | grep '"type":"progress"' | grep '"finished":true' | grep 'Writing imgbuild.box' \
         | sed 's/.*"bytes_per_second":\([0-9.]*\).*/\1/')
  ms=$(awk -v s="$size" -v r="$rate" 'BEGIN { printf "%d", s * 1000 / r }')
  [ "$ms" -lt "$best_ib" ] && best_ib=$ms
  ib_rss=$(rss_kib "$work/imgbuild.time")
done
gzip -t "$work/imgbuild.box" "$work/packer.box"
echo "a Vagrant box of a ${size_mib} MiB qcow2 at gzip level 6, best of 3 on $(nproc) cores:"
awk -v s="$size_mib" -v i="$best_ib" -v p="$best_packer" -v g="$best_pigz" \
    -v ir="$ib_rss" -v pr="$packer_rss" -v ib="$(stat -c %s "$work/imgbuild.box")" \
    -v pb="$(stat -c %s "$work/packer.box")" -v gb="$(stat -c %s "$work/pigz.tar.gz")" 'BEGIN {
  printf "  imgbuild vagrant (libvirt):  %6.1f MiB/s  (%d ms; box %d bytes; peak RSS of the whole imgbuild run %d MiB)\n", s*1000/i, i, ib, ir/1024
  printf "  packer 1.6.6 vagrant (vbox): %6.1f MiB/s  (%d ms; box %d bytes; peak RSS %d MiB)\n", s*1000/p, p, pb, pr/1024
  printf "  tar | pigz -6:               %6.1f MiB/s  (%d ms; %d bytes)\n", s*1000/g, g, gb
  printf "  ratio imgbuild/packer: %.2fx, imgbuild/pigz: %.2fx (throughput)\n", p / i, g / i }'
