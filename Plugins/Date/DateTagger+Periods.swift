import Foundation

/// Durations, ranges, quarters and halves, seasons, decades and centuries, and sets.
extension DateTagger {
    // ثلاثة أيام، أكثر من شهر ونصف، عشر سنوات، أسبوعين، three days, more than a month
    func matchDuration(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, tokens[index].kind == .number || Self.opens(tokens[index], Self.durationFirstWords) else { return nil }
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
        } else if word(tokens, cursor) == "the", let direction = word(tokens, cursor + 1), ["past", "last", "next", "coming"].contains(direction),
                  let (count, unit, next) = quantity(tokens, cursor + 2), next > cursor + 3 {
            // the past three years, the next five years: a duration
            let letter = unit == .decade ? "Y" : unit.rawValue == "MIN" ? "M" : unit.rawValue
            let value = (unit == .hour || unit == .minute ? "PT" : "P") + String(unit == .decade ? count * 10 : count) + letter
            return (mention(tokens, index, next, .duration, value: value), next)
        } else if let first = word(tokens, cursor), ["more", "less", "about", "nearly", "almost", "over"].contains(first) {
            mod = ["more", "over"].contains(first) ? "MORE_THAN" : first == "less" ? "LESS_THAN" : "APPROX"
            cursor += 1
            if let than = word(tokens, cursor), than == "than" { cursor += 1 }
        }
        // بضعة أيام، عدة أشهر، several weeks, a few days: an unknown number of units
        if let (vague, vagueStrip) = key(tokens, cursor, in: { ["بضعة", "بضع", "عدة", "several", "few"].contains($0) }) ?? (
               word(tokens, cursor) == "a" && word(tokens, cursor + 1) == "few" ? ("few", 0) : nil) {
            let unitIndex = cursor + (vague == "few" && word(tokens, cursor) == "a" ? 2 : 1)
            if let unitKey = word(tokens, unitIndex), let (unit, count) = DateLexicon.units[unitKey], count == 1, unit != .decade {
                if cursor == index { strip = vagueStrip }
                let letter = unit.rawValue == "MIN" ? "M" : unit.rawValue
                return (mention(tokens, index, unitIndex + 1, strip: strip, .duration, value: (unit == .hour || unit == .minute ? "PTX" : "PX") + letter, mod: mod), unitIndex + 1)
            }
        }
        // الأسابيع الثلاثة الماضية، السنوات الخمس الماضية، الأشهر الستة المقبلة: a duration
        if let plural = word(tokens, cursor), plural.hasPrefix("ال"), let (unit, one) = DateLexicon.units[plural.dropFirst(2)],
           one == 1, unit != .decade, let numberWord = word(tokens, cursor + 1), numberWord.hasPrefix("ال"),
           let count = DateLexicon.numbers[numberWord.dropFirst(2)], count > 2,
           let direction = word(tokens, cursor + 2), DateLexicon.past.contains(direction) || DateLexicon.future.contains(direction) {
            let letter = unit.rawValue == "MIN" ? "M" : unit.rawValue
            return (mention(tokens, index, cursor + 3, strip: strip, .duration, value: (unit == .hour || unit == .minute ? "PT" : "P") + "\(count)" + letter, mod: mod), cursor + 3)
        }
        // أيام معدودة، أسابيع قليلة
        if let unitKey = word(tokens, cursor), let (unit, _) = DateLexicon.units[unitKey], unit != .decade,
           let few = word(tokens, cursor + 1), ["معدودة", "قليلة", "معدودات"].contains(few), ["ايام", "اسابيع", "اشهر", "شهور", "سنوات", "ساعات", "دقائق"].contains(unitKey) {
            let letter = unit.rawValue == "MIN" ? "M" : unit.rawValue
            return (mention(tokens, index, cursor + 2, strip: strip, .duration, value: (unit == .hour || unit == .minute ? "PTX" : "PX") + letter, mod: mod), cursor + 2)
        }
        // half an hour, نصف ساعة
        if let half = word(tokens, cursor), ["half", "نصف"].contains(half) {
            var unitIndex = cursor + 1
            if let article = word(tokens, unitIndex), ["a", "an"].contains(article) { unitIndex += 1 }
            if let unitKey = word(tokens, unitIndex), let (unit, count) = DateLexicon.units[unitKey], count == 1, unit != .decade {
                let letter = unit.rawValue == "MIN" ? "M" : unit.rawValue
                return (mention(tokens, index, unitIndex + 1, strip: strip, .duration, value: (unit == .hour || unit == .minute ? "PT" : "P") + "0.5" + letter, mod: mod), unitIndex + 1)
            }
        }
        guard let (count, unit, next) = quantity(tokens, cursor) else { return nil }
        var end = next
        var amount = Double(count)
        if let half = word(tokens, end), half == "ونصف" {
            amount += 0.5
            end += 1
            // عاما ونصف عام، ساعة ونصف ساعة: the unit repeated after the half
            if let again = word(tokens, end), let (repeated, one) = DateLexicon.units[again], repeated == unit, one == 1 { end += 1 }
        }
        else if word(tokens, end) == "and", word(tokens, end + 1) == "a", word(tokens, end + 2) == "half" { amount += 0.5; end += 3 }
        // A duration needs a counted unit ("ثلاثة أيام") or a modifier: a bare "شهر" is not one. The
        // indefinite accusative is one (استمر شهرا، تمتد أسبوعا), but not in "يوما ما" (some day).
        let accusative = next == cursor + 1 && Self.accusativeUnits.contains(tokens[cursor].key) && word(tokens, next) != "ما"
            && !(cursor > 0 && ["ذات", "عمر", "العمر"].contains(tokens[cursor - 1].key))
        guard next > cursor + 1 || mod != nil || amount != 1 || count == 2 || accusative else { return nil }
        // أسبوعا كاملا: the whole unit
        if let whole = word(tokens, end), ["كاملا", "كاملة", "كامله"].contains(whole) { end += 1 }
        let letter = unit == .decade ? "Y" : unit.rawValue == "MIN" ? "M" : unit.rawValue
        let total = unit == .decade ? amount * 10 : amount
        let number = total == total.rounded() ? String(Int(total)) : String(total)
        let value = (unit == .hour || unit == .minute ? "PT" : "P") + number + letter
        return (mention(tokens, index, end, strip: strip, .duration, value: value, mod: mod), end)
    }

    /// Every word a duration can open with (numbers aside): a test on bytes before the matcher.
    static let durationFirstWords: Set<DateKey> = {
        var words = Set(DateLexicon.units.keys).union(DateLexicon.numbers.keys.map { DateKey(String($0.string.split(separator: " ")[0])) })
        words.formUnion(DateLexicon.units.keys.map { DateKey("ال" + $0.string) })
        words.formUnion(["اكثر", "اقل", "حوالي", "نحو", "قرابة", "قرابه", "زهاء", "the", "more", "less", "about", "nearly", "almost",
                         "over", "half", "نصف", "بضعة", "بضع", "عدة", "several", "few", "a", "an"])
        return Set(words)
    }()

    static let rangeFirstWords: Set<DateKey> = ["من", "from", "بين", "between", "ما", "يومي"]

    static let accusativeUnits: Set<DateKey> = ["يوما", "اسبوعا", "شهرا", "عاما"]

    // a 12-hour suspension, a three-day visit, a 10-year sentence: the adjective is a duration
    func matchAdjectivalDuration(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index + 2 < tokens.count, tokens[index + 1].key == "-", tokens[index + 1].start == tokens[index].end,
              tokens[index + 2].start == tokens[index + 1].end, let unitKey = word(tokens, index + 2),
              unitKey.unicodeScalars.first!.isASCII, let (unit, one) = DateLexicon.units[unitKey], one == 1, unit != .decade,
              !unitKey.hasSuffix("s") else { return nil }
        var count: Int? = nil
        if isNumber(tokens, index, 1...999, digits: 1...3) { count = tokens[index].number }
        else if let key = word(tokens, index), let value = DateLexicon.numbers[key] { count = value }
        guard let count else { return nil }
        // "a 15-year-old boy" is an age
        if tokens.indices.contains(index + 4), tokens[index + 3].key == "-", word(tokens, index + 4) == "old" { return nil }
        let letter = unit == .minute ? "M" : unit.rawValue
        return (mention(tokens, index, index + 3, .duration, value: (unit == .hour || unit == .minute ? "PT" : "P") + "\(count)" + letter), index + 3)
    }

    // for hours, for weeks, within months: an unknown number of units; the preposition stays outside
    func matchBarePlural(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let preposition = word(tokens, index), ["for", "within", "over"].contains(preposition),
              let plural = word(tokens, index + 1), let code = ["hours": "PTXH", "days": "PXD", "weeks": "PXW", "months": "PXM", "years": "PXY"][plural],
              !isNumber(tokens, index + 2, 0...9999) else { return nil }
        return (mention(tokens, index + 1, index + 2, .duration, value: code), index + 2)
    }

    // بين عامي 2010 و2011، من 5 إلى 7 مايو، from 3 to 5 May
    func matchRange(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard index < tokens.count, tokens[index].kind == .number || Self.opens(tokens[index], Self.rangeFirstWords)
                || month(tokens, index) != nil else { return nil }
        guard let (found, next) = matchUnprefixedRange(tokens, index) else { return nil }
        var range = found
        // ومن، وبين: a clitic on the opening marker stays outside the span.
        if range.start == tokens[index].start, let marker = tokens[index].strippedKeys.first(where: { ["من", "بين"].contains($0.key) }) {
            range.start += marker.strip
        }
        return (range, next)
    }

    private func matchUnprefixedRange(_ tokens: [DateToken], _ index: Int) -> Match? {
        // ما بين: the range keeps its marker
        if word(tokens, index) == "ما", word(tokens, index + 1) == "بين", let (range, next) = matchRange(tokens, index + 1) {
            var result = range
            result.start = tokens[index].start
            return (result, next)
        }
        // 2010-2015
        if isYear(tokens, index), tokens.indices.contains(index + 2), tokens[index + 1].key == "-", isYear(tokens, index + 2),
           tokens[index + 2].number > tokens[index].number {
            var result = mention(tokens, index, index + 3, .date, value: nil)
            result.begin = (Self.digits(tokens[index].number, 4) + "-01-01")
            result.finish = (Self.digits(tokens[index + 2].number + 1, 4) + "-01-01")
            return (result, index + 3)
        }
        // June 12-14, May 5 to 7, from May 5 to 7
        var monthStart = index
        if let from = word(tokens, index), ["from", "between"].contains(from) { monthStart += 1 }
        if let found = month(tokens, monthStart), found.key.unicodeScalars.first!.isASCII, isNumber(tokens, found.next, 1...31, digits: 1...2),
           tokens.indices.contains(found.next + 2), ["-", "to", "and"].contains(tokens[found.next + 1].key),
           isNumber(tokens, found.next + 2, 1...31, digits: 1...2), tokens[found.next + 2].number > tokens[found.next].number {
            var end = found.next + 3
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, end) { year = explicit; end = next }
            if let begin = dayValue(year: year, month: found.month, day: tokens[found.next].number),
               let last = dayValue(year: year, month: found.month, day: tokens[found.next + 2].number),
               let finish = parseDay(last).flatMap({ calendar.date(byAdding: .day, value: 1, to: $0) }) {
                var result = mention(tokens, index, end, .date, value: nil)
                result.begin = begin
                result.finish = dayString(finish)
                return (result, end)
            }
        }
        guard let first = key(tokens, index, in: { ["من", "بين"].contains($0) })?.0 ?? word(tokens, index) else { return nil }
        // from January to March, من يناير إلى مارس 2016: whole months
        if ["من", "from"].contains(first), let start = month(tokens, index + 1), tokens.indices.contains(start.next),
           let connector = word(tokens, start.next), ["الي", "حتي", "to", "until"].contains(connector),
           let stop = month(tokens, start.next + 1), stop.month >= start.month {
            var end = stop.next
            var year = referenceParts.year!
            if let (explicit, next) = yearAfter(tokens, end) { year = explicit; end = next }
            var result = mention(tokens, index, end, .date, value: nil)
            result.begin = (Self.digits(year, 4) + "-" + Self.digits(start.month, 2) + "-01")
            result.finish = stop.month == 12 ? (Self.digits(year + 1, 4) + "-01-01") : (Self.digits(year, 4) + "-" + Self.digits(stop.month + 1, 2) + "-01")
            return (result, end)
        }
        // from 3 to 5 pm, from 9 a.m. to 5 p.m.: a time range on the reference day
        if first == "from", let (startTime, afterStart) = matchTime(tokens, index + 1) ?? bareHour(tokens, index + 1),
           word(tokens, afterStart) == "to", let (stopTime, next) = matchTime(tokens, afterStart + 1),
           var begin = startTime.value, let finish = stopTime.value {
            // "from 3 to 5 pm": the first hour takes the second's half of the day
            if startTime.kind == .duration, let hour = Int(begin), let stopHour = Int(finish.dropFirst(11).prefix(2)), stopHour >= 12, hour < 12 {
                begin = dayString(reference) + ("T" + Self.digits(hour + 12, 2) + ":00")
            } else if startTime.kind == .duration, let hour = Int(begin) {
                begin = dayString(reference) + ("T" + Self.digits(hour, 2) + ":00")
            }
            var result = mention(tokens, index, next, .time, value: nil)
            result.begin = begin
            result.finish = finish
            return (result, next)
        }
        // من الساعة الثامنة صباحا إلى الساعة السابعة مساء، من الساعة العاشرة ليلا حتى الخامسة من صباح الغد
        if first == "من", let (startTime, afterStart) = matchTime(tokens, index + 1), let begin = startTime.value,
           let connector = word(tokens, afterStart), ["الي", "حتي"].contains(connector),
           let (stopTime, next) = matchTime(tokens, afterStart + 1, hourWordImplied: true), let finish = stopTime.value {
            var result = mention(tokens, index, next, .time, value: nil)
            result.begin = begin
            result.finish = finish
            return (result, next)
        }
        if first == "بين", let years = word(tokens, index + 1), ["عامي", "سنتي", "العامين"].contains(years),
           isYear(tokens, index + 2), index + 3 < tokens.count, tokens[index + 3].kind == .word {
            // "و2011" tokenizes as the word "و" followed by the number.
            let andIndex = index + 3
            guard tokens[andIndex].key == "و", isYear(tokens, andIndex + 1) else { return nil }
            let from = tokens[index + 2].number, to = tokens[andIndex + 1].number
            var result = mention(tokens, index, andIndex + 2, .date, value: nil)
            result.begin = (Self.digits(from, 4) + "-01-01")
            result.finish = (Self.digits(to + 1, 4) + "-01-01")
            return (result, andIndex + 2)
        }
        // من 2012 إلى 2014، ما بين 2014 و2016، between 1990 and 1995, 2010-2015
        var yearStart = index
        if ["من", "from", "بين", "between"].contains(first) { yearStart += 1 }
        if isYear(tokens, yearStart), let connector = tokens.indices.contains(yearStart + 1) ? tokens[yearStart + 1].key : nil,
           ["الي", "حتي", "to", "until", "و", "and", "-"].contains(connector), isYear(tokens, yearStart + 2),
           tokens[yearStart + 2].number > tokens[yearStart].number, yearStart > index || connector == "-",
           !isNumberFollowedByUnit(tokens, yearStart + 2) {
            var result = mention(tokens, index, yearStart + 3, .date, value: nil)
            result.begin = (Self.digits(tokens[yearStart].number, 4) + "-01-01")
            result.finish = (Self.digits(tokens[yearStart + 2].number + 1, 4) + "-01-01")
            return (result, yearStart + 3)
        }
        // من 5 إلى 7 مايو، بين 12 و14 يونيو 2015، يومي 25 و26 يوليو المقبل، from 3 to 5 May
        if ["من", "from", "between", "بين", "يومي"].contains(first), isNumber(tokens, index + 1, 1...31, digits: 1...2),
           let to = word(tokens, index + 2), ["الي", "حتي", "to", "and", "و"].contains(to) || tokens[index + 2].key == "-",
           let (date, next) = matchDayMonthYear(tokens, index + 3, bytes: []), let value = date.value, value.count == 10 {
            let startDay = tokens[index + 1].number
            let startValue = String(value.prefix(8)) + (Self.digits(startDay, 2))
            guard let finish = calendar.date(byAdding: .day, value: 1, to: parseDay(value)!) else { return nil }
            var result = mention(tokens, index, next, .date, value: nil)
            result.begin = startValue
            result.finish = dayString(finish)
            return (result, next)
        }
        // من فاتح يوليوز إلى 31 غشت، from 1 July to 31 August 2016: two whole dates
        if ["من", "from", "بين", "between"].contains(first),
           let (start, afterStart) = matchDayMonthYear(tokens, index + 1, bytes: []) ?? matchMonthDayYear(tokens, index + 1, bytes: []),
           let connector = word(tokens, afterStart), ["الي", "حتي", "to", "until", "through", "و", "and"].contains(connector),
           let (stop, next) = matchDayMonthYear(tokens, afterStart + 1, bytes: []) ?? matchMonthDayYear(tokens, afterStart + 1, bytes: []),
           var begin = start.value, let end = stop.value, begin.count == 10, end.count == 10 {
            // The first date takes its year from the second when it has none of its own.
            if !tokens[(index + 1)..<afterStart].contains(where: { $0.kind == .number && $0.digits == 4 }) {
                begin = String(end.prefix(4)) + String(begin.dropFirst(4))
            }
            guard let finish = parseDay(end).flatMap({ calendar.date(byAdding: .day, value: 1, to: $0) }) else { return nil }
            var result = mention(tokens, index, next, .date, value: nil)
            result.begin = begin
            result.finish = dayString(finish)
            return (result, next)
        }
        return nil
    }

    /// A bare hour number before "to" in a time range; the kind `.duration` marks it as bare.
    func bareHour(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard isNumber(tokens, index, 0...23, digits: 1...2) else { return nil }
        return (DateMention(start: tokens[index].start, end: tokens[index].end, kind: .duration, value: String(tokens[index].number)), index + 1)
    }

    // الربع الثالث من عام 2025، الربع الأول، Q3 2025, the third quarter of 2025, النصف الأول من 2016
    func matchQuarterOrHalf(_ tokens: [DateToken], _ index: Int) -> Match? {
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
        } else if word(tokens, cursor) == "h", isNumber(tokens, cursor + 1, 1...2, digits: 1...1), tokens[cursor].end == tokens[cursor + 1].start,
                  isYear(tokens, cursor + 2) || word(tokens, cursor + 2) == "of" {  // "H1 2016": only with a year
            kind = "H"; number = tokens[cursor + 1].number; cursor += 2
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
        else if word(tokens, cursor) == "of", word(tokens, cursor + 1) == "the", word(tokens, cursor + 2) == "year" {
            end = cursor + 3  // the second half of the year
        }
        else if let (phraseYear, next) = yearPhrase(tokens, cursor, month: nil), phraseYear == nil {
            var result = mention(tokens, index, next, strip: strip, .date, value: String(format: "%04d-%@%d", year, kind, number))
            result.yearFromSentence = true
            return (result, next)
        }
        else if probe > cursor, let yearWord = word(tokens, probe - 1), ["العام", "السنة"].contains(yearWord) {
            end = probe
            if let direction = word(tokens, probe) {
                if DateLexicon.past.contains(direction) { year -= 1; end += 1 } else if DateLexicon.future.contains(direction) { year += 1; end += 1 }
                else if DateLexicon.current.contains(direction) { end += 1 }
            }
        }
        return (mention(tokens, index, end, strip: strip, .date, value: String(format: "%04d-%@%d", year, kind, number)), end)
    }

    static let ordinalWords: [DateKey: Int] = [
        "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 4,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4,
    ]

    // صيف 2015، الشتاء الماضي، summer 2015, the summer of 2015
    func matchSeason(_ tokens: [DateToken], _ index: Int) -> Match? {
        let seasonIndex = word(tokens, index) == "the" ? index + 1 : index  // the autumn of 2013
        guard let (season, strip) = key(tokens, seasonIndex, in: { Self.seasons[$0] != nil }), let code = Self.seasons[season] else { return nil }
        var cursor = seasonIndex + 1
        if let of = word(tokens, cursor), ["of", "من"].contains(of) { cursor += 1 }
        if let yearWord = word(tokens, cursor), ["عام", "سنة"].contains(yearWord) { cursor += 1 }
        if isYear(tokens, cursor) {
            return (mention(tokens, index, cursor + 1, strip: strip, .date, value: "\(tokens[cursor].number)-\(code)"), cursor + 1)
        }
        if seasonIndex != index { return nil }
        var directionIndex = index + 1
        if let yearWord = word(tokens, directionIndex), ["العام", "السنة"].contains(yearWord) { directionIndex += 1 }  // خريف العام الماضي
        if let direction = word(tokens, directionIndex) {
            let offset = DateLexicon.past.contains(direction) ? -1 : DateLexicon.future.contains(direction) ? 1 : DateLexicon.current.contains(direction) ? 0 : nil
            if let offset {
                return (mention(tokens, index, directionIndex + 1, strip: strip, .date, value: "\(seasonYear(code, offset))-\(code)"), directionIndex + 1)
            }
        }
        return nil
    }

    /// The year of the season `code` before (-1), around (0) or after (+1) the reference, in
    /// TIMEX's reckoning: a season is named by the year it starts in (2016-WI is December
    /// 2016 to February 2017), so in May 2016 "next winter" is 2016-WI and "last winter" 2015-WI.
    func seasonYear(_ code: String, _ direction: Int) -> Int {
        let startMonth = ["SP": 3, "SU": 6, "FA": 9, "WI": 12][code] ?? 1
        let year = referenceParts.year!, now = year * 12 + referenceParts.month! - 1
        func start(_ year: Int) -> Int { year * 12 + startMonth - 1 }
        switch direction {
        case 1: return (year - 1...year + 1).first { start($0) > now }!
        case -1: return (year - 2...year).last { start($0) + 3 <= now }!
        default:
            if let current = (year - 1...year).first(where: { start($0) <= now && now < start($0) + 3 }) { return current }
            return code == "WI" && referenceParts.month! <= 2 ? year - 1 : year
        }
    }

    // last summer, next winter, this spring
    // last summer, next winter, this spring, هذا الصيف، هذا الشتاء
    func matchEnglishSeason(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let (first, strip) = key(tokens, index, in: { ["last", "next", "this", "هذا"].contains($0) }),
              let season = word(tokens, index + 1), let code = Self.seasons[season],
              season.unicodeScalars.first!.isASCII == (first != "هذا") else { return nil }
        let offset = first == "last" ? -1 : first == "next" ? 1 : 0
        return (mention(tokens, index, index + 2, strip: strip, .date, value: "\(seasonYear(code, offset))-\(code)"), index + 2)
    }

    static let seasons: [DateKey: String] = [
        "صيف": "SU", "الصيف": "SU", "شتاء": "WI", "الشتاء": "WI", "ربيع": "SP", "الربيع": "SP", "خريف": "FA", "الخريف": "FA",
        "summer": "SU", "winter": "WI", "spring": "SP", "autumn": "FA", "fall": "FA",
    ]

    // التسعينيات، عقد الثمانينيات، the 1990s, the 90s, القرن العشرين، the 20th century
    /// `bare`: the English forms without "the" (after a modifier: "early 2000s", "late 19th century").
    func matchDecadeOrCentury(_ tokens: [DateToken], _ index: Int, bare: Bool = false) -> Match? {
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
        // the 1990s / the 90s / the '90s
        var number = bare ? index : index + 1
        if bare || word(tokens, index) == "the" {
            if tokens.indices.contains(number), tokens[number].key == "'" { number += 1 }
            if tokens.indices.contains(number), tokens[number].kind == .number, let s = word(tokens, number + 1), s == "s",
               tokens[number + 1].start == tokens[number].end {
                let year = tokens[number].number
                let value: String? = tokens[number].digits == 4 && year % 10 == 0 ? String(year / 10)
                    : tokens[number].digits == 2 && year % 10 == 0 ? "19\(year / 10)" : nil
                if let value { return (mention(tokens, index, number + 2, .date, value: value), number + 2) }
            }
        }
        // القرن العشرين / the 20th century
        if let (_, stripped) = key(tokens, index, in: { $0 == "القرن" }), let which = word(tokens, index + 1) {
            var end = index + 2
            var number = Self.centuries[which]
            if which == "الحادي", word(tokens, index + 2) == "والعشرين" { number = 21; end += 1 }
            else if let unit = number, unit < 10, word(tokens, index + 2) == "عشر" { number = unit + 10; end += 1 }
            if let number { return (mention(tokens, index, end, strip: stripped, .date, value: (Self.digits(number - 1, 2))), end) }
            // القرن الـ19، القرن 19
            let digits = which == "ال" ? index + 2 : index + 1
            if isNumber(tokens, digits, 1...21, digits: 1...2) {
                return (mention(tokens, index, digits + 1, strip: stripped, .date, value: (Self.digits(tokens[digits].number - 1, 2))), digits + 1)
            }
        }
        let ordinal = bare ? index : index + 1
        if bare || word(tokens, index) == "the", isNumber(tokens, ordinal, 1...21, digits: 1...2), let suffix = word(tokens, ordinal + 1),
           ["st", "nd", "rd", "th"].contains(suffix), word(tokens, ordinal + 2) == "century" {
            return (mention(tokens, index, ordinal + 3, .date, value: (Self.digits(tokens[ordinal].number - 1, 2))), ordinal + 3)
        }
        return nil
    }

    static let decades: [DateKey: String] = [
        "العشرينيات": "2", "الثلاثينيات": "3", "الاربعينيات": "4", "الخمسينيات": "5", "الستينيات": "6",
        "السبعينيات": "7", "الثمانينيات": "8", "التسعينيات": "9", "ثمانينيات": "8", "تسعينيات": "9", "سبعينيات": "7", "ستينيات": "6",
    ]
    static let centuries: [DateKey: Int] = [
        "التاسع": 9, "العاشر": 10, "الخامس": 5, "السابع": 7, "الثامن": 8, "الحادي": 1, "الثاني": 2, "الثالث": 3,
        "الرابع": 4, "السادس": 6, "الاول": 1, "التاسع عشر": 19, "العشرين": 20, "الماضي": 20, "الحالي": 21,
    ]

    // كل يوم اثنين، كل اثنين، يوميا، أسبوعيا، every Monday, daily, weekly
    func matchSet(_ tokens: [DateToken], _ index: Int) -> Match? {
        let frequencies = Self.frequencyWords
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
        // every 15 minutes, كل ستة أشهر، كل يومين
        if let (count, unit, next) = quantity(tokens, index + 1), unit != .decade {
            let letter = unit == .minute ? "M" : unit.rawValue
            return (mention(tokens, index, next, strip: strip, .set, value: (unit == .hour || unit == .minute ? "PT" : "P") + "\(count)" + letter), next)
        }
        // كل صباح، every morning, كل مساء
        if let part = word(tokens, index + 1), let code = ["صباح": "MO", "مساء": "EV", "ليلة": "NI", "morning": "MO", "evening": "EV", "night": "NI", "afternoon": "AF"][part] {
            return (mention(tokens, index, index + 2, strip: strip, .set, value: "XXXX-XX-XXT" + code), index + 2)
        }
        // twice a day, three times a week, once a month: the period is the set
        return nil
    }

    // a day / a week / per day after "once", "twice", "N times"
    func matchPerUnit(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let first = word(tokens, index), ["a", "per"].contains(first), let unitKey = word(tokens, index + 1),
              let (unit, count) = DateLexicon.units[unitKey], count == 1, unit != .decade, index > 0 else { return nil }
        // "per day"; "twice a day"; "80,000 vehicles a day", "$5 a day": a rate after a count
        let previous = tokens[index - 1].key
        let afterCount = (max(0, index - 6)..<index).contains { tokens[$0].kind == .number }
            && !["after", "before", "later", "earlier", "ago", "and"].contains(word(tokens, index + 2) ?? "")
        guard first == "per" || ["once", "twice", "times", "thrice"].contains(previous) || afterCount else { return nil }
        let letter = unit == .minute ? "M" : unit.rawValue
        return (mention(tokens, index, index + 2, .set, value: (unit == .hour || unit == .minute ? "PT1" : "P1") + letter), index + 2)
    }

    // بشكل يومي، بصورة أسبوعية
    func matchArabicFrequency(_ tokens: [DateToken], _ index: Int) -> Match? {
        guard let (_, strip) = key(tokens, index, in: { ["بشكل", "بصورة", "بصوره"].contains($0) }), let adjective = word(tokens, index + 1),
              let value = ["يومي": "P1D", "يومية": "P1D", "اسبوعي": "P1W", "اسبوعية": "P1W", "شهري": "P1M", "شهرية": "P1M",
                           "سنوي": "P1Y", "سنوية": "P1Y"][adjective] else { return nil }
        return (mention(tokens, index, index + 2, strip: strip, .set, value: value), index + 2)
    }

    static let frequencyWords: [DateKey: String] = [
        "يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    ]
}
