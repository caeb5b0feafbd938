#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks what the packages install, from the build tree the tests run in:
#   check-package.sh BUILD_DIR WORK_DIR make       cpack the .deb and .tar.gz into WORK_DIR, unpacked
#   check-package.sh BUILD_DIR WORK_DIR lintian    no lintian errors or warnings
#   check-package.sh BUILD_DIR WORK_DIR desktop    desktop entry, AppStream metainfo, icons
#   check-package.sh BUILD_DIR WORK_DIR manpages   each option of --help documented, no groff warnings
#   check-package.sh BUILD_DIR WORK_DIR versions   one version in CMake, metainfo, changelog, man pages
#   check-package.sh BUILD_DIR WORK_DIR archive    the tar.gz runs from wherever it is unpacked
set -euo pipefail

build_dir=$1 work=$2 check=$3
app_id=io.github.shadowscope.Shadowscope
deb_root=$work/deb
archive_root=$work/archive

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

case "$check" in
make)
    rm -rf "$work"
    mkdir -p "$work"
    cpack --config "$build_dir/CPackConfig.cmake" -G "DEB;TGZ" -B "$work" >"$work/cpack.log" ||
        { cat "$work/cpack.log"; fail "cpack"; }
    dpkg-deb -x "$work"/shadowscope_*.deb "$deb_root"
    mkdir -p "$archive_root"
    tar -xzf "$work"/shadowscope-*.tar.gz -C "$archive_root"
    ls "$work"
    ;;
lintian)
    lintian --fail-on error,warning "$work"/shadowscope_*.deb ||
        fail "lintian reports the tags above"
    ;;
desktop)
    desktop=$deb_root/usr/share/applications/$app_id.desktop
    metainfo=$deb_root/usr/share/metainfo/$app_id.metainfo.xml
    desktop-file-validate --warn-kde "$desktop" || fail "desktop-file-validate"
    appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate"
    grep -qx "Icon=$app_id" "$desktop" || fail "the desktop entry's Icon is not $app_id"
    grep -qx 'Exec=shadowscope' "$desktop" || fail "the desktop entry does not start shadowscope"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" ||
        fail "the metainfo does not launch $app_id.desktop"
    icons=$deb_root/usr/share/icons/hicolor
    [ -s "$icons/scalable/apps/$app_id.svg" ] || fail "no scalable icon"
    for size in 16 22 24 32 48 64 128 256 512; do
        file "$icons/${size}x$size/apps/$app_id.png" | grep -q "PNG image data, $size x $size," ||
            fail "no ${size}x$size icon"
    done
    echo "desktop entry, metainfo and icons are valid"
    ;;
manpages)
    for program in shadowscope shadowscope-sandbox; do
        page=$deb_root/usr/share/man/man1/$program.1.gz
        [ -s "$page" ] || fail "no man page for $program"
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
        [ -z "$warnings" ] || fail "$program.1: $warnings"
        text=$(LC_ALL=C.UTF-8 MANWIDTH=200 man -E UTF-8 -l "$page" 2>/dev/null)
        options=$("$build_dir/app/$program" --help | grep -oE '^ +(-[a-z], )?--[a-z-]+' | grep -oE -- '--[a-z-]+')
        for option in $options; do
            grep -qE -- "(^|[^[:alnum:]-])$option([^[:alnum:]-]|$)" <<<"$text" ||
                fail "$program.1 does not document $option"
        done
        echo "$program.1 documents $(wc -w <<<"$options") options"
    done
    ;;
versions)
    version=$("$build_dir/app/shadowscope" --version | sed 's/^shadowscope //')
    metainfo=$(grep -oE '<release version="[^"]+"' "$deb_root/usr/share/metainfo/$app_id.metainfo.xml" | head -1)
    [ "$metainfo" = "<release version=\"$version\"" ] || fail "the metainfo's newest release is not $version: $metainfo"
    changelog=$(zcat "$deb_root/usr/share/doc/shadowscope/changelog.gz" | head -1)
    [[ "$changelog" == "shadowscope ($version) "* ]] || fail "the changelog starts with: $changelog"
    [ "$(dpkg-deb -f "$work"/shadowscope_*.deb Version)" = "$version" ] || fail "the package's version"
    for page in "$deb_root"/usr/share/man/man1/*.gz; do
        zcat "$page" | grep -q "^\.TH .* \"Shadowscope $version\"" || fail "$(basename "$page") is not for $version"
    done
    echo "every place says $version"
    ;;
archive)
    top=$(ls "$archive_root")
    for program in shadowscope shadowscope-sandbox; do
        printed=$(cd / && QT_QPA_PLATFORM=offscreen "$archive_root/$top/bin/$program" --version)
        [ "$printed" = "$program $("$build_dir/app/$program" --version | sed 's/^[^ ]* //')" ] ||
            fail "$top/bin/$program --version printed $printed"
    done
    [ -f "$archive_root/$top/share/applications/$app_id.desktop" ] || fail "no desktop entry in the archive"
    echo "$top runs from $archive_root"
    ;;
*)
    fail "unknown check $check"
    ;;
esac
