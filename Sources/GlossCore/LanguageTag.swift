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
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                arabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
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
