import Foundation

/// Times of day, parts of the day, and times joined to their date.
extension DateTagger {
    // الساعة 14:30، الساعة العاشرة والنصف صباحا، 3 p.m., 14:30, noon
    func matchTime(_ tokens: [DateToken], _ index: Int) -> Match? {
        var cursor = index
        var strip = 0
        var hadHourWord = false
        var mod: String? = nil
        // about 11 p.m., around 10:15, نحو الساعة الثانية
        if let (_, stripped) = key(tokens, cursor, in: { ["about", "around", "approximately", "نحو", "حوالي", "قرابة", "قرابه"].contains($0) }),
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
        return (mention(tokens, index, cursor, strip: strip, .time, value: value, mod: mod), cursor)
    }

    static let hourWords: [String: Int] = [
        "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6, "السابعة": 7,
        "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية": 11, "الثانية عشرة": 12,
    ]

    // Sunday night, Friday morning, last night
    func matchEnglishPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let parts = Self.englishDayParts
        if word(tokens, index) == "last", word(tokens, index + 1) == "night" {
            let date = calendar.date(byAdding: .day, value: -1, to: reference)!
            return (mention(tokens, index, index + 2, .time, value: dayString(date) + "TNI"), index + 2)
        }
        guard let (day, next) = matchWeekday(tokens, index), let part = word(tokens, next), let code = parts[part],
              let value = day.value, value.count == 10 else { return nil }
        return (DateMention(start: day.start, end: tokens[next].end, kind: .time, value: value + "T" + code), next + 1)
    }

    // 1400 GMT, 0630 UTC
    func matchMilitaryTime(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isNumber(tokens, index, 0...2359, digits: 4...4), let zone = word(tokens, index + 1), ["gmt", "utc", "غرينتش"].contains(zone) else { return nil }
        let hour = tokens[index].number / 100, minute = tokens[index].number % 100
        guard hour < 24, minute < 60 else { return nil }
        return (mention(tokens, index, index + 2, .time, value: dayString(reference) + String(format: "T%02d:%02dZ", hour, minute)), index + 2)
    }

    // صباح أمس، مساء اليوم، صباح الثلاثاء، this morning, yesterday evening
    func matchPartOfDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        let parts = Self.arabicDayParts
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

    static let englishDayParts = ["morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"]

    static let arabicDayParts: [String: String] = ["صباح": "MO", "مساء": "EV", "ظهر": "AF", "ليلة": "NI", "ليل": "NI", "فجر": "MO", "عصر": "AF"]
}
