import Foundation

/// Absolute dates: day month year, month year, Hijri, ISO and numeric dates, years, holidays.
extension DateTagger {
    // 22 فبراير 2019, الأول من مايو, 3 مارس, 11 April 2024, 5 شهر يونيو
    func matchDayMonthYear(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        var day: Int? = nil
        var cursor = index
        var strip = 0
        if isNumber(tokens, cursor, 1...31, digits: 1...2) {
            day = tokens[cursor].number
            cursor += 1
        } else if let (key, stripped) = key(tokens, cursor, in: { DateLexicon.ordinals[$0] != nil }), tokens.indices.contains(cursor + 1),
                  let tens = word(tokens, cursor + 1).flatMap({ Self.ordinalTens[$0] }) ?? (word(tokens, cursor + 1).map { ["من", "of"].contains($0) } == true ? 0 : nil),
                  let from = word(tokens, cursor + (tens > 0 ? 2 : 1)), ["من", "of"].contains(from) {
            // الثالث والعشرين من مارس: a unit ordinal and its tens
            day = DateLexicon.ordinals[key]! + tens
            strip = stripped
            cursor += tens > 0 ? 3 : 2
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
        // الخامس عشر من الشهر الجاري: a day of a relative month
        if word(tokens, cursor) == "الشهر", let direction = word(tokens, cursor + 1) {
            let offset = DateLexicon.past.contains(direction) ? -1 : DateLexicon.future.contains(direction) ? 1 : DateLexicon.current.contains(direction) ? 0 : nil
            if let offset, let monthDate = calendar.date(byAdding: .month, value: offset, to: reference) {
                let parts = calendar.dateComponents([.year, .month], from: monthDate)
                if let value = dayValue(year: parts.year!, month: parts.month!, day: day) {
                    return (mention(tokens, index, cursor + 2, strip: strip, .date, value: value), cursor + 2)
                }
            }
        }
        (cursor, _) = skipMonthWord(tokens, cursor)
        guard let found = month(tokens, cursor) else { return nil }
        if found.strip > 0 { return nil }  // "3 وأبريل" is not a date
        var end = found.next
        var year = referenceParts.year!
        if let paired = pairedMonth(tokens, end) { end = paired }
        // 25 أيار/مايو من كل عام، 1 May every year: a day of every year
        if let next = everyYear(tokens, end), (1...31).contains(day), day <= 29 || found.month != 2 {
            return (mention(tokens, index, next, strip: strip, .set, value: ("XXXX-" + Self.digits(found.month, 2) + "-" + Self.digits(day, 2))), next)
        }
        if let (explicit, next) = yearAfter(tokens, end) {
            year = explicit
            end = next
        } else if let (resolved, next) = directedYear(tokens, end, month: found.month, day: day) {
            year = resolved
            end = next
        }
        var sameYear = false
        if end == found.next || end == pairedMonth(tokens, found.next), let (phraseYear, next) = yearPhrase(tokens, end, month: found.month) {
            year = phraseYear ?? year
            sameYear = phraseYear == nil
            end = next
        }
        end = skipEraSuffix(tokens, end)
        guard let value = dayValue(year: year, month: found.month, day: day) else { return nil }
        var result = mention(tokens, index, end, strip: strip, .date, value: value)
        result.yearFromSentence = sameYear
        return (result, end)
    }

    /// "من كل عام"، "من كل سنة"، "every year", "each year" at `index`: the index after it.
    func everyYear(_ tokens: [DateToken], _ index: Int) -> Int? {
        if word(tokens, index) == "من", word(tokens, index + 1) == "كل", let year = word(tokens, index + 2), ["عام", "سنة", "سنه"].contains(year) {
            return index + 3
        }
        if let each = word(tokens, index), ["every", "each"].contains(each), word(tokens, index + 1) == "year" { return index + 2 }
        return nil
    }

    // يونيو 2015, شهر جويلية 2015, April 2024, (آذار/مارس 2024), April 11, 2024, مايو
    func matchMonthDayYear(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
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
            if let next = everyYear(tokens, after) {
                return (mention(tokens, index, next, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .set,
                                value: ("XXXX-" + Self.digits(found.month, 2) + "-" + Self.digits(day, 2))), next)
            }
            if let (explicit, next) = yearAfter(tokens, after) { year = explicit; after = next }
            if let value = dayValue(year: year, month: found.month, day: day) {
                return (mention(tokens, index, after, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .date, value: value), after)
            }
        }
        if let (year, next) = yearAfter(tokens, end) {
            let after = skipEraSuffix(tokens, next)
            return (mention(tokens, index, after, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .date, value: (Self.digits(year, 4) + "-" + Self.digits(found.month, 2))), after)
        }
        if let (year, next) = directedYear(tokens, end, month: found.month, day: nil) {
            return (mention(tokens, index, next, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .date, value: (Self.digits(year, 4) + "-" + Self.digits(found.month, 2))), next)
        }
        // ماي من العام المقبل، شهر أكتوبر من العام نفسه، June of last year
        if let (year, next) = yearPhrase(tokens, end, month: found.month) {
            var result = mention(tokens, index, next, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .date,
                                 value: (Self.digits(year ?? referenceParts.year!, 4) + "-" + Self.digits(found.month, 2)))
            result.yearFromSentence = year == nil
            return (result, next)
        }
        // A month alone: only after "شهر" or a word of time (في يونيو، منذ أبريل، in April); the
        // year is the reference's. Alone it is too often part of a name.
        if !hadMonthWord {
            guard index > 0, tokens[index - 1].kind == .word, Self.monthIntroducers.contains(tokens[index - 1].key) || found.strip > 0,
                  !DateLexicon.ambiguousMonths.contains(found.key) || tokens[index - 1].key != "the" else { return nil }
            if DateLexicon.ambiguousMonths.contains(found.key), !["في", "خلال", "منذ", "in", "during", "since", "until"].contains(tokens[index - 1].key) { return nil }
        }
        return (mention(tokens, index, end, strip: hadMonthWord ? monthWordStrip(tokens, index) : found.strip, .date,
                        value: (Self.digits(referenceParts.year!, 4) + "-" + Self.digits(found.month, 2))), end)
    }

    // 15 رمضان 1437 هـ, رمضان 1437, 1 محرم 1438 للهجرة
    func matchHijri(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var day: Int? = nil
        var strip = 0
        if isNumber(tokens, cursor, 1...30, digits: 1...2) { day = tokens[cursor].number; cursor += 1 }
        else if let (_, stripped) = key(tokens, cursor, in: { ["غرة", "غره", "فاتح", "مستهل"].contains($0) }) { day = 1; strip = stripped; cursor += 1 }
        else if let (ordinal, stripped) = key(tokens, cursor, in: { DateLexicon.ordinals[$0] != nil }), word(tokens, cursor + 1) == "من" {
            day = DateLexicon.ordinals[ordinal]; strip = stripped; cursor += 2
        }
        let monthWord: Bool
        if cursor == index { strip = monthWordStrip(tokens, cursor) }
        (cursor, monthWord) = skipMonthWord(tokens, cursor)
        guard let found = hijriMonth(tokens, cursor) else { return nil }
        var end = found.next
        let hijri = Calendar(identifier: .islamicUmmAlQura)
        // شهر رمضان: the month of the reference Hijri year (the word شهر makes it a month,
        // not the name رمضان).
        if day == nil, monthWord, !isNumber(tokens, end, 1...1600, digits: 3...4),
           !(word(tokens, end).map { DateLexicon.past.contains($0) || DateLexicon.future.contains($0) || DateLexicon.current.contains($0) } ?? false),
           var result = hijriMonthRange(found.month, direction: 0) {
            result.start = tokens[index].start + strip
            result.end = tokens[end - 1].end
            return (result, end)
        }
        // شهر رمضان المقبل، رمضان الماضي: the next or previous occurrence of the month
        if day == nil, !isNumber(tokens, end, 1...1600, digits: 3...4), let direction = word(tokens, end),
           DateLexicon.past.contains(direction) || DateLexicon.future.contains(direction) || DateLexicon.current.contains(direction) {
            let today = hijri.dateComponents([.year, .month], from: reference)
            var year = today.year!
            if DateLexicon.future.contains(direction), found.month <= today.month! { year += 1 }
            if DateLexicon.past.contains(direction), found.month >= today.month! { year -= 1 }
            guard let first = hijri.date(from: DateComponents(year: year, month: found.month, day: 1)),
                  let next = hijri.date(byAdding: .month, value: 1, to: first) else { return nil }
            var result = mention(tokens, index, end + 1, .date, value: nil)
            result.begin = dayString(first)
            result.finish = dayString(next)
            result.hijri = (Self.digits(year, 4) + "-" + Self.digits(found.month, 2))
            return (result, end + 1)
        }
        guard isNumber(tokens, end, 1...1600, digits: 3...4) else { return nil }
        let year = tokens[end].number
        end += 1
        var marked = false
        // هـ may be written as a letter with a tatweel or after a space; all normalize to "ه".
        if let key = word(tokens, end), DateLexicon.hijriMarkers.contains(key) { end += 1; marked = true }
        guard marked || year > 1300 && year < 1500 else { return nil }
        if let day {
            guard let date = hijri.date(from: DateComponents(year: year, month: found.month, day: day)) else { return nil }
            var result = mention(tokens, index, end, strip: strip, .date, value: dayString(date))
            result.hijri = (Self.digits(year, 4) + "-" + Self.digits(found.month, 2) + "-" + Self.digits(day, 2))
            return (result, end)
        }
        guard let first = hijri.date(from: DateComponents(year: year, month: found.month, day: 1)),
              let next = hijri.date(byAdding: .month, value: 1, to: first) else { return nil }
        var result = mention(tokens, index, end, .date, value: nil)
        result.begin = dayString(first)
        result.finish = dayString(next)
        result.hijri = (Self.digits(year, 4) + "-" + Self.digits(found.month, 2))
        return (result, end)
    }

    // 2024-04-11
    func matchISO(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isYear(tokens, index), index + 4 < tokens.count, tokens[index + 1].key == "-", tokens[index + 3].key == "-",
              isNumber(tokens, index + 2, 1...12, digits: 2...2), isNumber(tokens, index + 4, 1...31, digits: 2...2),
              let value = dayValue(year: tokens[index].number, month: tokens[index + 2].number, day: tokens[index + 4].number)
        else { return nil }
        return (mention(tokens, index, index + 5, .date, value: value), index + 5)
    }

    // 25/12/2019 or 5/31/2016: only when the order is certain (one of the first two numbers is
    // above 12). 11/04/2024 is ambiguous: a date only with analyzers.gloss.date.numeric_order.
    func matchNumericDate(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index + 4 < tokens.count, isNumber(tokens, index, 1...31, digits: 1...2), tokens[index + 1].key == "/",
              isNumber(tokens, index + 2, 1...31, digits: 1...2), tokens[index + 3].key == "/", isYear(tokens, index + 4) else { return nil }
        let first = tokens[index].number, second = tokens[index + 2].number, year = tokens[index + 4].number
        let value: String?
        if first > 12, second <= 12 { value = dayValue(year: year, month: second, day: first) }
        else if second > 12, first <= 12 { value = dayValue(year: year, month: first, day: second) }
        else if numericOrder == .dayFirst { value = dayValue(year: year, month: second, day: first) }
        else if numericOrder == .monthFirst { value = dayValue(year: year, month: first, day: second) }
        else { value = nil }
        guard let value else { return nil }
        return (mention(tokens, index, index + 5, .date, value: value), index + 5)
    }

    // عام 2015، سنة ٢٠١٥، في 2015 (English "in 2015"), the year 2015
    func matchYear(_ tokens: [DateToken], _ index: Int) -> Match? {
        if word(tokens, index) == "the", word(tokens, index + 1) == "year", isYear(tokens, index + 2) {
            return (mention(tokens, index, index + 3, .date, value: String(tokens[index + 2].number)), index + 3)
        }
        // "the 2015 elections": a year before a noun; the article stays outside
        if word(tokens, index) == "the", isNumber(tokens, index + 1, 1900...2099, digits: 4...4), let noun = word(tokens, index + 2),
           noun.unicodeScalars.first!.isASCII, !Self.countNouns.contains(noun), tokens[index + 2].start > tokens[index + 1].end {
            return (mention(tokens, index + 1, index + 2, .date, value: String(tokens[index + 1].number)), index + 2)
        }
        guard let (key, strip) = key(tokens, index, in: { ["عام", "سنة", "العام", "السنة", "سنه", "in", "since", "year", "في", "منذ", "حتى", "حتي", "خلال", "until", "by"].contains($0) }) else { return nil }
        var cursor = index + 1
        if key == "in", word(tokens, cursor) == "the" { return nil }
        if ["in", "since", "في", "منذ", "حتى", "حتي", "خلال", "until", "by"].contains(key) {
            guard isYear(tokens, cursor), !isNumberFollowedByUnit(tokens, cursor),
                  !(word(tokens, cursor + 1).map { DateLexicon.hijriMarkers.contains($0) } ?? false) else { return nil }
            // "in 2015" covers only the year; the preposition stays outside.
            return (mention(tokens, cursor, cursor + 1, .date, value: String(tokens[cursor].number)), cursor + 1)
        }
        if let next = word(tokens, cursor), ["عامي", "سنتي"].contains(next) { cursor += 1 }
        // عام 1437 هـ، العام الهجري 1436: a Hijri year is the Gregorian range it covers
        var hijriYear = false
        if let marker = word(tokens, cursor), ["الهجري", "هجري"].contains(marker) { hijriYear = true; cursor += 1 }
        if isNumber(tokens, cursor, 1300...1600, digits: 4...4) {
            var end = cursor + 1
            if let marker = word(tokens, end), DateLexicon.hijriMarkers.contains(marker) { hijriYear = true; end += 1 }
            if hijriYear {
                let hijri = Calendar(identifier: .islamicUmmAlQura)
                let year = tokens[cursor].number
                guard let first = hijri.date(from: DateComponents(year: year, month: 1, day: 1)),
                      let next = hijri.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return nil }
                var result = mention(tokens, index, end, strip: strip, .date, value: nil)
                result.begin = dayString(first)
                result.finish = dayString(next)
                result.hijri = String(year)
                return (result, end)
            }
        }
        guard isYear(tokens, cursor) else { return nil }
        return (mention(tokens, index, cursor + 1, strip: strip, .date, value: String(tokens[cursor].number)), cursor + 1)
    }

    // يوم الجمعة 22 فبراير 2019, Friday, March 3, 2024 — the weekday joins the date.
    func matchWeekdayDate(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var hadDayWord = false
        if let (_, _) = key(tokens, cursor, in: { $0 == "يوم" }) { cursor += 1; hadDayWord = true }
        if let dayKey = word(tokens, cursor), DateLexicon.weekdays[dayKey] != nil {
            cursor += 1
        } else if !hadDayWord || cursor == index {
            return nil  // "يوم 12 يناير 2016": يوم alone before a date joins it too
        }
        if tokens.indices.contains(cursor), [",", "،"].contains(tokens[cursor].key) { cursor += 1 }
        guard let (date, next) = matchHijri(tokens, cursor) ?? matchDayMonthYear(tokens, cursor, bytes: []) ?? matchMonthDayYear(tokens, cursor, bytes: []) ?? matchISO(tokens, cursor),
              date.value?.count == 10 else { return nil }
        var result = date
        result.start = key(tokens, index, in: { $0 == "يوم" || DateLexicon.weekdays[$0] != nil }).map { tokens[index].start + $0.1 } ?? tokens[index].start
        return (result, next)
    }

    // last December, next March, this June
    func matchEnglishDirectedMonth(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let first = word(tokens, index), ["last", "next", "this"].contains(first), let found = month(tokens, index + 1),
              found.key.unicodeScalars.first!.isASCII else { return nil }
        let direction: DateKey = first == "last" ? "last" : first == "next" ? "next" : "this"
        let probe = [DateToken(kind: .word, start: 0, end: 0, key: direction)]
        guard let (year, _) = directedYear(probe, 0, month: found.month, day: nil) else { return nil }
        return (mention(tokens, index, found.next, .date, value: (Self.digits(year, 4) + "-" + Self.digits(found.month, 2))), found.next)
    }

    static let ordinalTens: [DateKey: Int] = ["والعشرين": 20, "والعشرون": 20, "والثلاثين": 30, "عشر": 10]

}
