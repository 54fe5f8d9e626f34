/// The language of a document as Gloss's analyzers understand it.
public enum LanguageTag: String, Sendable, CaseIterable {
    case arabic = "ar"
    case english = "en"
    /// No letters, or neither script dominates.
    case undetermined = "und"

    /// Tags a text by the scripts of its letters: mostly Arabic-script letters → `ar`,
    /// mostly Latin letters → `en`, otherwise `und`. "Mostly" is at least 60 % of the
    /// letters, so an Arabic article quoting an English name stays `ar`.
    public static func detect(in text: String) -> LanguageTag {
        var arabic = 0, latin = 0, other = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            // ASCII and the Arabic letters are decided without Unicode property lookups,
            // which dominated the cost of this function on news text.
            if value < 0x80 {
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { latin += 1 }
                continue
            }
            if (0x0621...0x064A).contains(value) || (0x066E...0x06D3).contains(value) {
                arabic += 1
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            switch value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                arabic += 1
            case 0xC0...0x24F, 0x1E00...0x1EFF:
                latin += 1
            default:
                other += 1
            }
        }
        let letters = arabic + latin + other
        guard letters > 0 else { return .undetermined }
        if arabic * 10 >= letters * 6 { return .arabic }
        if latin * 10 >= letters * 6 { return .english }
        return .undetermined
    }
}
