// Finding place names in a text and resolving each to one gazetteer entry by stacking
// evidence, as the best geoparsers do: countries named in the document (and demonyms),
// "city, country" and "city, state" patterns, trigger words, co-located places, and a
// prior from feature type, capital status and population. Every choice says why.
//
// SPDX-License-Identifier: Apache-2.0

internal import Foundation
internal import GlossPluginKit

/// One place found in the text.
struct GeoMention: Sendable, Equatable {
    /// UTF-8 byte offsets of the name (clitics left out), end exclusive.
    var start: Int
    var end: Int
    /// Index of the chosen place in the gazetteer.
    var place: Int
    /// The clues that decided, e.g. `country_in_document:LY`, `trigger:مدينة`.
    var evidence: [String]
    /// 0.5–0.95: how far the chosen place led the next candidate.
    var confidence: Double
}

/// The countries and places a document is mainly about.
struct GeoFocus: Sendable, Equatable {
    /// Country codes, most mentioned first.
    var countries: [String]
    /// Gazetteer indices of the most mentioned places, most mentioned first.
    var places: [Int]
    var mentions: Int
}

/// A span another analyzer marked as a person or an organization: no place inside it, unless
/// the span is exactly the place's name (then the analyzer has only mislabelled the place).
public struct GeoBlockedSpan: Sendable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

struct GeoTagger {
    let gazetteer: Gazetteer

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// A name found in the text, before resolution.
    private struct Candidate {
        var start: Int
        var end: Int
        /// Word indices covered (for context around it).
        var firstWord: Int
        var lastWord: Int
        var key: String
        var places: [Int]
        /// The name is also a common word: it needs evidence.
        var isCommonWord: Bool
        /// Written as initials (U.S., UAE): capitalization around it says nothing.
        var isAbbreviation = false
    }

    func tag(_ text: String, blocked: [GeoBlockedSpan] = []) -> (mentions: [GeoMention], focus: GeoFocus?) {
        let bytes = Array(text.utf8)
        let words = GeoText.words(bytes)
        let variants = WordVariants(words, gazetteer: gazetteer)  // once per word: the finder and the demonyms share them
        // A place inside a longer person or organization name is part of that name (واشنطن in
        // واشنطن بوست, الخليل in محمد الخليل). A span that is the place name and nothing more is
        // no such evidence: there the entity model has only mislabelled a place (Aleppo as a
        // person), and the gazetteer and the rules below know better.
        let candidates = find(words, variants: variants, bytes: bytes).filter { candidate in
            !blocked.contains {
                candidate.start < $0.end && $0.start < candidate.end && ($0.start < candidate.start || $0.end > candidate.end)
            }
        }
        let mentions = resolve(candidates, words: words, variants: variants)
        return (mentions, focus(of: mentions))
    }

    // MARK: - Finding names

    private func find(_ words: [GeoWord], variants: WordVariants, bytes: [UInt8]) -> [Candidate] {
        var found: [Candidate] = []
        var index = 0
        let longest = max(1, gazetteer.maximumKeyWords)
        while index < words.count {
            if let candidate = longestName(at: index, words: words, variants: variants[index], bytes: bytes, longest: longest) {
                if !isExcluded(candidate, words: words) { found.append(candidate) }
                index = candidate.lastWord + 1
                continue
            }
            // تونسوالجزائر: two names run together by و.
            found.append(contentsOf: joinedNames(words[index], at: index, bytes: bytes))
            index += 1
        }
        return found
    }

    /// The longest gazetteer name starting at word `index`, its first word with or without a
    /// leading clitic. A name grows word by word only while the gazetteer has a longer name
    /// beginning with it, so most words cost one or two lookups.
    private func longestName(at index: Int, words: [GeoWord], variants: ArraySlice<(key: String, strip: Int, index: Int)>, bytes: [UInt8], longest: Int) -> Candidate? {
        let first = words[index]
        // English names are capitalized: "nice", "reading" and "mobile" are not places.
        if !first.isArabic, !first.isCapitalized { return nil }
        if let abbreviation = abbreviation(at: index, words: words, bytes: bytes) { return abbreviation }
        let shortCapitals = Self.isCapitalLetters(first, in: bytes, maximum: 4)
        var best: (key: String, strip: Int, count: Int, places: [Int])? = nil
        for (firstKey, strip, firstIndex) in variants {
            if strip > 0, best != nil { break }
            var key = firstKey, count = 1
            var found: (String, Int, [Int])? = nil
            while true {
                var places = count == 1 ? (firstIndex >= 0 ? gazetteer.candidates(atKey: firstIndex) : []) : gazetteer.candidates(forKey: key)
                // A clitic stripped off a short word leaves too little to trust: بلد is not
                // ب + لد (Lod). Only a major place may be that short.
                if strip > 0, count == 1, Self.letterCount(firstKey) <= 3 { places = places.filter(isMajor) }
                // UN, EU, AU: a short word in capitals is an abbreviation, not the town Un (India).
                if shortCapitals, count == 1 { places = places.filter(isMajor) }
                if !places.isEmpty { found = (key, count, places) }
                // Words of one name follow each other with nothing but spaces (or a hyphen) between.
                guard count < longest, index + count < words.count,
                      words[index + count].punctuationBefore.isEmpty || words[index + count].punctuationBefore.isHyphen,
                      gazetteer.hasLongerKey(startingWith: key) else { break }
                key += " " + words[index + count].key
                count += 1
            }
            if let (key, count, places) = found, count > (best?.count ?? 0) { best = (key, strip, count, places) }
            // The word as written wins over a clitic reading of the same length (واشنطن is not و + اشنطن).
            if best != nil, strip == 0 { break }
        }
        guard let best else { return nil }
        var start = best.strip == 0 ? first.start : Self.byteOffset(afterLetters: best.strip, in: bytes, from: first.start, to: first.end)
        var firstWord = index, lastWord = index + best.count - 1
        // Designator words stay outside the span when the name stands without them: محافظة
        // البصرة → البصرة, سلطنة عمان → عمان, "Gezira state" → Gezira. The places are still those
        // of the whole name (the governorate, Oman), which the designator made certain.
        if best.count >= 2 {
            let rest = { (from: Int, to: Int) in (from...to).map { words[$0].key }.joined(separator: " ") }
            if words[index].isArabic, let head = best.key.split(separator: " ").first, Self.arabicDesignators.contains(ByteKey(String(head))),
               gazetteer.hasCandidates(forKey: rest(index + 1, lastWord)) {
                firstWord += 1
                start = words[firstWord].start
            } else if !words[lastWord].isArabic, !words[lastWord].isCapitalized, Self.englishDesignators.contains(ByteKey(words[lastWord].key)),
                      gazetteer.hasCandidates(forKey: rest(index, lastWord - 1)) {
                lastWord -= 1
            }
        }
        return Candidate(start: start, end: words[lastWord].end, firstWord: firstWord, lastWord: lastWord,
                         key: best.key, places: best.places, isCommonWord: gazetteer.nameIsCommonWord(key: best.key))
    }

    /// Words that designate a kind of place before its name (normalized keys), and after it in English.
    static let arabicDesignators = keys([
        "مدينة", "محافظة", "ولاية", "ولايات", "إقليم", "قطاع", "جزيرة", "بلدية", "ريف", "سلطنة", "مملكة", "دولة",
    ])
    static let englishDesignators: Set<ByteKey> = ["state", "region", "province", "governorate", "district"]

    /// U.S., U.K., U.A.E. (capital initials joined by periods, the last period in the span) and
    /// US, UAE (two to four capitals): the gazetteer keys such names letter by letter ("u s").
    /// Only countries and major places are meant by initials.
    private func abbreviation(at index: Int, words: [GeoWord], bytes: [UInt8]) -> Candidate? {
        let first = words[index]
        guard Self.isCapitalLetters(first, in: bytes, maximum: 4) else { return nil }
        var last = index
        var end = first.end
        if first.end - first.start == 1 {
            // Initials: one capital, a period, the next capital, with nothing else between.
            while last + 1 < words.count, words[last].end < bytes.count, bytes[words[last].end] == 0x2E,
                  words[last + 1].start == words[last].end + 1, words[last + 1].end - words[last + 1].start == 1,
                  Self.isCapitalLetters(words[last + 1], in: bytes, maximum: 1) {
                last += 1
            }
            guard last > index else { return nil }
            end = words[last].end
            if end < bytes.count, bytes[end] == 0x2E { end += 1 }
        }
        let letters = (index...last).flatMap { words[$0].key.map(String.init) }
        let key = letters.joined(separator: " ")
        let places = gazetteer.candidates(forKey: key).filter(isMajor)
        guard !places.isEmpty else { return nil }
        return Candidate(start: first.start, end: end, firstWord: index, lastWord: last, key: key, places: places,
                         isCommonWord: false, isAbbreviation: true)
    }

    /// A Latin word of 1 to `maximum` letters, all capitals A–Z.
    static func isCapitalLetters(_ word: GeoWord, in bytes: [UInt8], maximum: Int) -> Bool {
        guard !word.isArabic, word.end - word.start <= maximum, word.end > word.start else { return false }
        return bytes[word.start..<word.end].allSatisfy { (0x41...0x5A).contains($0) }
    }

    /// The key of each word as written, then without each clitic it may carry, with the
    /// number of letters stripped: لل… is ل + ال…, لليبيا → ليبيا, للجزائر → الجزائر. One array
    /// for the whole text, sliced by word.
    /// Each form is looked up once here (`index`: its key's position in the gazetteer, or -1);
    /// the finder and the demonym search reuse the answer.
    struct WordVariants {
        private var keys: [(key: String, strip: Int, index: Int)] = []
        private var starts: [Int] = [0]

        init(_ words: [GeoWord], gazetteer: Gazetteer) {
            var forms: [(key: String, strip: Int)] = []
            keys.reserveCapacity(words.count * 3 / 2)
            starts.reserveCapacity(words.count + 1)
            for word in words {
                forms.removeAll(keepingCapacity: true)
                GeoTagger.appendVariants(of: word, to: &forms)
                for (key, strip) in forms { keys.append((key, strip, gazetteer.keyIndex(key) ?? -1)) }
                starts.append(keys.count)
            }
        }

        subscript(word: Int) -> ArraySlice<(key: String, strip: Int, index: Int)> {
            keys[starts[word]..<starts[word + 1]]
        }
    }

    static func appendVariants(of word: GeoWord, to result: inout [(key: String, strip: Int)]) {
        result.append((word.key, 0))
        // Only Arabic words that open with و ف ب ل ك can carry a clitic. Keys hold Arabic
        // letters as two UTF-8 bytes each (U+0621–U+064A: D8 A1 … D9 8A).
        guard word.isArabic else { return }
        var key = word.key
        let letters = letterCount(key)
        key.withUTF8 { bytes in
            guard bytes.count >= 2, isCliticLetter(bytes[0], bytes[1]) else { return }
            for clitic in clitics where letters >= clitic.count / 2 + 2 && bytes.starts(with: clitic) {
                let rest = UnsafeBufferPointer(rebasing: bytes[clitic.count...])
                result.append((String(decoding: rest, as: UTF8.self), clitic.count / 2))
                // The lam of ل before a word in ال… swallows the alef: للجزائر, وللجزائر.
                if clitic.suffix(2) == lam[...], rest.starts(with: lam) {
                    result.append((String(decoding: alef + rest, as: UTF8.self), clitic.count / 2 - 1))
                }
            }
        }
    }

    /// و ف ب ل ك (U+0648 U+0641 U+0628 U+0644 U+0643) as their two UTF-8 bytes.
    private static func isCliticLetter(_ first: UInt8, _ second: UInt8) -> Bool {
        (first == 0xD9 && (second == 0x88 || second == 0x81 || second == 0x84 || second == 0x83)) || (first == 0xD8 && second == 0xA8)
    }

    private static let clitics: [[UInt8]] = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"].map { Array($0.utf8) }

    private static let lam = Array("ل".utf8), alef = Array("ا".utf8)

    /// The byte offset after `letters` letters of the word (marks and tatweel do not count).
    static func byteOffset(afterLetters letters: Int, in bytes: [UInt8], from start: Int, to end: Int) -> Int {
        var index = start, seen = 0
        while index < end {
            let (scalar, width) = GeoText.decode(bytes, at: index)
            let value = scalar.value
            let isMark = (0x064B...0x065F).contains(value) || value == 0x0670 || value == 0x0640
            if !isMark {
                if seen == letters { return index }
                seen += 1
            }
            index += width
        }
        return end
    }

    /// تونسوالجزائر، الجزائروتونس: a word that is no name, but two names joined by و.
    private func joinedNames(_ word: GeoWord, at index: Int, bytes: [UInt8]) -> [Candidate] {
        guard word.isArabic, Self.letterCount(word.key) >= 6 else { return [] }
        var key = word.key
        return key.withUTF8 { letters -> [Candidate] in
            // Split at a و (D9 88) with at least two letters on each side.
            for split in 0..<max(0, letters.count - 1) where letters[split] == 0xD9 && letters[split + 1] == 0x88 {
                let left = String(decoding: UnsafeBufferPointer(rebasing: letters[..<split]), as: UTF8.self)
                let right = String(decoding: UnsafeBufferPointer(rebasing: letters[(split + 2)...]), as: UTF8.self)
                let leftLetters = Self.letterCount(left)
                guard leftLetters >= 2, Self.letterCount(right) >= 2 else { continue }
                let leftPlaces = gazetteer.candidates(forKey: left)
                // Both halves must be places of weight (countries, capitals, regions), not any village.
                guard leftPlaces.contains(where: isMajor) else { continue }
                let rightPlaces = gazetteer.candidates(forKey: right)
                guard rightPlaces.contains(where: isMajor) else { continue }
                let middle = Self.byteOffset(afterLetters: leftLetters, in: bytes, from: word.start, to: word.end)
                let rightStart = Self.byteOffset(afterLetters: leftLetters + 1, in: bytes, from: word.start, to: word.end)
                return [
                    Candidate(start: word.start, end: middle, firstWord: index, lastWord: index, key: left, places: leftPlaces, isCommonWord: false),
                    Candidate(start: rightStart, end: word.end, firstWord: index, lastWord: index, key: right, places: rightPlaces, isCommonWord: false),
                ]
            }
            return []
        }
    }

    /// Letters (Unicode scalars) in a key.
    static func letterCount(_ key: String) -> Int {
        var key = key
        return key.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    private func isMajor(_ index: Int) -> Bool {
        let place = gazetteer.facts(index)
        switch place.kind {
        case .country, .capital, .region, .continent: return true
        default: return place.population >= 500_000
        }
    }

    /// Names that are never places where they stand: the sunset prayer (صلاة المغرب), a
    /// newspaper or club named after a city (واشنطن بوست, New York Times, Manchester United).
    private func isExcluded(_ candidate: Candidate, words: [GeoWord]) -> Bool {
        let next = candidate.lastWord + 1 < words.count && words[candidate.lastWord + 1].punctuationBefore.isEmpty ? words[candidate.lastWord + 1] : nil
        let previous = candidate.firstWord > 0 && words[candidate.firstWord].punctuationBefore.isEmpty ? words[candidate.firstWord - 1] : nil
        if let next, Self.organizationTails.contains(ByteKey(next.key)) { return true }
        // The sunset prayer: صلاة المغرب، بين المغرب والعشاء.
        if ByteKey(candidate.key) == "المغرب" || ByteKey(candidate.key) == "مغرب" {
            if let previous, Self.prayerWords.contains(ByteKey(previous.key)) { return true }
            if let next, Self.prayerWords.contains(ByteKey(next.key)) { return true }
        }
        if let next, let tails = Self.ordinaryBefore[ByteKey(candidate.key)], tails.contains(ByteKey(next.key)) { return true }
        // نادي باريس، بنك ليبيا، عائلة الخليل، آل ...: an organization or a family, not the place.
        if let previous, words[candidate.firstWord].isArabic, Self.arabicNameHeads.contains(ByteKey(previous.key)) { return true }
        let first = words[candidate.firstWord]
        if !first.isArabic, !candidate.isAbbreviation {
            // Real Madrid, Bank of England, University of Texas: a capitalized word (or "Bank
            // of") before the name in the middle of a sentence makes it part of another name.
            if let previous, previous.isCapitalized, !Self.englishLeadWords.contains(ByteKey(previous.key)) { return true }
            if candidate.firstWord >= 2, words[candidate.firstWord - 1].key == "of", words[candidate.firstWord - 1].punctuationBefore.isEmpty,
               Self.englishOrganizationHeads.contains(ByteKey(words[candidate.firstWord - 2].key)) { return true }
            // Israel Adesanya, Georgia O'Keeffe, Boston Celtics, Qatar Airways: a capitalized word
            // right after it that is no weekday or month (datelines say "in Tripoli Tuesday").
            if let next, next.isCapitalized, !words[candidate.lastWord].hasPossessive, !Self.englishTrailWords.contains(ByteKey(next.key)) { return true }
        }
        return false
    }

    /// Word lists written as text, turned into keys the way the gazetteer's names were
    /// (عائلة → عايله): a list entry that is not a key would never match.
    static func keys(_ words: [String]) -> Set<ByteKey> {
        Set(words.map { ByteKey(GeoKey.normalize($0)) })
    }

    static let arabicNameHeads = keys([
        "نادي", "النادي", "اتحاد", "بنك", "مصرف", "جامعة", "شركة", "صحيفة", "قناة", "فريق", "منتخب", "عائلة", "آل", "ابن", "بن", "بنت",
        "السيد", "الشيخ", "الحاج", "الأستاذ", "الدكتور", "فندق", "مطعم", "مطار", "ملعب", "أكاديمية", "وكالة", "إذاعة",
        "مولودية", "شبيبة", "وفاق", "سوق", "بورصة",  // clubs (مولودية الجزائر), markets (سوق أبوظبي للأوراق المالية)
    ])

    /// Major places whose name, before these words, is an ordinary word: مسقط رأسه (birthplace),
    /// الرباط الصليبي (the cruciate ligament), حلب الأبقار (milking the cows).
    static let ordinaryBefore: [ByteKey: Set<ByteKey>] = [
        ByteKey(GeoKey.normalize("مسقط")): keys(["رأس", "رأسه", "رأسها", "رأسي", "رأسهم", "رؤوس"]),
        ByteKey(GeoKey.normalize("الرباط")): keys(["الصليبي", "الصليبية", "المقدس"]),
        ByteKey(GeoKey.normalize("حلب")): keys(["الأبقار", "البقر", "الماعز", "الأغنام", "النوق", "الحليب", "المواشي", "الماشية"]),
    ]

    static let englishLeadWords: Set<ByteKey> = [
        "in", "the", "from", "to", "of", "and", "or", "at", "on", "near", "north", "south", "east", "west", "northern", "southern",
        "eastern", "western", "central", "greater", "upper", "lower", "new", "old", "downtown", "metropolitan",
    ]

    static let englishOrganizationHeads: Set<ByteKey> = ["bank", "university", "college", "museum", "institute", "school"]

    static let englishTrailWords: Set<ByteKey> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "province", "governorate", "region",
        "state", "county", "city", "district", "and", "or", "in", "on", "said", "says", "the",
    ]

    static let organizationTails = keys([
        "بوست", "تايمز", "تايم", "هيرالد", "جورنال", "تريبيون", "post", "times", "herald", "tribune", "journal", "gazette",
        "chronicle", "fc", "united", "city", "saint", "germain", "globe", "observer", "brand", "airways", "airlines",
    ])

    static let prayerWords = keys(["صلاة", "صلاتي", "أذان", "صلوات", "الصلاة", "وصلاة", "بصلاة", "لصلاة", "والعشاء", "والعشا", "العشاء", "بين"])

    // MARK: - Resolving

    /// How often each country is named in a document (by `GazetteerCountry.index`), counting
    /// one name out where a name must not be evidence for itself.
    private struct CountryCounts {
        private var counts = [Int](repeating: 0, count: 256)

        mutating func add(_ country: GazetteerCountry) { counts[Int(country.index)] += 1 }

        /// The count of `country`, less one if it is `own` (the name being resolved).
        func count(_ country: GazetteerCountry, excluding own: GazetteerCountry?) -> Int {
            counts[Int(country.index)] - (own == country ? 1 : 0)
        }
    }

    private func resolve(_ candidates: [Candidate], words: [GeoWord], variants: WordVariants) -> [GeoMention] {
        guard !candidates.isEmpty else { return [] }
        // 1. The countries the document names: unambiguous country names, and demonyms.
        var documentCountries = CountryCounts()
        var namesCountry: [GazetteerCountry?] = []
        for candidate in candidates {
            let place = candidate.places.lazy.map(gazetteer.facts).max { Self.prior($0) < Self.prior($1) }!
            let country = place.kind == .country && !candidate.isCommonWord ? place.country : nil
            if let country { documentCountries.add(country) }
            namesCountry.append(country)
        }
        // A name is no evidence for itself: الجزائر does not make الجزائر the city of Algeria
        // (namesCountry[offset] is left out of the counts where it is used).
        var demonymCountries = [Bool](repeating: false, count: 256)
        var demonymWords: [(word: Int, country: GazetteerCountry)] = []
        for word in words.indices {
            for variant in variants[word] where variant.index >= 0 {
                if let index = gazetteer.demonym(keyIndex: variant.index) {
                    let country = gazetteer.facts(index).country
                    demonymCountries[Int(country.index)] = true
                    demonymWords.append((word, country))
                    break
                }
            }
        }
        // Sentence numbers of the words, for evidence that must be close by.
        var sentence = [Int](repeating: 0, count: words.count)
        for index in words.indices.dropFirst() {
            sentence[index] = sentence[index - 1] + (words[index].punctuationBefore.endsSentence ? 1 : 0)
        }

        // 2. Each name on its own evidence; 3. then once more with the countries of the others.
        var first: [(place: Int, score: Double, runnerUp: Double, evidence: [String])] = candidates.enumerated().map { offset, candidate in
            choose(candidate, offset: offset, among: candidates, words: words,
                   documentCountries: documentCountries, ownCountry: namesCountry[offset],
                   demonymCountries: demonymCountries, colocated: nil)
        }
        var colocated = CountryCounts()
        for choice in first { colocated.add(gazetteer.facts(choice.place).country) }
        first = candidates.enumerated().map { offset, candidate in
            choose(candidate, offset: offset, among: candidates, words: words,
                   documentCountries: documentCountries, ownCountry: namesCountry[offset], demonymCountries: demonymCountries,
                   colocated: (colocated, gazetteer.facts(first[offset].place).country))
        }

        var mentions: [GeoMention] = []
        for (offset, candidate) in candidates.enumerated() {
            let choice = first[offset]
            // A name that is also a common word (صور pictures, الزاوية the angle, Nice) needs the
            // text to point at a place: a trigger word or a pattern; in English, its country or
            // people named in the document or other places of its country; in Arabic, where such
            // words are far more frequent (حديثه "his talk" is also Haditha), only a place or a
            // demonym of its country in the same sentence.
            if candidate.isCommonWord {
                let strong = choice.evidence.contains { $0.hasPrefix("trigger:") || $0.hasPrefix("pattern:") || $0 == "capital_named" || $0 == "shadda" }
                if !strong {
                    let country = gazetteer.facts(choice.place).country
                    let pointed: Bool
                    if !words[candidate.firstWord].isArabic {
                        pointed = choice.evidence.contains {
                            $0.hasPrefix("country_in_document:") || $0.hasPrefix("demonym:") || $0.hasPrefix("colocated:")
                        }
                    } else {
                        let here = sentence[candidate.firstWord]
                        pointed = !country.isNone && (candidates.indices.contains { other in
                            other != offset && !candidates[other].isCommonWord && sentence[candidates[other].firstWord] == here
                                && gazetteer.facts(first[other].place).country == country
                        } || demonymWords.contains { sentence[$0.word] == here && $0.country == country })
                    }
                    if !pointed { continue }
                }
            }
            var end = candidate.end
            // الجزائر العاصمة: the capital, and the word belongs to its name.
            if choice.evidence.contains("capital_named"), candidate.lastWord + 1 < words.count { end = words[candidate.lastWord + 1].end }
            let margin = choice.score - choice.runnerUp
            let confidence = candidate.places.count == 1 ? 0.9 : min(0.95, max(0.5, 0.5 + margin / 8))
            mentions.append(GeoMention(start: candidate.start, end: end, place: choice.place, evidence: choice.evidence,
                                       confidence: (confidence * 100).rounded() / 100))
        }
        return mentions
    }

    /// The prior of a place before any context: countries and continents first, then
    /// regions, capitals, first-level divisions and larger cities.
    private static func prior(_ place: GazetteerPlaceFacts) -> Double {
        var score: Double
        switch place.kind {
        case .country, .continent: score = 6
        case .region: score = 5
        case .capital: score = 4
        case .firstLevelDivision: score = 3
        case .divisionSeat: score = 2.5
        case .lesserSeat: score = 1.5
        case .secondLevelDivision, .populatedPlace, .other: score = 1
        }
        if place.isCapital, place.kind != .capital { score += 1 }
        score += log10(Double(max(place.population, 1))) * 0.4
        return score
    }

    private func choose(_ candidate: Candidate, offset: Int, among candidates: [Candidate], words: [GeoWord],
                        documentCountries: CountryCounts, ownCountry: GazetteerCountry?, demonymCountries: [Bool],
                        colocated: (counts: CountryCounts, own: GazetteerCountry)?)
        -> (place: Int, score: Double, runnerUp: Double, evidence: [String])
    {
        let before = candidate.firstWord > 0 ? words[candidate.firstWord - 1] : nil
        let after = candidate.lastWord + 1 < words.count ? words[candidate.lastWord + 1] : nil
        // "Paris, Texas", "الإسكندرية، مصر": the name after the comma.
        var qualifier: [Int] = []
        if let after, after.punctuationBefore.isComma {
            let next = offset + 1 < candidates.count ? candidates[offset + 1] : nil
            if let next, next.firstWord == candidate.lastWord + 1 { qualifier = next.places }
        }
        let triggerBefore = before.flatMap { Self.triggers[ByteKey($0.key)] }
        let capitalAfter = after.map { $0.punctuationBefore.isEmpty && Self.capitalWords.contains(ByteKey($0.key)) } ?? false
        let shadda = words[candidate.firstWord].hasShadda
        // الجزائر, تونس, Kuwait: a name that is also a country's. That country in the document
        // is no evidence for its namesake capital; only "city"/العاصمة are.
        let namesakeCountries = candidate.places.map(gazetteer.facts).filter { $0.kind == .country }.map(\.country)
        // عمّان near الأردن: Jordan named in the document.
        let isAmman = ByteKey(candidate.key) == "عمان"
        let jordanNamed: Bool = {
            guard isAmman, let jordan = gazetteer.countryPlace("JO") else { return false }
            let country = gazetteer.facts(jordan).country
            return documentCountries.count(country, excluding: ownCountry) > 0 || demonymCountries[Int(country.index)]
        }()

        // Scores every candidate; the evidence strings are written for the winner only.
        func score(_ index: Int, explain: Bool) -> (place: Int, score: Double, evidence: [String]) {
            let place = gazetteer.facts(index)
            var score = Self.prior(place)
            var evidence: [String] = []
            func note(_ reason: @autoclosure () -> String) { if explain { evidence.append(reason()) } }
            func code() -> String { gazetteer.code(of: place.country) }
            if place.kind == .country { note("prior:country") }
            else if place.kind == .capital { note("prior:capital") }
            else { note("prior:\(gazetteer.place(index).feature)") }
            if place.population > 0 { note("population:\(place.population)") }
            let isCountry = place.kind == .country
            if !place.country.isNone, !isCountry, !namesakeCountries.contains(place.country) {
                if documentCountries.count(place.country, excluding: ownCountry) > 0 { score += 3; note("country_in_document:\(code())") }
                if demonymCountries[Int(place.country.index)] { score += 2; note("demonym:\(code())") }
                if let colocated {
                    let count = colocated.counts.count(place.country, excluding: colocated.own)
                    if count > 0 { score += min(2, Double(count)); note("colocated:\(code())") }
                }
            }
            for qualifying in qualifier {
                let other = gazetteer.facts(qualifying)
                if other.kind == .country, other.country == place.country, !isCountry {
                    score += 6; note("pattern:city_country"); break
                }
                if other.kind == .firstLevelDivision, other.country == place.country, let admin1 = other.admin1, admin1 == place.admin1 {
                    score += 6; note("pattern:city_state"); break
                }
            }
            if let triggerBefore {
                switch triggerBefore {
                case .city where place.kind.isPopulatedPlace: score += 4; note("trigger:\(before!.key)")
                case .capital where place.kind == .capital || place.isCapital: score += 5; note("trigger:\(before!.key)")
                case .division where place.kind == .firstLevelDivision || place.kind == .secondLevelDivision: score += 4; note("trigger:\(before!.key)")
                case .country where isCountry: score += 2; note("trigger:\(before!.key)")
                default: break
                }
            }
            if capitalAfter, place.kind == .capital || place.isCapital { score += 6; note("capital_named") }
            // عمّان with a shadda is Amman; without one, Oman unless Jordan is in view.
            if isAmman, shadda || jordanNamed, code() == "JO" {
                score += 8; note(shadda ? "shadda" : "country_in_document:JO")
            }
            return (index, score, evidence)
        }
        var scored = candidate.places.map { score($0, explain: false) }
        scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.place < $1.place) }
        let best = score(scored[0].place, explain: true)
        return (best.place, best.score, scored.count > 1 ? scored[1].score : 0, best.evidence)
    }

    enum Trigger { case city, capital, division, country }

    static let triggers: [ByteKey: Trigger] = [
        "مدينه": .city, "بمدينه": .city, "لمدينه": .city, "ومدينه": .city, "بلده": .city, "قريه": .city, "ببلده": .city, "بقريه": .city,
        "city": .city, "town": .city, "village": .city,
        "العاصمه": .capital, "عاصمه": .capital, "capital": .capital,
        "محافظه": .division, "ولايه": .division, "اقليم": .division, "بمحافظه": .division, "بولايه": .division, "province": .division,
        "state": .division, "governorate": .division, "region": .division,
        "محافظ": .division, "والي": .division, "governor": .division,  // محافظ X, والي X: the governorate
        "دوله": .country, "بلاد": .country, "جمهوريه": .country, "مملكه": .country, "country": .country,
    ]

    static let capitalWords = keys(["العاصمة", "عاصمة"])

    // MARK: - Focus

    private func focus(of mentions: [GeoMention]) -> GeoFocus? {
        guard !mentions.isEmpty else { return nil }
        var byCountry: [String: Int] = [:], byPlace: [Int: Int] = [:]
        for mention in mentions {
            let country = gazetteer.facts(mention.place).country
            if !country.isNone { byCountry[gazetteer.code(of: country), default: 0] += 1 }
            byPlace[mention.place, default: 0] += 1
        }
        let countries = byCountry.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
        let places = byPlace.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(5).map(\.key)
        return GeoFocus(countries: countries, places: Array(places), mentions: mentions.count)
    }
}
