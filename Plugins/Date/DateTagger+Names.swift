import Foundation

/// Dates inside names are not dates.
extension DateTagger {
    // MARK: - Pieces

    /// Dates inside names are not dates: شارع 26 يوليو، حركة 20 فبراير، قوى 14 آذار، the April 6
    /// Youth Movement, The Sunday Times, Mr. April, الأمين العام, an age (45 عاما).
    func isPartOfName(_ tokens: [DateToken], _ start: Int, _ end: Int, bytes: [UInt8], _ mention: DateMention) -> Bool {
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

    static let monthIntroducers: Set<DateKey> = Set([
        "في", "خلال", "منذ", "حتى", "حتي", "قبل", "بعد", "مطلع", "بداية", "نهاية", "اواخر", "منتصف", "اوائل",
        "in", "during", "since", "until", "till", "before", "after", "by", "early", "late", "mid", "of", "through", "for", "to", "from",
    ].map(DateTokenizer.key))

    static let nameHeads: Set<DateKey> = Set([
        "شارع", "حركة", "ميدان", "ساحة", "ملعب", "جسر", "قوى", "تيار", "ائتلاف", "مستشفى", "مدرسة", "جامعة", "حي", "نادي", "مطار",
        "مدينة", "قناة", "موقع", "صحيفة", "جريدة", "مجلة", "ثورة", "انتفاضة", "مؤسسة", "حميد",
        "street", "st", "avenue", "road", "square", "movement", "mr", "mrs", "ms", "dr",
    ].map(DateTokenizer.key))
    static let ageWords: Set<DateKey> = Set(["العمر", "عمره", "عمرها", "البالغ", "البالغة", "يبلغ", "تبلغ", "aged", "age"].map(DateTokenizer.key))
    static let englishNameTails: Set<DateKey> = [
        "times", "telegraph", "express", "mirror", "post", "herald", "youth", "movement", "revolution", "street", "square",
        "stadium", "club", "group", "party", "brigade", "front", "mail", "tribune", "bridge", "alliance", "coalition",
    ]
}
