import Foundation

/// Times of day, parts of the day, and times joined to their date.
extension DateTagger {
    // الساعة 14:30، الساعة العاشرة والنصف صباحا، 3 p.m., 14:30, noon
    /// `hourWordImplied`: the hour may be a word without الساعة before it, as in the second
    /// half of a range (من الساعة التاسعة صباحا حتى الخامسة مساء).
    func matchTime(_ tokens: [DateToken], _ index: Int, hourWordImplied: Bool = false) -> Match? {
        var cursor = index
        var strip = 0
        var hadHourWord = hourWordImplied
        var mod: String? = nil
        // about 11 p.m., around 10:15, نحو الساعة الثانية
        if let (_, stripped) = key(tokens, cursor, in: { $0 == "تمام" }), key(tokens, cursor + 1, in: { $0 == "الساعة" || $0 == "الساعه" }) != nil {
            strip = stripped; cursor += 1
        } else if let (_, stripped) = key(tokens, cursor, in: { ["about", "around", "approximately", "نحو", "حوالي", "قرابة", "قرابه"].contains($0) }),
           isNumber(tokens, cursor + 1, 0...24, digits: 1...2) || key(tokens, cursor + 1, in: { $0 == "الساعة" || $0 == "الساعه" }) != nil {
            strip = stripped; mod = "APPROX"; cursor += 1
        }
        if let (_, stripped) = key(tokens, cursor, in: { $0 == "الساعة" || $0 == "الساعه" }) { if cursor == index { strip = stripped }; cursor += 1; hadHourWord = true }
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
                if next == "a" || next == "p", !(tokens.indices.contains(cursor + 2) && tokens[cursor + 1].key == "." && word(tokens, cursor + 2) == "m") { return nil }
            }
        } else if hadHourWord, let word = word(tokens, cursor), let value = Self.hourWords[word] {
            hour = value
            cursor += 1
        }
        guard var hour else { return nil }
        // الحادية عشرة، الثانية عشرة
        if hadHourWord, hour == 11 || hour <= 2, tokens[cursor - 1].kind == .word, word(tokens, cursor) == "عشرة" || word(tokens, cursor) == "عشر" {
            if hour <= 2 { hour += 10 }
            cursor += 1
        }
        if let and = word(tokens, cursor) {
            if and == "والنصف" { minute = 30; cursor += 1 } else if and == "والربع" { minute = 15; cursor += 1 }
            else if and == "والثلث" { minute = 20; cursor += 1 }
            else if and == "الا", let less = word(tokens, cursor + 1), let minus = ["ربعا": 15, "ربع": 15, "ثلثا": 20, "ثلث": 20][less] {
                hour -= 1; minute = 60 - minus; cursor += 2
            } else if let (count, next) = minutesAfter(tokens, cursor) {
                minute = count; cursor = next
            }
        }
        var day = dayString(reference)
        var zone = ""
        if let period = word(tokens, cursor) {
            if ["صباحا", "صباح", "فجرا", "am"].contains(period), matchPartOfDay(tokens, cursor) == nil { cursor += 1; if hour == 12 { hour = 0 } }
            else if ["مساء", "مساءا", "ظهرا", "عصرا", "ليلا", "pm"].contains(period), matchPartOfDay(tokens, cursor) == nil {
                cursor += 1
                if period == "ليلا" { if hour >= 6 && hour < 12 { hour += 12 } else if hour == 12 { hour = 0 } } else if hour < 12 { hour += 12 }
            }
            else if period == "a" || period == "p", tokens.indices.contains(cursor + 3), tokens[cursor + 1].key == ".", word(tokens, cursor + 2) == "m" {
                if period == "p", hour < 12 { hour += 12 }
                if period == "a", hour == 12 { hour = 0 }
                cursor += tokens.indices.contains(cursor + 3) && tokens[cursor + 3].key == "." ? 4 : 3
            }
        }
        // بتوقيت غرينتش / GMT
        if let zoneWord = word(tokens, cursor), zoneWord == "بتوقيت", let name = word(tokens, cursor + 1), ["غرينتش", "غرينيتش", "جرينتش"].contains(name) {
            zone = "Z"; cursor += 2
        } else if let name = word(tokens, cursor), ["gmt", "utc"].contains(name) { zone = "Z"; cursor += 1 }
        // من صباح الاثنين، فجر السبت، ظهر أمس، صباح يوم الأربعاء 25 مايو: the part of the day
        // sets the clock, and its day is the time's day.
        let partIndex = word(tokens, cursor) == "من" ? cursor + 1 : cursor
        if hadHourWord, let (part, next) = matchPartOfDay(tokens, partIndex), let value = part.value, value.count > 11 {
            let code = String(value.dropFirst(11))
            if ["EV", "NI", "AF"].contains(code) || code == "12:00" {
                if code == "NI" { if hour >= 6 && hour < 12 { hour += 12 } } else if hour < 12 { hour += 12 }
            } else if hour == 12 { hour = 0 }
            day = String(value.prefix(10))
            cursor = next
        }
        guard hour <= 24 else { return nil }
        let value = day + ("T" + Self.digits(hour % 24, 2) + ":" + Self.digits(minute, 2)) + zone
        return (mention(tokens, index, cursor, strip: strip, .time, value: value, mod: mod), cursor)
    }

    /// "وعشر دقائق"، "و15 دقيقة": minutes after the hour, and the index after them.
    func minutesAfter(_ tokens: [DateToken], _ index: Int) -> (Int, Int)? {
        guard tokens.indices.contains(index + 1) else { return nil }
        var count: Int? = nil, next = index + 1
        if tokens[index].kind == .word, let (number, _) = key(tokens, index, in: { DateLexicon.numbers[$0] != nil }),
           tokens[index].key.hasPrefix("و") { count = DateLexicon.numbers[number] }
        else if word(tokens, index) == "و", isNumber(tokens, index + 1, 1...59, digits: 1...2) { count = tokens[index + 1].number; next = index + 2 }
        guard let count, count < 60, let unit = word(tokens, next), ["دقائق", "دقيقة", "دقيقه"].contains(unit) else { return nil }
        return (count, next + 1)
    }

    static let hourWords: [DateKey: Int] = [
        "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
        "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية": 11, "الثانية عشرة": 12,
    ]

    // Sunday night, Friday morning, last night
    func matchEnglishPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, tokens[index].kind == .word, tokens[index].key.utf8.first.map({ $0 < 0x80 }) == true else { return nil }
        let parts = Self.englishDayParts
        if word(tokens, index) == "last", word(tokens, index + 1) == "night" {
            let date = calendar.date(byAdding: .day, value: -1, to: reference)!
            return (mention(tokens, index, index + 2, .time, value: dayString(date) + "TNI"), index + 2)
        }
        guard let (day, next) = matchWeekday(tokens, index), let part = word(tokens, next), let code = parts[part],
              let value = day.value, value.count == 10 else { return nil }
        return (DateMention(start: day.start, end: tokens[next].end, kind: .time, value: value + "T" + code), next + 1)
    }

    // noon, midday, dawn: on the reference day, or the day they are joined to ("noon on Friday")
    func matchEnglishClockWord(_ tokens: [DateToken], _ index: Int) -> Match? {
        // منتصف الليل: midnight, the start of the day
        if let (_, strip) = key(tokens, index, in: { $0 == "منتصف" }), word(tokens, index + 1) == "الليل" {
            return (mention(tokens, index, index + 2, strip: strip, .time, value: dayString(reference) + "T00:00"), index + 2)
        }
        guard let word = word(tokens, index), let code = ["noon": "12:00", "midday": "12:00", "dawn": "MO", "daybreak": "MO", "midnight": "00:00"][word] else { return nil }
        return (mention(tokens, index, index + 1, .time, value: dayString(reference) + "T" + code), index + 1)
    }

    // 1400 GMT, 0630 UTC
    func matchMilitaryTime(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isNumber(tokens, index, 0...2359, digits: 4...4), let zone = word(tokens, index + 1), ["gmt", "utc", "غرينتش"].contains(zone) else { return nil }
        let hour = tokens[index].number / 100, minute = tokens[index].number % 100
        guard hour < 24, minute < 60 else { return nil }
        return (mention(tokens, index, index + 2, .time, value: dayString(reference) + ("T" + Self.digits(hour, 2) + ":" + Self.digits(minute, 2) + "Z")), index + 2)
    }

    // صباح أمس، مساء اليوم، صباح الثلاثاء، this morning, yesterday evening
    func matchPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let parts = Self.arabicDayParts
        // بعد ظهر غد، بعد ظهر الاثنين: the afternoon
        if let (_, strip) = key(tokens, index, in: { $0 == "بعد" }), word(tokens, index + 1) == "ظهر",
           let (noon, next) = matchPartOfDay(tokens, index + 1), let value = noon.value, value.hasSuffix("T12:00") {
            return (mention(tokens, index, next, strip: strip, .time, value: value.dropLast(5) + "AF"), next)
        }
        // ظهرا alone: noon of the reference day
        if let (_, strip) = key(tokens, index, in: { $0 == "ظهرا" }) {
            return (mention(tokens, index, index + 1, strip: strip, .time, value: dayString(reference) + "T12:00"), index + 1)
        }
        if let (word, strip) = key(tokens, index, in: { parts[$0] != nil }), let code = parts[word],
           let (day, next) = matchRelativeDay(tokens, index + 1) ?? matchWeekdayDate(tokens, index + 1) ?? matchDayMonthYear(tokens, index + 1, bytes: [])
               ?? matchWeekday(tokens, index + 1), let value = day.value, value.count == 10 {
            // ظهر is noon itself, not the afternoon
            return (mention(tokens, index, next, strip: strip, .time, value: value + (word == "ظهر" ? "T12:00" : "T" + code)), next)
        }
        if let first = word(tokens, index), ["this", "yesterday", "tomorrow"].contains(first), let part = word(tokens, index + 1),
           let code = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"][part] {
            let offset = first == "yesterday" ? -1 : first == "tomorrow" ? 1 : 0
            let date = calendar.date(byAdding: .day, value: offset, to: reference)!
            return (mention(tokens, index, index + 2, .time, value: dayString(date) + "T" + code), index + 2)
        }
        return nil
    }

    static let englishDayParts: [DateKey: String] = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"]

    static let arabicDayParts: [DateKey: String] = ["صباح": "MO", "مساء": "EV", "ظهر": "AF", "ليلة": "NI", "ليل": "NI", "فجر": "MO", "عصر": "AF"]
}
