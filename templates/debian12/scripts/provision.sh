#!/bin/sh
# What this image is for goes here. The example records how it was made, so a machine booted from
# it can tell: cat /etc/imgbuild-release.
set -eu
cat > /etc/imgbuild-release <<INFO
built_by=imgbuild
build_name=${BUILD_NAME:-unknown}
built_at=${BUILT_AT:-unknown}
debian_version=$(cat /etc/debian_version)
INFO
echo "wrote /etc/imgbuild-release:"
cat /etc/imgbuild-release
