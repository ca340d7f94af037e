#!/bin/sh
# Lets `vagrant up` log in to a machine made from the box: Vagrant's well-known insecure public key
# for the vagrant user (Vagrant swaps it for a key of its own at the first `vagrant up`). The key is
# public by design; a box meant for anything but local development should not carry it.
set -eu
home=$(getent passwd vagrant | cut -d: -f6)
install -d -m 0700 -o vagrant -g vagrant "$home/.ssh"
key='ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzIw+niNltGEFHzD8+v1I2YJ6oXevct1YeS0o9HZyN1Q9qgCgzUFtdOKLv6IedplqoPkcmF0aYet2PkEDo3MlTBckFXPITAMzF8dJSIFo9D8HfdOV0IAdx4O7PtixWKn5y2hMNG0zQPyUecp4pzC6kivAIhyfHilFR61RGL+GPXQ2MWZWFYbAGjyiYJnAmCP3NOTd0jMZEnDkbUvxhMmBYSdETk1rRgm+R4LOzFUGaHqHDLKLX+FIPKcF96hrucXzcWyLbIbEgE98OHlnVYCzRdK8jlqm8tehUc9c9WhQ== vagrant insecure public key'
grep -qxF "$key" "$home/.ssh/authorized_keys" 2>/dev/null || echo "$key" >> "$home/.ssh/authorized_keys"
chown vagrant:vagrant "$home/.ssh/authorized_keys"
chmod 0600 "$home/.ssh/authorized_keys"
echo "installed Vagrant's insecure public key for vagrant"
