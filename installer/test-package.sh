#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the release .deb into a clean Debian 12 root and uses it there:
#   1. installer/setup.sh package builds build-package/shadowscope_<version>_<arch>.deb;
#   2. lintian checks it and fails on any error;
#   3. debootstrap makes a minimal bookworm root (Debian packages only) in
#      build-package/debroot, and apt installs the .deb there with its dependencies;
#   4. inside it, `shadowscope --version` and `shadowscope --sandbox --screenshot` run
#      offscreen; the screenshot is copied to build-package/debroot-screenshot.png;
#   5. `apt-get remove` (and `dpkg --purge`) take everything the package installed away.
# Needs root (debootstrap and chroot; sudo is used otherwise) and the Debian mirror
# (DEBIAN_MIRROR, default http://deb.debian.org/debian). Prints how long each step took.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
package_dir=${BUILD_DIR:-$root/build-package}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
chroot_dir=$package_dir/debroot
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)

step_started=$SECONDS
step() {
    echo "test-package: $1 ($((SECONDS - step_started)) s since the last step)"
    step_started=$SECONDS
}
fail() {
    echo "test-package: FAILED: $*" >&2
    exit 1
}

BUILD_DIR=$package_dir "$root/installer/setup.sh" package
if ! command -v debootstrap >/dev/null || ! command -v lintian >/dev/null; then
    "${sudo[@]}" apt-get update -q >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        debootstrap lintian >/dev/null
fi
version=$(sed -n 's/^project(Shadowscope$//;/^ *VERSION /{s/^ *VERSION //p;q}' "$root/CMakeLists.txt")
deb=$(ls "$package_dir"/shadowscope_"$version"_*.deb)
step "built $(basename "$deb")"

# lintian's own exit status counts warnings too with --fail-on; errors are what fail here.
lintian --fail-on error "$deb" ||
    fail "lintian reports errors"
step "lintian: no errors"

unmount() {
    if mountpoint -q "$chroot_dir/proc"; then
        "${sudo[@]}" umount "$chroot_dir/proc" || "${sudo[@]}" umount --lazy "$chroot_dir/proc"
    fi
}
trap unmount EXIT
unmount
"${sudo[@]}" rm -rf --one-file-system "$chroot_dir"
"${sudo[@]}" debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >"$package_dir/debootstrap.log" ||
    fail "debootstrap (its log: $package_dir/debootstrap.log)"
step "debootstrap: a minimal Debian 12 root"

in_root() { "${sudo[@]}" chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
"${sudo[@]}" mount -t proc proc "$chroot_dir/proc"
# No service that a dependency brings may start in the root (and keep /proc busy).
printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$chroot_dir/usr/sbin/policy-rc.d" >/dev/null
"${sudo[@]}" chmod +x "$chroot_dir/usr/sbin/policy-rc.d"
"${sudo[@]}" cp "$deb" "$chroot_dir/tmp/"
in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Use-Pty=0 --no-install-recommends \
    "/tmp/$(basename "$deb")" >"$package_dir/debroot-install.log" ||
    fail "apt-get install (its log: $package_dir/debroot-install.log)"
step "apt-get install: the package and $(grep -c '^Setting up' "$package_dir/debroot-install.log") packages in all"

printed=$(in_root shadowscope --version)
[ "$printed" = "shadowscope $version" ] || fail "shadowscope --version printed '$printed'"
printed=$(in_root shadowscope-sandbox --version)
[ "$printed" = "shadowscope-sandbox $version" ] || fail "shadowscope-sandbox --version printed '$printed'"
step "--version: $version"

in_root env QT_QPA_PLATFORM=offscreen shadowscope --sandbox /tmp/sandbox --screenshot /tmp/shot.png \
    | tee "$package_dir/debroot-screenshot.txt"
grep -qE '^status: Sandbox · .* · connected( ·|$)' "$package_dir/debroot-screenshot.txt" ||
    fail "the window did not connect to the sandbox"
"${sudo[@]}" cp "$chroot_dir/tmp/shot.png" "$package_dir/debroot-screenshot.png"
file "$package_dir/debroot-screenshot.png" | grep -q 'PNG image data' || fail "no PNG screenshot"
step "--sandbox --screenshot: $package_dir/debroot-screenshot.png"

installed=$(in_root dpkg-query -L shadowscope | grep -E '^/usr/(bin|share/(applications|metainfo|man|icons))/.*\.')
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q -o Dpkg::Use-Pty=0 shadowscope >/dev/null
in_root dpkg --purge shadowscope >/dev/null
[ -z "$(in_root dpkg-query -W -f='${db:Status-Status}' shadowscope 2>/dev/null | grep -v not-installed)" ] ||
    fail "shadowscope is still known to dpkg after the purge"
for file in $installed /usr/bin/shadowscope /usr/bin/shadowscope-sandbox; do
    [ ! -e "$chroot_dir$file" ] || fail "$file is left after apt-get purge"
done
step "apt-get remove: nothing left"
echo "test-package: passed in $SECONDS s"
