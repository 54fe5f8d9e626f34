// Prints the Arabic name of every two-letter ISO 3166 region code that Foundation knows, from the
// CLDR data of the toolchain's ICU: one `ISO2<TAB>Arabic name` line per code, sorted by code, no
// header. build-gazetteer.py reads the committed output, Plugins/Geo/Data/cldr-ar-countries.tsv.
//
// Run it with the plain compiler, not SwiftPM (it is a tool for the data, not part of Gloss):
//
//     swift scripts/geo/cldr-country-names.swift > Plugins/Geo/Data/cldr-ar-countries.tsv
//     # or: swiftc -O scripts/geo/cldr-country-names.swift -o /tmp/cldr && /tmp/cldr > ...
//
// The names are CLDR's (Unicode License v3); see Plugins/Geo/Data/ATTRIBUTION. A newer toolchain
// may bring newer CLDR names: review the diff before committing a regenerated file.
//
// SPDX-License-Identifier: Apache-2.0

import Foundation

let arabic = Locale(identifier: "ar")
let codes = Locale.Region.isoRegions
    .map(\.identifier)
    .filter { $0.utf8.count == 2 && $0.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } }
    .sorted()
var output = ""
for code in codes {
    guard let name = arabic.localizedString(forRegionCode: code), !name.isEmpty, name != code else { continue }
    output += "\(code)\t\(name)\n"
}
FileHandle.standardOutput.write(Data(output.utf8))
