import Foundation

/// Holidays: fixed Gregorian ones, movable Western ones, and Islamic ones on the Umm al-Qura
/// calendar. A holiday without a year takes its date in the reference year (the reference
/// Hijri year for Islamic ones); last/next, الماضي/المقبل move to the previous or next one.
extension DateTagger {
    enum HolidayRule {
        /// Month and day in the Gregorian calendar.
        case fixed(Int, Int)
        /// Days after Easter Sunday (Good Friday is -2).
        case easter(Int)
        /// The n-th weekday (1 = Sunday) of a Gregorian month.
        case nthWeekday(month: Int, weekday: Int, n: Int)
        /// Month and day in the Umm al-Qura calendar.
        case hijri(Int, Int)
        /// A whole Hijri month: a range, no value.
        case hijriMonth(Int)
    }

    // عيد العمال، عيد الفطر المبارك، رأس السنة الميلادية المقبلة، last Christmas, Easter, Eid al-Fitr, Ramadan
    func matchHoliday(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var direction = 0
        if let first = word(tokens, index), ["last", "next", "this"].contains(first) {
            direction = first == "last" ? -1 : first == "next" ? 1 : 0
            cursor += 1
        }
        guard cursor < tokens.count, Self.opens(tokens[cursor], Self.holidayFirstWords) else { return nil }
        for (words, rule) in Self.holidays where cursor + words.count <= tokens.count {
            guard let (_, stripped) = key(tokens, cursor, in: { $0 == words[0] }) else { continue }
            var last = cursor
            var matched = true
            for word in words.dropFirst() {
                last += 1
                // New Year's Eve, Eid al-Fitr: apostrophes and hyphens between the words
                while tokens.indices.contains(last), tokens[last].kind == .punctuation, ["'", "’", "-"].contains(tokens[last].key) { last += 1 }
                if self.word(tokens, last) != word { matched = false; break }
            }
            guard matched else { continue }
            if case .hijriMonth = rule, !isHolidayContext(tokens, cursor) { return nil }
            var end = last + 1
            if let blessed = word(tokens, end), ["المبارك", "السعيد"].contains(blessed) { end += 1 }
            if direction == 0, let after = word(tokens, end) {
                if DateLexicon.future.contains(after) { direction = 1; end += 1 } else if DateLexicon.past.contains(after) { direction = -1; end += 1 }
            }
            var explicitYear: Int? = nil
            if case .hijri = rule {} else if case .hijriMonth = rule {} else if let (year, next) = yearAfter(tokens, end) {
                explicitYear = year
                end = next
            }
            let strip = cursor == index ? stripped : 0
            guard var result = holiday(rule, direction: direction, year: explicitYear) else { return nil }
            result.start = tokens[index].start + strip
            result.end = tokens[end - 1].end
            return (result, end)
        }
        return nil
    }

    /// "Ramadan" alone is the month unless it is part of a name (Tariq Ramadan, رمضان صبحي):
    /// in English, only after a function word or at the start of a sentence.
    private func isHolidayContext(_ tokens: [DateToken], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = tokens[index - 1]
        if previous.kind == .punctuation { return true }
        return Self.holidayLeadWords.contains(previous.key)
    }

    private static let holidayLeadWords: Set<DateKey> = [
        "during", "in", "of", "the", "before", "after", "since", "until", "through", "throughout", "for", "holy", "month",
        "start", "end", "beginning", "middle", "by", "and", "fasting", "ahead", "this", "last", "next", "until",
    ]

    /// The mention a holiday rule gives, spans left for the caller to set.
    private func holiday(_ rule: HolidayRule, direction: Int, year explicit: Int?) -> DateMention? {
        let referenceDay = dayString(reference)
        switch rule {
        case .fixed, .easter, .nthWeekday:
            func date(in year: Int) -> String? {
                switch rule {
                case .fixed(let month, let day): return dayValue(year: year, month: month, day: day)
                case .easter(let offset):
                    return calendar.date(byAdding: .day, value: offset, to: Self.easter(year, calendar)).map(dayString)
                case .nthWeekday(let month, let weekday, let n):
                    guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)) else { return nil }
                    let shift = (weekday - calendar.component(.weekday, from: first) + 7) % 7 + 7 * (n - 1)
                    return calendar.date(byAdding: .day, value: shift, to: first).map(dayString)
                default: return nil
                }
            }
            var year = explicit ?? referenceParts.year!
            if explicit == nil, let this = date(in: year) {
                if direction > 0, this <= referenceDay { year += 1 }
                if direction < 0, this >= referenceDay { year -= 1 }
            }
            return date(in: year).map { DateMention(start: 0, end: 0, kind: .date, value: $0) }
        case .hijri(let month, let day):
            let hijri = Calendar(identifier: .islamicUmmAlQura)
            var year = hijri.component(.year, from: reference)
            func gregorian(_ year: Int) -> Date? { hijri.date(from: DateComponents(year: year, month: month, day: day)) }
            if let this = gregorian(year).map(dayString) {
                if direction > 0, this <= referenceDay { year += 1 }
                if direction < 0, this >= referenceDay { year -= 1 }
            }
            guard let date = gregorian(year) else { return nil }
            var result = DateMention(start: 0, end: 0, kind: .date, value: dayString(date))
            result.hijri = (Self.digits(year, 4) + "-" + Self.digits(month, 2) + "-" + Self.digits(day, 2))
            return result
        case .hijriMonth(let month):
            return hijriMonthRange(month, direction: direction)
        }
    }

    /// A Hijri month of the reference Hijri year (or the next or previous occurrence) as a range.
    func hijriMonthRange(_ month: Int, direction: Int) -> DateMention? {
        let hijri = Calendar(identifier: .islamicUmmAlQura)
        let today = hijri.dateComponents([.year, .month], from: reference)
        var year = today.year!
        if direction > 0, month <= today.month! { year += 1 }
        if direction < 0, month >= today.month! { year -= 1 }
        guard let first = hijri.date(from: DateComponents(year: year, month: month, day: 1)),
              let next = hijri.date(byAdding: .month, value: 1, to: first) else { return nil }
        var result = DateMention(start: 0, end: 0, kind: .date, value: nil)
        result.begin = dayString(first)
        result.finish = dayString(next)
        result.hijri = (Self.digits(year, 4) + "-" + Self.digits(month, 2))
        return result
    }

    /// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
    static func easter(_ year: Int, _ calendar: Calendar) -> Date {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    static let holidayFirstWords = firstWords(holidays)

    /// Longest first, so that "رأس السنة الهجرية" wins over "رأس السنة".
    static let holidays: [([DateKey], HolidayRule)] = {
        let entries: [(String, HolidayRule)] = [
            ("عيد العمال", .fixed(5, 1)), ("رأس السنة الميلادية", .fixed(1, 1)), ("رأس السنة", .fixed(1, 1)),
            ("عيد الميلاد المجيد", .fixed(12, 25)), ("عيد الحب", .fixed(2, 14)), ("اليوم العالمي للمرأة", .fixed(3, 8)),
            ("يوم المرأة العالمي", .fixed(3, 8)), ("عيد الفصح", .easter(0)),
            ("christmas day", .fixed(12, 25)), ("christmas eve", .fixed(12, 24)), ("christmas", .fixed(12, 25)),
            ("new year s day", .fixed(1, 1)), ("new year s eve", .fixed(12, 31)), ("new years day", .fixed(1, 1)),
            ("new years eve", .fixed(12, 31)), ("valentine s day", .fixed(2, 14)), ("may day", .fixed(5, 1)),
            ("halloween", .fixed(10, 31)), ("easter sunday", .easter(0)), ("easter monday", .easter(1)), ("easter", .easter(0)),
            ("good friday", .easter(-2)), ("labor day", .nthWeekday(month: 9, weekday: 2, n: 1)),
            ("labour day", .nthWeekday(month: 9, weekday: 2, n: 1)), ("thanksgiving", .nthWeekday(month: 11, weekday: 5, n: 4)),
            ("عيد الفطر", .hijri(10, 1)), ("عيد الأضحى", .hijri(12, 10)), ("عيد الاضحى", .hijri(12, 10)),
            ("رأس السنة الهجرية", .hijri(1, 1)), ("المولد النبوي الشريف", .hijri(3, 12)), ("المولد النبوي", .hijri(3, 12)),
            ("عاشوراء", .hijri(1, 10)), ("ليلة القدر", .hijri(9, 27)), ("يوم عرفة", .hijri(12, 9)), ("وقفة عرفة", .hijri(12, 9)),
            ("eid al fitr", .hijri(10, 1)), ("eid ul fitr", .hijri(10, 1)), ("eid al adha", .hijri(12, 10)),
            ("eid ul adha", .hijri(12, 10)), ("ashura", .hijri(1, 10)), ("mawlid", .hijri(3, 12)),
            ("ramadan", .hijriMonth(9)), ("ramadhan", .hijriMonth(9)),
        ]
        return entries.map { (phrase, rule) in (phrase.split(separator: " ").map { DateTokenizer.key(String($0)) }, rule) }
            .sorted { $0.0.count > $1.0.count }
    }()
}
