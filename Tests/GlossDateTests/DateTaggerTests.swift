import Foundation
@testable import GlossDate
import Testing

/// Reference: Tuesday 2016-05-17 08:00 UTC, the sample article's date.
private let reference = Date(timeIntervalSince1970: 1_463_472_000)

private func tag(_ text: String) -> [(text: String, kind: String, value: String?)] {
    let bytes = Array(text.utf8)
    return DateTagger(reference: reference).tag(text).map {
        (String(decoding: bytes[$0.start..<$0.end], as: UTF8.self), $0.kind.rawValue, $0.value)
    }
}

struct DateTaggerTests {
    @Test(arguments: [
        ("وصل الوفد أمس إلى طرابلس", "أمس", "2016-05-16"),
        ("في يونيو 2015 أعلنت الحكومة", "يونيو 2015", "2015-06"),
        ("منذ جويلية 2015 والمفاوضات متعثرة", "جويلية 2015", "2015-07"),
        ("التقى الوزيران الأسبوع الماضي", "الأسبوع الماضي", "2016-W19"),
        ("وقع الحادث يوم الجمعة 22 فبراير 2019 في العاصمة", "يوم الجمعة 22 فبراير 2019", "2019-02-22"),
        ("في 3 آذار/مارس 2024", "3 آذار/مارس 2024", "2024-03-03"),
        ("في كانون الثاني 2020", "كانون الثاني 2020", "2020-01"),
        ("خلال شهر تشرين الأول 2019", "شهر تشرين الأول 2019", "2019-10"),
        ("حتى ٢٠ جوان ٢٠١٥", "٢٠ جوان ٢٠١٥", "2015-06-20"),
        ("في غشت 2018 بالرباط", "غشت 2018", "2018-08"),
        ("منذ عام 2011", "عام 2011", "2011"),
        ("في سنة ٢٠١٥", "سنة ٢٠١٥", "2015"),
        ("والأسبوع المقبل تبدأ المفاوضات", "الأسبوع المقبل", "2016-W21"),
        ("قال غدا سيعقد الاجتماع", "غدا", "2016-05-18"),
        ("وصل قبل ثلاثة أيام", "قبل ثلاثة أيام", "2016-05-14"),
        ("الاجتماع الاثنين المقبل", "الاثنين المقبل", "2016-05-23"),
        ("وقع الانفجار يوم الاثنين", "يوم الاثنين", "2016-05-16"),
        ("في الأول من مايو", "الأول من مايو", "2016-05-01"),
        ("في 15 رمضان 1437 هـ", "15 رمضان 1437 هـ", "2016-06-20"),
        ("The talks began on April 11, 2024 in Geneva", "April 11, 2024", "2024-04-11"),
        ("He arrived on 11 April 2024.", "11 April 2024", "2024-04-11"),
        ("Officials met yesterday.", "yesterday", "2016-05-16"),
        ("The report was published 2024-04-11.", "2024-04-11", "2024-04-11"),
        ("Sales fell last month.", "last month", "2016-04"),
        ("The vote was three days ago.", "three days ago", "2016-05-14"),
        ("It happened in 2015.", "2015", "2015"),
        ("On 25/12/2019 the bridge opened.", "25/12/2019", "2019-12-25"),
    ])
    func findsTheWholeExpressionWithItsValue(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map(\.text) == [expected], "\(sentence): \(found)")
        #expect(found.first?.value == value, "\(sentence): \(found)")
    }

    @Test(arguments: [
        ("استمرت المعارك ثلاثة أيام", "ثلاثة أيام", "P3D", nil),
        ("بقي هناك أكثر من شهر ونصف", "أكثر من شهر ونصف", "P1.5M", "MORE_THAN"),
        ("سجن عشر سنوات", "عشر سنوات", "P10Y", nil),
        ("مكث أسبوعين", "أسبوعين", "P2W", nil),
        ("The strike lasted three days.", "three days", "P3D", nil),
    ] as [(String, String, String, String?)])
    func findsDurations(sentence: String, expected: String, value: String, mod: String?) {
        let mentions = DateTagger(reference: reference).tag(sentence)
        let bytes = Array(sentence.utf8)
        #expect(mentions.count == 1, "\(sentence): \(mentions)")
        guard let mention = mentions.first else { return }
        #expect(String(decoding: bytes[mention.start..<mention.end], as: UTF8.self) == expected)
        #expect(mention.kind == .duration)
        #expect(mention.value == value)
        #expect(mention.mod == mod)
    }

    @Test func joinsATimeWithItsDate() {
        let found = tag("بدأ الاجتماع أمس الساعة العاشرة والنصف صباحا")
        #expect(found.map(\.text) == ["أمس الساعة العاشرة والنصف صباحا"])
        #expect(found.first?.value == "2016-05-16T10:30")
        #expect(tag("at 14:30 today").isEmpty == false)
    }

    @Test func aHijriMonthAloneIsTheGregorianRangeItCovers() {
        let mentions = DateTagger(reference: reference).tag("خلال رمضان 1437 هـ")
        #expect(mentions.count == 1)
        #expect(mentions.first?.begin == "2016-06-06")
        #expect(mentions.first?.finish == "2016-07-06")
        #expect(mentions.first?.hijri == "1437-09")
    }

    @Test func aRangeOfYearsHasABeginAndAnEnd() {
        let mentions = DateTagger(reference: reference).tag("بين عامي 2010 و2011")
        #expect(mentions.first?.begin == "2010-01-01")
        #expect(mentions.first?.finish == "2012-01-01")
    }

    @Test(arguments: [
        "قطع مسافة 130 كلم",
        "ارتفعت الأسعار 3 في المئة",
        "raised $100M in 2 rounds",
        "مارس الضغط على الحكومة",
        "you may go now, they march on",
        "a population of 2015 people",
        "لم يحضر أحد الاجتماع",
        "فاز الفريق بنتيجة 3-1",
        "شارع 1998",
        "صفحة 12",
    ])
    func doesNotInventDates(sentence: String) {
        #expect(tag(sentence).filter { $0.kind != "date" || $0.value != "PRESENT_REF" }.isEmpty, "\(sentence): \(tag(sentence))")
    }
}

struct DateTaggerRobustnessTests {
    /// Every prefix of sentences full of date material: the matchers look ahead, and the end
    /// of the text may fall anywhere. A crash here would be a crash in every worker.
    @Test func survivesTextCutAnywhere() {
        let sentences = [
            "يوم الجمعة 22 فبراير 2019 الساعة العاشرة والنصف صباحا بين عامي 2010 و2011 من 5 إلى 7 مايو",
            "في 15 رمضان 1437 هـ وقبل ثلاثة أيام والأسبوع الماضي الأول من مايو أكثر من شهر ونصف",
            "On Friday, March 3, 2024 at 3 p.m. from 3 to 5 May, 2024-04-11, 25/12/2019, three days ago, last week",
        ]
        for sentence in sentences {
            let scalars = Array(sentence.unicodeScalars)
            for length in 0...scalars.count {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[0..<length])
                let text = String(view)
                for mention in DateTagger(reference: reference).tag(text) {
                    #expect(mention.start < mention.end && mention.end <= text.utf8.count)
                }
            }
        }
    }
}

struct DateTaggerPeriodTests {
    @Test(arguments: [
        ("نما الاقتصاد في الربع الثالث من عام 2025", "الربع الثالث من عام 2025", "2025-Q3"),
        ("Profits rose in the third quarter of 2025.", "the third quarter of 2025", "2025-Q3"),
        ("Revenue in Q3 2025 rose.", "Q3 2025", "2025-Q3"),
        ("في النصف الأول من 2016", "النصف الأول من 2016", "2016-H1"),
        ("خلال صيف 2015", "صيف 2015", "2015-SU"),
        ("منذ الشتاء الماضي", "الشتاء الماضي", "2015-WI"),
        ("It rained last summer.", "last summer", "2015-SU"),
        ("في التسعينيات", "التسعينيات", "199"),
        ("في عقد الثمانينيات", "عقد الثمانينيات", "198"),
        ("in the 1990s", "the 1990s", "199"),  // the determiner belongs to the span (corpus guidelines)
        ("خلال القرن العشرين", "القرن العشرين", "19"),
        ("in the 20th century", "the 20th century", "19"),
        ("احتفالات عيد العمال", "عيد العمال", "2016-05-01"),
        ("on Christmas Day", "Christmas Day", "2016-12-25"),
        ("يصرف الراتب مطلع الشهر", "مطلع الشهر", "2016-05"),
        ("في منتصف يونيو", "منتصف يونيو", "2016-06"),
        ("تنشر النشرة يوميا", "يوميا", "P1D"),
        ("يجتمع المجلس كل يوم اثنين", "كل يوم اثنين", "XXXX-WXX-1"),
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1"),
        ("وصل صباح أمس", "صباح أمس", "2016-05-16TMO"),
        ("He left this morning.", "this morning", "2016-05-17TMO"),
    ])
    func findsPeriodsAndSets(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map(\.text) == [expected], "\(sentence): \(found)")
        #expect(found.first?.value == value, "\(sentence): \(found)")
    }
}

struct DateTaggerRangeTests {
    private func single(_ sentence: String) -> DateMention? {
        let mentions = DateTagger(reference: reference).tag(sentence)
        return mentions.count == 1 ? mentions[0] : nil
    }

    @Test(arguments: [
        ("بين 12 و14 يونيو 2015", "2015-06-12", "2015-06-15"),
        ("يومي 25 و26 يوليو المقبل", "2016-07-25", "2016-07-27"),
        ("من فاتح يوليوز إلى 31 غشت", "2016-07-01", "2016-09-01"),
        ("from 3 to 5 May", "2016-05-03", "2016-05-06"),
    ])
    func dayRangesHaveABeginAndAnExclusiveEnd(sentence: String, begin: String, end: String) {
        let mention = single(sentence)
        #expect(mention?.begin == begin, "\(sentence)")
        #expect(mention?.finish == end, "\(sentence)")
    }

    @Test func compoundOrdinalDays() {
        #expect(single("في الثالث والعشرين من مارس المقبل")?.value == "2017-03-23")
    }

    @Test func hijriMonthsAndYearsRelativeOrAlone() {
        let ramadan = single("مع حلول شهر رمضان المقبل")
        #expect(ramadan?.begin == "2016-06-06")
        #expect(ramadan?.hijri == "1437-09")
        let year = single("في عام 1437 هـ")
        #expect(year?.begin == "2015-10-14")
        #expect(year?.finish == "2016-10-02")
    }

    @Test func aPartOfDayBeforeADate() {
        #expect(single("مساء 17 تشرين الأول 2019")?.value == "2019-10-17TEV")
    }
}

struct DateTaggerSpanTests {
    @Test func monthRangesTimeRangesAndHalves() {
        let tagger = DateTagger(reference: reference)
        let months = tagger.tag("from January to March")
        #expect(months.first?.begin == "2016-01-01" && months.first?.finish == "2016-04-01")
        let hours = tagger.tag("open from 3 to 5 pm")
        #expect(hours.first?.begin == "2016-05-17T15:00" && hours.first?.finish == "2016-05-17T17:00")
        #expect(tagger.tag("for half an hour").first?.value == "PT0.5H")
        #expect(tagger.tag("استمر نصف ساعة").first?.value == "PT0.5H")
        #expect(tagger.tag("a year and a half").first?.value == "P1.5Y")
    }
}

/// The families added after the first evaluation, each on sentences written for this test
/// (not taken from the corpus).
struct DateTaggerContextTests {
    @Test(arguments: [
        // A bare weekday goes forward when the sentence speaks of the future before it…
        ("The committee will vote on Friday.", "Friday", "2016-05-20"),
        ("ويزور الرئيس الجزائر يوم الخميس في أول جولة له.", "يوم الخميس", "2016-05-19"),
        ("وسيلتقي الوفدان يوم السبت في جنيف.", "يوم السبت", "2016-05-21"),
        // …and backward in reporting, even when a future follows it.
        ("He said on Friday that he will resign.", "Friday", "2016-05-13"),
        ("وقال الوزير يوم الخميس إن الحكومة ستستقيل.", "يوم الخميس", "2016-05-12"),
    ])
    func weekdaysFollowTheTenseOfTheirSentence(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.first.map { [$0.text, $0.value ?? ""] } == [expected, value], "\(sentence): \(found)")
    }

    @Test(arguments: [
        ("The plant opened on June 1, 2010 and closed three years later.", "three years later", "2013"),
        ("The talks collapsed two weeks after May 2, 2014, when the envoy left.", "two weeks after", "2014-W20"),
        ("وافتتح المعبر في 10 أبريل 2014، وبعد أسبوع أغلق من جديد.", "بعد أسبوع", "2014-W16"),
        ("وانتخب رئيسا في مارس 2009، وبعد عامين استقال.", "بعد عامين", "2011"),
        ("وستعلن النتائج بعد أسبوعين من الآن.", "بعد أسبوعين من الآن", "2016-W22"),
        ("ووقع الاتفاق قبل عامين في مارس 2010.", "قبل عامين", "2014"),
    ])
    func offsetsCountFromTheDateTheyFollow(sentence: String, expected: String, value: String) {
        let found = tag(sentence).filter { $0.text == expected }
        #expect(found.map(\.value) == [value], "\(sentence): \(tag(sentence))")
    }

    @Test func anOffsetFromAnEventIsOnlyItsMeasure() {
        #expect(tag("وبعد أربعة أيام من الاقتراع أعلنت النتائج.").map { [$0.text, $0.kind, $0.value ?? ""] } == [["أربعة أيام", "duration", "P4D"]])
        #expect(tag("Two weeks after the vote, the results came.").map { [$0.text, $0.kind] } == [["Two weeks", "duration"]])
    }

    @Test(arguments: [
        ("They will meet at Easter.", "Easter", "2016-03-27", nil),
        ("Markets close on Labor Day.", "Labor Day", "2016-09-05", nil),
        ("We met last Christmas.", "last Christmas", "2015-12-25", nil),
        ("وتحتفل البلاد بعيد الفطر المبارك", "عيد الفطر المبارك", "2016-07-06", "1437-10-01"),
        ("وقبيل عيد الأضحى المقبل ترتفع الأسعار", "عيد الأضحى المقبل", "2016-09-11", "1437-12-10"),
        ("Families gather for Eid al-Adha.", "Eid al-Adha", "2016-09-11", "1437-12-10"),
    ] as [(String, String, String, String?)])
    func holidaysHaveTheirDay(sentence: String, expected: String, value: String, hijri: String?) {
        let mentions = DateTagger(reference: reference).tag(sentence)
        let bytes = Array(sentence.utf8)
        #expect(mentions.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == [expected], "\(sentence): \(mentions)")
        #expect(mentions.first?.value == value)
        #expect(mentions.first?.hijri == hijri)
    }

    @Test func ramadanIsTheMonthButNotAName() {
        let month = DateTagger(reference: reference).tag("Prices rise during Ramadan every year.")
        #expect(month.first?.begin == "2016-06-06" && month.first?.finish == "2016-07-06")
        #expect(tag("The scholar Tariq Ramadan spoke.").isEmpty)
        #expect(tag("وسجل رمضان صبحي هدف الفوز").isEmpty)
        #expect(DateTagger(reference: reference).tag("وتقلص ساعات العمل خلال شهر رمضان").first?.hijri == "1437-09")
    }

    @Test(arguments: [
        ("وبدأ القصف في الساعة الثالثة والثلث فجر الأحد.", "الساعة الثالثة والثلث فجر الأحد", "2016-05-15T03:20"),
        ("وتنطلق الرحلة عند الساعة الحادية عشرة إلا ربعا صباحا", "الساعة الحادية عشرة إلا ربعا صباحا", "2016-05-17T10:45"),
        ("ووصل الموكب الساعة السابعة وخمس دقائق مساء أمس", "الساعة السابعة وخمس دقائق مساء أمس", "2016-05-16T19:05"),
        ("وأقلعت الطائرة في الساعة العاشرة بتوقيت غرينتش", "الساعة العاشرة بتوقيت غرينتش", "2016-05-17T10:00Z"),
    ])
    func arabicClockTimesInWords(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map { [$0.text, $0.value ?? ""] } == [[expected, value]], "\(sentence): \(found)")
    }

    @Test func aTimeRangeTakesTheDayOfTheDateBeforeIt() {
        let sentence = "وتفتح المتاحف يوم الجمعة المقبل من الساعة العاشرة صباحا حتى الرابعة مساء"
        let mentions = DateTagger(reference: reference).tag(sentence)
        #expect(mentions.count == 2, "\(mentions)")
        #expect(mentions.last?.begin == "2016-05-20T10:00")
        #expect(mentions.last?.finish == "2016-05-20T16:00")
        let english = DateTagger(reference: reference).tag("The polls are open from 7 a.m. to 8 p.m. on Sunday, May 22.")
        #expect(english.count == 1)
        #expect(english.first?.begin == "2016-05-22T07:00" && english.first?.finish == "2016-05-22T20:00")
    }

    @Test(arguments: [
        ("The dam will be finished next winter.", "next winter", "2016-WI"),
        ("It snowed heavily last winter.", "last winter", "2015-WI"),
        ("ويزداد الطلب هذا الصيف", "هذا الصيف", "2016-SU"),
        ("Growth slowed in the early 2000s.", "the early 2000s", "200"),
        ("The town grew in the late 19th century.", "the late 19th century", "18"),
        ("He is currently in Tunis.", "currently", "PRESENT_REF"),
        ("وتراجعت الصادرات مؤخرا", "مؤخرا", "PAST_REF"),
        ("The talks ended in July.", "July", "2016-07"),
    ])
    func seasonsDecadesAndReferences(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map { [$0.text, $0.value ?? ""] } == [[expected, value]], "\(sentence): \(found)")
    }
}

/// Spans and anaphors: what belongs to an expression and what stays outside.
struct DateTaggerAnaphorTests {
    @Test(arguments: [
        ("وتقرر تأجيل الحفل إلى أبريل من العام المقبل.", "أبريل من العام المقبل", "2017-04"),
        ("وصدر الحكم في 3 يونيو 2012، ونفذ في شهر سبتمبر من العام نفسه.", "شهر سبتمبر من العام نفسه", "2012-09"),
        ("وافتتح المصنع في مايو 2010 وبلغ ذروة إنتاجه في الربع الرابع من العام نفسه.", "الربع الرابع من العام نفسه", "2010-Q4"),
        ("The law passed in March 2011 and took effect in October of the same year.", "October of the same year", "2011-10"),
        ("ويبدأ العمل بالقرار لشهر أغسطس المقبل.", "شهر أغسطس المقبل", "2016-08"),
        ("وانطلقت الحملة في الخامس من تموز (يوليو) 2015.", "الخامس من تموز (يوليو) 2015", "2015-07-05"),
        ("وتضاعف عدد السكان خلال السنوات العشر الماضية.", "السنوات العشر الماضية", "P10Y"),
        ("واستمرت الأشغال عاما ونصف عام.", "عاما ونصف عام", "P1.5Y"),
        ("وارتفعت الأسعار ما بين 2012 و2014.", "ما بين 2012 و2014", ""),
        ("وتوقفت المفاوضات قبل نحو شهرين.", "قبل نحو شهرين", "2016-03"),
        ("ومن 5 إلى 7 مايو تقام الدورة.", "من 5 إلى 7 مايو", ""),
        ("ووقع الحادث في الساعة الثانية عشرة ليلا.", "الساعة الثانية عشرة ليلا", "2016-05-17T00:00"),
        ("وسوف يعقد المؤتمر يوم الأحد في تونس.", "يوم الأحد", "2016-05-22"),
    ])
    func spansAndAnaphors(sentence: String, expected: String, value: String) {
        // The expression is the last one found (an anaphor's antecedent comes before it).
        let found = tag(sentence)
        #expect(found.last.map { [$0.text, $0.value ?? ""] } == [expected, value], "\(sentence): \(found)")
    }

    @Test func aDayOfEveryYearIsASet() {
        #expect(tag("ويحيي السكان ذكرى الاستقلال في 5 تموز/يوليو من كل عام.").map { [$0.text, $0.kind, $0.value ?? ""] }
                == [["5 تموز/يوليو من كل عام", "set", "XXXX-07-05"]])
        #expect(tag("The town celebrates on June 24 every year.").map { [$0.text, $0.kind, $0.value ?? ""] }
                == [["June 24 every year", "set", "XXXX-06-24"]])
    }

    @Test func aPriceIsNotATime() {
        #expect(tag("The shares sold at $17 a share.").filter { $0.kind == "time" }.isEmpty)
    }

    @Test func aDayNamedTwiceIsOneExpression() {
        let mentions = DateTagger(reference: reference).tag("صدر اليوم الثلاثاء ١٠ شعبان ١٤٣٧هـ بيان")
        #expect(mentions.count == 1)
        #expect(mentions.first?.value == "2016-05-17")
        #expect(mentions.first?.hijri == "1437-08-10")
    }
}

struct DateTaggerEnglishContextTests {
    @Test(arguments: [
        ("Turnout in the 2012 referendum was low.", "2012", "2012"),
        ("The summit was postponed to October.", "October", "2016-10"),
        ("Aid will arrive at noon on Thursday.", "noon on Thursday", "2016-05-19T12:00"),
        ("The blast happened around 9:40 on Sunday evening.", "around 9:40 on Sunday evening", "2016-05-15T21:40"),
        ("The music of the '80s is back.", "the '80s", "198"),
    ])
    func englishContexts(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map { [$0.text, $0.value ?? ""] } == [[expected, value]], "\(sentence): \(found)")
    }

    @Test(arguments: [
        ("Traffic stopped after a 12-hour strike.", "12-hour", "PT12H"),
        ("He began a three-day visit to Rabat.", "three-day", "P3D"),
        ("Residents waited for weeks.", "weeks", "PXW"),
        ("ويصدر التقرير بشكل شهري.", "بشكل شهري", "P1M"),
        ("واستمر الحصار شهرا كاملا.", "شهرا كاملا", "P1M"),
        ("Profits rose in H1 2016.", "H1 2016", "2016-H1"),
        ("The curfew starts at midnight.", "midnight", "2016-05-17T00:00"),
    ])
    func moreDurationsAndSets(sentence: String, expected: String, value: String) {
        let found = tag(sentence)
        #expect(found.map { [$0.text, $0.value ?? ""] } == [[expected, value]], "\(sentence): \(found)")
    }

    @Test func agesAreNotDurations() {
        #expect(tag("A 15-year-old boy was hurt.").isEmpty)
        #expect(tag("سأزورك يوما ما").isEmpty)
    }

    @Test func everyYearOfAListIsAYear() {
        #expect(tag("She won in 2003, 2007 and 2011.").map(\.text) == ["2003", "2007", "2011"])
        #expect(tag("A crowd of 2015 people, 2016 cars.").isEmpty)
    }

    @Test func aRangeAcrossMonths() {
        let mentions = DateTagger(reference: reference).tag("The show runs from Sept. 5 through Oct. 20.")
        #expect(mentions.count == 1)
        #expect(mentions.first?.begin == "2016-09-05" && mentions.first?.finish == "2016-10-21")
    }
}
