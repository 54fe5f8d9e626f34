#!/usr/bin/env bash
# measure-load.sh: how long loading the embedded gazetteer takes in an optimized build, and how
# fast lookups and key normalization are. Not a test (tests never time anything) and not part of
# SwiftPM: it compiles GlossGeo's sources with a small main program using plain swiftc -O.
#
#   scripts/geo/measure-load.sh [RUNS]     # default 5 runs, each in a fresh process
#
# Prints, per run: the first Gazetteer.embedded() call (checks header, checksum and every table),
# then lookups per second over a mix of present and absent keys, and normalizations per second.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/module.modulemap" <<MAP
module GlossGeoData {
    header "$PWD/Plugins/Geo/Data/include/gloss_geo_gazetteer.h"
    export *
}
MAP
cat > "$WORK/main.swift" <<'SWIFT'
let clock = ContinuousClock()
let start = clock.now
let gazetteer = try Gazetteer.embedded()
let loaded = clock.now - start
let words = ["ليبيا", "طرابلس", "الجزائر", "مصراته", "ابو قرين", "tripoli", "paris", "new york", "abu dhabi",
             "والجزائر", "لليبيا", "قال", "في", "الحكومه", "the", "said", "minister", "xqzv", "washington", "سرت"]
var found = 0
let lookups = 2_000_000
let lookupStart = clock.now
for i in 0..<lookups { found &+= gazetteer.candidates(forKey: words[i % words.count]).count }
let lookupTime = clock.now - lookupStart
let texts = ["الجزائروتونس", "مُصْرَاتَة", "Mişrātah", "Abu Dhabi", "واشنطن", "Sana'a", "İstanbul", "طرابلس"]
var length = 0
let normalizations = 500_000
let normalizeStart = clock.now
for i in 0..<normalizations { length &+= GeoKey.normalize(texts[i % texts.count]).utf8.count }
let normalizeTime = clock.now - normalizeStart
func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
print("load_ms=\(String(format: "%.2f", ms(loaded))) places=\(gazetteer.count) keys=\(gazetteer.keyCount) bytes=\(gazetteer.byteCount)"
      + " lookups_per_s=\(Int(Double(lookups) / (ms(lookupTime) / 1000)))"
      + " normalizations_per_s=\(Int(Double(normalizations) / (ms(normalizeTime) / 1000))) (\(found) \(length))")
SWIFT
clang -O2 -c Plugins/Geo/Data/geo_gazetteer.c -I Plugins/Geo/Data/include -I Plugins/Geo/Data/data -o "$WORK/geo_gazetteer.o"
swiftc -O -swift-version 6 -module-name GlossGeoTiming -I "$WORK" Plugins/Geo/*.swift "$WORK/main.swift" \
    "$WORK/geo_gazetteer.o" -o "$WORK/measure-load"
for _ in $(seq "$RUNS"); do "$WORK/measure-load"; done
