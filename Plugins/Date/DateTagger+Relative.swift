import Foundation

/// Dates relative to the reference: days, periods, offsets, weekdays, and start/mid/end modifiers.
extension DateTagger {
    // أمس، أول أمس، اليوم، غدا، بعد غد، yesterday, today, tomorrow, the day before yesterday
    func matchRelativeDay(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, Self.opens(tokens[index], Self.relativeDayFirstWords) else { return nil }
        let words = Self.relativeDayPhrases
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
    func matchRelativePeriod(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, Self.opens(tokens[index], Self.relativePeriodFirstWords) else { return nil }
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

    // قبل ثلاثة أيام، منذ أسبوعين، بعد يومين، three days ago, two weeks ago,
    // two days later, a month earlier, بعد ثلاثة أشهر من ذلك، بعد ثلاثة أشهر من الآن
    func matchOffset(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, tokens[index].kind == .number || Self.opens(tokens[index], Self.offsetFirstWords) else { return nil }
        // قبل نحو عام، منذ حوالي شهرين: an approximator between the word and the measure
        let approximate = key(tokens, index + 1, in: { ["نحو", "حوالي", "قرابة", "قرابه", "زهاء"].contains($0) }) != nil
        if let (direction, strip) = key(tokens, index, in: { ["قبل", "منذ", "بعد"].contains($0) }),
           let (count, unit, next) = quantity(tokens, index + 1 + (approximate ? 1 : 0)), unit != .hour, unit != .minute,
           !isYear(tokens, next) {  // "منذ عام 2011" is the year, not "a year ago"
            let sign = direction == "بعد" ? 1 : -1
            guard let value = offsetValue(unit, count * sign) else { return nil }
            if approximate {
                return (mention(tokens, index, next, strip: strip, .date, value: value, mod: "APPROX"), next)
            }
            if direction != "منذ", word(tokens, next) == "من" {
                // من الآن: from now. من ذلك (التاريخ): from the date before. Anything else
                // (بعد ثلاثة أيام من الهجوم) counts from an event: only the measure is marked.
                if word(tokens, next + 1) == "الان" {
                    return (mention(tokens, index, next + 2, strip: strip, .date, value: value), next + 2)
                }
                guard word(tokens, next + 1) == "ذلك" else { return nil }
                var end = next + 2
                if word(tokens, end) == "التاريخ" { end += 1 }
                var result = mention(tokens, index, end, strip: strip, .date, value: value)
                result.anchor = .init(count: count * sign, unit: unit, sentenceOnly: false)
                return (result, end)
            }
            // بعد يومين after a date in the same sentence counts from it; قبل is always "ago".
            var result = mention(tokens, index, next, strip: strip, .date, value: value)
            if direction == "بعد" { result.anchor = .init(count: count, unit: unit, sentenceOnly: true) }
            return (result, next)
        }
        if let (count, unit, next) = quantity(tokens, index), let after = word(tokens, next) {
            if after == "ago", unit != .hour, unit != .minute, let value = offsetValue(unit, -count) {
                return (mention(tokens, index, next + 1, .date, value: value), next + 1)
            }
            // "two days later", "a month earlier", "two days after" (and nothing it is after)
            let sign = ["later": 1, "after": 1, "afterwards": 1, "earlier": -1, "before": -1][after]
            if let sign, after == "after" || after == "before", continuesAsObject(tokens, next + 1) {
                // "two days after March 3" counts from the date that follows; "two days after
                // the vote" from an event: only the measure is an expression then.
                guard let (date, _) = match(tokens, at: next + 1, bytes: []), let base = date.value, Self.isCalendarValue(base),
                      let value = offset(base, by: count * sign, unit) else { return nil }
                return (mention(tokens, index, next + 1, value.contains("T") ? .time : .date, value: value), next + 1)
            }
            if let sign {
                let value = offsetValue(unit, count * sign) ?? offsetFromReferenceTime(unit, count * sign)
                var result = mention(tokens, index, next + 1, unit == .hour || unit == .minute ? .time : .date, value: value)
                result.anchor = .init(count: count * sign, unit: unit, sentenceOnly: false)
                return (result, next + 1)
            }
        }
        return nil
    }

    /// Whether a word follows that "after"/"before" would govern ("two days after the vote"):
    /// then only the measure is an expression.
    func continuesAsObject(_ tokens: [DateToken], _ index: Int) -> Bool {
        guard let next = word(tokens, index) else { return false }
        return !["and", "or", "but", "when", "that"].contains(next)
    }

    func offsetFromReferenceTime(_ unit: DateLexicon.Unit, _ count: Int) -> String? {
        let component: Calendar.Component = unit == .hour ? .hour : .minute
        guard unit == .hour || unit == .minute, let moved = calendar.date(byAdding: component, value: count, to: reference) else { return nil }
        let time = calendar.dateComponents([.hour, .minute], from: moved)
        return dayString(moved) + ("T" + Self.digits(time.hour!, 2) + ":" + Self.digits(time.minute!, 2))
    }

    // يوم الاثنين، الاثنين المقبل، الجمعة الماضية، on Monday, last Friday, next Monday
    func matchWeekday(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, Self.opens(tokens[index], Self.weekdayFirstWords) else { return nil }
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
        // "الواحد الأحد" (the One, the Only) is a name of God, not Sunday.
        if weekdayKey == "الاحد", cursor > 0, word(tokens, cursor - 1) == "الواحد" { return nil }
        if cursor == index { strip = weekdayStrip }
        var end = cursor + 1
        if weekdayKey.unicodeScalars.first!.isASCII, cursor == index, tokens[cursor].key.isEmpty { return nil }
        if let after = word(tokens, end) {
            if DateLexicon.future.contains(after) { forward = true; end += 1 } else if DateLexicon.past.contains(after) { backward = true; end += 1 }
        }
        // A bare weekday is the last one in reporting, the next one when the sentence speaks
        // of the future before it ("will meet on Thursday", "ويعقد البرلمان يوم الأحد").
        if !forward && !backward && speaksOfTheFuture(tokens, before: index) { forward = true }
        let today = referenceParts.weekday!
        var delta = weekday - today
        if forward { if delta <= 0 { delta += 7 } } else if backward || delta > 0 { if delta >= 0 { delta -= 7 } }
        let date = calendar.date(byAdding: .day, value: delta, to: reference)!
        return (mention(tokens, index, end, strip: strip, .date, value: dayString(date)), end)
    }

    /// Whether the sentence, before `index`, is about the future: a future marker (will,
    /// scheduled, سوف، من المقرر، المقبلة …), an Arabic verb with the future prefix سـ
    /// (سيعقد، ستبدأ), or a sentence that opens with an imperfect verb (ويعقد، يزور), the
    /// tense Arabic news uses for what is coming.
    func speaksOfTheFuture(_ tokens: [DateToken], before index: Int) -> Bool {
        var cursor = index - 1
        var first: DateToken? = nil
        var reachedStart = false
        while true {
            guard cursor >= 0 else { reachedStart = true; break }
            guard index - cursor <= 40 else { break }
            let token = tokens[cursor]
            if token.kind == .punctuation, Self.sentenceEnds.contains(token.key) {
                // "p.m." and "U.S." are not sentence ends.
                if token.key == ".", cursor > 0, tokens[cursor - 1].kind == .word, tokens[cursor - 1].key.utf8.count == 1 { cursor -= 1; continue }
                reachedStart = true
                break
            }
            if token.kind == .word {
                if Self.futureMarkers.contains(token.key) || token.strippedKeys.contains(where: { Self.futureMarkers.contains($0.key) })
                    || Self.isArabicFutureVerb(token.key) { return true }
                first = token
            }
            cursor -= 1
        }
        guard let first, reachedStart else { return false }
        return Self.isArabicImperfectOpening(first.key)
    }

    static let sentenceEnds: Set<DateKey> = [".", "!", "?", "؟", ";", "؛", ":"]

    static let futureMarkers: Set<DateKey> = [
        "will", "shall", "ll", "scheduled", "due", "upcoming", "plans", "planned",
        "سوف", "المقرر", "المزمع", "المرتقب", "المرتقبة", "المقبل", "المقبلة", "القادم", "القادمة", "يعتزم", "تعتزم",
    ]

    /// سيعقد، ستبدأ، وسيزور، فستنطلق: سـ then an imperfect prefix then at least three letters,
    /// except the common nouns that look the same (سيارة، سياسة، سنوات …).
    static func isArabicFutureVerb(_ key: DateKey) -> Bool {
        var scalars = Substring(key.string).unicodeScalars
        if let head = scalars.first, head == "و" || head == "ف" { scalars = scalars.dropFirst() }
        guard scalars.count >= 5, scalars.first == "س", let prefix = scalars.dropFirst().first,
              prefix == "ي" || prefix == "ت" || prefix == "ن" else { return false }
        return !futureLookalikes.contains(DateKey(String(String.UnicodeScalarView(scalars))))
    }

    static let futureLookalikes: Set<DateKey> = [
        "سيارة", "سيارات", "سياسة", "سياسات", "سياسي", "سياسية", "سياسيا", "سياسيين", "سياسيون", "سيطرة", "سيطرته", "سيطرتها",
        "سيادة", "سيناء", "سيدة", "سيدات", "سيناريو", "سيناريوهات", "سياق", "سياحة", "سياحي", "سياحية", "سيرة", "سيول", "ستين",
        "ستون", "ستينات", "سنوات", "سنوية", "سنويا", "سنتين", "سنوي", "سنغافورة", "سنغال", "السنغال", "ستوكهولم", "سيتي", "ستالين",
        "سيريلانكا", "سيئة", "سيئات", "سيرك", "سيدني", "ستراسبورغ", "سنتيمتر", "سنتيمترات", "سنيورة", "سنية", "سنيين", "سنة",
        "سيول", "سيارته", "سيارتها", "سياساته", "سياستها", "سياسته", "سيطرت", "سيطر", "سيطروا",
    ]

    /// A sentence that opens with يفعل/ويفعل (an imperfect verb in يـ). Nouns in يـ that can
    /// open a sentence are few: the weekday and month words, caught here by their keys.
    static func isArabicImperfectOpening(_ key: DateKey) -> Bool {
        var scalars = Substring(key.string).unicodeScalars
        if let head = scalars.first, head == "و" || head == "ف" { scalars = scalars.dropFirst() }
        guard scalars.count >= 4, scalars.first == "ي" else { return false }
        let word = String(String.UnicodeScalarView(scalars))
        return !["يوم", "يونيو", "يونيه", "يوليو", "يوليه", "يوليوز", "يناير", "يومي", "يوما", "يومين", "يذكر", "يشار"].contains(word)
    }

    // خلال الأيام القليلة الماضية، في الأيام الأخيرة، in recent days → PAST_REF
    func matchVague(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, Self.opens(tokens[index], Self.vagueFirstWords) else { return nil }
        let phrases = Self.vaguePhrases
        for (words, value) in phrases where index + words.count <= tokens.count {
            guard let (_, strip) = key(tokens, index, in: { $0 == words[0] }) else { continue }
            if (1..<words.count).allSatisfy({ word(tokens, index + $0) == words[$0] }) {
                return (mention(tokens, index, index + words.count, strip: strip, .date, value: value), index + words.count)
            }
        }
        return nil
    }

    // the end of June, the beginning of next month, the end of the year, earlier this month
    func matchEnglishModified(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
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
            return (mention(tokens, index, end, .date, value: (Self.digits(year, 4) + "-" + Self.digits(found.month, 2)), mod: mod), end)
        }
        // the end of Ramadan: the whole month's range, with the modifier
        if let (holiday, next) = matchHoliday(tokens, cursor), holiday.value == nil, holiday.begin != nil {
            var result = holiday
            result.start = tokens[index].start
            result.mod = mod
            return (result, next)
        }
        if let (date, next) = matchRelativePeriod(tokens, cursor) ?? matchYear(tokens, cursor) ?? matchEnglishDirectedMonth(tokens, cursor) {
            var result = date
            result.start = tokens[index].start
            result.mod = mod
            return (result, next)
        }
        return nil
    }

    // مطلع الشهر، أواخر يونيو، منتصف 2015، early May, mid-2015, late last year
    func matchModified(_ tokens: [DateToken], _ index: Int, bytes: [UInt8]) -> Match? {
        // the early 2000s, the late 19th century
        if self.word(tokens, index) == "the", let next = self.word(tokens, index + 1), ["early", "late", "mid"].contains(next),
           let (found, end) = matchModified(tokens, index + 1, bytes: bytes) {
            var result = found
            result.start = tokens[index].start
            return (result, end)
        }
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
        if let (decade, next) = matchDecadeOrCentury(tokens, cursor, bare: true) {
            var result = decade
            result.start = tokens[index].start + strip
            result.mod = mod
            return (result, next)
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
            return (mention(tokens, index, end, strip: strip, .date, value: (Self.digits(year, 4) + "-" + Self.digits(found.month, 2)), mod: mod), end)
        }
        if let (date, next) = matchHijri(tokens, cursor) ?? matchYear(tokens, cursor) ?? matchRelativePeriod(tokens, cursor) ?? matchDecadeOrCentury(tokens, cursor) {
            var result = date
            result.start = tokens[index].start + strip
            result.mod = mod
            return (result, next)
        }
        return nil
    }

    static let modifiers: [DateKey: String] = [
        "مطلع": "START", "بداية": "START", "اوائل": "START", "early": "START",
        "اواخر": "END", "نهاية": "END", "اخر": "END", "late": "END", "متم": "END",
        "منتصف": "MID", "اواسط": "MID", "mid": "MID",
    ]

    static let relativeDayPhrases: [([DateKey], Int)] = [
        (["اول", "امس"], -2), (["امس", "الاول"], -2), (["بعد", "غد"], 2), (["بعد", "الغد"], 2),
        (["the", "day", "before", "yesterday"], -2), (["the", "day", "after", "tomorrow"], 2),
        (["امس"], -1), (["الامس"], -1), (["البارحة"], -1), (["اليوم"], 0), (["غدا"], 1), (["الغد"], 1), (["غد"], 1),
        (["yesterday"], -1), (["today"], 0), (["tomorrow"], 1), (["tonight"], 0),
    ]

    static let relativeDayFirstWords = firstWords(relativeDayPhrases)
    static let offsetFirstWords: Set<DateKey> = {
        let numberHeads: [DateKey] = DateLexicon.numbers.keys.map { DateKey(String($0.string.split(separator: " ")[0])) }
        let words: [DateKey] = ["قبل", "منذ", "بعد"] + Array(DateLexicon.units.keys) + numberHeads
        return Set(words)
    }()
    static let weekdayFirstWords: Set<DateKey> = {
        let words: [DateKey] = Array(DateLexicon.weekdays.keys) + ["last", "next", "this", "coming", "يوم", "يومي"]
        return Set(words)
    }()
    static let relativePeriodFirstWords: Set<DateKey> = {
        var words: [DateKey] = Array(DateLexicon.periods.keys) + Array(DateLexicon.past) + Array(DateLexicon.future)
        words += Array(DateLexicon.current) + ["هذا", "هذه"]
        return Set(words)
    }()
    static let vagueFirstWords = firstWords(vaguePhrases)

    static let vaguePhrases: [([DateKey], String)] = [
        (["الايام", "القليلة", "الماضية"], "PAST_REF"), (["الايام", "الاخيرة"], "PAST_REF"), (["الفترة", "الاخيرة"], "PAST_REF"),
        (["الاونة", "الاخيرة"], "PAST_REF"), (["recent", "days"], "PAST_REF"), (["recent", "weeks"], "PAST_REF"),
        (["المستقبل", "القريب"], "FUTURE_REF"), (["المستقبل"], "FUTURE_REF"), (["الان"], "PRESENT_REF"), (["now"], "PRESENT_REF"),
        (["مؤخرا"], "PAST_REF"), (["موخرا"], "PAST_REF"), (["حاليا"], "PRESENT_REF"), (["قريبا"], "FUTURE_REF"),
        (["الوقت", "الراهن"], "PRESENT_REF"), (["الوقت", "الحالي"], "PRESENT_REF"), (["الفترة", "الحالية"], "PRESENT_REF"),
        (["المرحلة", "الراهنة"], "PRESENT_REF"), (["الايام", "المقبلة"], "FUTURE_REF"), (["الايام", "القادمة"], "FUTURE_REF"),
        (["الاسابيع", "المقبلة"], "FUTURE_REF"), (["الاسابيع", "القادمة"], "FUTURE_REF"), (["الاشهر", "المقبلة"], "FUTURE_REF"),
        (["الشهور", "المقبلة"], "FUTURE_REF"), (["الفترة", "المقبلة"], "FUTURE_REF"), (["الفترة", "القادمة"], "FUTURE_REF"),
        (["السنوات", "الاخيرة"], "PAST_REF"), (["الاعوام", "الاخيرة"], "PAST_REF"), (["الاسابيع", "الاخيرة"], "PAST_REF"),
        (["الاشهر", "الاخيرة"], "PAST_REF"), (["الشهور", "الاخيرة"], "PAST_REF"),
        (["currently"], "PRESENT_REF"), (["recently"], "PAST_REF"), (["soon"], "FUTURE_REF"), (["the", "future"], "FUTURE_REF"),
        (["the", "coming", "days"], "FUTURE_REF"), (["the", "coming", "weeks"], "FUTURE_REF"), (["the", "coming", "months"], "FUTURE_REF"),
        (["the", "coming", "years"], "FUTURE_REF"), (["recent", "years"], "PAST_REF"), (["recent", "months"], "PAST_REF"),
        (["nowadays"], "PRESENT_REF"),
    ]
}
