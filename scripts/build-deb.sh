#!/usr/bin/env bash
# Builds the Debian package .build/deb/gloss_<version>_<architecture>.deb from the release build
# (`make deb` runs `make release` first, then this script).
#
#   scripts/build-deb.sh [--release DIR] [--output DIR] [--no-lintian] [--uncompressed]
#   scripts/build-deb.sh --print-path      the path the package gets, without building it
#
# --uncompressed skips xz (seconds instead of half a minute; the packaging tests use it).
#
# What it does, the way debhelper would for a package with one binary and one service:
#   1. `make install DESTDIR=<package root> PREFIX=/usr` of the release build;
#   2. the Swift runtime libraries gloss and the analyzers need (found with ldd, transitively)
#      are copied into /usr/lib/gloss/swift, and the RUNPATH of gloss and of the analyzers is
#      rewritten to point there relative to $ORIGIN: host and plugins share that one runtime;
#   3. binaries stripped as dh_strip does, man pages and changelog compressed, copyright;
#   4. a check that every library resolves inside the package or to a Debian package with the
#      Swift toolchain hidden (a private mount namespace), and that gloss loads its analyzers;
#   5. DEBIAN/: control (Depends from dpkg-shlibdeps, Installed-Size as dpkg-gencontrol counts
#      it), conffiles, md5sums and the maintainer scripts of packaging/deb/;
#   6. dpkg-deb --build, then lintian (errors fail the build; warnings are printed).
#
# The upstream version has one source, GlossVersion.current (gloss --version); the Debian
# revision and the maintainer come from packaging/deb/changelog, whose first entry must carry the
# same upstream version.
set -euo pipefail
cd "$(dirname "$0")/.."

release=.build/release
output=.build/deb
run_lintian=yes
print_path=no
compression=xz
while [ $# -gt 0 ]; do
    case "$1" in
        --release) release=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        --no-lintian) run_lintian=no; shift ;;
        --uncompressed) compression=none; shift ;;
        --print-path) print_path=yes; shift ;;
        -h|--help) sed -n '2,/^set -e/p' "$0" | sed -e '/^set -e/d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-deb: unknown argument '$1' (see $0 --help)" >&2; exit 2 ;;
    esac
done

fail() { echo "build-deb: $*" >&2; exit 1; }
release=$(realpath -m "$release")
output=$(realpath -m "$output")

missing=()
for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog patchelf strip ldd gzip; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || fail "missing tools: ${missing[*]}. Install them with: apt-get install dpkg-dev patchelf binutils"

# --- version -------------------------------------------------------------------------------
upstream_version=$(sed -n 's/.*static let current = "\([^"]*\)".*/\1/p' Sources/GlossCore/GlossVersion.swift)
[ -n "$upstream_version" ] || fail "could not read the version from Sources/GlossCore/GlossVersion.swift"
version=$(dpkg-parsechangelog -l packaging/deb/changelog -S Version)
maintainer=$(dpkg-parsechangelog -l packaging/deb/changelog -S Maintainer)
if [ "${version%-*}" != "$upstream_version" ]; then
    fail "packaging/deb/changelog starts with version $version, but gloss is $upstream_version (GlossVersion.current). Add a changelog entry for $upstream_version-1 (dch -v $upstream_version-1)."
fi
architecture=$(dpkg --print-architecture)
package="$output/gloss_${version}_${architecture}.deb"
if [ "$print_path" = yes ]; then
    echo "$package"
    exit 0
fi

for file in gloss libgloss-date.so libgloss-entity.so libgloss-geo.so; do
    [ -f "$release/$file" ] || fail "$release/$file is missing: run 'make release' first (or 'make deb', which does)."
done

# --- 1. make install into the package root ----------------------------------------------------
work="$output/work"
root="$work/debian/gloss"
rm -rf "$work"
mkdir -p "$work/debian"
umask 022
echo "build-deb: installing the release build into $root"
"${MAKE:-make}" --no-print-directory -o release install DESTDIR="$root" PREFIX=/usr RELEASE="$release" >/dev/null

binary="$root/usr/bin/gloss"
plugins=("$root"/usr/lib/gloss/plugins/*.so)
runtime="$root/usr/lib/gloss/swift"

# --- 2. the Swift runtime ---------------------------------------------------------------------
# ldd resolves the whole dependency tree (libFoundationInternationalization pulls in
# lib_FoundationICU, libswiftGlibc libswift_Builtin_float, ...). The Swift runtime is every
# library that resolves into the directory libswiftCore.so comes from; the rest are Debian's.
ldd_output=$(ldd "$binary" "${plugins[@]}")
if grep -q 'not found' <<<"$ldd_output"; then
    fail "some libraries of the release build are not found:"$'\n'"$(grep 'not found' <<<"$ldd_output")"
fi
swift_core=$(awk '$1 == "libswiftCore.so" && $2 == "=>" { print $3; exit }' <<<"$ldd_output")
[ -n "$swift_core" ] || fail "gloss does not link libswiftCore.so; is $release a Swift build?"
swift_directory=$(dirname "$(readlink -f "$swift_core")")
mapfile -t swift_libraries < <(awk '$2 == "=>" { print $3 }' <<<"$ldd_output" | sort -u \
    | while read -r library; do [ "$(dirname "$(readlink -f "$library")")" = "$swift_directory" ] && echo "$library"; done)
mkdir -p "$runtime"
for library in "${swift_libraries[@]}"; do
    install -m 0644 "$library" "$runtime/$(basename "$library")"
done
echo "build-deb: bundled ${#swift_libraries[@]} Swift runtime libraries from $swift_directory"

# --- 3. strip (as dh_strip), RUNPATH, documentation --------------------------------------------
strip --remove-section=.comment --remove-section=.note "$binary"
strip --remove-section=.comment --remove-section=.note --strip-unneeded "${plugins[@]}" "$runtime"/*.so
# The analyzers' own RUNPATH ($ORIGIN) has no use once installed: they need only the runtime.
# The runtime libraries keep theirs ($ORIGIN: they find each other in the same directory).
# shellcheck disable=SC2016 # $ORIGIN is for the dynamic loader, not the shell
patchelf --set-rpath '$ORIGIN/../lib/gloss/swift' "$binary"
for plugin in "${plugins[@]}"; do
    # shellcheck disable=SC2016 # as above
    patchelf --set-rpath '$ORIGIN/../swift' "$plugin"
done

gzip -9n "$root"/usr/share/man/man1/gloss.1 "$root"/usr/share/man/man5/gloss.yaml.5
install -d "$root/usr/share/doc/gloss" "$root/usr/share/lintian/overrides"
install -m 0644 packaging/deb/copyright "$root/usr/share/doc/gloss/copyright"
gzip -9n -c packaging/deb/changelog > "$root/usr/share/doc/gloss/changelog.Debian.gz"
install -m 0644 packaging/deb/lintian-overrides "$root/usr/share/lintian/overrides/gloss"
# README.Debian names the Swift version of the bundled runtime: Swift plugins must match it.
swift_compiler="$swift_directory/../../../bin/swift"
[ -x "$swift_compiler" ] || fail "cannot find the Swift compiler beside the runtime ($swift_compiler) to record its version"
swift_version=$("$swift_compiler" --version 2>/dev/null | sed -n 's/^.*Swift version \([^ ]*\).*$/\1/p' | head -n 1)
[ -n "$swift_version" ] || fail "could not read the version of $swift_compiler"
sed "s|@SWIFT_VERSION@|$swift_version|" packaging/deb/README.Debian.in > "$root/usr/share/doc/gloss/README.Debian"
chmod 0644 "$root/usr/share/doc/gloss/README.Debian"

# --- 4. the libraries resolve without the toolchain -------------------------------------------
# In a private mount namespace an empty tmpfs hides the toolchain's runtime directory: each
# Swift library must then come from the package, and the staged gloss must load its three
# analyzers (it finds them in ../lib/gloss/plugins beside itself).
check_without_toolchain() {
    local hidden=$1 binary=$2 config=$3; shift 3
    mount -t tmpfs none "$hidden"
    local out status=0
    out=$(ldd "$binary" "$@") || status=$?
    if [ $status -ne 0 ] || grep -q 'not found' <<<"$out" || grep -qF "$hidden" <<<"$out"; then
        echo "$out" >&2
        echo "build-deb: with $hidden hidden, the libraries above do not all resolve inside the package." >&2
        return 1
    fi
    "$binary" plugins list --config "$config"
}
export -f check_without_toolchain
unshare_options=(--mount)
[ "$(id -u)" -eq 0 ] || unshare_options+=(--map-root-user)
listing=$(unshare "${unshare_options[@]}" bash -c 'check_without_toolchain "$@"' check \
    "$swift_directory" "$binary" "$root/etc/gloss/gloss.yaml" "${plugins[@]}" "$runtime"/*.so) \
    || fail "the package's binaries do not run without the Swift toolchain (see above)"
for id in gloss.date gloss.entity gloss.geo; do
    grep -q "^$id " <<<"$listing" || fail "without the Swift toolchain, gloss did not load $id:"$'\n'"$listing"
done
if grep -q refused <<<"$listing"; then fail "without the Swift toolchain, gloss refused a plugin:"$'\n'"$listing"; fi
echo "build-deb: with $swift_directory hidden, every library resolves in the package and gloss loads its analyzers"

# --- 5. DEBIAN/ ---------------------------------------------------------------------------------
# dpkg-shlibdeps reads debian/control, treats libraries below debian/gloss as the package's own,
# and needs debian/gloss/DEBIAN to resolve $ORIGIN. Two kinds of its warnings are left out: the
# Swift runtime's names carry no version (libswiftCore.so; they are the package's own and need no
# Depends), and the Swift driver links every runtime library whether or not a binary uses it.
install -d -m 0755 "$root/DEBIAN"
printf 'Source: gloss\nMaintainer: %s\n\nPackage: gloss\nArchitecture: any\n' "$maintainer" > "$work/debian/control"
elf_files=(usr/bin/gloss)
for file in "${plugins[@]}" "$runtime"/*.so; do elf_files+=("${file#"$root"/}"); done
(cd "$work" && dpkg-shlibdeps -Tdebian/gloss.substvars "${elf_files[@]/#/-edebian/gloss/}" 2>&1) \
    | { grep -v -e "can't extract name and version from library name" -e 'could avoid a useless dependency' || true; }
shlibs=$(sed -n 's/^shlibs:Depends=//p' "$work/debian/gloss.substvars")
[ -n "$shlibs" ] || fail "dpkg-shlibdeps found no dependencies"
# postinst creates the user with systemd-sysusers when systemd is there, else with adduser.
depends="$shlibs, adduser"

# Installed-Size as dpkg-gencontrol counts it: each file's size in KiB rounded up, one per
# directory or link; DEBIAN/ is not installed.
installed_size=$(find "$root" -mindepth 1 -path "$root/DEBIAN" -prune -o \( -type f -printf '%s\n' \) -o \( ! -type f -printf 'x\n' \) \
    | awk '$1 == "x" { total += 1; next } { total += int(($1 + 1023) / 1024) } END { print total }')

sed -e "s|@VERSION@|$version|" -e "s|@ARCHITECTURE@|$architecture|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@INSTALLED_SIZE@|$installed_size|" -e "s#@DEPENDS@#$depends#" \
    packaging/deb/control.in > "$root/DEBIAN/control"
install -m 0644 packaging/deb/conffiles "$root/DEBIAN/conffiles"
install -m 0755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
    > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"

# --- 6. build and check ----------------------------------------------------------------------------
dpkg-deb --root-owner-group -Z"$compression" --build "$root" "$package.tmp" >/dev/null
mv "$package.tmp" "$package"
echo "build-deb: built $package"
dpkg-deb --field "$package" Package Version Architecture Installed-Size Depends

if [ "$run_lintian" = yes ]; then
    if command -v lintian >/dev/null 2>&1; then
        echo "build-deb: lintian $package"
        lintian --fail-on error "$package" \
            || fail "lintian reports errors (above)"
        echo "build-deb: lintian: no errors"
    else
        echo "build-deb: lintian is not installed (apt-get install lintian); the package was not checked" >&2
    fi
fi
