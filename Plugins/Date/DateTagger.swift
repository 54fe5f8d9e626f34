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
}

/// Finds date and time expressions in Arabic and English in one pass over tokens, and
/// normalizes them to TIMEX3 values against a reference time.
///
/// At every token the matchers below are tried and the longest match wins; matching never
/// backtracks over a found expression. All lookups are dictionary hits on normalized tokens,
/// no regular expressions.
struct DateTagger {
    let reference: Date
    private let calendar: Calendar
    private let referenceParts: DateComponents

    init(reference: Date) {
        self.reference = reference
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
            if let (mention, next) = match(tokens, at: index, bytes: bytes), next > index {
                if isPartOfName(tokens, index, next, bytes: bytes, mention) {
                    index = next  // and not its tail either: "شارع 26 يوليو" holds no "يوليو"
                    continue
                }
                // A time right after a date (or a date after a time) joins it.
                if var previous = mentions.last, let joined = join(previous, mention, tokens: tokens, bytes: bytes) {
                    previous = joined
                    mentions[mentions.count - 1] = previous
                } else {
                    mentions.append(mention)
                }
                index = next
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
            return startWords.contains(token.key) || token.strippedKeys.contains { startWords.contains($0.key) }
        }
    }

    /// The first words of every expression the matchers know. A matcher whose first token is
    /// missing here is never tried, and the tests of that family fail.
    private static let startWords: Set<String> = {
        var words = Set<String>()
        words.formUnion(DateLexicon.months.map { $0.0[0] })
        words.formUnion(DateLexicon.hijriMonths.map { $0.0[0] })
        words.formUnion(DateLexicon.weekdays.keys)
        words.formUnion(DateLexicon.units.keys)
        words.formUnion(DateLexicon.numbers.keys.map { String($0.split(separator: " ")[0]) })
        words.formUnion(DateLexicon.ordinals.keys)
        words.formUnion(DateLexicon.periods.keys)
        words.formUnion(DateLexicon.past)
        words.formUnion(DateLexicon.future)
        words.formUnion(DateLexicon.current)
        words.formUnion(seasons.keys)
        words.formUnion(decades.keys)
        words.formUnion(modifiers.keys)
        words.formUnion([
            "الايام", "الفترة", "الاونة", "recent", "المستقبل", "الان", "now",  // vague
            "بين", "من", "from", "between", "في", "حتى", "حتي", "خلال", "until", "by",  // ranges and years
            "يوم", "يومي", "شهر", "بشهر", "وشهر",  // weekday and month introducers
            "عام", "سنة", "العام", "السنة", "سنه", "in", "since", "year",  // years
            "اول", "امس", "بعد", "the", "الامس", "البارحة", "اليوم", "غدا", "الغد", "yesterday", "today", "tomorrow", "tonight",
            "هذا", "هذه", "قبل", "منذ", "last", "next", "this", "الساعة", "الساعه",
            "اكثر", "اقل", "حوالي", "نحو", "قرابة", "قرابه", "زهاء", "more", "less", "about", "nearly", "almost", "over",
            "الربع", "النصف", "الثلاثي", "السداسي", "غرة", "غره", "فاتح", "مستهل", "q", "عقد", "حقبة", "القرن", "عيد", "راس", "christmas", "new", "valentine", "may",
            "earlier", "later", "gmt", "utc",
            "كل", "every", "يوميا", "اسبوعيا", "شهريا", "سنويا", "daily", "weekly", "monthly", "annually", "yearly",
            "صباح", "مساء", "ظهر", "ليلة", "ليل", "فجر", "عصر",
        ])
        return words
    }()

    private typealias Match = (DateMention, Int)

    private func match(_ tokens: [DateToken], at index: Int, bytes: [UInt8]) -> Match? {
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
            matchDuration(tokens, index),
            matchQuarterOrHalf(tokens, index),
            matchSeason(tokens, index),
            matchEnglishSeason(tokens, index),
            matchEnglishDirectedMonth(tokens, index),
            matchEnglishPartOfDay(tokens, index),
            matchMilitaryTime(tokens, index),
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
    private func key(_ tokens: [DateToken], _ index: Int, in accepts: (String) -> Bool) -> (String, Int)? {
        guard tokens.indices.contains(index) else { return nil }
        let token = tokens[index]
        guard token.kind == .word else { return nil }
        if accepts(token.key) { return (token.key, 0) }
        return token.strippedKeys.first { accepts($0.key) }
    }

    private func word(_ tokens: [DateToken], _ index: Int) -> String? {
        index < tokens.count && tokens[index].kind == .word ? tokens[index].key : nil
    }

    /// A Gregorian month name of one or two words at `index`: (month, tokens used, bytes stripped).
    private func month(_ tokens: [DateToken], _ index: Int) -> (month: Int, next: Int, strip: Int, key: String)? {
        for (words, month) in DateLexicon.months {
            guard index + words.count <= tokens.count else { continue }
            guard let (first, strip) = key(tokens, index, in: { $0 == words[0] }) else { continue }
            if words.count == 2, word(tokens, index + 1) != words[1] { continue }
            var next = index + words.count
            // "Apr. 11", "Sept. 2014": an abbreviation's period belongs to it.
            if first.count <= 4, first.unicodeScalars.first!.isASCII, tokens.indices.contains(next), tokens[next].key == ".",
               tokens[next].start == tokens[next - 1].end { next += 1 }
            return (month, next, strip, first)
        }
        return nil
    }

    private func hijriMonth(_ tokens: [DateToken], _ index: Int) -> (month: Int, next: Int, strip: Int)? {
        for (words, month) in DateLexicon.hijriMonths {
            guard index + words.count <= tokens.count else { continue }
            guard let (_, strip) = key(tokens, index, in: { $0 == words[0] }) else { continue }
            if words.count == 2, word(tokens, index + 1) != words[1] { continue }
            return (month, index + words.count, strip)
        }
        return nil
    }

    private func isNumber(_ tokens: [DateToken], _ index: Int, _ range: ClosedRange<Int>, digits: ClosedRange<Int> = 1...4) -> Bool {
        index < tokens.count && tokens[index].kind == .number && range.contains(tokens[index].number) && digits.contains(tokens[index].digits)
    }

    private func isYear(_ tokens: [DateToken], _ index: Int) -> Bool {
        isNumber(tokens, index, 1000...2199, digits: 4...4)
    }

    /// Skips the word "شهر"/"month of" before a month name, returning the index after it.
    private func skipMonthWord(_ tokens: [DateToken], _ index: Int) -> (Int, Bool) {
        if let key = word(tokens, index), ["شهر", "بشهر", "وشهر"].contains(key) { return (index + 1, true) }
        return (index, false)
    }

    private func mention(_ tokens: [DateToken], _ from: Int, _ to: Int, strip: Int = 0, _ kind: DateMention.Kind,
                         value: String?, mod: String? = nil) -> DateMention {
        DateMention(start: tokens[from].start + strip, end: tokens[to - 1].end, kind: kind, value: value, mod: mod)
    }

    /// A year after a month: "2015", or "عام 2015".
    private func yearAfter(_ tokens: [DateToken], _ index: Int) -> (Int, Int)? {
        var cursor = index
        if tokens.indices.contains(cursor), tokens[cursor].kind == .punctuation, [",", "،"].contains(tokens[cursor].key) { cursor += 1 }
        if isYear(tokens, cursor) { return (tokens[cursor].number, cursor + 1) }
        return nil
    }

    // 22 فبراير 2019, الأول من مايو, 3 مارس, 11 April 2024, 5 شهر يونيو
    private func matchDayMonthYear(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        var day: Int? = nil
        var cursor = index
        var strip = 0
        if isNumber(tokens, cursor, 1...31, digits: 1...2) {
            day = tokens[cursor].number
            cursor += 1
        } else if let (key, stripped) = key(tokens, cursor, in: { DateLexicon.ordinals[$0] != nil }), tokens.indices.contains(cursor + 1),
                  let from = word(tokens, cursor + 1), ["من", "of"].contains(from) {
            day = DateLexicon.ordinals[key]
            strip = stripped
            cursor += 2
        } else if let (key, stripped) = key(tokens, cursor, in: { ["غرة", "غره", "فاتح", "اول", "مستهل"].contains($0) }),
                  month(tokens, cursor + 1) != nil || month(tokens, skipMonthWord(tokens, cursor + 1).0) != nil {
            // غرة جانفي، فاتح يوليوز، أول نوفمبر: the first day of the month
            _ = key
            day = 1
            strip = stripped
            cursor += 1
        }
        guard let day else { return nil }
        if let of = word(tokens, cursor), ["من", "of"].contains(of) { cursor += 1 }
        (cursor, _) = skipMonthWord(tokens, cursor)
        guard let found = month(tokens, cursor) else { return nil }
        if found.strip > 0 { return nil }  // "3 وأبريل" is not a date
        var end = found.next
        var year = referenceParts.year!
        if let paired = pairedMonth(tokens, end) { end = paired }
        if let (explicit, next) = yearAfter(tokens, end) {
            year = explicit
            end = next
        } else if let (resolved, next) = directedYear(tokens, end, month: found.month, day: day) {
            year = resolved
            end = next
        }
        end = skipEraSuffix(tokens, end)
        guard let value = dayValue(year: year, month: found.month, day: day) else { return nil }
        return (mention(tokens, index, end, strip: strip, .date, value: value), end)
    }

    /// "آذار/مارس": a second month name after a slash, as printed in many papers.
    private func pairedMonth(_ tokens: [DateToken], _ index: Int) -> Int? {
        guard tokens.indices.contains(index), tokens[index].key == "/" , let next = month(tokens, index + 1) else { return nil }
        return next.next
    }

    // يونيو 2015, شهر جويلية 2015, April 2024, (آذار/مارس 2024), April 11, 2024, مايو
    private func matchMonthDayYear(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        let (cursor, hadMonthWord) = skipMonthWord(tokens, index)
        guard let found = month(tokens, cursor) else { return nil }
        let isEnglish = found.key.unicodeScalars.first.map { $0.isASCII } ?? false
        if isEnglish, let first = bytes[safe: tokens[cursor].start], !(0x41...0x5A).contains(first) { return nil }  // "may", "march"
        var end = found.next
        if let paired = pairedMonth(tokens, end) { end = paired }
        // English "April 11, 2024" / "April 11"
        if isNumber(tokens, end, 1...31, digits: 1...2), !isYear(tokens, end) {
            let day = tokens[end].number
            var after = end + 1
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, after) { year = explicit; after = next }
            if let value = dayValue(year: year, month: found.month, day: day) {
                return (mention(tokens, index, after, strip: hadMonthWord ? 0 : found.strip, .date, value: value), after)
            }
        }
        if let (year, next) = yearAfter(tokens, end) {
            let after = skipEraSuffix(tokens, next)
            return (mention(tokens, index, after, strip: hadMonthWord ? 0 : found.strip, .date, value: String(format: "%04d-%02d", year, found.month)), after)
        }
        if let (year, next) = directedYear(tokens, end, month: found.month, day: nil) {
            return (mention(tokens, index, next, strip: hadMonthWord ? 0 : found.strip, .date, value: String(format: "%04d-%02d", year, found.month)), next)
        }
        // A month alone: only after "شهر" or a word of time (في يونيو، منذ أبريل، in April); the
        // year is the reference's. Alone it is too often part of a name.
        if !hadMonthWord {
            guard index > 0, tokens[index - 1].kind == .word, Self.monthIntroducers.contains(tokens[index - 1].key) || found.strip > 0,
                  !DateLexicon.ambiguousMonths.contains(found.key) || tokens[index - 1].key != "the" else { return nil }
            if DateLexicon.ambiguousMonths.contains(found.key), !["في", "خلال", "منذ", "in", "during", "since", "until"].contains(tokens[index - 1].key) { return nil }
        }
        return (mention(tokens, index, end, strip: hadMonthWord ? 0 : found.strip, .date,
                        value: String(format: "%04d-%02d", referenceParts.year!, found.month)), end)
    }

    // 15 رمضان 1437 هـ, رمضان 1437, 1 محرم 1438 للهجرة
    private func matchHijri(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var day: Int? = nil
        if isNumber(tokens, cursor, 1...30, digits: 1...2) { day = tokens[cursor].number; cursor += 1 }
        (cursor, _) = skipMonthWord(tokens, cursor)
        guard let found = hijriMonth(tokens, cursor) else { return nil }
        var end = found.next
        guard isNumber(tokens, end, 1...1600, digits: 3...4) else { return nil }
        let year = tokens[end].number
        end += 1
        var marked = false
        // هـ may be written as a letter with a tatweel or after a space; all normalize to "ه".
        if let key = word(tokens, end), DateLexicon.hijriMarkers.contains(key) { end += 1; marked = true }
        guard marked || year > 1300 && year < 1500 else { return nil }
        let hijri = Calendar(identifier: .islamicUmmAlQura)
        if let day {
            guard let date = hijri.date(from: DateComponents(year: year, month: found.month, day: day)) else { return nil }
            var result = mention(tokens, index, end, .date, value: dayString(date))
            result.hijri = String(format: "%04d-%02d-%02d", year, found.month, day)
            return (result, end)
        }
        guard let first = hijri.date(from: DateComponents(year: year, month: found.month, day: 1)),
              let next = hijri.date(byAdding: .month, value: 1, to: first) else { return nil }
        var result = mention(tokens, index, end, .date, value: nil)
        result.begin = dayString(first)
        result.finish = dayString(next)
        result.hijri = String(format: "%04d-%02d", year, found.month)
        return (result, end)
    }

    // 2024-04-11
    private func matchISO(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isYear(tokens, index), index + 4 < tokens.count, tokens[index + 1].key == "-", tokens[index + 3].key == "-",
              isNumber(tokens, index + 2, 1...12, digits: 2...2), isNumber(tokens, index + 4, 1...31, digits: 2...2),
              let value = dayValue(year: tokens[index].number, month: tokens[index + 2].number, day: tokens[index + 4].number)
        else { return nil }
        return (mention(tokens, index, index + 5, .date, value: value), index + 5)
    }

    // 25/12/2019 or 5/31/2016: only when the order is certain (one of the first two numbers is
    // above 12). 11/04/2024 is ambiguous and not a date without configuration.
    private func matchNumericDate(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index + 4 < tokens.count, isNumber(tokens, index, 1...31, digits: 1...2), tokens[index + 1].key == "/",
              isNumber(tokens, index + 2, 1...31, digits: 1...2), tokens[index + 3].key == "/", isYear(tokens, index + 4) else { return nil }
        let first = tokens[index].number, second = tokens[index + 2].number, year = tokens[index + 4].number
        let value: String?
        if first > 12, second <= 12 { value = dayValue(year: year, month: second, day: first) }
        else if second > 12, first <= 12 { value = dayValue(year: year, month: first, day: second) }
        else { value = nil }
        guard let value else { return nil }
        return (mention(tokens, index, index + 5, .date, value: value), index + 5)
    }

    // عام 2015، سنة ٢٠١٥، في 2015 (English "in 2015"), the year 2015
    private func matchYear(_ tokens: [DateToken], _ index: Int) -> Match? {
        if word(tokens, index) == "the", word(tokens, index + 1) == "year", isYear(tokens, index + 2) {
            return (mention(tokens, index, index + 3, .date, value: String(tokens[index + 2].number)), index + 3)
        }
        guard let (key, strip) = key(tokens, index, in: { ["عام", "سنة", "العام", "السنة", "سنه", "in", "since", "year", "في", "منذ", "حتى", "حتي", "خلال", "until", "by"].contains($0) }) else { return nil }
        var cursor = index + 1
        if key == "in", word(tokens, cursor) == "the" { return nil }
        if ["in", "since", "في", "منذ", "حتى", "حتي", "خلال", "until", "by"].contains(key) {
            guard isYear(tokens, cursor), !isNumberFollowedByUnit(tokens, cursor) else { return nil }
            // "in 2015" covers only the year; the preposition stays outside.
            return (mention(tokens, cursor, cursor + 1, .date, value: String(tokens[cursor].number)), cursor + 1)
        }
        if let next = word(tokens, cursor), ["عامي", "سنتي"].contains(next) { cursor += 1 }
        guard isYear(tokens, cursor) else { return nil }
        return (mention(tokens, index, cursor + 1, strip: strip, .date, value: String(tokens[cursor].number)), cursor + 1)
    }

    // أمس، أول أمس، اليوم، غدا، بعد غد، yesterday, today, tomorrow, the day before yesterday
    private func matchRelativeDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let words: [([String], Int)] = [
            (["اول", "امس"], -2), (["امس", "الاول"], -2), (["بعد", "غد"], 2), (["بعد", "الغد"], 2),
            (["the", "day", "before", "yesterday"], -2), (["the", "day", "after", "tomorrow"], 2),
            (["امس"], -1), (["الامس"], -1), (["البارحة"], -1), (["اليوم"], 0), (["غدا"], 1), (["الغد"], 1),
            (["yesterday"], -1), (["today"], 0), (["tomorrow"], 1), (["tonight"], 0),
        ]
        for (sequence, offset) in words {
            guard index + sequence.count <= tokens.count,
                  let (_, strip) = key(tokens, index, in: { $0 == sequence[0] }) else { continue }
            if sequence.count > 1, !(1..<sequence.count).allSatisfy({ word(tokens, index + $0) == sequence[$0] }) { continue }
            let date = calendar.date(byAdding: .day, value: offset, to: reference)!
            let value = dayString(date)
            if sequence == ["tonight"] {
                return (mention(tokens, index, index + 1, .time, value: value + "TNI"), index + 1)
            }
            var end = index + sequence.count
            // "أمس الاثنين": the weekday names the same day and belongs to the expression.
            if let weekday = word(tokens, end).flatMap({ DateLexicon.weekdays[$0] }), weekday == calendar.component(.weekday, from: date) { end += 1 }
            return (mention(tokens, index, end, strip: strip, .date, value: value), end)
        }
        return nil
    }

    // الأسبوع الماضي، الشهر المقبل، العام الجاري، هذا العام، last week, next month, this year
    private func matchRelativePeriod(_ tokens: [DateToken], _ index: Int) -> Match? {
        if let (_, strip) = key(tokens, index, in: { DateLexicon.periods[$0] != nil }), let period = DateLexicon.periods[key(tokens, index, in: { DateLexicon.periods[$0] != nil })!.0],
           let direction = word(tokens, index + 1) {
            let offset = DateLexicon.past.contains(direction) ? -1 : DateLexicon.future.contains(direction) ? 1 : DateLexicon.current.contains(direction) ? 0 : nil
            if let offset, let value = periodValue(period, offset: offset) {
                return (mention(tokens, index, index + 2, strip: strip, .date, value: value), index + 2)
            }
        }
        // English and "هذا العام": direction first.
        if let first = word(tokens, index), DateLexicon.past.contains(first) || DateLexicon.future.contains(first) || DateLexicon.current.contains(first) || first == "هذا" || first == "هذه",
           let periodWord = word(tokens, index + 1), let period = DateLexicon.periods[periodWord] {
            let offset = DateLexicon.past.contains(first) ? -1 : DateLexicon.future.contains(first) ? 1 : 0
            guard var value = periodValue(period, offset: offset) else { return nil }
            if periodWord == "weekend" { value += "-WE" }
            return (mention(tokens, index, index + 2, .date, value: value), index + 2)
        }
        return nil
    }

    // قبل ثلاثة أيام، منذ أسبوعين، بعد يومين، three days ago, two weeks ago
    private func matchOffset(_ tokens: [DateToken], _ index: Int) -> Match? {
        if let (direction, strip) = key(tokens, index, in: { ["قبل", "منذ", "بعد"].contains($0) }),
           let (count, unit, next) = quantity(tokens, index + 1), unit != .hour, unit != .minute,
           !isYear(tokens, next) {  // "منذ عام 2011" is the year, not "a year ago"
            let sign = direction == "بعد" ? 1 : -1
            guard let value = offsetValue(unit, count * sign) else { return nil }
            return (mention(tokens, index, next, strip: strip, .date, value: value), next)
        }
        if let (count, unit, next) = quantity(tokens, index), let ago = word(tokens, next), ago == "ago", unit != .hour, unit != .minute,
           let value = offsetValue(unit, -count) {
            return (mention(tokens, index, next + 1, .date, value: value), next + 1)
        }
        return nil
    }

    // يوم الاثنين، الاثنين المقبل، الجمعة الماضية، on Monday, last Friday, next Monday
    private func matchWeekday(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var strip = 0
        var forward = false, backward = false
        if let first = word(tokens, cursor), ["last", "next", "this", "coming"].contains(first) {
            forward = first == "next" || first == "this" || first == "coming"
            backward = first == "last"
            cursor += 1
        } else if let (_, stripped) = key(tokens, cursor, in: { $0 == "يوم" || $0 == "يومي" }), word(tokens, cursor + 1).flatMap({ DateLexicon.weekdays[$0] }) != nil {
            strip = stripped
            cursor += 1
        }
        guard cursor < tokens.count, let (weekdayKey, weekdayStrip) = key(tokens, cursor, in: { DateLexicon.weekdays[$0] != nil && ($0.hasPrefix("ال") || $0.unicodeScalars.first!.isASCII) }),
              let weekday = DateLexicon.weekdays[weekdayKey] else { return nil }
        if cursor == index { strip = weekdayStrip }
        var end = cursor + 1
        if weekdayKey.unicodeScalars.first!.isASCII, cursor == index, tokens[cursor].key.isEmpty { return nil }
        if let after = word(tokens, end) {
            if DateLexicon.future.contains(after) { forward = true; end += 1 } else if DateLexicon.past.contains(after) { backward = true; end += 1 }
        }
        // "الأحد" without يوم can mean "anyone" in other positions; require يوم, a direction or a following date context.
        if weekdayKey == "الاحد", cursor == index, end == cursor + 1 { return nil }
        let today = referenceParts.weekday!
        var delta = weekday - today
        if forward { if delta <= 0 { delta += 7 } } else if backward || delta > 0 { if delta >= 0 { delta -= 7 } }
        let date = calendar.date(byAdding: .day, value: delta, to: reference)!
        return (mention(tokens, index, end, strip: strip, .date, value: dayString(date)), end)
    }

    // يوم الجمعة 22 فبراير 2019, Friday, March 3, 2024 — the weekday joins the date.
    private func matchWeekdayDate(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var hadDayWord = false
        if let (_, _) = key(tokens, cursor, in: { $0 == "يوم" }) { cursor += 1; hadDayWord = true }
        if let dayKey = word(tokens, cursor), DateLexicon.weekdays[dayKey] != nil {
            cursor += 1
        } else if !hadDayWord || cursor == index {
            return nil  // "يوم 12 يناير 2016": يوم alone before a date joins it too
        }
        if tokens.indices.contains(cursor), [",", "،"].contains(tokens[cursor].key) { cursor += 1 }
        guard let (date, next) = matchDayMonthYear(tokens, cursor, bytes: []) ?? matchMonthDayYear(tokens, cursor, bytes: []) ?? matchISO(tokens, cursor),
              date.value?.count == 10 else { return nil }
        var result = date
        result.start = key(tokens, index, in: { $0 == "يوم" || DateLexicon.weekdays[$0] != nil }).map { tokens[index].start + $0.1 } ?? tokens[index].start
        return (result, next)
    }

    // الساعة 14:30، الساعة العاشرة والنصف صباحا، 3 p.m., 14:30, noon
    private func matchTime(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var strip = 0
        var hadHourWord = false
        if let (_, stripped) = key(tokens, cursor, in: { $0 == "الساعة" || $0 == "الساعه" }) { strip = stripped; cursor += 1; hadHourWord = true }
        var hour: Int? = nil, minute = 0
        if isNumber(tokens, cursor, 0...24, digits: 1...2) {
            hour = tokens[cursor].number
            cursor += 1
            if cursor + 1 < tokens.count, tokens[cursor].key == ":", isNumber(tokens, cursor + 1, 0...59, digits: 2...2) {
                minute = tokens[cursor + 1].number
                cursor += 2
            } else if !hadHourWord {
                // A bare number is a time only with am/pm after it.
                guard let next = word(tokens, cursor), ["am", "pm", "a", "p"].contains(next) else { return nil }
            }
        } else if hadHourWord, let word = word(tokens, cursor), let value = Self.hourWords[word] {
            hour = value
            cursor += 1
        }
        guard var hour else { return nil }
        if let and = word(tokens, cursor) {
            if and == "والنصف" { minute = 30; cursor += 1 } else if and == "والربع" { minute = 15; cursor += 1 }
            else if and == "الا", word(tokens, cursor + 1) == "ربعا" { hour -= 1; minute = 45; cursor += 2 }
        }
        if let period = word(tokens, cursor) {
            if ["صباحا", "صباح", "فجرا", "am"].contains(period) { cursor += 1; if hour == 12 { hour = 0 } }
            else if ["مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "pm"].contains(period) { cursor += 1; if hour < 12 { hour += 12 } }
            else if period == "a" || period == "p", tokens.indices.contains(cursor + 3), tokens[cursor + 1].key == ".", word(tokens, cursor + 2) == "m" {
                if period == "p", hour < 12 { hour += 12 }
                if period == "a", hour == 12 { hour = 0 }
                cursor += tokens.indices.contains(cursor + 3) && tokens[cursor + 3].key == "." ? 4 : 3
            }
        }
        guard hour <= 24 else { return nil }
        let value = dayString(reference) + String(format: "T%02d:%02d", hour % 24, minute)
        return (mention(tokens, index, cursor, strip: strip, .time, value: value), cursor)
    }

    private static let hourWords: [String: Int] = [
        "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
        "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية": 11, "الثانية عشرة": 12,
    ]

    // ثلاثة أيام، أكثر من شهر ونصف، عشر سنوات، أسبوعين، three days, more than a month
    private func matchDuration(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var mod: String? = nil
        var strip = 0
        if let (word, stripped) = key(tokens, cursor, in: { ["اكثر", "اقل", "حوالي", "نحو", "قرابة", "قرابه", "زهاء"].contains($0) }) {
            strip = stripped
            switch word {
            case "اكثر": mod = "MORE_THAN"
            case "اقل": mod = "LESS_THAN"
            default: mod = "APPROX"
            }
            cursor += 1
            if let from = self.word(tokens, cursor), from == "من" { cursor += 1 }
        } else if let first = word(tokens, cursor), ["more", "less", "about", "nearly", "almost", "over"].contains(first) {
            mod = ["more", "over"].contains(first) ? "MORE_THAN" : first == "less" ? "LESS_THAN" : "APPROX"
            cursor += 1
            if let than = word(tokens, cursor), than == "than" { cursor += 1 }
        }
        guard let (count, unit, next) = quantity(tokens, cursor) else { return nil }
        var end = next
        var amount = Double(count)
        if let half = word(tokens, end), half == "ونصف" { amount += 0.5; end += 1 }
        // A duration needs a counted unit ("ثلاثة أيام") or a modifier: a bare "شهر" is not one.
        guard next > cursor + 1 || mod != nil || amount != 1 || count == 2 else { return nil }
        let letter = unit == .decade ? "Y" : unit.rawValue == "MIN" ? "M" : unit.rawValue
        let total = unit == .decade ? amount * 10 : amount
        let number = total == total.rounded() ? String(Int(total)) : String(total)
        let value = (unit == .hour || unit == .minute ? "PT" : "P") + number + letter
        return (mention(tokens, index, end, strip: strip, .duration, value: value, mod: mod), end)
    }

    // خلال الأيام القليلة الماضية، في الأيام الأخيرة، in recent days → PAST_REF
    private func matchVague(_ tokens: [DateToken], _ index: Int) -> Match? {
        let phrases: [([String], String)] = [
            (["الايام", "القليلة", "الماضية"], "PAST_REF"), (["الايام", "الاخيرة"], "PAST_REF"), (["الفترة", "الاخيرة"], "PAST_REF"),
            (["الاونة", "الاخيرة"], "PAST_REF"), (["recent", "days"], "PAST_REF"), (["recent", "weeks"], "PAST_REF"),
            (["المستقبل"], "FUTURE_REF"), (["الان"], "PRESENT_REF"), (["now"], "PRESENT_REF"),
        ]
        for (words, value) in phrases where index + words.count <= tokens.count {
            guard let (_, strip) = key(tokens, index, in: { $0 == words[0] }) else { continue }
            if (1..<words.count).allSatisfy({ word(tokens, index + $0) == words[$0] }) {
                return (mention(tokens, index, index + words.count, strip: strip, .date, value: value), index + words.count)
            }
        }
        return nil
    }

    // بين عامي 2010 و2011، من 5 إلى 7 مايو، from 3 to 5 May
    private func matchRange(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let first = word(tokens, index) else { return nil }
        if first == "بين", let years = word(tokens, index + 1), ["عامي", "سنتي", "العامين"].contains(years),
           isYear(tokens, index + 2), index + 3 < tokens.count, tokens[index + 3].kind == .word {
            // "و2011" tokenizes as the word "و" followed by the number.
            let andIndex = index + 3
            guard tokens[andIndex].key == "و", isYear(tokens, andIndex + 1) else { return nil }
            let from = tokens[index + 2].number, to = tokens[andIndex + 1].number
            var result = mention(tokens, index, andIndex + 2, .date, value: nil)
            result.begin = String(format: "%04d-01-01", from)
            result.finish = String(format: "%04d-01-01", to + 1)
            return (result, andIndex + 2)
        }
        if ["من", "from", "between"].contains(first), isNumber(tokens, index + 1, 1...31, digits: 1...2),
           let to = word(tokens, index + 2), ["الي", "حتي", "to", "and", "و"].contains(to) || tokens[index + 2].key == "-",
           let (date, next) = matchDayMonthYear(tokens, index + 3, bytes: []), let value = date.value, value.count == 10 {
            let startDay = tokens[index + 1].number
            let startValue = String(value.prefix(8)) + String(format: "%02d", startDay)
            guard let finish = calendar.date(byAdding: .day, value: 1, to: parseDay(value)!) else { return nil }
            var result = mention(tokens, index, next, .date, value: nil)
            result.begin = startValue
            result.finish = dayString(finish)
            return (result, next)
        }
        return nil
    }

    // الربع الثالث من عام 2025، الربع الأول، Q3 2025, the third quarter of 2025, النصف الأول من 2016
    private func matchQuarterOrHalf(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var strip = 0
        var kind: String? = nil, number = 0
        if let (first, stripped) = key(tokens, cursor, in: { ["الربع", "النصف", "الثلاثي", "السداسي"].contains($0) }), let ordinal = word(tokens, cursor + 1),
           let value = Self.ordinalWords[ordinal] {
            strip = stripped
            kind = first == "الربع" || first == "الثلاثي" ? "Q" : "H"
            number = value
            cursor += 2
        } else if word(tokens, cursor) == "the", let ordinal = word(tokens, cursor + 1), let value = Self.ordinalWords[ordinal],
                  let noun = word(tokens, cursor + 2), ["quarter", "half"].contains(noun) {
            kind = noun == "quarter" ? "Q" : "H"
            number = value
            cursor += 3
        } else if word(tokens, cursor) == "q", isNumber(tokens, cursor + 1, 1...4, digits: 1...1),
                  tokens[cursor].end == tokens[cursor + 1].start {  // "Q3" tokenizes as "q" and 3
            kind = "Q"; number = tokens[cursor + 1].number; cursor += 2
        }
        guard let kind, kind == "Q" ? (1...4).contains(number) : (1...2).contains(number) else { return nil }
        var end = cursor
        var year = referenceParts.year!
        var probe = cursor
        if let of = word(tokens, probe), ["من", "of", "في"].contains(of) { probe += 1 }
        if let yearWord = word(tokens, probe), ["عام", "سنة", "العام", "السنة"].contains(yearWord) { probe += 1 }
        if isYear(tokens, probe) { year = tokens[probe].number; end = probe + 1 }
        else if probe > cursor, let yearWord = word(tokens, probe - 1), ["العام", "السنة"].contains(yearWord) {
            end = probe
            if let direction = word(tokens, probe) {
                if DateLexicon.past.contains(direction) { year -= 1; end += 1 } else if DateLexicon.future.contains(direction) { year += 1; end += 1 }
                else if DateLexicon.current.contains(direction) { end += 1 }
            }
        }
        return (mention(tokens, index, end, strip: strip, .date, value: String(format: "%04d-%@%d", year, kind, number)), end)
    }

    private static let ordinalWords: [String: Int] = [
        "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    ]

    // صيف 2015، الشتاء الماضي، summer 2015, the summer of 2015
    private func matchSeason(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let (season, strip) = key(tokens, index, in: { Self.seasons[$0] != nil }), let code = Self.seasons[season] else { return nil }
        var cursor = index + 1
        if let of = word(tokens, cursor), ["of", "من"].contains(of) { cursor += 1 }
        if let yearWord = word(tokens, cursor), ["عام", "سنة"].contains(yearWord) { cursor += 1 }
        if isYear(tokens, cursor) {
            return (mention(tokens, index, cursor + 1, strip: strip, .date, value: "\(tokens[cursor].number)-\(code)"), cursor + 1)
        }
        if let direction = word(tokens, index + 1) {
            let offset = DateLexicon.past.contains(direction) ? -1 : DateLexicon.future.contains(direction) ? 1 : DateLexicon.current.contains(direction) ? 0 : nil
            if let offset {
                return (mention(tokens, index, index + 2, strip: strip, .date, value: "\(referenceParts.year! + offset)-\(code)"), index + 2)
            }
        }
        return nil
    }

    // last December, next March, this June
    private func matchEnglishDirectedMonth(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let first = word(tokens, index), ["last", "next", "this"].contains(first), let found = month(tokens, index + 1),
              found.key.unicodeScalars.first!.isASCII else { return nil }
        let direction = first == "last" ? "last" : first == "next" ? "next" : "this"
        let probe = [DateToken(kind: .word, start: 0, end: 0, key: direction)]
        guard let (year, _) = directedYear(probe, 0, month: found.month, day: nil) else { return nil }
        return (mention(tokens, index, found.next, .date, value: String(format: "%04d-%02d", year, found.month)), found.next)
    }

    // Sunday night, Friday morning, last night
    private func matchEnglishPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let parts = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"]
        if word(tokens, index) == "last", word(tokens, index + 1) == "night" {
            let date = calendar.date(byAdding: .day, value: -1, to: reference)!
            return (mention(tokens, index, index + 2, .time, value: dayString(date) + "TNI"), index + 2)
        }
        guard let (day, next) = matchWeekday(tokens, index), let part = word(tokens, next), let code = parts[part],
              let value = day.value, value.count == 10 else { return nil }
        return (DateMention(start: day.start, end: tokens[next].end, kind: .time, value: value + "T" + code), next + 1)
    }

    // 1400 GMT, 0630 UTC
    private func matchMilitaryTime(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isNumber(tokens, index, 0...2359, digits: 4...4), let zone = word(tokens, index + 1), ["gmt", "utc", "غرينتش"].contains(zone) else { return nil }
        let hour = tokens[index].number / 100, minute = tokens[index].number % 100
        guard hour < 24, minute < 60 else { return nil }
        return (mention(tokens, index, index + 2, .time, value: dayString(reference) + String(format: "T%02d:%02dZ", hour, minute)), index + 2)
    }

    // the end of June, the beginning of next month, the end of the year, earlier this month
    private func matchEnglishModified(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        if let first = word(tokens, index), ["earlier", "later"].contains(first), word(tokens, index + 1) == "this",
           let (date, next) = matchRelativePeriod(tokens, index + 1) {
            var result = date
            result.start = tokens[index].start
            return (result, next)
        }
        guard word(tokens, index) == "the", let position = word(tokens, index + 1), word(tokens, index + 2) == "of",
              let mod = ["end": "END", "beginning": "START", "start": "START", "middle": "MID"][position] else { return nil }
        let cursor = index + 3
        if word(tokens, cursor) == "the", let period = word(tokens, cursor + 1), let unit = DateLexicon.periods[period],
           let value = periodValue(unit, offset: 0) {
            return (mention(tokens, index, cursor + 2, .date, value: value, mod: mod), cursor + 2)
        }
        if let found = month(tokens, cursor) {
            var end = found.next
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, end) { year = explicit; end = next }
            return (mention(tokens, index, end, .date, value: String(format: "%04d-%02d", year, found.month), mod: mod), end)
        }
        if let (date, next) = matchRelativePeriod(tokens, cursor) ?? matchYear(tokens, cursor) ?? matchEnglishDirectedMonth(tokens, cursor) {
            var result = date
            result.start = tokens[index].start
            result.mod = mod
            return (result, next)
        }
        return nil
    }

    // last summer, next winter, this spring
    private func matchEnglishSeason(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let first = word(tokens, index), ["last", "next", "this"].contains(first),
              let season = word(tokens, index + 1), let code = Self.seasons[season], season.unicodeScalars.first!.isASCII else { return nil }
        let offset = first == "last" ? -1 : first == "next" ? 1 : 0
        return (mention(tokens, index, index + 2, .date, value: "\(referenceParts.year! + offset)-\(code)"), index + 2)
    }

    private static let seasons: [String: String] = [
        "صيف": "SU", "الصيف": "SU", "شتاء": "WI", "الشتاء": "WI", "ربيع": "SP", "الربيع": "SP", "خريف": "FA", "الخريف": "FA",
        "summer": "SU", "winter": "WI", "spring": "SP", "autumn": "FA", "fall": "FA",
    ]

    // التسعينيات، عقد الثمانينيات، the 1990s, the 90s, القرن العشرين، the 20th century
    private func matchDecadeOrCentury(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var strip = 0
        if let (_, stripped) = key(tokens, cursor, in: { ["عقد", "حقبة"].contains($0) }) { strip = stripped; cursor += 1 }
        if let (decadeKey, stripped) = key(tokens, cursor, in: { Self.decades[$0] != nil }), let decade = Self.decades[decadeKey] {
            if cursor == index { strip = stripped }
            var end = cursor + 1
            var century = 19
            if word(tokens, end) == "القرن", let which = word(tokens, end + 1) {
                if ["الماضي", "العشرين"].contains(which) { century = 19; end += 2 } else if ["الحالي", "الجاري"].contains(which) { century = 20; end += 2 }
            }
            return (mention(tokens, index, end, strip: strip, .date, value: "\(century)\(decade)"), end)
        }
        // the 1990s / the 90s
        if word(tokens, index) == "the", tokens.indices.contains(index + 1), tokens[index + 1].kind == .number,
           let s = word(tokens, index + 2), s == "s" {
            let number = tokens[index + 1].number
            let value: String? = tokens[index + 1].digits == 4 && number % 10 == 0 ? String(number / 10)
                : tokens[index + 1].digits == 2 && number % 10 == 0 ? "19\(number / 10)" : nil
            if let value { return (mention(tokens, index + 1, index + 3, .date, value: value), index + 3) }
        }
        // القرن العشرين / the 20th century
        if let (_, stripped) = key(tokens, index, in: { $0 == "القرن" }), let which = word(tokens, index + 1) {
            var end = index + 2
            var number = Self.centuries[which]
            if which == "الحادي", word(tokens, index + 2) == "والعشرين" { number = 21; end += 1 }
            if let number { return (mention(tokens, index, end, strip: stripped, .date, value: String(format: "%02d", number - 1)), end) }
        }
        if word(tokens, index) == "the", isNumber(tokens, index + 1, 1...21, digits: 1...2), let suffix = word(tokens, index + 2),
           ["st", "nd", "rd", "th"].contains(suffix), word(tokens, index + 3) == "century" {
            return (mention(tokens, index + 1, index + 4, .date, value: String(format: "%02d", tokens[index + 1].number - 1)), index + 4)
        }
        return nil
    }

    private static let decades: [String: String] = [
        "العشرينيات": "2", "الثلاثينيات": "3", "الاربعينيات": "4", "الخمسينيات": "5", "الستينيات": "6",
        "السبعينيات": "7", "الثمانينيات": "8", "التسعينيات": "9", "ثمانينيات": "8", "تسعينيات": "9", "سبعينيات": "7", "ستينيات": "6",
    ]
    private static let centuries: [String: Int] = [
        "التاسع": 9, "العاشر": 10, "الخامس": 5, "السابع": 7, "الثامن": 8, "الحادي": 11, "الثاني": 12, "الثالث": 13,
        "الرابع": 14, "السادس": 6, "التاسع عشر": 19, "العشرين": 20, "الماضي": 20, "الحالي": 21,
    ]

    // عيد العمال، رأس السنة الميلادية، Christmas, New Year's Day
    private func matchHoliday(_ tokens: [DateToken], _ index: Int) -> Match? {
        let holidays: [([String], Int, Int)] = [
            (["عيد", "العمال"], 5, 1), (["راس", "السنة", "الميلادية"], 1, 1), (["راس", "السنة"], 1, 1),
            (["عيد", "الميلاد", "المجيد"], 12, 25), (["عيد", "الحب"], 2, 14), (["اليوم", "العالمي", "للمراة"], 3, 8),
            (["christmas", "day"], 12, 25), (["christmas"], 12, 25), (["new", "year's", "day"], 1, 1),
            (["new", "year", "s", "day"], 1, 1), (["valentine", "s", "day"], 2, 14), (["may", "day"], 5, 1),
        ]
        for (words, month, day) in holidays where index + words.count <= tokens.count {
            guard let (_, strip) = key(tokens, index, in: { $0 == words[0] }) else { continue }
            var cursor = index
            var matched = true
            for word in words.dropFirst() {
                cursor += 1
                while tokens.indices.contains(cursor), tokens[cursor].kind == .punctuation, tokens[cursor].key == "'" || tokens[cursor].key == "’" { cursor += 1 }
                if self.word(tokens, cursor) != word { matched = false; break }
            }
            guard matched else { continue }
            var end = cursor + 1
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, end) { year = explicit; end = next }
            return (mention(tokens, index, end, strip: strip, .date, value: String(format: "%04d-%02d-%02d", year, month, day)), end)
        }
        return nil
    }

    // مطلع الشهر، أواخر يونيو، منتصف 2015، early May, mid-2015, late last year
    private func matchModified(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        guard let (word, strip) = key(tokens, index, in: { Self.modifiers[$0] != nil }), let mod = Self.modifiers[word] else { return nil }
        var cursor = index + 1
        if tokens.indices.contains(cursor), tokens[cursor].key == "-" { cursor += 1 }  // mid-2015
        if word == "الشهر" || word == "العام" { return nil }
        // مطلع الشهر / مطلع العام: the current period unless a direction follows
        if let period = self.word(tokens, cursor), ["الشهر", "العام", "السنة", "الاسبوع"].contains(period) {
            let unit = DateLexicon.periods[period]!
            var offset = 0
            var end = cursor + 1
            if let direction = self.word(tokens, end) {
                if DateLexicon.past.contains(direction) { offset = -1; end += 1 } else if DateLexicon.future.contains(direction) { offset = 1; end += 1 }
                else if DateLexicon.current.contains(direction) { end += 1 }
            }
            guard let value = periodValue(unit, offset: offset) else { return nil }
            return (mention(tokens, index, end, strip: strip, .date, value: value, mod: mod), end)
        }
        if isYear(tokens, cursor) {
            return (mention(tokens, index, cursor + 1, strip: strip, .date, value: String(tokens[cursor].number), mod: mod), cursor + 1)
        }
        if let found = month(tokens, skipMonthWord(tokens, cursor).0) {
            // A modifier is context enough even for month names that are also words (أواخر مارس).
            var end = found.next
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, end) { year = explicit; end = next }
            else if let (resolved, next) = directedYear(tokens, end, month: found.month, day: nil) { year = resolved; end = next }
            return (mention(tokens, index, end, strip: strip, .date, value: String(format: "%04d-%02d", year, found.month), mod: mod), end)
        }
        if let (date, next) = matchYear(tokens, cursor) ?? matchRelativePeriod(tokens, cursor) ?? matchDecadeOrCentury(tokens, cursor) {
            var result = date
            result.start = tokens[index].start + strip
            result.mod = mod
            return (result, next)
        }
        return nil
    }

    private static let modifiers: [String: String] = [
        "مطلع": "START", "بداية": "START", "اوائل": "START", "early": "START",
        "اواخر": "END", "نهاية": "END", "اخر": "END", "late": "END", "متم": "END",
        "منتصف": "MID", "اواسط": "MID", "mid": "MID",
    ]

    // كل يوم اثنين، كل اثنين، يوميا، أسبوعيا، every Monday, daily, weekly
    private func matchSet(_ tokens: [DateToken], _ index: Int) -> Match? {
        let frequencies: [String: String] = [
            "يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        ]
        if let (word, strip) = key(tokens, index, in: { frequencies[$0] != nil }) {
            return (mention(tokens, index, index + 1, strip: strip, .set, value: frequencies[word]), index + 1)
        }
        guard let (every, strip) = key(tokens, index, in: { ["كل", "every"].contains($0) }) else { return nil }
        var cursor = index + 1
        if every == "كل", word(tokens, cursor) == "يوم" { cursor += 1 }
        if let dayKey = word(tokens, cursor), let weekday = DateLexicon.weekdays[dayKey] {
            let iso = weekday == 1 ? 7 : weekday - 1
            return (mention(tokens, index, cursor + 1, strip: strip, .set, value: "XXXX-WXX-\(iso)"), cursor + 1)
        }
        if let unitKey = word(tokens, index + 1), let (unit, count) = DateLexicon.units[unitKey], count == 1, unit != .decade {
            let letter = unit == .minute ? "M" : unit.rawValue
            return (mention(tokens, index, index + 2, strip: strip, .set, value: (unit == .hour || unit == .minute ? "PT1" : "P1") + letter), index + 2)
        }
        return nil
    }

    // صباح أمس، مساء اليوم، صباح الثلاثاء، this morning, yesterday evening
    private func matchPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let parts: [String: String] = ["صباح": "MO", "مساء": "EV", "ظهر": "AF", "ليلة": "NI", "ليل": "NI", "فجر": "MO", "عصر": "AF"]
        if let (word, strip) = key(tokens, index, in: { parts[$0] != nil }), let code = parts[word],
           let (day, next) = matchRelativeDay(tokens, index + 1) ?? matchWeekday(tokens, index + 1), let value = day.value, value.count == 10 {
            return (mention(tokens, index, next, strip: strip, .time, value: value + "T" + code), next)
        }
        if let first = word(tokens, index), ["this", "yesterday", "tomorrow"].contains(first), let part = word(tokens, index + 1),
           let code = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"][part] {
            let offset = first == "yesterday" ? -1 : first == "tomorrow" ? 1 : 0
            let date = calendar.date(byAdding: .day, value: offset, to: reference)!
            return (mention(tokens, index, index + 2, .time, value: dayString(date) + "T" + code), index + 2)
        }
        return nil
    }

    // MARK: - Pieces

    /// Dates inside names are not dates: شارع 26 يوليو، حركة 20 فبراير، قوى 14 آذار، the April 6
    /// Youth Movement, The Sunday Times, Mr. April, الأمين العام, an age (45 عاما).
    private func isPartOfName(_ tokens: [DateToken], _ start: Int, _ end: Int, bytes: [UInt8], _ mention: DateMention) -> Bool {
        var previous = start - 1
        while previous >= 0, tokens[previous].kind == .punctuation, tokens[previous].key == "." { previous -= 1 }
        if previous >= 0, tokens[previous].kind == .word {
            let word = tokens[previous].key
            if Self.nameHeads.contains(word) { return true }
            // حركة شباب 6 أبريل: the name's head two words back
            if previous >= 1, tokens[previous - 1].kind == .word, Self.nameHeads.contains(tokens[previous - 1].key), mention.value?.count ?? 0 >= 7 { return true }
            if mention.kind == .duration, Self.ageWords.contains(word) { return true }
            if word == "الامين" || word == "الامينة" { return true }  // الأمين العام: a title
        }
        // A newspaper or channel name two words back: صحيفة المصري اليوم
        if start >= 2, tokens[start - 2].kind == .word, ["صحيفة", "جريدة", "قناة", "newspaper"].contains(tokens[start - 2].key),
           mention.value?.count == 10 { return true }
        // A date followed by the noun of a name: Sunday Times, April 6 Youth Movement, the March 14
        // alliance, اليوم السابع (a newspaper: "the seventh day")
        if end < tokens.count, tokens[end].kind == .word, Self.englishNameTails.contains(tokens[end].key) { return true }
        if end < tokens.count, tokens[end].kind == .word, mention.value?.count == 10, DateLexicon.ordinals[tokens[end].key] != nil { return true }
        return false
    }

    private static let monthIntroducers: Set<String> = Set([
        "في", "خلال", "منذ", "حتى", "حتي", "قبل", "بعد", "مطلع", "بداية", "نهاية", "اواخر", "منتصف", "اوائل",
        "in", "during", "since", "until", "till", "before", "after", "by", "early", "late", "mid", "of", "through",
    ].map(DateTokenizer.key))

    private static let nameHeads: Set<String> = Set([
        "شارع", "حركة", "ميدان", "ساحة", "ملعب", "جسر", "قوى", "تيار", "ائتلاف", "مستشفى", "مدرسة", "جامعة", "حي", "نادي", "مطار",
        "مدينة", "قناة", "موقع", "صحيفة", "جريدة", "مجلة", "ثورة", "انتفاضة", "مؤسسة", "حميد",
        "street", "st", "avenue", "road", "square", "movement", "mr", "mrs", "ms", "dr",
    ].map(DateTokenizer.key))
    private static let ageWords: Set<String> = Set(["العمر", "عمره", "عمرها", "البالغ", "البالغة", "يبلغ", "تبلغ", "aged", "age"].map(DateTokenizer.key))
    private static let englishNameTails: Set<String> = [
        "times", "telegraph", "express", "mirror", "post", "herald", "youth", "movement", "revolution", "street", "square",
        "stadium", "club", "group", "party", "brigade", "front", "mail", "tribune", "bridge", "alliance", "coalition",
    ]

    /// "2015 people", "1998 كلم": a number followed by a noun of measure is not a year.
    private func isNumberFollowedByUnit(_ tokens: [DateToken], _ index: Int) -> Bool {
        guard let next = word(tokens, index + 1) else { return false }
        return Self.countNouns.contains(next)
    }

    private static let countNouns: Set<String> = [
        "people", "persons", "km", "kilometres", "kilometers", "dollars", "euros", "votes", "troops", "soldiers", "cases", "tons",
        "شخص", "شخصا", "كلم", "كم", "دولار", "دولارا", "صوت", "صوتا", "جندي", "حالة", "طن", "مليون", "مليار", "ألف", "الف",
    ]

    /// "الماضي/المقبل/القادم/الجاري" after a month: the year of its previous or next occurrence.
    private func directedYear(_ tokens: [DateToken], _ index: Int, month: Int, day: Int?) -> (Int, Int)? {
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
    private func skipEraSuffix(_ tokens: [DateToken], _ index: Int) -> Int {
        if let suffix = word(tokens, index), ["م", "ميلادي", "ميلادية", "للميلاد", "ad"].contains(suffix) { return index + 1 }
        return index
    }

    /// "ثلاثة أيام", "3 أيام", "أسبوعين", "two weeks", "a month": (count, unit, next index).
    private func quantity(_ tokens: [DateToken], _ index: Int) -> (Int, DateLexicon.Unit, Int)? {
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

    private func offsetValue(_ unit: DateLexicon.Unit, _ count: Int) -> String? {
        switch unit {
        case .day: return calendar.date(byAdding: .day, value: count, to: reference).map(dayString)
        case .week: return calendar.date(byAdding: .weekOfYear, value: count, to: reference).map(weekString)
        case .month: return calendar.date(byAdding: .month, value: count, to: reference).map(monthString)
        case .year: return calendar.date(byAdding: .year, value: count, to: reference).map { String(calendar.component(.year, from: $0)) }
        case .decade: return calendar.date(byAdding: .year, value: count * 10, to: reference).map { String(calendar.component(.year, from: $0)) }
        case .hour, .minute: return nil
        }
    }

    private func periodValue(_ unit: DateLexicon.Unit, offset: Int) -> String? {
        offsetValue(unit, offset)
    }

    private func dayValue(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private func monthString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year!, parts.month!)
    }

    private func weekString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        return String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
    }

    private func parseDay(_ value: String) -> Date? {
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// Joins a date and a time that follow each other ("يوم الخميس الساعة العاشرة").
    private func join(_ first: DateMention, _ second: DateMention, tokens: [DateToken], bytes: [UInt8]) -> DateMention? {
        guard second.start >= first.end else { return nil }
        let gap = bytes[first.end..<second.start]
        let joiners: [[UInt8]] = [Array(" on ".utf8), Array(" في ".utf8), Array(", ".utf8), Array(" ".utf8), Array(",".utf8)]
        guard joiners.contains(where: { $0.elementsEqual(gap) }) else { return nil }
        if first.kind == .date, second.kind == .time, let date = first.value, date.count == 10, let time = second.value {
            return DateMention(start: first.start, end: second.end, kind: .time, value: date + time.dropFirst(10))
        }
        if first.kind == .time, second.kind == .date, let time = first.value, let date = second.value, date.count == 10 {
            return DateMention(start: first.start, end: second.end, kind: .time, value: date + time.dropFirst(10))
        }
        return nil
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
