/// The words the date tagger knows, by normalized key (see `DateTokenizer`).
enum DateLexicon {
    /// One- and two-word Gregorian month names of every Arabic family and English.
    /// Arrays are word sequences; the value is the month number.
    static let months: [([DateKey], Int)] = {
        var entries: [([DateKey], Int)] = []
        func add(_ month: Int, _ names: String...) {
            for name in names { entries.append((name.split(separator: " ").map { DateKey(String($0)) }, month)) }
        }
        // Egyptian / MSA (and Moroccan where the same)
        add(1, "يناير"); add(2, "فبراير", "فبرير"); add(3, "مارس"); add(4, "ابريل", "افريل")
        add(5, "مايو", "ماي"); add(6, "يونيو", "يونيه", "جوان"); add(7, "يوليو", "يوليه", "جويلية", "جويليه", "يوليوز")
        add(8, "اغسطس", "اوت", "غشت"); add(9, "سبتمبر", "شتنبر"); add(10, "اكتوبر")
        add(11, "نوفمبر", "نونبر"); add(12, "ديسمبر", "دجنبر")
        // Algerian / Tunisian
        add(1, "جانفي"); add(2, "فيفري")
        // Levantine / Iraqi
        add(1, "كانون الثاني"); add(2, "شباط"); add(3, "اذار"); add(4, "نيسان"); add(5, "ايار"); add(6, "حزيران")
        add(7, "تموز"); add(8, "اب"); add(9, "ايلول"); add(10, "تشرين الاول"); add(11, "تشرين الثاني"); add(12, "كانون الاول")
        // English
        add(1, "january", "jan"); add(2, "february", "feb"); add(3, "march", "mar"); add(4, "april", "apr")
        add(5, "may"); add(6, "june", "jun"); add(7, "july", "jul"); add(8, "august", "aug")
        add(9, "september", "sep", "sept"); add(10, "october", "oct"); add(11, "november", "nov"); add(12, "december", "dec")
        return entries.sorted { $0.0.count > $1.0.count }  // two-word names first
    }()

    /// `months` by the UTF-8 bytes of their first word, longer names first.
    static let monthsByFirstWord: [DateKey: [([DateKey], Int)]] = Dictionary(grouping: months) { $0.0[0] }
    static let hijriMonthsByFirstWord: [DateKey: [([DateKey], Int)]] = Dictionary(grouping: hijriMonths) { $0.0[0] }

    /// Month words that are also ordinary words ("مارس" he practised, "اب" father, "may" the
    /// verb, "march"): dates only next to a day number, a year, or after "شهر".
    static let ambiguousMonths: Set<DateKey> = ["مارس", "اب", "ماي", "may", "march", "mar", "jun", "sep", "dec", "jan", "aug", "oct", "nov", "apr", "feb", "jul"]

    /// Hijri month names; the value is the month number.
    static let hijriMonths: [([DateKey], Int)] = {
        var entries: [([DateKey], Int)] = []
        func add(_ month: Int, _ names: String...) {
            for name in names { entries.append((name.split(separator: " ").map { DateKey(String($0)) }, month)) }
        }
        add(1, "محرم"); add(2, "صفر"); add(3, "ربيع الاول"); add(4, "ربيع الثاني", "ربيع الاخر")
        add(5, "جمادي الاولي", "جمادي الاول"); add(6, "جمادي الاخرة", "جمادي الثانية", "جمادي الاخره", "جمادي الثانيه")
        add(7, "رجب"); add(8, "شعبان"); add(9, "رمضان"); add(10, "شوال")
        add(11, "ذو القعدة", "ذي القعدة", "ذو القعده", "ذي القعده"); add(12, "ذو الحجة", "ذي الحجة", "ذو الحجه", "ذي الحجه")
        return entries.sorted { $0.0.count > $1.0.count }
    }()

    /// Words that mark a Hijri year.
    static let hijriMarkers: Set<DateKey> = ["ه", "هـ", "هجري", "هجرية", "هجريه", "للهجرة", "للهجره", "الهجري", "الهجرية"]

    /// Weekdays, 1 = Sunday … 7 = Saturday (Foundation's numbering).
    static let weekdays: [DateKey: Int] = [
        "الاحد": 1, "احد": 1, "الاثنين": 2, "اثنين": 2, "الاتنين": 2, "الثلاثاء": 3, "ثلاثاء": 3, "الاربعاء": 4, "اربعاء": 4,
        "الخميس": 5, "خميس": 5, "الجمعة": 6, "جمعة": 6, "الجمعه": 6, "السبت": 7, "سبت": 7,
        "sunday": 1, "monday": 2, "tuesday": 3, "wednesday": 4, "thursday": 5, "friday": 6, "saturday": 7,
    ]

    /// Calendar units: the TIMEX letter and how many of them one word means (dual forms mean 2).
    enum Unit: String { case day = "D", week = "W", month = "M", year = "Y", hour = "H", minute = "MIN", decade = "DE" }

    static let units: [DateKey: (Unit, Int)] = [
        "يوم": (.day, 1), "يوما": (.day, 1), "ايام": (.day, 1), "يومين": (.day, 2), "يومان": (.day, 2),
        "اسبوع": (.week, 1), "اسبوعا": (.week, 1), "اسابيع": (.week, 1), "اسبوعين": (.week, 2), "اسبوعان": (.week, 2),
        "شهر": (.month, 1), "شهرا": (.month, 1), "اشهر": (.month, 1), "شهور": (.month, 1), "شهرين": (.month, 2), "شهران": (.month, 2),
        "سنة": (.year, 1), "سنه": (.year, 1), "سنوات": (.year, 1), "سنين": (.year, 1), "سنتين": (.year, 2), "سنتان": (.year, 2),
        "عام": (.year, 1), "عاما": (.year, 1), "اعوام": (.year, 1), "عامين": (.year, 2), "عامان": (.year, 2),
        "ساعة": (.hour, 1), "ساعه": (.hour, 1), "ساعات": (.hour, 1), "ساعتين": (.hour, 2), "ساعتان": (.hour, 2),
        "دقيقة": (.minute, 1), "دقيقه": (.minute, 1), "دقائق": (.minute, 1), "دقيقتين": (.minute, 2),
        "عقد": (.decade, 1), "عقود": (.decade, 1), "عقدين": (.decade, 2),
        "day": (.day, 1), "days": (.day, 1), "week": (.week, 1), "weeks": (.week, 1), "month": (.month, 1), "months": (.month, 1),
        "year": (.year, 1), "years": (.year, 1), "hour": (.hour, 1), "hours": (.hour, 1), "minute": (.minute, 1), "minutes": (.minute, 1),
        "decade": (.decade, 1), "decades": (.decade, 1),
    ]

    /// Cardinal number words.
    static let numbers: [DateKey: Int] = [
        "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5, "خمسة": 5,
        "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
        "احد عشر": 11, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "خمسين": 50, "مئة": 100, "مائة": 100,
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a": 1, "an": 1,
    ]

    /// Ordinal day words ("الأول من مايو", "the first of May").
    static let ordinals: [DateKey: Int] = [
        "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
        "التاسع": 9, "العاشر": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    ]

    /// Words meaning "last/previous", "next", "this/current" after a period word.
    static let past: Set<DateKey> = ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "المنقضي", "last", "past", "previous"]
    static let future: Set<DateKey> = ["المقبل", "المقبلة", "القادم", "القادمة", "next", "coming"]
    static let current: Set<DateKey> = ["الجاري", "الجارية", "الحالي", "الحالية", "this", "current"]

    /// Period words after which past/future/current words make a relative date.
    static let periods: [DateKey: Unit] = [
        "الاسبوع": .week, "الشهر": .month, "العام": .year, "السنة": .year, "السنه": .year,
        "week": .week, "month": .month, "year": .year, "weekend": .week,
    ]
}
