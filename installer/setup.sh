#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The set-up behind the README's two commands, for a fresh Debian 12 machine:
#   installer/setup.sh run [ARGS...]   install what is missing, build, start `shadowscope --sandbox ARGS`
#   installer/setup.sh test            install what is missing, build, run every test
#   installer/setup.sh build           install what is missing and build only
#   installer/setup.sh sanitize        install what is missing, build with clang, AddressSanitizer
#                                      (with LeakSanitizer) and UBSan in build-sanitize, run every
#                                      test: any finding fails its test
#   installer/setup.sh package         install what is missing, make the release .deb and .tar.gz
#   installer/setup.sh bench           install what the benchmarks need too, build optimised in
#                                      build-bench, run every benchmark (tests/bench/run-benchmarks.sh)
# Environment: BUILD_DIR (default build; package: build-package; sanitize: build-sanitize),
#              BUILD_TYPE (default RelWithDebInfo; package: Release; sanitize: Debug at -O1),
#              SHADOWSCOPE_WERROR=ON to fail on warnings (CI does).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# install_packages [LIST...]: the Debian packages named in installer/debian-packages.txt and
# in each further LIST file that are not installed yet.
install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -Ehv '^\s*(#|$)' "$root/installer/debian-packages.txt" "$@")
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S "$root" -B "$build_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE="$build_type" \
        -DSHADOWSCOPE_WERROR="${SHADOWSCOPE_WERROR:-OFF}" "$@"
    cmake --build "$build_dir" --parallel "$(nproc)"
}

# The release packages: no tests, Debian's hardening flags (as dpkg-buildpackage would use),
# then CPack (installer/packaging.cmake) writes the .deb and the .tar.gz into the build dir.
package() {
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    build -DSHADOWSCOPE_BUILD_TESTS=OFF \
        -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)" \
        -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)"
    (cd "$build_dir" && cpack)
}

# The whole suite under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer. clang,
# because it compiles this code with the sanitizers more than twice as fast as gcc (7 s against
# 17 s for tst_sandboxserver.cpp at -O1), which keeps CI's two builds within its budget; -O1
# keeps the tests' run time close to an optimised build's. Every finding aborts its test.
sanitize() {
    CXX=clang++ build -DSHADOWSCOPE_SANITIZE=ON -DCMAKE_CXX_FLAGS=-O1 -DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld
    export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    run_tests
}

run_tests() {
    # The keychain tests need a real Secret Service: a private D-Bus session with an
    # unlocked gnome-keyring, so nothing touches the user's own keyring. The daemon keeps its
    # keyrings under XDG_DATA_HOME: without a private one it would unlock (or create) the
    # user's own login keyring with the test password, and fail when that is not its password.
    dbus-run-session -- bash -c '
        set -e
        export XDG_RUNTIME_DIR=$(mktemp -d)
        eval "$(printf shadowscope-test | XDG_DATA_HOME=$XDG_RUNTIME_DIR/data gnome-keyring-daemon --unlock --components=secrets)"
        export QT_QPA_PLATFORM=offscreen
        exec ctest --test-dir "$1" --output-on-failure --no-tests=error --parallel "$(nproc)"
    ' bash "$build_dir"
}

command=${1:-}
[ $# -gt 0 ] && shift
if [ "$command" = package ]; then
    build_dir=${BUILD_DIR:-$root/build-package}
    build_type=${BUILD_TYPE:-Release}
elif [ "$command" = sanitize ]; then
    build_dir=${BUILD_DIR:-$root/build-sanitize}
    build_type=${BUILD_TYPE:-Debug}
else
    build_dir=${BUILD_DIR:-$root/build}
    build_type=${BUILD_TYPE:-RelWithDebInfo}
fi
case "$command" in
    run)     install_packages; build; exec "$build_dir/app/shadowscope" --sandbox "$@" ;;
    test)    install_packages; build; run_tests ;;
    build)   install_packages; build ;;
    sanitize) install_packages "$root/installer/sanitizer-packages.txt"; sanitize ;;
    package) install_packages; package ;;
    bench)   install_packages "$root/installer/bench-packages.txt"
             exec "$root/tests/bench/run-benchmarks.sh" ;;
    *)       sed -n '4,/^[^#]/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
