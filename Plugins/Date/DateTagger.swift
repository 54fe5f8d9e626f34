import Foundation

/// One date or time expression found in a text.
struct DateMention: Equatable {
    enum Kind: String { case date, time, duration, set }

    /// UTF-8 byte offsets, end exclusive.
    var start: Int
    var end: Int
    var kind: Kind
    /// TIMEX3 value (`2015-06`, `2016-05-16`, `2016-W19`, `P3D`, `PAST_REF`, …).
    var value: String?
    var mod: String?
    /// For ranges: ISO 8601 start and exclusive end.
    var begin: String?
    var finish: String?
    /// The original Hijri date (`1437-09-01`) when the text gave one.
    var hijri: String?
    /// For offsets that count from a date the text gave before ("two days later",
    /// "وبعد يومين"): the offset, resolved against that date once it is known.
    var anchor: Anchor? = nil
    /// The year is the year of the last date in the same sentence (من العام نفسه, of the same
    /// year); `value` holds the reference year until then.
    var yearFromSentence = false

    /// Moves a time range's ends that fell on `day` (the reference day, by default) to `other`.
    mutating func moveRange(from day: String, to other: String) {
        if let begin, begin.hasPrefix(day + "T") { self.begin = other + begin.dropFirst(10) }
        if let finish, finish.hasPrefix(day + "T") { self.finish = other + finish.dropFirst(10) }
    }

    struct Anchor: Equatable {
        var count: Int
        var unit: DateLexicon.Unit
        /// Arabic بعد/قبل count from a date in the same sentence only; English
        /// later/earlier/after from the last date anywhere before.
        var sentenceOnly: Bool
    }
}

/// Finds date and time expressions in Arabic and English in one pass over tokens, and
/// normalizes them to TIMEX3 values against a reference time.
///
/// At every token the matchers below are tried and the longest match wins; matching never
/// backtracks over a found expression. All lookups are dictionary hits on normalized tokens,
/// no regular expressions.
struct DateTagger {
    let reference: Date
    let calendar: Calendar
    let referenceParts: DateComponents
    let numericOrder: NumericOrder

    /// How to read numeric dates whose order the numbers leave open (11/04/2024).
    enum NumericOrder: String, Sendable {
        /// Only dates whose order is certain (25/12/2019, 12/25/2019); 11/04/2024 is not a date.
        case unambiguous
        /// 11/04/2024 is 11 April 2024 (most of the Arab world and Europe).
        case dayFirst = "day-first"
        /// 11/04/2024 is November 4, 2024 (the United States).
        case monthFirst = "month-first"
    }

    init(reference: Date, numericOrder: NumericOrder = .unambiguous) {
        self.reference = reference
        self.numericOrder = numericOrder
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        calendar.firstWeekday = 2
        calendar.minimumDaysInFirstWeek = 4  // ISO 8601 weeks
        self.calendar = calendar
        referenceParts = calendar.dateComponents([.year, .month, .day, .weekday, .yearForWeekOfYear, .weekOfYear], from: reference)
    }

    func tag(_ text: String) -> [DateMention] {
        let tokens = DateTokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        var mentions: [DateMention] = []
        var index = 0
        while index < tokens.count {
            // Most words of a news text cannot start a date: skip them without trying the matchers.
            guard Self.canStart(tokens[index]) else {
                index += 1
                continue
            }
            // Frequent little words (في، من، the, in…) start an expression only when what
            // follows could continue one; checking that first spares most of the matchers.
            if Self.isWeakStart(tokens[index]), !(index + 1 < tokens.count && Self.canStart(tokens[index + 1])),
               !(index + 2 < tokens.count && tokens[index + 1].key == "'" && tokens[index + 2].kind == .number) {
                index += 1
                continue
            }
            if let (mention, next) = match(tokens, at: index, bytes: bytes), next > index {
                if isPartOfName(tokens, index, next, bytes: bytes, mention) {
                    index = next  // and not its tail either: "شارع 26 يوليو" holds no "يوليو"
                    continue
                }
                var mention = mention
                if mention.yearFromSentence {
                    mention.yearFromSentence = false
                    let from = sentenceStart(tokens, index)
                    if let base = mentions.last(where: { $0.start >= from && ($0.value ?? $0.begin).map(Self.isCalendarValue) == true }),
                       let year = (base.value ?? base.begin)?.prefix(4), let value = mention.value {
                        mention.value = String(year) + String(value.dropFirst(4))
                    }
                }
                if let anchor = mention.anchor {
                    mention.anchor = nil
                    let from = anchor.sentenceOnly ? sentenceStart(tokens, index) : 0
                    if let base = mentions.last(where: { $0.start >= from && $0.value.map(Self.isCalendarValue) == true }),
                       let value = offset(base.value!, by: anchor.count, anchor.unit) {
                        mention.value = value
                        if value.contains("T") { mention.kind = .time }
                    }
                }
                // A time range right after a date takes its day: "يوم الأحد المقبل من الساعة
                // الثامنة صباحا إلى الساعة السابعة مساء" (the date stays its own expression).
                if mention.kind == .time, mention.value == nil, let previous = mentions.last, previous.kind == .date,
                   let day = previous.value, day.count == 10, Self.onlySpaces(bytes[previous.end..<mention.start]) {
                    mention.moveRange(from: dayString(reference), to: day)
                }
                // A time right after a date (or a date after a time) joins it.
                if var previous = mentions.last, let joined = join(previous, mention, tokens: tokens, bytes: bytes) {
                    previous = joined
                    mentions[mentions.count - 1] = previous
                } else {
                    mentions.append(mention)
                }
                index = next
            } else if let previous = mentions.last, previous.kind == .date, previous.value?.count == 4, isYear(tokens, index),
                      previous.end <= tokens[index].start, Self.yearListGaps.contains(where: { $0.elementsEqual(bytes[previous.end..<tokens[index].start]) }),
                      !isNumberFollowedByUnit(tokens, index) {
                // "in 2004, 2009 and 2014", "عامي 2010 و2012": every year of a list
                mentions.append(mention(tokens, index, index + 1, .date, value: String(tokens[index].number)))
                index += 1
            } else {
                index += 1
            }
        }
        return mentions
    }

    // MARK: - Matching

    /// Whether some matcher may accept `token` as its first token: every number, and the words
    /// (with or without a leading clitic) that open an expression.
    static func canStart(_ token: DateToken) -> Bool {
        switch token.kind {
        case .number: return true
        case .punctuation: return false
        case .word:
            return token.lookupKeys.contains { startWords.contains($0.key) }
        }
    }


    /// Words that open an expression only together with a following date word or number.
    private static let weakStartWords: Set<DateKey> = Set([
        "في", "من", "بين", "حتى", "حتي", "خلال", "منذ", "قبل", "بعد", "هذا", "هذه", "كل", "نحو", "حوالي", "اكثر", "اقل",
        "the", "in", "from", "between", "by", "until", "since", "this", "last", "next", "every", "more", "less", "about",
        "over", "nearly", "almost", "a", "an", "new", "may", "ما", "around", "approximately",
    ].map(DateTokenizer.key))

    static func isWeakStart(_ token: DateToken) -> Bool {
        token.kind == .word && weakStartWords.contains(token.key)
    }

    /// The first words of every expression the matchers know. A matcher whose first token is
    /// missing here is never tried, and the tests of that family fail.
    static let startWords: Set<DateKey> = {
        var words = Set<DateKey>()
        words.formUnion(DateLexicon.months.map { $0.0[0] })
        words.formUnion(DateLexicon.hijriMonths.map { $0.0[0] })
        words.formUnion(DateLexicon.weekdays.keys)
        words.formUnion(DateLexicon.units.keys)
        words.formUnion(DateLexicon.numbers.keys.map { DateKey(String($0.string.split(separator: " ")[0])) })
        words.formUnion(DateLexicon.ordinals.keys)
        words.formUnion(DateLexicon.periods.keys)
        words.formUnion(DateLexicon.past)
        words.formUnion(DateLexicon.future)
        words.formUnion(DateLexicon.current)
        words.formUnion(seasons.keys)
        words.formUnion(decades.keys)
        words.formUnion(modifiers.keys)
        words.formUnion(vaguePhrases.map { $0.0[0] })
        words.formUnion(["future", "coming", "تمام", "ظهرا", "noon", "midday", "dawn", "daybreak", "midnight", "منتصف", "بشكل", "بصورة", "بصوره", "within", "for", "h", "بضعة", "بضع", "عدة", "several", "few", "per"])  // after "the", a weak start; تمام الساعة
        words.formUnion(holidays.map { $0.0[0] })
        words.formUnion([
            "الايام", "الفترة", "الاونة", "recent", "المستقبل", "الان", "now",  // vague
            "بين", "من", "from", "between", "في", "حتى", "حتي", "خلال", "until", "by",  // ranges and years
            "يوم", "يومي", "شهر", "بشهر", "وشهر",  // weekday and month introducers
            "عام", "سنة", "العام", "السنة", "سنه", "in", "since", "year",  // years
            "اول", "امس", "بعد", "the", "الامس", "البارحة", "اليوم", "غدا", "الغد", "yesterday", "today", "tomorrow", "tonight",
            "هذا", "هذه", "قبل", "منذ", "last", "next", "this", "الساعة", "الساعه",
            "اكثر", "اقل", "حوالي", "نحو", "قرابة", "قرابه", "زهاء", "more", "less", "about", "nearly", "almost", "over",
            "الربع", "النصف", "الثلاثي", "السداسي", "غرة", "غره", "فاتح", "مستهل", "q", "عقد", "حقبة", "القرن", "عيد", "راس", "christmas", "new", "valentine", "may",
            "earlier", "later", "gmt", "utc", "morning", "afternoon", "evening", "night", "weekend", "quarter", "half",
            "end", "beginning", "start", "middle", "decade", "century", "year", "s", "عامي", "سنتي", "العامين", "غد", "than", "الهجري", "هجري", "ما", "around", "approximately", "half", "نصف",
            "كل", "every", "يوميا", "اسبوعيا", "شهريا", "سنويا", "daily", "weekly", "monthly", "annually", "yearly",
            "صباح", "مساء", "ظهر", "ليلة", "ليل", "فجر", "عصر",
        ])
        return words
    }()

    typealias Match = (DateMention, Int)

    /// Whether `token`, with or without a leading clitic, is one of `firstWords`: the cheap
    /// test that spares the phrase matchers their string comparisons on most tokens.
    static func opens(_ token: DateToken, _ firstWords: Set<DateKey>) -> Bool {
        token.kind == .word && token.lookupKeys.contains { firstWords.contains($0.key) }
    }

    static func firstWords<Value>(_ phrases: [([DateKey], Value)]) -> Set<DateKey> {
        Set(phrases.map { $0.0[0] })
    }

    func match(_ tokens: [DateToken], at index: Int, bytes: [UInt8]) -> Match? {
        let candidates: [Match?] = [
            matchVague(tokens, index),
            matchRange(tokens, index),
            matchWeekdayDate(tokens, index),
            matchHijri(tokens, index),
            matchDayMonthYear(tokens, index, bytes: bytes),
            matchMonthDayYear(tokens, index, bytes: bytes),
            matchISO(tokens, index),
            matchNumericDate(tokens, index),
            matchYear(tokens, index),
            matchRelativeDay(tokens, index),
            matchRelativePeriod(tokens, index),
            matchOffset(tokens, index),
            matchWeekday(tokens, index),
            matchTime(tokens, index),
            matchPerUnit(tokens, index),  // before durations: "twice a day" is a set, not a day
            matchDuration(tokens, index),
            matchQuarterOrHalf(tokens, index),
            matchSeason(tokens, index),
            matchEnglishSeason(tokens, index),
            matchEnglishDirectedMonth(tokens, index),
            matchEnglishPartOfDay(tokens, index),
            matchMilitaryTime(tokens, index),
            matchEnglishClockWord(tokens, index),
            matchAdjectivalDuration(tokens, index),
            matchBarePlural(tokens, index),
            matchArabicFrequency(tokens, index),
            matchEnglishModified(tokens, index, bytes: bytes),
            matchDecadeOrCentury(tokens, index),
            matchHoliday(tokens, index),
            matchModified(tokens, index, bytes: bytes),
            matchSet(tokens, index),
            matchPartOfDay(tokens, index),
        ]
        return candidates.compactMap { $0 }.max { $0.1 < $1.1 }
    }

    /// The key of `token` without a leading clitic if that makes it a word of `set`, and the
    /// number of bytes stripped (Arabic letters are two bytes each).
    func key(_ tokens: [DateToken], _ index: Int, in accepts: (DateKey) -> Bool) -> (DateKey, Int)? {
        guard tokens.indices.contains(index) else { return nil }
        let token = tokens[index]
        guard token.kind == .word else { return nil }
        if accepts(token.key) { return (token.key, 0) }
        return token.strippedKeys.first { accepts($0.key) }
    }

    func word(_ tokens: [DateToken], _ index: Int) -> DateKey? {
        index < tokens.count && tokens[index].kind == .word ? tokens[index].key : nil
    }

    /// A Gregorian month name of one or two words at `index`: (month, tokens used, bytes stripped).
    func month(_ tokens: [DateToken], _ index: Int) -> (month: Int, next: Int, strip: Int, key: DateKey)? {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return nil }
        for (key, strip) in tokens[index].lookupKeys {
            guard let entries = DateLexicon.monthsByFirstWord[key] else { continue }
            for (words, month) in entries {
                guard index + words.count <= tokens.count else { continue }
                if words.count == 2, word(tokens, index + 1) != words[1] { continue }
                let first = words[0]
                var next = index + words.count
                // "Apr. 11", "Sept. 2014": an abbreviation's period belongs to it.
                if first.count <= 4, first.unicodeScalars.first!.isASCII, !["may", "june", "july"].contains(first), tokens.indices.contains(next), tokens[next].key == ".",
                   tokens[next].start == tokens[next - 1].end { next += 1 }
                return (month, next, strip, first)
            }
        }
        return nil
    }

    func hijriMonth(_ tokens: [DateToken], _ index: Int) -> (month: Int, next: Int, strip: Int)? {
        guard tokens.indices.contains(index), tokens[index].kind == .word else { return nil }
        for (key, strip) in tokens[index].lookupKeys {
            for (words, month) in DateLexicon.hijriMonthsByFirstWord[key] ?? [] {
                guard index + words.count <= tokens.count else { continue }
                if words.count == 2, word(tokens, index + 1) != words[1] { continue }
                return (month, index + words.count, strip)
            }
        }
        return nil
    }

    func isNumber(_ tokens: [DateToken], _ index: Int, _ range: ClosedRange<Int>, digits: ClosedRange<Int> = 1...4) -> Bool {
        index < tokens.count && tokens[index].kind == .number && range.contains(tokens[index].number) && digits.contains(tokens[index].digits)
    }

    func isYear(_ tokens: [DateToken], _ index: Int) -> Bool {
        isNumber(tokens, index, 1000...2199, digits: 4...4)
    }

    /// Skips the word "شهر"/"month of" before a month name, returning the index after it.
    func skipMonthWord(_ tokens: [DateToken], _ index: Int) -> (Int, Bool) {
        if key(tokens, index, in: { $0 == "شهر" }) != nil { return (index + 1, true) }
        return (index, false)
    }

    /// The bytes of the clitic on a month word (لشهر، بشهر): they stay outside the span.
    func monthWordStrip(_ tokens: [DateToken], _ index: Int) -> Int {
        key(tokens, index, in: { $0 == "شهر" })?.1 ?? 0
    }

    /// "من العام المقبل"، "of next year", "من العام نفسه", "of the same year" after a month or
    /// a quarter: the year (nil for an anaphor, resolved later from the sentence) and the
    /// index after the phrase.
    func yearPhrase(_ tokens: [DateToken], _ index: Int, month: Int?) -> (year: Int?, next: Int)? {
        if word(tokens, index) == "من", let yearWord = word(tokens, index + 1), ["العام", "السنة"].contains(yearWord),
           let which = word(tokens, index + 2) {
            if ["نفسه", "نفسها", "ذاته", "ذاتها"].contains(which) { return (nil, index + 3) }
            let year = referenceParts.year!
            if DateLexicon.past.contains(which) { return (year - 1, index + 3) }
            if DateLexicon.future.contains(which) { return (year + 1, index + 3) }
            if DateLexicon.current.contains(which) { return (year, index + 3) }
        }
        if word(tokens, index) == "of" {
            if word(tokens, index + 1) == "the", word(tokens, index + 2) == "same", word(tokens, index + 3) == "year" { return (nil, index + 4) }
            if word(tokens, index + 1) == "that", word(tokens, index + 2) == "year" { return (nil, index + 3) }
            if let which = word(tokens, index + 1), word(tokens, index + 2) == "year" {
                let year = referenceParts.year!
                if which == "last" { return (year - 1, index + 3) }
                if which == "next" { return (year + 1, index + 3) }
                if which == "this" { return (year, index + 3) }
            }
        }
        return nil
    }

    func mention(_ tokens: [DateToken], _ from: Int, _ to: Int, strip: Int = 0, _ kind: DateMention.Kind,
                         value: String?, mod: String? = nil) -> DateMention {
        DateMention(start: tokens[from].start + strip, end: tokens[to - 1].end, kind: kind, value: value, mod: mod)
    }

    /// A year after a month: "2015", or "عام 2015".
    func yearAfter(_ tokens: [DateToken], _ index: Int) -> (Int, Int)? {
        var cursor = index
        if tokens.indices.contains(cursor), tokens[cursor].kind == .punctuation, [",", "،"].contains(tokens[cursor].key) { cursor += 1 }
        if isYear(tokens, cursor) { return (tokens[cursor].number, cursor + 1) }
        return nil
    }

    /// "آذار/مارس": a second month name after a slash, as printed in many papers.
    func pairedMonth(_ tokens: [DateToken], _ index: Int) -> Int? {
        guard tokens.indices.contains(index) else { return nil }
        if tokens[index].key == "/", let next = month(tokens, index + 1) { return next.next }
        // حزيران (يونيو)
        if tokens[index].key == "(", let next = month(tokens, index + 1), tokens.indices.contains(next.next), tokens[next.next].key == ")" {
            return next.next + 1
        }
        return nil
    }

    /// "2015 people", "1998 كلم": a number followed by a noun of measure is not a year.
    func isNumberFollowedByUnit(_ tokens: [DateToken], _ index: Int) -> Bool {
        guard let next = word(tokens, index + 1) else { return false }
        return Self.countNouns.contains(next)
    }

    static let countNouns: Set<DateKey> = [
        "people", "persons", "km", "kilometres", "kilometers", "dollars", "euros", "votes", "troops", "soldiers", "cases", "tons",
        "شخص", "شخصا", "كلم", "كم", "دولار", "دولارا", "صوت", "صوتا", "جندي", "حالة", "طن", "مليون", "مليار", "ألف", "الف",
    ]

    /// "الماضي/المقبل/القادم/الجاري" after a month: the year of its previous or next occurrence.
    func directedYear(_ tokens: [DateToken], _ index: Int, month: Int, day: Int?) -> (Int, Int)? {
        guard let direction = word(tokens, index) else { return nil }
        let year = referenceParts.year!, current = referenceParts.month!, today = referenceParts.day!
        let later = month > current || (month == current && (day ?? 0) > today)
        let earlier = month < current || (month == current && (day ?? 99) < today)
        if DateLexicon.past.contains(direction) { return (earlier ? year : year - 1, index + 1) }
        if DateLexicon.future.contains(direction) { return (later ? year : year + 1, index + 1) }
        if DateLexicon.current.contains(direction) { return (year, index + 1) }
        return nil
    }

    /// "م" (ميلادي) written after a year, glued or not: part of the expression.
    func skipEraSuffix(_ tokens: [DateToken], _ index: Int) -> Int {
        if let suffix = word(tokens, index), ["م", "ميلادي", "ميلادية", "للميلاد", "ad"].contains(suffix) { return index + 1 }
        return index
    }

    /// "ثلاثة أيام", "3 أيام", "أسبوعين", "two weeks", "a month": (count, unit, next index).
    func quantity(_ tokens: [DateToken], _ index: Int) -> (Int, DateLexicon.Unit, Int)? {
        guard index < tokens.count else { return nil }
        if let (unitKey, _) = key(tokens, index, in: { DateLexicon.units[$0] != nil }), let (unit, count) = DateLexicon.units[unitKey] {
            return (count, unit, index + 1)
        }
        var count: Int? = nil
        if isNumber(tokens, index, 1...999, digits: 1...3) { count = tokens[index].number }
        else if let key = word(tokens, index), let value = DateLexicon.numbers[key] { count = value }
        guard let count, let unitKey = word(tokens, index + 1), let (unit, _) = DateLexicon.units[unitKey] else { return nil }
        return (count, unit, index + 2)
    }

    func offsetValue(_ unit: DateLexicon.Unit, _ count: Int) -> String? {
        switch unit {
        case .day: return calendar.date(byAdding: .day, value: count, to: reference).map(dayString)
        case .week: return calendar.date(byAdding: .weekOfYear, value: count, to: reference).map(weekString)
        case .month: return calendar.date(byAdding: .month, value: count, to: reference).map(monthString)
        case .year: return calendar.date(byAdding: .year, value: count, to: reference).map { String(calendar.component(.year, from: $0)) }
        case .decade: return calendar.date(byAdding: .year, value: count * 10, to: reference).map { String(calendar.component(.year, from: $0)) }
        case .hour, .minute: return nil
        }
    }

    func periodValue(_ unit: DateLexicon.Unit, offset: Int) -> String? {
        offsetValue(unit, offset)
    }

    func dayValue(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day else { return nil }
        return (Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2))
    }

    func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Self.digits(parts.year!, 4) + "-" + Self.digits(parts.month!, 2) + "-" + Self.digits(parts.day!, 2)
    }

    func monthString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return Self.digits(parts.year!, 4) + "-" + Self.digits(parts.month!, 2)
    }

    func weekString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return Self.digits(parts.yearForWeekOfYear!, 4) + "-W" + Self.digits(parts.weekOfYear!, 2)
    }

    /// `value` zero-padded to `width` digits (String(format:) is slow in the hot path).
    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        let padded = text.count < width ? String(repeating: "0", count: width - text.count) + text : text
        return value < 0 ? "-" + padded : padded
    }

    func parseDay(_ value: String) -> Date? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    static let yearListGaps: [[UInt8]] = [", ", " and ", " or ", " و", "، ", " أو "].map { Array($0.utf8) }

    static func onlySpaces(_ gap: ArraySlice<UInt8>) -> Bool { !gap.isEmpty && gap.allSatisfy { $0 == 0x20 } }

    /// The byte offset where the sentence holding token `index` starts.
    func sentenceStart(_ tokens: [DateToken], _ index: Int) -> Int {
        var cursor = index - 1
        while cursor >= 0 {
            let token = tokens[cursor]
            if token.kind == .punctuation, Self.sentenceEnds.contains(token.key), token.key != ":",
               !(token.key == "." && cursor > 0 && tokens[cursor - 1].kind == .word && tokens[cursor - 1].key.utf8.count == 1) {
                return token.end
            }
            cursor -= 1
        }
        return 0
    }

    /// `2016`, `2016-03`, `2016-03-03`, `2016-03-03T14:30`: a value one can count from.
    static func isCalendarValue(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 4, bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return [4, 7, 10, 16].contains(bytes.count) && !value.contains("W") && !value.contains("Q")
    }

    /// `value` moved by `count` units, written at the unit's precision; `nil` when `value`
    /// is less precise than the unit (a year cannot be moved by days).
    func offset(_ value: String, by count: Int, _ unit: DateLexicon.Unit) -> String? {
        let parts = value.split(whereSeparator: { $0 == "-" || $0 == "T" || $0 == ":" }).compactMap { Int($0) }
        var components = DateComponents(year: parts[0], month: parts[safe: 1] ?? 1, day: parts[safe: 2] ?? 1,
                                        hour: parts[safe: 3] ?? 0, minute: parts[safe: 4] ?? 0)
        components.timeZone = calendar.timeZone
        guard let date = calendar.date(from: components) else { return nil }
        let needed: Int
        let moved: Date?
        switch unit {
        case .minute: needed = 5; moved = calendar.date(byAdding: .minute, value: count, to: date)
        case .hour: needed = 5; moved = calendar.date(byAdding: .hour, value: count, to: date)
        case .day: needed = 3; moved = calendar.date(byAdding: .day, value: count, to: date)
        case .week: needed = 3; moved = calendar.date(byAdding: .weekOfYear, value: count, to: date)
        case .month: needed = 2; moved = calendar.date(byAdding: .month, value: count, to: date)
        case .year: needed = 1; moved = calendar.date(byAdding: .year, value: count, to: date)
        case .decade: needed = 1; moved = calendar.date(byAdding: .year, value: count * 10, to: date)
        }
        guard parts.count >= needed, let moved else { return nil }
        switch unit {
        case .minute, .hour:
            let time = calendar.dateComponents([.hour, .minute], from: moved)
            return dayString(moved) + ("T" + Self.digits(time.hour!, 2) + ":" + Self.digits(time.minute!, 2))
        case .day: return dayString(moved)
        case .week: return weekString(moved)
        case .month: return monthString(moved)
        case .year, .decade: return String(calendar.component(.year, from: moved))
        }
    }

    /// Joins a date and a time that follow each other ("يوم الخميس الساعة العاشرة").
    func join(_ first: DateMention, _ second: DateMention, tokens: [DateToken], bytes: [UInt8]) -> DateMention? {
        guard second.start >= first.end else { return nil }
        let gap = bytes[first.end..<second.start]
        let joiners: [[UInt8]] = [Array(" on ".utf8), Array(" في ".utf8), Array(", ".utf8), Array(" ".utf8), Array(",".utf8),
                                  Array(" من يوم ".utf8), Array(" من ".utf8), Array(" يوم ".utf8)]
        guard joiners.contains(where: { $0.elementsEqual(gap) }) else { return nil }
        // "from 9 a.m. to 5 p.m. on Sunday, May 22", "from 9 a.m. to 5 p.m. today": the range takes the day.
        if first.kind == .time, first.value == nil, first.begin != nil, second.kind == .date, let date = second.value, date.count == 10 {
            var joined = first
            joined.end = second.end
            joined.moveRange(from: dayString(reference), to: date)
            return joined
        }
        if first.kind == .date, second.kind == .time, let date = first.value, date.count == 10, let time = second.value {
            return DateMention(start: first.start, end: second.end, kind: .time, value: date + time.dropFirst(10), mod: first.mod ?? second.mod,
                               hijri: first.hijri)
        }
        if first.kind == .time, second.kind == .date, let time = first.value, let date = second.value, date.count == 10 {
            return DateMention(start: first.start, end: second.end, kind: .time, value: date + time.dropFirst(10), mod: first.mod ?? second.mod,
                               hijri: second.hijri)
        }
        // "around 10:15 on Saturday evening": the clock from the first, the day (and half of it) from the second
        if first.kind == .time, second.kind == .time, let time = first.value, let part = second.value, time.count == 16, part.count == 13,
           let hour = Int(time.dropFirst(11).prefix(2)) {
            let code = part.suffix(2)
            let adjusted = ["EV", "NI", "AF"].contains(code) && hour < 12 ? hour + 12 : hour
            return DateMention(start: first.start, end: second.end, kind: .time,
                               value: part.prefix(10) + ("T" + Self.digits(adjusted, 2)) + time.suffix(3), mod: first.mod ?? second.mod)
        }
        // "اليوم الثلاثاء ١٠ شعبان ١٤٣٧هـ": two names of the same day are one expression
        if first.kind == .date, second.kind == .date, let date = first.value, date.count == 10, second.value == date, gap.elementsEqual(" ".utf8) {
            return DateMention(start: first.start, end: second.end, kind: .date, value: date, mod: first.mod ?? second.mod,
                               hijri: first.hijri ?? second.hijri)
        }
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
