#!/bin/sh
# Makes the image generic, so each machine booted from it gets its own identity: no machine-id,
# no apt lists or caches, empty logs and temp dirs, and no SSH host keys where a unit makes them at
# first boot (make-base-disk's imgbuild-ssh-hostkeys; an installer-made system keeps its own).
set -eu
if [ -e /etc/systemd/system/imgbuild-ssh-hostkeys.service ]; then
  rm -f /etc/ssh/ssh_host_*
fi
apt-get clean
rm -rf /var/lib/apt/lists/*
truncate -s 0 /etc/machine-id
rm -f /var/lib/dbus/machine-id
find /var/log -type f -exec truncate -s 0 {} +
rm -rf /tmp/* /var/tmp/*
sync
echo "cleaned up: machine-id, apt caches, logs, temp files, SSH host keys (if remade at boot)"
