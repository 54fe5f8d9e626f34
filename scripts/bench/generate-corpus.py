#!/usr/bin/env python3
"""Generates the benchmark corpus for Gloss: Arabic and English news-like text files.

What it writes
    OUTDIR/ar-0001.txt ... and OUTDIR/en-0001.txt ... (UTF-8, no BOM, LF line endings), plus
    OUTDIR/manifest.json: {"seed", "documents": [{"name", "language", "bytes"}], "total_bytes"}.
    Each document is a headline line, a blank line, then paragraphs of 3-8 sentences separated by
    blank lines, sometimes opened by a dateline ("TRIPOLI (Reuters) - ", "طرابلس - ") and with
    occasional quoted speech. Sizes run from 1 KB to 50 KB (1 KB = 1024 bytes), drawn
    log-uniformly: most documents are a few KB, like news articles, with a long tail. A document
    stops at the first sentence boundary at or past its target size (so it overshoots the target
    by at most one sentence) and never exceeds 50 KB.

Why
    Benchmarks of Gloss against other tools (dateparser and friends) must run on the same,
    realistic input every time, without shipping megabytes of text in the repository. The text is
    not random letters: it is news prose built from sentence templates whose slots are filled with
    people and their titles, organizations, places (with Arabic clitics: والجزائر، لليبيا، بمراكش),
    dates of every family (Gregorian months in their Middle-East, Levantine, Algerian/Tunisian and
    Moroccan names, Hijri dates converted from the Gregorian date with the tabular calendar,
    relative dates), Eastern Arabic and Western digits, and numbers with units - the things Gloss
    looks for. Names of people, companies and most novels are invented.

    The Arabic sentence pool also reuses, verbatim, the sentences of the repository's seed article
    (seeds/000_cb800a4348140aef.txt, the Libya/Algeria news piece), read at run time and split on
    . ؟ ! and newlines. Changing that file changes the Arabic documents.

How to run (from the repository root; Python 3.11, standard library only)
    python3 scripts/bench/generate-corpus.py OUTDIR [--seed 20161705] [--documents 400]
                                                    [--arabic-share 0.6] [--seed-article PATH]

    Same seed, arguments and seed article give byte-identical output. Every document has its own
    random.Random, seeded from (seed, file name), so ar-0007.txt does not change when only
    --documents or --arabic-share changes. OUTDIR is created if needed; files in it named like
    corpus documents (ar-NNNN.txt, en-NNNN.txt) that this run does not write are removed, so OUTDIR
    always matches manifest.json. Prints one summary line.
"""
import argparse
import datetime
import hashlib
import json
import math
import pathlib
import re
import random
import time

MIN_BYTES = 1024
MAX_BYTES = 50 * 1024
SEED_ARTICLE_NAME = "000_cb800a4348140aef.txt"
SLOT = re.compile(r"\{([a-z0-9_]+)(?::([^{}]*))?\}")

# Probability that a document is about each topic.
TOPICS = (("pol", 22), ("sec", 10), ("econ", 20), ("sport", 16), ("weather", 10), ("health", 10), ("culture", 12))


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------

def attach(clitic, word):
    """Prefixes an Arabic clitic (و، ل، ب، ف، ك or a combination) to a word: ل + الجزائر → للجزائر."""
    if not clitic:
        return word
    if clitic.endswith("ل") and word.startswith("ال"):
        return clitic + word[1:]
    return clitic + word


def hijri(date):
    """(year, month, day) of a Gregorian date in the tabular Islamic calendar (±1 day of the sighted one)."""
    days = date.toordinal() + 1721425 - 1948440 + 10632
    n = (days - 1) // 10631
    days = days - 10631 * n + 354
    j = ((10985 - days) // 5316) * ((50 * days) // 17719) + (days // 5670) * ((43 * days) // 15238)
    days = days - ((30 - j) // 15) * ((17719 * j) // 50) - (j // 16) * ((15238 * j) // 43) + 29
    month = (24 * days) // 709
    return 30 * n + j - 30, month, days - (709 * month) // 24


EASTERN = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")


def eastern_digits(text):
    return re.sub(r"(?<=\d)\.(?=\d)", "٫", text).translate(EASTERN)


class Deck:
    """Deals items in shuffled order and reshuffles when empty, so a document repeats as little as possible."""

    def __init__(self, items, rng):
        self.items, self.rng, self.cards, self.last = list(items), rng, [], None

    def draw(self):
        if not self.cards:
            self.cards = list(self.items)
            self.rng.shuffle(self.cards)
            if len(self.cards) > 1 and self.cards[-1] == self.last:
                self.cards[0], self.cards[-1] = self.cards[-1], self.cards[0]
        self.last = self.cards.pop()
        return self.last


# --------------------------------------------------------------------------------------------
# Arabic data
# --------------------------------------------------------------------------------------------

# (name, masculine nisba, grammatical gender, region). Region picks month names and digits.
AR_COUNTRIES = (
    ("الجزائر", "الجزائري", "f", "dz"), ("ليبيا", "الليبي", "f", "ly"), ("تونس", "التونسي", "f", "dz"),
    ("المغرب", "المغربي", "m", "ma"), ("مصر", "المصري", "f", "eg"), ("موريتانيا", "الموريتاني", "f", "ma"),
    ("السودان", "السوداني", "m", "eg"), ("السعودية", "السعودي", "f", "gulf"), ("الإمارات", "الإماراتي", "f", "gulf"),
    ("قطر", "القطري", "f", "gulf"), ("الكويت", "الكويتي", "f", "gulf"), ("البحرين", "البحريني", "f", "gulf"),
    ("سلطنة عمان", "العماني", "f", "gulf"), ("اليمن", "اليمني", "m", "gulf"), ("الأردن", "الأردني", "m", "lev"),
    ("لبنان", "اللبناني", "m", "lev"), ("سوريا", "السوري", "f", "lev"), ("العراق", "العراقي", "m", "lev"),
    ("فلسطين", "الفلسطيني", "f", "lev"), ("إيران", "الإيراني", "f", "world"), ("تركيا", "التركي", "f", "world"),
    ("فرنسا", "الفرنسي", "f", "world"), ("ألمانيا", "الألماني", "f", "world"), ("إيطاليا", "الإيطالي", "f", "world"),
    ("إسبانيا", "الإسباني", "f", "world"), ("الولايات المتحدة", "الأمريكي", "f", "world"), ("روسيا", "الروسي", "f", "world"),
    ("الصين", "الصيني", "f", "world"), ("اليابان", "الياباني", "f", "world"), ("النيجر", "النيجري", "f", "world"),
    ("مالي", "المالي", "f", "world"), ("تشاد", "التشادي", "f", "world"), ("بريطانيا", "البريطاني", "f", "world"),
    ("النمسا", "النمساوي", "f", "world"), ("البرازيل", "البرازيلي", "f", "world"), ("الهند", "الهندي", "f", "world"),
)

# (city, country)
AR_CITIES = (
    ("طرابلس", "ليبيا"), ("بنغازي", "ليبيا"), ("مصراتة", "ليبيا"), ("سرت", "ليبيا"), ("سبها", "ليبيا"),
    ("وهران", "الجزائر"), ("قسنطينة", "الجزائر"), ("عنابة", "الجزائر"), ("تمنراست", "الجزائر"), ("ورقلة", "الجزائر"),
    ("صفاقس", "تونس"), ("سوسة", "تونس"), ("القيروان", "تونس"), ("الرباط", "المغرب"), ("الدار البيضاء", "المغرب"),
    ("مراكش", "المغرب"), ("فاس", "المغرب"), ("طنجة", "المغرب"), ("أكادير", "المغرب"), ("القاهرة", "مصر"),
    ("الإسكندرية", "مصر"), ("أسوان", "مصر"), ("الأقصر", "مصر"), ("الخرطوم", "السودان"), ("نواكشوط", "موريتانيا"),
    ("الرياض", "السعودية"), ("جدة", "السعودية"), ("دبي", "الإمارات"), ("أبوظبي", "الإمارات"), ("الدوحة", "قطر"),
    ("مسقط", "سلطنة عمان"), ("المنامة", "البحرين"), ("عمان", "الأردن"), ("إربد", "الأردن"), ("بيروت", "لبنان"),
    ("طرابلس", "لبنان"), ("دمشق", "سوريا"), ("حلب", "سوريا"), ("بغداد", "العراق"), ("البصرة", "العراق"),
    ("الموصل", "العراق"), ("أربيل", "العراق"), ("غزة", "فلسطين"), ("رام الله", "فلسطين"), ("صنعاء", "اليمن"),
    ("عدن", "اليمن"), ("طهران", "إيران"), ("إسطنبول", "تركيا"), ("أنقرة", "تركيا"), ("باريس", "فرنسا"),
    ("مرسيليا", "فرنسا"), ("لندن", "بريطانيا"), ("برلين", "ألمانيا"), ("روما", "إيطاليا"), ("مدريد", "إسبانيا"),
    ("فيينا", "النمسا"), ("جنيف", ""), ("موسكو", "روسيا"), ("واشنطن", "الولايات المتحدة"), ("نيويورك", "الولايات المتحدة"),
    ("بكين", "الصين"), ("طوكيو", "اليابان"), ("بروكسل", ""), ("نيامي", "النيجر"), ("باماكو", "مالي"),
)
AR_CAPITALS = (
    ("الجزائر", "الجزائر"), ("تونس", "تونس"), ("الكويت", "الكويت"),
)

# (name, gender). Invented, except مارك تونر, who speaks in the seed article.
AR_PEOPLE = (
    ("كريم الحداد", "m"), ("عبد الرحمن بلقاسم", "m"), ("سمير بن عمار", "m"), ("يوسف الشريف", "m"),
    ("خالد المنصوري", "m"), ("أحمد العلوي", "m"), ("مصطفى الزين", "m"), ("حسن بوزيد", "m"),
    ("عمر السويدي", "m"), ("فيصل العتيبي", "m"), ("رشيد بنعيسى", "m"), ("نبيل القاسمي", "m"),
    ("طارق الحمادي", "m"), ("جمال الدين مرابط", "m"), ("هشام الفاسي", "m"), ("إبراهيم الدباغ", "m"),
    ("مراد بوعلام", "m"), ("سليم الخطيب", "m"), ("وليد النجار", "m"), ("عادل الكبيسي", "m"),
    ("ناصر الهاشمي", "m"), ("منير الطرابلسي", "m"), ("زياد عبد الله", "m"), ("محمود السقا", "m"),
    ("عبد الكريم المهدي", "m"), ("بلال العمراني", "m"), ("ياسين بن سالم", "m"), ("علي الرفاعي", "m"),
    ("مارك تونر", "m"), ("بيتر شولتز", "m"), ("جان لوك مارتان", "m"), ("فاطمة الزهراء بنعلي", "f"),
    ("ليلى الصباغ", "f"), ("نادية بوعزة", "f"), ("سعاد الحسيني", "f"), ("هدى القباني", "f"),
    ("مريم الكعبي", "f"), ("أمينة بلحاج", "f"), ("رانيا الأيوبي", "f"), ("سلمى الدريدي", "f"),
    ("خديجة العمري", "f"), ("نور الهدى سعيدي", "f"), ("ريم البستاني", "f"), ("إيمان الجبوري", "f"),
    ("سارة المرزوقي", "f"), ("ناتالي دوبوا", "f"),
)

# Titles by topic: (masculine, feminine); may contain slots bound to the sentence (or to the document focus).
AR_TITLES = {
    "pol": (("الرئيس {nisba}", "الرئيسة {nisbaf}"), ("رئيس الوزراء {nisba}", "رئيسة الوزراء {nisbaf}"),
            ("وزير الخارجية {nisba}", "وزيرة الخارجية {nisbaf}"), ("وزير الداخلية", "وزيرة الداخلية"),
            ("الناطق باسم الحكومة {nisbaf}", "الناطقة باسم الحكومة {nisbaf}"),
            ("نائب الناطق باسم الخارجية الأمريكية", "نائبة الناطق باسم الخارجية الأمريكية"),
            ("المبعوث الأممي إلى {country}", "المبعوثة الأممية إلى {country}"),
            ("رئيس البرلمان {nisba}", "رئيسة البرلمان {nisba}"), ("الأمين العام {org:ل}", "الأمينة العامة {org:ل}"),
            ("الناطق باسم {org}", "الناطقة باسم {org}")),
    "sec": (("وزير الدفاع {nisba}", "وزيرة الدفاع {nisbaf}"), ("العقيد", "العقيد"), ("اللواء", "اللواء"),
            ("الناطق باسم الجيش {nisba}", "الناطقة باسم الجيش {nisba}"), ("المدير العام للأمن الوطني", "المديرة العامة للأمن الوطني")),
    "econ": (("وزير المالية", "وزيرة المالية"), ("وزير الطاقة والمناجم", "وزيرة الطاقة والمناجم"),
             ("محافظ البنك المركزي {nisba}", "محافظة البنك المركزي {nisba}"), ("الخبير الاقتصادي", "الخبيرة الاقتصادية"),
             ("الرئيس التنفيذي {company:ل}", "الرئيسة التنفيذية {company:ل}"), ("وزير التجارة", "وزيرة التجارة")),
    "sport": (("مدرب المنتخب {nisba}", "مدربة المنتخب {nisba}"), ("وزير الشباب والرياضة", "وزيرة الشباب والرياضة"),
              ("رئيس الاتحاد {nisba} لكرة القدم", "رئيسة الاتحاد {nisba} لكرة القدم"), ("قائد المنتخب {nisba}", "قائدة المنتخب {nisba}"),
              ("مدرب {team}", "مدربة {team}")),
    "weather": (("مدير الأرصاد الجوية", "مديرة الأرصاد الجوية"), ("المدير العام للحماية المدنية", "المديرة العامة للحماية المدنية"),
                ("خبير المناخ", "خبيرة المناخ"), ("والي الولاية", "والية الولاية")),
    "health": (("وزير الصحة {nisba}", "وزيرة الصحة {nisbaf}"), ("الدكتور", "الدكتورة"),
               ("ممثل منظمة الصحة العالمية في {country}", "ممثلة منظمة الصحة العالمية في {country}"),
               ("رئيس مصلحة الأمراض المعدية", "رئيسة مصلحة الأمراض المعدية")),
    "culture": (("وزير الثقافة", "وزيرة الثقافة"), ("الروائي {nisba}", "الروائية {nisbaf}"), ("مدير المهرجان", "مديرة المهرجان"),
                ("الفنان التشكيلي", "الفنانة التشكيلية"), ("المخرج {nisba}", "المخرجة {nisbaf}")),
}

# (name, gender)
AR_ORGS = (
    ("وزارة الخارجية", "f"), ("وزارة الداخلية", "f"), ("حكومة الوفاق الوطني", "f"), ("الحكومة المؤقتة", "f"),
    ("جامعة الدول العربية", "f"), ("الاتحاد الأفريقي", "m"), ("الاتحاد الأوروبي", "m"), ("مجلس الأمن الدولي", "m"),
    ("منظمة الأمم المتحدة", "f"), ("منظمة التعاون الإسلامي", "f"), ("بعثة الأمم المتحدة للدعم في ليبيا", "f"),
    ("المفوضية السامية لشؤون اللاجئين", "f"), ("الهلال الأحمر {nisba}", "m"), ("منظمة العفو الدولية", "f"),
)
AR_ORGS_ECON = (
    ("صندوق النقد الدولي", "m"), ("البنك الدولي", "m"), ("منظمة البلدان المصدرة للبترول (أوبك)", "f"),
    ("المعهد الوطني للإحصاء", "m"), ("البنك المركزي {nisba}", "m"), ("وزارة المالية", "f"), ("البنك الأفريقي للتنمية", "m"),
)
AR_COMPANIES = (
    "شركة النخيل للاتصالات", "شركة الأطلس للطيران", "الشركة الوطنية للمحروقات", "شركة المتوسط للإسمنت",
    "مجموعة الساحل القابضة", "شركة الواحة للصناعات الغذائية", "شركة الخليج للملاحة", "مجموعة الفرات للاستثمار",
    "شركة المغرب العربي للفوسفات", "شركة دلتا للخدمات اللوجستية",
)
AR_UNIVERSITIES = (
    "جامعة القاهرة", "جامعة محمد الخامس", "جامعة الجزائر", "الجامعة الأمريكية في بيروت", "جامعة تونس المنار",
    "جامعة الملك سعود", "جامعة قطر", "جامعة بغداد",
)
AR_TEAMS = (
    "الوداد الرياضي", "الرجاء الرياضي", "الترجي الرياضي التونسي", "النادي الإفريقي", "النجم الساحلي", "الأهلي",
    "الزمالك", "الهلال", "النصر", "الفيصلي", "الجيش الملكي", "وفاق سطيف", "اتحاد العاصمة", "المريخ", "النادي الصفاقسي",
)
AR_PAPERS = (
    "صحيفة \"الخبر\"", "صحيفة \"الشروق\"", "صحيفة \"الأهرام\"", "صحيفة \"الشرق الأوسط\"", "صحيفة \"هسبريس\" الإلكترونية",
    "صحيفة \"واشنطن بوست\"", "صحيفة \"لوموند\"", "وكالة الأنباء الرسمية",
)
AR_FESTIVALS = (
    "مهرجان قرطاج السينمائي", "مهرجان مراكش الدولي للفيلم", "معرض الجزائر الدولي للكتاب", "معرض القاهرة الدولي للكتاب",
    "مهرجان جرش للثقافة والفنون", "مهرجان بعلبك الدولية", "مهرجان وهران للفيلم العربي", "معرض الرياض الدولي للكتاب",
)
AR_PRIZES = ("الجائزة العالمية للرواية العربية", "جائزة الشيخ زايد للكتاب", "جائزة نجيب محفوظ للأدب", "جائزة كتارا للرواية العربية")
AR_NOVELS = ("ظلال المدينة", "رمل الجنوب", "ذاكرة البحر", "بيت على الحدود", "خريف الياسمين", "سماء بلا نجوم", "الطريق إلى سرت")
AR_SITES = ("مدينة غدامس القديمة", "قصبة الجزائر", "مدينة فاس العتيقة", "موقع قرطاج الأثري", "مدينة شبام التاريخية", "واحة سيوة")
AR_STADIUMS = ("ملعب 5 جويلية", "ملعب محمد الخامس", "ملعب رادس", "ملعب القاهرة الدولي", "ملعب خليفة الدولي", "ملعب الملك فهد الدولي")
AR_CURRENCIES = ("الدينار الجزائري", "الجنيه المصري", "الليرة التركية", "الدرهم المغربي", "الدينار التونسي", "الليرة اللبنانية", "الدينار الليبي")
AR_TOWNS = ("أبو قرين", "بن جواد", "الهراوة", "عين أميناس", "بن قردان", "القصرين")
AR_MONEY = ("دولار", "دولار", "دولار", "يورو", "دينار", "درهم", "جنيه", "ريال")

AR_MONTHS = {
    "msa": ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "lev": ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"),
    "dz": ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "ma": ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"),
}
AR_MONTH_FAMILIES = ("msa", "lev", "levdual", "dz", "ma")
AR_HIJRI_MONTHS = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
AR_DAYPARTS = ("صباح", "مساء", "ظهر", "فجر", "ليلة")
AR_AGO = ("منذ يومين", "منذ ثلاثة أيام", "منذ أربعة أيام", "منذ خمسة أيام", "منذ أسبوع", "منذ أسبوعين", "منذ ثلاثة أسابيع",
          "منذ شهر", "منذ شهرين", "منذ ستة أشهر", "منذ عام", "منذ عامين", "قبل يومين", "قبل ثلاثة أيام", "قبل أسبوع",
          "قبل نحو شهر", "منذ 3 أيام", "قبل 10 أيام")
AR_REL_PAST = ("أمس", "أمس", "أمس الأول", "اليوم", "صباح اليوم", "مساء أمس", "الأسبوع الماضي", "الأسبوع الماضي", "الشهر الماضي",
               "خلال الأيام القليلة الماضية", "نهاية الأسبوع الماضي", "مطلع الشهر الجاري", "العام الماضي", "خلال الساعات الـ24 الماضية")
AR_REL_FUTURE = ("غدا", "بعد غد", "الأسبوع المقبل", "الأسبوع القادم", "الشهر المقبل", "مطلع العام المقبل", "خلال الأيام المقبلة",
                 "نهاية الشهر الجاري", "في غضون أسبوعين")
AR_DURATIONS_DAYS = ("يومين", "ثلاثة أيام", "أربعة أيام", "خمسة أيام", "أسبوع", "عشرة أيام", "أسبوعين")
AR_DURATIONS_MONTHS = ("ستة أشهر", "ثلاثة أشهر", "عام كامل", "12 شهرا", "شهرين", "تسعة أشهر")
AR_DURATIONS_YEARS = ("عامين", "ثلاث سنوات", "خمس سنوات", "عقد من الزمن", "أكثر من 20 عاما", "سبع سنوات", "أربعة أعوام")
AR_DURATIONS_WEEKS = ("أسبوعين", "ثلاثة أسابيع", "ستة أسابيع", "شهرين", "عشرة أيام")
AR_QUARTERS = ("الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع")
AR_HALVES = ("النصف الأول", "النصف الثاني")
AR_CENTURIES = ("الثالث قبل الميلاد", "الثاني الميلادي", "الثاني عشر الميلادي", "السادس الهجري", "العاشر الهجري", "التاسع عشر")
AR_RACES = (("سباق 1500 متر", "3 دقائق و{a} ثانية", 28, 36), ("سباق 10 آلاف متر", "27 دقيقة و{a} ثانية", 11, 59),
            ("سباق الماراثون", "ساعتين و{a} دقائق", 5, 9), ("سباق 800 متر", "دقيقة و{a} ثانية", 43, 47))
AR_THEATERS = ("المسرح الوطني", "دار الأوبرا", "المسرح البلدي", "قصر الثقافة")

# Sentence templates: (topic, text). Verb slots {v:m|f}, {v2:m|f}, {vo:m|f}, {vc:m|f} agree with the
# sentence's person, second person, organization and country. "{x:ب}" attaches a clitic to the value.
AR_TEMPLATES = (
    # politics
    ("pol", "{v:وأكد|وأكدت} {person} {when} أن {country} ترفض أي تدخل عسكري في شؤون {country2} وتدعم الحل السياسي عبر الحوار."),
    ("pol", "{v:وقال|وقالت} {person} في مؤتمر صحفي عقده {when} {city:ب} إن المفاوضات مع {country2} بلغت مرحلة حاسمة."),
    ("pol", "{v:واستقبل|واستقبلت} {person} {when} {city:ب} وفدا رفيع المستوى من {country2} برئاسة {person2}."),
    ("pol", "وبحث الجانبان خلال اللقاء سبل تعزيز التعاون الثنائي في المجالات الأمنية والاقتصادية، إضافة إلى تطورات الأوضاع في {country}."),
    ("pol", "ومن المنتظر أن {v:يزور|تزور} {person} {city2} {future} للمشاركة في اجتماعات {org}."),
    ("pol", "{vo:وأعلن|وأعلنت} {org} في بيان صدر {when} {vo:أنه سيعقد|أنها ستعقد} اجتماعا طارئا {city:ب} لبحث الأزمة."),
    ("pol", "وجددت السلطات {nisbaf} موقفها الثابت من الأزمة، داعية جميع الأطراف إلى ضبط النفس وتغليب لغة الحوار."),
    ("pol", "{v:ووصل|ووصلت} {person} إلى {city} {when} في زيارة رسمية تستغرق {days}، {v:يلتقي|تلتقي} خلالها عددا من كبار المسؤولين."),
    ("pol", "وكان مجلس الأمن الدولي قد صوت {when} على قرار يمدد مهمة البعثة الأممية في {country} لمدة {months}."),
    ("pol", "وتأتي هذه التصريحات بعد أيام من انعقاد القمة العربية {city:ب}، التي شارك فيها ممثلو {count:12-22:دولة|دول|دولة} عربية."),
    ("pol", "ويرى مراقبون أن الانتخابات المقررة في {month_year} ستكون اختبارا حقيقيا لشعبية الحكومة {nisbaf}."),
    ("pol", "وأفادت مصادر دبلوماسية {paper:ل} بأن {country} و{country2} تقتربان من توقيع اتفاق شامل قبل نهاية {year}."),
    ("pol", "وصادق البرلمان {nisba} {when} على مشروع قانون المالية لسنة {year} بأغلبية {count:150-320:صوت|أصوات|صوتا}."),
    ("pol", "{v:واعتبر|واعتبرت} {person} أن تشكيل حكومة وحدة وطنية في {country} خطوة أساسية نحو الاستقرار."),
    ("pol", "وشارك في الاجتماع، الذي انعقد {city:ب} {when}، وزراء خارجية {country} و{country2} و{country3}."),
    ("pol", "وعادت العلاقات بين {country} و{country2} إلى مسارها الطبيعي بعد قطيعة دامت {years}."),
    ("pol", "وحرر {city:ب} يوم {hijri_full}."),
    ("pol", "وكانت {country} أول بلد عربي يرسل وزيرا إلى {city} بعد تنصيب الحكومة الجديدة في {month_year}."),
    ("pol", "{v:وأجرى|وأجرت} {person} {when} زيارة {city:ل} استغرقت {days}، {v:التقى|التقت} خلالها {person2}."),
    ("pol", "{v:وجدد|وجددت} {person} دعم {v:بلاده|بلادها} {country2:ل} في مواجهة الإرهاب، وفق ما نقلته {paper}."),
    ("pol", "{v:وشدد|وشددت} {person} على أن {v:بلاده|بلادها} تتابع عن كثب تطورات المشهد الأمني {country:ب} {ago}."),
    # security
    ("sec", "وأعلنت وزارة الدفاع {nisbaf} {when} مقتل {count:3-40:مسلح|مسلحين|مسلحا} في عملية عسكرية قرب الحدود مع {country2}."),
    ("sec", "وتقع المنطقة على بعد {km} جنوب مدينة {city} {cityadj}، وتعد ممرا رئيسيا لتهريب الأسلحة."),
    ("sec", "وأحبطت قوات الأمن {when} محاولة تهريب {kg} من المخدرات عبر ميناء {city}."),
    ("sec", "وقالت مصادر أمنية إن الهجوم وقع {when} على بعد {km} شرق {city}، وأسفر عن سقوط {count:3-30:جريح|جرحى|جريحا}."),
    ("sec", "ولا يزال التنظيم يسيطر على {pct} من أراضي المنطقة منذ {month_year}."),
    ("sec", "وتمكن التنظيم {ago} من السيطرة على بلدة {town} التي تبعد بحوالي {km} غرب {city}."),
    ("sec", "{v:وأوضح|وأوضحت} {person} أن وحدات الجيش نفذت {count:11-60:طلعة|طلعات|طلعة} جوية خلال {days}."),
    ("sec", "ونشرت السلطات نحو {count:3-9:آلاف|آلاف|آلاف} جندي على طول الحدود الممتدة على {km} مع {country2}."),
    # economy
    ("econ", "وسجل الاقتصاد {nisba} نموا بنسبة {pct:0.5-7} خلال {quarter}، حسب أرقام نشرها {org_econ} {when}."),
    ("econ", "وارتفع معدل التضخم في {country} إلى {pct:1-35} في {month_year} مقارنة بـ{pct:1-35} في الشهر نفسه من العام الماضي."),
    ("econ", "وأعلنت {company} عن أرباح صافية بلغت {money} في {quarter}، بزيادة {pct} على أساس سنوي."),
    ("econ", "ووقعت {country} و{country2} {when} اتفاقية لإنشاء خط أنابيب للغاز بطول {km} وبتكلفة تقدر بـ{money:big}."),
    ("econ", "وبلغ إنتاج {country} من النفط الخام {barrels} خلال {month_year}، وهو أعلى مستوى منذ {year}."),
    ("econ", "وقرر البنك المركزي {nisba} {when} رفع سعر الفائدة الرئيسي بمقدار {bp} نقطة أساس إلى {pct:1-27}."),
    ("econ", "{vc:ويصدر|وتصدر} {country} نحو {pct:20-70} من {vc:إنتاجه|إنتاجها} من الغاز {country2:ل} عبر أنبوب يمتد على {km}."),
    ("econ", "وتراجع سعر صرف {currency} أمام الدولار بنسبة {pct} منذ مطلع العام."),
    ("econ", "{vo:ويتوقع|وتتوقع} {org_econ} أن يبلغ عجز الموازنة {pct:1-14} من الناتج المحلي الإجمالي في {year}."),
    ("econ", "وبلغت قيمة الصادرات {nisbaf} من الفوسفات {money} في {year}، أي ما يعادل {tons}."),
    ("econ", "{v:وقال|وقالت} {person} إن الحكومة تعتزم استثمار {money:big} في مشاريع للطاقة الشمسية بقدرة {mw} بحلول عام {year_future}."),
    ("econ", "وأغلق المؤشر الرئيسي لبورصة {city} {when} على ارتفاع بنسبة {pct} عند {count:4000-15000:نقطة|نقاط|نقطة}."),
    ("econ", "وتستورد {country} نحو {tons} من القمح سنويا، معظمها من {country2}."),
    ("econ", "ووفق المعهد الوطني للإحصاء، بلغت نسبة البطالة {pct:3-30} في {quarter}."),
    ("econ", "وافتتحت {company} {when} مصنعا جديدا {city:ب} على مساحة {area} بطاقة إنتاجية تبلغ {tons} سنويا."),
    ("econ", "وارتفعت أسعار الخضر والفواكه في أسواق {city} بنسبة {pct} خلال شهر رمضان، حيث بلغ سعر الكيلوغرام من الطماطم {price}."),
    ("econ", "وتراجع عدد السياح الوافدين إلى {country} بنسبة {pct} في {half} من {year}."),
    # sport
    ("sport", "وفاز {team} على ضيفه {team2} بنتيجة {score} {when} ضمن الجولة الـ{n:1-30} من الدوري."),
    ("sport", "وسجل المهاجم {player} هدف الفوز في الدقيقة {minute} من ركلة جزاء."),
    ("sport", "ويحتل {team} صدارة الترتيب برصيد {count:20-70:نقطة|نقاط|نقطة}، متقدما بفارق {count:3-9:نقطة|نقاط|نقطة} عن أقرب ملاحقيه."),
    ("sport", "{v:وأعلن|وأعلنت} {person} {when} قائمة تضم {count:23-28:لاعب|لاعبين|لاعبا} استعدادا لمواجهة منتخب {country2} {future} {city:ب}."),
    ("sport", "ويحتضن {stadium} المباراة النهائية {future} بحضور أكثر من {crowd}."),
    ("sport", "وحطم العداء {player} الرقم القياسي الوطني في {race}."),
    ("sport", "وتعرض {player} لإصابة على مستوى الركبة ستبعده عن الملاعب لمدة {weeks}."),
    ("sport", "وتأهل المنتخب {nisba} إلى نهائيات كأس الأمم الأفريقية للمرة الـ{n:2-19} في تاريخه."),
    ("sport", "وحصدت البعثة {nisbaf} {count:3-40:ميدالية|ميداليات|ميدالية} في دورة الألعاب العربية التي احتضنتها {city} {when}."),
    ("sport", "وتعاقد {team} مع المدرب {player} لمدة {years} مقابل {money:small} سنويا."),
    ("sport", "ونفدت تذاكر مباراة الديربي بين {team} و{team2} في أقل من {hours}."),
    # weather
    ("weather", "وتوقعت مصالح الأرصاد الجوية أن تصل درجات الحرارة إلى {temp} في المناطق الجنوبية من {country} {future}."),
    ("weather", "وشهدت {city} {when} تساقطات مطرية غزيرة بلغت {rain} خلال {hours}."),
    ("weather", "وأدت الفيضانات إلى قطع الطريق الرابط بين {city} و{city2} على طول {km}."),
    ("weather", "وحذرت مصالح الأرصاد من رياح قوية قد تتجاوز سرعتها {speed} على السواحل {nisbaf}."),
    ("weather", "وسجلت محطة {city} {when} أدنى درجة حرارة هذا الشتاء بلغت {cold}."),
    ("weather", "وضرب زلزال بقوة {magnitude} درجات على مقياس ريختر منطقة تقع على بعد {km} شمال {city} {when}."),
    ("weather", "وتسببت موجة الحر في انقطاع التيار الكهربائي عن أكثر من {thousands} منزل {city:ب} وضواحيها."),
    ("weather", "وبلغت نسبة امتلاء السدود في {country} {pct} حتى {day_month}، مقابل {pct} في الفترة نفسها من العام الماضي."),
    ("weather", "وتساقطت الثلوج على المرتفعات التي يزيد علوها عن {meters} {when} لأول مرة منذ {years}."),
    # health
    ("health", "وأعلنت وزارة الصحة {nisbaf} {when} تسجيل {count:3-90:إصابة|إصابات|إصابة} جديدة بالحصبة في {city}."),
    ("health", "وأطلقت منظمة الصحة العالمية {when} حملة تطعيم تستهدف {kids} دون سن الخامسة في {country}."),
    ("health", "ويعاني نحو {pct:5-25} من البالغين في {country} من داء السكري، وفق دراسة نشرتها {university} {when}."),
    ("health", "{v:وافتتح|وافتتحت} {person} {when} مستشفى جامعيا جديدا {city:ب} بسعة {count:120-600:سرير|أسرة|سريرا} وبتكلفة بلغت {money:big}."),
    ("health", "{v:وأكد|وأكدت} {person} أن مخزون اللقاحات يكفي لمدة {months}، {v:نافيا|نافية} وجود أي نقص في الأدوية."),
    ("health", "وتراجع عدد الوفيات الناجمة عن حوادث المرور بنسبة {pct} خلال {year} مقارنة بالعام الذي سبقه."),
    ("health", "وأوصى الأطباء بشرب ما لا يقل عن {liters} من الماء يوميا خلال فترات الحر الشديد."),
    ("health", "واستقبلت مستشفيات {city} {count:11-200:حالة|حالات|حالة} ضربة شمس منذ يوم {weekday} الماضي."),
    # culture
    ("culture", "وافتتحت {when} فعاليات الدورة الـ{n:5-45} من {festival} بمشاركة {count:20-120:فيلم|أفلام|فيلما} من {count:11-40:دولة|دول|دولة}."),
    ("culture", "{v:وفاز|وفازت} {person} {prize:ب} عن {v:روايته|روايتها} \"{novel}\" الصادرة {when}."),
    ("culture", "واستقطب المعرض أكثر من {thousands} زائر خلال {days}، حسب المنظمين."),
    ("culture", "ويعرض المتحف الوطني {city:ب} {count:300-2000:قطعة|قطع|قطعة} أثرية يعود تاريخ بعضها إلى القرن {century}."),
    ("culture", "وأدرجت منظمة اليونسكو {when} {site} على قائمة التراث العالمي."),
    ("culture", "وتقام الحفلة {future} على خشبة {theater} {city:ب}، ويبلغ سعر التذكرة {price}."),
    ("culture", "وبيعت لوحة للفنان {player} بمبلغ {money:small} في مزاد علني أقيم {city:ب} {when}."),
    ("culture", "ويصادف افتتاح المعرض {hijri_full}، تزامنا مع الاحتفالات الدينية."),
    # any topic
    ("any", "ويأتي ذلك في وقت تشهد فيه المنطقة توترا متزايدا منذ {month_year}."),
    ("any", "وتبلغ مساحة {country} نحو {area_km2}، ويقطنها أكثر من {population}."),
    ("any", "وأشار التقرير إلى أن {pct} من سكان {city} يعيشون على بعد أقل من {km} من البحر."),
    ("any", "ونقلت {paper} عن مصدر مسؤول قوله إن القرار سيدخل حيز التنفيذ {future}."),
    ("any", "وكانت الحكومة قد أعلنت {ago} عن خطة تمتد إلى غاية {year_future} بقيمة {money:big}."),
    ("any", "وتعود آخر زيارة من هذا المستوى إلى {date_full}."),
    ("any", "ويصادف هذا الحدث {hijri} حسب التقويم الرسمي."),
    # direct speech (drawn for any document, about its topic)
    ("quote", "{v:وقال|وقالت} {person} في تصريح لوكالة الأنباء {nisbaf}: \"{quote}\"."),
    ("quote", "{v:وأضاف|وأضافت} {name}: \"{quote}\"."),
    ("quote", "\"{quote}\"، {v:يقول|تقول} {person}."),
    ("quote", "{v:وتابع|وتابعت} {name} أمام الصحفيين {city:ب} {when}: \"{quote}\"."),
    ("quote", "{v:وصرح|وصرحت} {person} {paper:ل} {v:قائلا|قائلة}: \"{quote}\"."),
)

AR_QUOTES = {
    "pol": ("نحن ندعم كل المبادرات التي تحفظ وحدة {country} وسيادتها", "لا حل عسكريا للأزمة، والحوار هو الطريق الوحيد",
            "سنواصل التنسيق مع شركائنا في {country2} و{country3} لمواجهة الإرهاب", "الوضع في المنطقة الحدودية يبعث على القلق",
            "بلادنا لن تتدخل في الشؤون الداخلية لأي دولة"),
    "sec": ("قواتنا تسيطر على الوضع بشكل كامل", "العملية مستمرة حتى تطهير المنطقة من الجماعات المسلحة",
            "تم توقيف {count:3-20:مشتبه|مشتبهين|مشتبها} بهم وحجز كميات من الأسلحة"),
    "econ": ("نتوقع أن تتجاوز نسبة النمو {pct:1-6} العام المقبل", "الاستثمار في الطاقات المتجددة خيار استراتيجي لا رجعة فيه",
             "الإصلاحات الجارية ستخلق أكثر من {thousands} منصب شغل", "الأسعار ستعود إلى الاستقرار قبل {future_short}"),
    "sport": ("اللاعبون قدموا مباراة كبيرة ونستحق الفوز", "هدفنا هو التتويج باللقب هذا الموسم", "المنافس قوي لكننا جاهزون",
              "الجمهور كان اللاعب رقم 12 اليوم"),
    "weather": ("ننصح المواطنين بتجنب التنقل خلال ساعات الذروة", "الوضع تحت السيطرة وفرق الإنقاذ منتشرة في كل الأحياء",
                "كميات الأمطار المسجلة هي الأعلى منذ {year}"),
    "health": ("لا داعي للهلع، فالحالات المسجلة تحت المراقبة", "التطعيم هو السلاح الأنجع ضد هذا المرض",
               "سنوفر {count:11-90:سيارة|سيارات|سيارة} إسعاف جديدة قبل نهاية العام"),
    "culture": ("الثقافة جسر للتواصل بين الشعوب", "هذه الجائزة تكريم للأدب {nisba} كله", "المهرجان أصبح موعدا ثابتا لعشاق السينما"),
}

AR_HEADLINES = (
    ("pol", "{country} {vc:يدعو|تدعو} إلى حل سياسي للأزمة في {country2}"),
    ("pol", "{person} {v:يزور|تزور} {city} لبحث التعاون الأمني"),
    ("pol", "المجموعة الدولية تبدي استعدادها لتخفيف الحظر على تصدير الأسلحة إلى {country}"),
    ("pol", "قمة عربية {city:ب} {future} لبحث الأوضاع في {country}"),
    ("pol", "انتخابات {month_year}: {country} أمام اختبار صعب"),
    ("sec", "تنظيم داعش يتقدم نحو {city} والقوات {nisbaf} تستنفر"),
    ("sec", "مقتل {count:3-40:مسلح|مسلحين|مسلحا} في عملية عسكرية قرب الحدود مع {country2}"),
    ("econ", "ارتفاع التضخم في {country} إلى {pct:1-35}"),
    ("econ", "{company} تعلن أرباحا بقيمة {money}"),
    ("econ", "البنك المركزي {nisba} يرفع سعر الفائدة إلى {pct:1-27}"),
    ("econ", "اتفاق بين {country} و{country2} لمد أنبوب غاز بطول {km}"),
    ("econ", "تراجع البطالة في {country} إلى {pct:3-30} خلال {quarter}"),
    ("sport", "{team} يفوز على {team2} ويعزز صدارته"),
    ("sport", "المنتخب {nisba} يتأهل إلى نهائيات كأس الأمم الأفريقية"),
    ("weather", "موجة حر غير مسبوقة تضرب {country} والحرارة تتجاوز {temp}"),
    ("weather", "فيضانات {city} تخلف {count:3-40:قتيلا|قتلى|قتيلا} وخسائر بملايين الدولارات"),
    ("weather", "زلزال بقوة {magnitude} درجات يضرب شمال {country}"),
    ("weather", "أمطار غزيرة تغرق شوارع {city} وتشل حركة النقل"),
    ("health", "منظمة الصحة العالمية تحذر من انتشار الحصبة في {country}"),
    ("health", "حملة تطعيم واسعة تستهدف {kids} في {country}"),
    ("culture", "افتتاح الدورة الـ{n:5-45} من {festival}"),
    ("culture", "{name} {v:يفوز|تفوز} {prize:ب}"),
    ("culture", "اليونسكو تدرج {site} على قائمة التراث العالمي"),
    ("any", "{person}: \"{quote}\""),
)


# --------------------------------------------------------------------------------------------
# English data
# --------------------------------------------------------------------------------------------

# (name, adjective)
EN_COUNTRIES = (
    ("Algeria", "Algerian"), ("Libya", "Libyan"), ("Tunisia", "Tunisian"), ("Morocco", "Moroccan"), ("Egypt", "Egyptian"),
    ("Mauritania", "Mauritanian"), ("Sudan", "Sudanese"), ("Saudi Arabia", "Saudi"), ("the United Arab Emirates", "Emirati"),
    ("Qatar", "Qatari"), ("Kuwait", "Kuwaiti"), ("Bahrain", "Bahraini"), ("Oman", "Omani"), ("Yemen", "Yemeni"),
    ("Jordan", "Jordanian"), ("Lebanon", "Lebanese"), ("Syria", "Syrian"), ("Iraq", "Iraqi"), ("Iran", "Iranian"),
    ("Turkey", "Turkish"), ("France", "French"), ("Germany", "German"), ("Italy", "Italian"), ("Spain", "Spanish"),
    ("the United States", "U.S."), ("Russia", "Russian"), ("China", "Chinese"), ("Japan", "Japanese"), ("Niger", "Nigerien"),
    ("Mali", "Malian"), ("Chad", "Chadian"), ("Britain", "British"), ("Austria", "Austrian"), ("Brazil", "Brazilian"),
    ("India", "Indian"), ("Georgia", "Georgian"),
)
EN_CITIES = (
    ("Tripoli", "Libya"), ("Benghazi", "Libya"), ("Misrata", "Libya"), ("Sirte", "Libya"), ("Algiers", "Algeria"),
    ("Oran", "Algeria"), ("Constantine", "Algeria"), ("Tunis", "Tunisia"), ("Sfax", "Tunisia"), ("Sousse", "Tunisia"),
    ("Rabat", "Morocco"), ("Casablanca", "Morocco"), ("Marrakesh", "Morocco"), ("Fez", "Morocco"), ("Tangier", "Morocco"),
    ("Cairo", "Egypt"), ("Alexandria", "Egypt"), ("Aswan", "Egypt"), ("Khartoum", "Sudan"), ("Nouakchott", "Mauritania"),
    ("Riyadh", "Saudi Arabia"), ("Jeddah", "Saudi Arabia"), ("Dubai", "the United Arab Emirates"),
    ("Abu Dhabi", "the United Arab Emirates"), ("Doha", "Qatar"), ("Muscat", "Oman"), ("Manama", "Bahrain"),
    ("Amman", "Jordan"), ("Beirut", "Lebanon"), ("Damascus", "Syria"), ("Aleppo", "Syria"), ("Baghdad", "Iraq"),
    ("Basra", "Iraq"), ("Mosul", "Iraq"), ("Erbil", "Iraq"), ("Gaza", ""), ("Ramallah", ""), ("Sanaa", "Yemen"),
    ("Aden", "Yemen"), ("Tehran", "Iran"), ("Istanbul", "Turkey"), ("Ankara", "Turkey"), ("Paris", "France"),
    ("London", "Britain"), ("Berlin", "Germany"), ("Rome", "Italy"), ("Madrid", "Spain"), ("Vienna", "Austria"),
    ("Geneva", ""), ("Moscow", "Russia"), ("Washington", "the United States"), ("New York", "the United States"),
    ("Beijing", "China"), ("Tokyo", "Japan"), ("Brussels", ""), ("Niamey", "Niger"), ("Bamako", "Mali"), ("Tbilisi", "Georgia"),
)
# Places that share a name with a better-known one.
EN_TWINS = (
    ("Paris", "Texas"), ("Alexandria", "Virginia"), ("Cairo", "Illinois"), ("Athens", "Georgia"), ("Memphis", "Tennessee"),
    ("Lebanon", "New Hampshire"), ("Damascus", "Maryland"), ("Toledo", "Ohio"), ("London", "Ontario"), ("Tripoli", "Lebanon"),
    ("Moscow", "Idaho"), ("Berlin", "New Hampshire"), ("Rome", "Georgia"), ("Mecca", "California"), ("Medina", "Ohio"),
    ("Jordan", "Minnesota"),
)
# (first, last, gender). Invented, except Mark Toner (the seed article's U.S. spokesman).
EN_PEOPLE = (
    ("Mark", "Toner", "m"), ("Karim", "Haddad", "m"), ("Amina", "Belkacem", "f"), ("Samir", "Ben Ammar", "m"),
    ("Youssef", "Cherif", "m"), ("Khaled", "Mansouri", "m"), ("Laila", "Sabbagh", "f"), ("Nadia", "Bouazza", "f"),
    ("Omar", "Suwaidi", "m"), ("Faisal", "Otaibi", "m"), ("Rachid", "Benaissa", "m"), ("Nabil", "Kasmi", "m"),
    ("Tarek", "Hammadi", "m"), ("Hisham", "Fassi", "m"), ("Ibrahim", "Dabbagh", "m"), ("Mourad", "Boualem", "m"),
    ("Salim", "Khatib", "m"), ("Walid", "Najjar", "m"), ("Mariam", "Kaabi", "f"), ("Rania", "Ayoubi", "f"),
    ("Salma", "Dridi", "f"), ("Khadija", "Omari", "f"), ("Sarah", "Marzouqi", "f"), ("Peter", "Schultz", "m"),
    ("Jean-Luc", "Martin", "m"), ("Nathalie", "Dubois", "f"), ("Emily", "Carter", "f"), ("James", "Whitaker", "m"),
    ("Daniel", "Okafor", "m"), ("Maria", "Gonzalez", "f"), ("Hans", "Becker", "m"), ("Luca", "Bianchi", "m"),
    ("Anna", "Kowalski", "f"), ("Robert", "Hayes", "m"), ("Susan", "Miller", "f"), ("Thomas", "Reed", "m"),
    ("Kenji", "Watanabe", "m"), ("Wei", "Li", "m"), ("Priya", "Nair", "f"), ("Jordan", "Phillips", "m"),
    ("Georgia", "Evans", "f"), ("Florence", "Adeyemi", "f"), ("Chelsea", "Morgan", "f"), ("Adam", "Sidi", "m"),
)
EN_TITLES = {
    "pol": ("President", "Prime Minister", "Foreign Minister", "{adj} Foreign Minister", "Interior Minister",
            "Deputy State Department spokesman", "government spokesman", "U.N. envoy", "Ambassador", "Sen.", "Mayor"),
    "sec": ("Gen.", "Col.", "Defense Minister", "police spokesman", "{adj} army spokesman"),
    "econ": ("Finance Minister", "Energy Minister", "Central Bank Governor", "economist", "Chief Executive", "Trade Minister"),
    "sport": ("coach", "Sports Minister", "national team coach", "club president", "captain"),
    "weather": ("meteorologist", "civil protection chief", "Gov.", "climate scientist"),
    "health": ("Health Minister", "Dr.", "epidemiologist", "WHO representative"),
    "culture": ("Culture Minister", "novelist", "festival director", "curator", "director"),
}
EN_ORGS = (
    "the State Department", "the Foreign Ministry", "the Government of National Accord", "the Arab League", "the African Union",
    "the European Union", "the U.N. Security Council", "the United Nations", "the Organization of Islamic Cooperation",
    "the U.N. refugee agency", "the Red Crescent", "Amnesty International", "the U.N. Support Mission in Libya",
)
EN_ORGS_ECON = (
    "the International Monetary Fund", "the World Bank", "OPEC", "the national statistics office", "the central bank",
    "the Finance Ministry", "the African Development Bank",
)
EN_COMPANIES = (
    "Atlas Airways", "Nakhil Telecom", "Mediterranean Cement Co.", "Sahel Holdings", "Sahara Petroleum Corp.",
    "Oasis Foods", "Gulf Shipping Lines", "Euphrates Investment Group", "Maghreb Phosphates", "Delta Logistics",
)
EN_BANKS = ("Gulf Capital Partners", "Medina Securities", "Atlas Research", "Crescent Asset Management")
EN_UNIVERSITIES = (
    "Cairo University", "Mohammed V University", "the University of Algiers", "the American University of Beirut",
    "the University of Tunis El Manar", "King Saud University", "Qatar University", "the University of Baghdad",
)
EN_TEAMS = (
    "Wydad Casablanca", "Raja Casablanca", "Esperance de Tunis", "Club Africain", "Etoile du Sahel", "Al Ahly", "Zamalek",
    "Al Hilal", "Al Nassr", "ES Setif", "USM Alger", "Al Merrikh", "CS Sfaxien", "Manchester City", "Olympique de Marseille",
)
EN_PAPERS = ("The Washington Post", "Le Monde", "Al-Ahram", "Asharq Al-Awsat", "El Khabar", "the Financial Times", "state television")
EN_FESTIVALS = ("Carthage Film Festival", "Marrakech International Film Festival", "Cairo International Book Fair",
                "Algiers International Book Fair", "Jerash Festival of Culture and Arts", "Baalbeck International Festival")
EN_PRIZES = ("International Prize for Arabic Fiction", "Sheikh Zayed Book Award", "Naguib Mahfouz Medal for Literature", "Katara Prize for Arabic Novel")
EN_NOVELS = ("Shadows of the City", "Southern Sand", "Memory of the Sea", "A House on the Border", "Jasmine Autumn", "The Road to Sirte")
EN_SITES = ("the old town of Ghadames", "the Casbah of Algiers", "the medina of Fez", "the archaeological site of Carthage",
            "the old walled city of Shibam", "the Siwa Oasis")
EN_STADIUMS = ("the July 5 Stadium", "Mohammed V Stadium", "Rades Stadium", "Cairo International Stadium", "Khalifa International Stadium")
EN_THEATERS = ("National Theater", "Opera House", "Municipal Theater", "Palace of Culture")
EN_CURRENCIES = ("Algerian dinar", "Egyptian pound", "Turkish lira", "Moroccan dirham", "Tunisian dinar", "Lebanese pound", "Libyan dinar")
EN_TOWNS = ("Abu Qurayn", "Ben Jawad", "Harawa", "In Amenas", "Ben Guerdane", "Kasserine")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
EN_MONTHS_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
EN_AGO = ("three days ago", "two days ago", "four days ago", "a week ago", "two weeks ago", "a month ago", "six months ago",
          "a year ago", "10 days ago", "two years ago", "three weeks ago")
EN_REL_PAST = ("last week", "last month", "earlier this month", "earlier this week", "yesterday", "this morning", "late last year",
               "over the weekend", "last year")
EN_REL_FUTURE = ("next week", "next month", "later this year", "in the coming days", "early next year", "by the end of the month",
                 "tomorrow", "within two weeks")
EN_DAYS = ("two days", "three days", "four days", "five days", "a week", "10 days", "two weeks")
EN_MONTHS_DUR = ("six months", "three months", "a year", "12 months", "two months", "nine months")
EN_YEARS_DUR = ("two years", "three years", "five years", "a decade", "more than 20 years", "seven years", "four years")
EN_WEEKS_DUR = ("two weeks", "three weeks", "six weeks", "two months", "10 days")
EN_QUARTERS = ("first", "second", "third", "fourth")
EN_CENTURIES = ("third century B.C.", "second century A.D.", "12th century", "16th century", "19th century")
EN_RACES = (("1,500 meters", "3 minutes {n:28-36}.{n:10-99} seconds"), ("10,000 meters", "27:{n:10-59}.{n:10-99}"),
            ("marathon", "2 hours {n:5-12} minutes"), ("800 meters", "1:{n:43-47}.{n:10-99}"))

EN_TEMPLATES = (
    # politics
    ("pol", "{person} said {when} that {country} would not support any military intervention in {country2}."),
    ("pol", "{person} met {person2} in {city} {when} to discuss border security and the situation in {country2}."),
    ("pol", "The talks, held in {city} {when}, were the first direct contact between the two governments since {month_year}."),
    ("pol", "{mr} told reporters that a unified government in {country} was \"an essential step\" toward stability."),
    ("pol", "Deputy State Department spokesman Mr. Mark Toner said the United States was in contact with the {adj} government about the threat posed by Islamic State militants in {country2}."),
    ("pol", "The United Nations Security Council voted {when} to extend the mandate of its mission in {country} by {months}."),
    ("pol", "Lawmakers in {city} approved the {year} budget by a vote of {n:150-300} to {n:20-140}."),
    ("pol", "Diplomats said a meeting of Arab League foreign ministers would take place in {city} {future}."),
    ("pol", "Elections are scheduled for {month_year}, though opposition parties have threatened a boycott."),
    ("pol", "{country_poss} Foreign Ministry said in a statement {when} that it had summoned the {adj2} ambassador."),
    ("pol", "{mr} is expected to travel to {city2} {future} for meetings with officials from {org}."),
    ("pol", "In {poss} old city, residents said they had heard little about the negotiations."),
    ("pol", "The conference, held in {twin}, {when}, drew delegates from {count:12-60:country|countries}."),
    ("pol", "Relations between {country} and {country2} were restored {when} after a rupture that lasted {years}."),
    ("pol", "{org} said in a statement {when} that it would convene an emergency meeting in {city}."),
    ("pol", "{person:appos} told {paper} that talks with {country2} would resume {future}."),
    # security
    ("sec", "Security forces killed {count:3-40:militant|militants} in a raid about {km} south of {city} {when}, the {adj} Defense Ministry said."),
    ("sec", "Islamic State fighters have controlled parts of {city} since {month_year}, according to local officials."),
    ("sec", "The attack took place {when} at a checkpoint roughly {km} east of {poss} city center."),
    ("sec", "Customs officers seized {kg} of cocaine hidden in a shipping container at the port of {city} {when}."),
    ("sec", "At least {count:3-60:person was|people were} wounded in the blast, a hospital official in {city} said."),
    ("sec", "The group seized the strategic town of {town} {ago}, about {km} west of {city}."),
    ("sec", "{person} said the air force had carried out {count:11-60:strike|strikes} over {days}."),
    ("sec", "Some {n:2-9},000 troops have been deployed along the {km} border with {country2}."),
    # economy
    ("econ", "{country_poss} economy grew {pct:0.5-7} in {quarter}, according to figures published by {org_econ} {when}."),
    ("econ", "Inflation in {country} rose to {pct:1-35} in {month_year} from {pct:1-35} a year earlier."),
    ("econ", "{company} reported a net profit of {money} for {quarter}, up {pct} from the same period last year."),
    ("econ", "The central bank raised its benchmark interest rate by {bp} basis points to {pct:1-27} {when}."),
    ("econ", "{country} and {country2} signed a {money:big} deal {when} to build a {km_adj} gas pipeline."),
    ("econ", "Oil output reached {barrels} in {month_year}, the highest level since {year}."),
    ("econ", "The {currency} has lost {pct} of its value against the dollar since January."),
    ("econ", "The International Monetary Fund expects the budget deficit to narrow to {pct:1-14} of gross domestic product in {year}."),
    ("econ", "{company} opened a {money:big} factory outside {city} {when} with capacity to produce {tons} a year."),
    ("econ", "Unemployment fell to {pct:3-30} in {quarter}, the national statistics office said."),
    ("econ", "Shares in {company} jumped {pct} in early trading in {city} after the announcement."),
    ("econ", "The government plans to install {mw} of solar capacity by {year_future}, {mr} said."),
    ("econ", "{country} imports about {tons} of wheat a year, most of it from {country2}."),
    ("econ", "Analysts at {bank} said the figures pointed to a slowdown in {quarter}."),
    ("econ", "Tomato prices in {poss} markets climbed {pct} during Ramadan, to {price} a kilogram."),
    ("econ", "Tourist arrivals in {country} fell {pct} in the {half} of {year}."),
    # sport
    ("sport", "{team} beat {team2} {score} {when} to move {count:2-9:point|points} clear at the top of the table."),
    ("sport", "{player} scored the winner in the {minute} minute from the penalty spot."),
    ("sport", "{person} named a {n:23-28}-man squad {when} for the qualifier against {country2} in {city} {future}."),
    ("sport", "{player} broke the national record in the {race}."),
    ("sport", "The final will be played at {stadium} in {city} in front of an expected crowd of {crowd}."),
    ("sport", "{player} is expected to miss {weeks} with a knee injury."),
    ("sport", "{country} qualified for the Africa Cup of Nations for the {ordinal:2-19} time."),
    ("sport", "The {adj} delegation won {count:3-40:medal|medals} at the Arab Games in {city} {when}."),
    ("sport", "{team} signed coach {player} on a {years_adj} contract worth a reported {money:small} a year."),
    ("sport", "More than {thousands} runners took part in the {city} marathon {when}."),
    ("sport", "Tickets for the derby between {team} and {team2} sold out within {hours}, the club said."),
    # weather
    ("weather", "Temperatures are forecast to reach {temp} in the south of {country} {future}."),
    ("weather", "Heavy rain dumped {rain} on {city} in {hours} {when}, flooding streets and cutting power to thousands of homes."),
    ("weather", "The storm brought winds of up to {speed} along the {adj} coast."),
    ("weather", "A magnitude {magnitude} earthquake struck about {km} north of {city} {when}, the U.S. Geological Survey said."),
    ("weather", "Forecasters in {twin}, warned of freezing temperatures, with lows of {cold} expected overnight."),
    ("weather", "Reservoirs in {country} were {pct} full as of {day_month}, down from {pct} a year earlier."),
    ("weather", "The road between {city} and {city2} was closed for {km} after flash floods {when}."),
    ("weather", "Snow fell on ground above {meters} {when} for the first time in {years}."),
    ("weather", "A heat wave left more than {thousands} homes in and around {city} without electricity."),
    # health
    ("health", "The {adj} Health Ministry reported {count:3-90:new measles case|new measles cases} in {city} {when}."),
    ("health", "The World Health Organization launched a vaccination campaign {when} aimed at {kids} under the age of five in {country}."),
    ("health", "About {pct:5-25} of adults in {country} live with diabetes, according to a study published {when} by {university}."),
    ("health", "{person} opened a {n:120-600}-bed hospital in {city} {when}, built at a cost of {money:big}."),
    ("health", "Vaccine stocks are sufficient for {months}, {mr} said, denying any shortage of medicines."),
    ("health", "Road deaths fell {pct} in {year}, the ministry said, to {n:1200-4000} from {n:4100-6000}."),
    ("health", "Doctors at {poss} main hospital said they had treated {count:11-200:patient|patients} for heatstroke since {weekday}."),
    ("health", "The study followed {n:1200-90000} patients over {years}."),
    ("health", "{person:appos} said hospitals in {city} were operating at {pct} of capacity."),
    ("health", "Health officials recommended drinking at least {liters} of water a day during the heat wave."),
    # culture
    ("culture", "The {ordinal:5-45} edition of the {festival} opened {when} with {count:20-120:film|films} from {count:11-40:country|countries}."),
    ("culture", "{person} won the {prize} for {his} novel \"{novel}\", published {when}."),
    ("culture", "The book fair drew more than {thousands} visitors over {days}, organizers said."),
    ("culture", "The national museum in {city} displays {n:1200-9000} artifacts, some dating back to the {century}."),
    ("culture", "UNESCO added {site} to its World Heritage List {when}."),
    ("culture", "A painting by {player} sold for {money:small} at an auction in {city} {when}."),
    ("culture", "The concert will take place {future} at the {theater} in {city}, with tickets priced at {price}."),
    ("culture", "The exhibition runs until {date_future} at the Institut du Monde Arabe in Paris."),
    ("culture", "The festival opens on {hijri_en:dual}, organizers said."),
    # any topic
    ("any", "The region has been tense since {month_year}, when {count:11-90:person was|people were} killed in clashes."),
    ("any", "{country} covers about {area_km2} and has a population of {population}."),
    ("any", "The town lies {km} from the border with {country2}."),
    ("any", "Officials in {twin}, said they had received no warning."),
    ("any", "The decision was announced {when} in {poss} parliament building."),
    ("any", "The protests began {ago} in the center of {city}."),
    ("any", "The figures were first reported by {paper} {when}."),
    ("any", "The measure takes effect on {date_future}."),
    ("any", "Documents dated {numdate} and seen by {paper} show the plan was approved {ago}."),
    ("any", "The last visit at this level dates back to {date_full}."),
    # direct speech
    ("quote", "\"{quote},\" {person} said {when}."),
    ("quote", "\"{quote},\" {mr} told reporters in {city}."),
    ("quote", "{mr} added: \"{quote}.\""),
    ("quote", "\"{quote},\" said {person}."),
    ("quote", "Asked about {country2}, {mr} said: \"{quote}.\""),
)

EN_QUOTES = {
    "pol": ("We support every initiative that preserves the unity and sovereignty of {country}",
            "There is no military solution to this crisis, and dialogue is the only way forward",
            "We will keep coordinating with our partners in {country2} and {country3} to confront terrorism",
            "The situation along the border is deeply worrying", "Our country will not interfere in the internal affairs of any state"),
    "sec": ("Our forces are in full control of the situation", "The operation will continue until the area is cleared",
            "We arrested {count:3-20:suspect|suspects} and seized a large quantity of weapons"),
    "econ": ("We expect growth to exceed {pct:1-6} next year", "Investing in renewable energy is a strategic choice",
             "The reforms will create more than {thousands} jobs", "Prices will stabilize before {future_short}"),
    "sport": ("The players gave everything and we deserved to win", "Our goal is to win the title this season",
              "They are a strong side, but we are ready", "The fans were our 12th man today"),
    "weather": ("We advise people to avoid travel during rush hour", "The situation is under control and rescue teams are deployed in every district",
                "This is the heaviest rain we have recorded since {year}"),
    "health": ("There is no need to panic; every case is being monitored", "Vaccination is the best weapon against this disease",
               "We will bring in {count:11-90:new ambulance|new ambulances} before the end of the year"),
    "culture": ("Culture is a bridge between peoples", "This prize honors all of {adj} literature",
                "The festival has become a fixture for film lovers"),
}

EN_HEADLINES = (
    ("pol", "{country} calls for political solution to crisis in {country2}"),
    ("pol", "{person} visits {city} for security talks"),
    ("pol", "International community ready to ease arms embargo on {country}"),
    ("pol", "Arab leaders to meet in {city} {future} over {country}"),
    ("pol", "{month_year} election puts {country} to the test"),
    ("sec", "Islamic State advances toward {city} as {adj} forces mobilize"),
    ("sec", "{count:3-40:militant|militants} killed in raid near border with {country2}"),
    ("econ", "Inflation in {country} climbs to {pct:1-35}"),
    ("econ", "{company} posts {money} profit"),
    ("econ", "{adj} central bank raises rates to {pct:1-27}"),
    ("econ", "{country}, {country2} agree on {km_adj} gas pipeline"),
    ("econ", "Unemployment in {country} falls to {pct:3-30} in {quarter}"),
    ("sport", "{team} beat {team2} to extend lead"),
    ("sport", "{country} book place at Africa Cup of Nations"),
    ("weather", "Record heat wave grips {country} as temperatures top {temp}"),
    ("weather", "Floods in {city} kill {count:3-40:person|people}"),
    ("weather", "Magnitude {magnitude} quake shakes northern {country}"),
    ("health", "WHO warns of measles outbreak in {country}"),
    ("health", "Vaccination drive targets {kids} in {country}"),
    ("culture", "{festival} opens its {ordinal:5-45} edition"),
    ("culture", "{pname} wins {prize}"),
    ("culture", "UNESCO lists {site} as World Heritage site"),
    ("any", "{last}: \"{quote}\""),
)


# --------------------------------------------------------------------------------------------
# Document generation
# --------------------------------------------------------------------------------------------

class Person:
    def __init__(self, name, gender, title, last=""):
        self.name, self.gender, self.title, self.last = name, gender, title, last


class Document:
    """One document: a topic, a cast, a focus country and city, and slot resolvers for its language."""

    LANGUAGE = ""

    def __init__(self, rng, seed_sentences=()):
        self.rng = rng
        self.topic = rng.choices([t for t, _ in TOPICS], [w for _, w in TOPICS])[0]
        self.t = self.topic
        self.b = {}
        self.seed_sentences = list(seed_sentences)
        self.setup()
        self.topic_deck = Deck([(self.topic, text) for topic, text in self.TEMPLATES if topic in (self.topic, "any")], rng)
        self.other_deck = Deck([(topic, text) for topic, text in self.TEMPLATES if topic not in (self.topic, "any", "quote")], rng)
        self.quote_deck = Deck([("quote", text) for topic, text in self.TEMPLATES if topic == "quote"], rng)
        self.seed_deck = Deck(self.seed_sentences, rng) if self.seed_sentences else None

    # -- filling -----------------------------------------------------------------------------

    def fill(self, text, topic, preset=None):
        """Fills every slot; slots bound in one sentence (person, country, ...) keep one value."""
        self.t = self.topic if topic in ("any", "quote") else topic
        self.b = dict(preset or {})
        for _ in range(6):
            new = SLOT.sub(self._resolve, text)
            if new == text:
                break
            text = new
        if SLOT.search(text):
            raise ValueError(f"unfilled slot in {text!r}")
        text = re.sub(r" {2,}", " ", text)
        return re.sub(r" ([،,.:])", r"\1", text).strip()

    def _resolve(self, match):
        name, arg = match.group(1), match.group(2)
        return getattr(self, "s_" + name)(arg)

    def bind(self, key, chooser, *distinct_from):
        if key not in self.b:
            taken = [self.b[k] for k in distinct_from if k in self.b]
            for _ in range(50):
                value = chooser()
                if value not in taken:
                    break
            self.b[key] = value
        return self.b[key]

    def number(self, lo, hi):
        return self.rng.randint(lo, hi)

    def s_n(self, arg):
        lo, hi = (int(x) for x in arg.split("-"))
        return self.digits(str(self.number(lo, hi)))

    def digits(self, text):
        return text

    # -- building ----------------------------------------------------------------------------

    def next_sentence(self):
        r = self.rng.random()
        seed_p = (0.25 if self.topic in ("pol", "sec") else 0.06) if self.seed_deck else 0.0
        if r < seed_p:
            return self.seed_deck.draw()
        if r < seed_p + 0.09:
            topic, text = self.quote_deck.draw()
        elif r < seed_p + 0.09 + 0.64:
            topic, text = self.topic_deck.draw()
        else:
            topic, text = self.other_deck.draw()
        return self.fill(text, topic)

    def lead_sentence(self):
        """The first sentence: from the document's topic, without a leading conjunction."""
        topic, text = self.topic_deck.draw()
        return self.strip_conjunction(text, self.fill(text, topic))

    def strip_conjunction(self, template, sentence):
        return sentence

    def build(self, target):
        """Headline, blank line, paragraphs; stops at the first sentence boundary at or past target bytes."""
        headline_topic, headline = self.rng.choice([h for h in self.HEADLINES if h[0] in (self.topic, "any")])
        head = self.fill(headline, headline_topic) + "\n\n"
        out = [head]
        size = len(head.encode("utf-8")) + 1  # + the final newline
        paragraph_left = self.rng.randint(3, 8)
        first = True
        if self.rng.random() < 0.55:
            dateline = self.dateline()
            out.append(dateline)
            size += len(dateline.encode("utf-8"))
        while True:
            for _ in range(40):
                sentence = self.lead_sentence() if len(out) <= 2 else self.next_sentence()
                piece = ("" if first else " ") + sentence
                piece_bytes = len(piece.encode("utf-8"))
                if size + piece_bytes <= MAX_BYTES:
                    break
            else:
                break  # nothing fits under the cap any more; size >= MIN_BYTES here
            out.append(piece)
            size += piece_bytes
            first = False
            paragraph_left -= 1
            if size >= target:
                break
            if paragraph_left == 0:
                out.append("\n\n")
                size += 2
                paragraph_left = self.rng.randint(3, 8)
                first = True
        out.append("\n")
        text = "".join(out)
        assert len(text.encode("utf-8")) == size
        return text


class ArabicDocument(Document):
    LANGUAGE = "ar"
    TEMPLATES = AR_TEMPLATES
    HEADLINES = AR_HEADLINES

    def setup(self):
        rng = self.rng
        self.focus_country = rng.choice(AR_COUNTRIES)
        region = self.focus_country[3]
        family = {"dz": "dz", "ma": "ma", "lev": rng.choice(("lev", "levdual"))}.get(region, "msa")
        self.months = family if rng.random() < 0.75 else rng.choice(AR_MONTH_FAMILIES)
        eastern_region = region in ("gulf", "eg", "lev") or (region == "world" and rng.random() < 0.3)
        self.eastern_p = rng.choice((0.6, 0.9)) if eastern_region and rng.random() < 0.6 else rng.choice((0.0, 0.05))
        self.decimal_comma = region in ("dz", "ma") and rng.random() < 0.5
        local = [c for c in AR_CITIES if c[1] == self.focus_country[0]]
        self.focus_city = rng.choice(local) if local else rng.choice(AR_CITIES)
        self.cast = []
        for p in rng.sample(AR_PEOPLE, 4):
            self.cast.append(self.new_person(p, self.topic, {"country": self.focus_country}))

    def new_person(self, p, topic, preset):
        title = self.rng.choice(AR_TITLES[topic])[1 if p[1] == "f" else 0]
        if preset is not None:
            saved_b, saved_t = self.b, self.t
            title = self.fill(title, topic, preset)
            self.b, self.t = saved_b, saved_t
        return Person(p[0], p[1], title)

    def strip_conjunction(self, template, sentence):
        # "وقال ..." / "{v:وقال|وقالت} ..." opens with the conjunction و; a lede does not.
        if re.match(r"(\{v[o2c]?:)?و", template) and sentence.startswith("و"):
            return sentence[1:]
        return sentence

    def digits(self, text):
        if self.decimal_comma:
            text = re.sub(r"(?<=\d)\.(?=\d)", ",", text)
        return eastern_digits(text) if self.rng.random() < self.eastern_p else text

    # people
    def pick_person(self):
        if self.t == self.topic and self.rng.random() < 0.75:
            return self.rng.choice(self.cast)
        return self.new_person(self.rng.choice(AR_PEOPLE), self.t, None)

    def person(self):
        return self.bind("person", self.pick_person)

    def person2(self):
        return self.bind("person2", self.pick_person, "person")

    def s_person(self, arg):
        p = self.person()
        return attach(arg, (p.title + " " + p.name).strip())

    def s_person2(self, arg):
        p = self.person2()
        return attach(arg, (p.title + " " + p.name).strip())

    def s_name(self, arg):
        return attach(arg, self.person().name)

    def s_v(self, arg):
        return arg.split("|")[self.person().gender == "f"]

    def s_v2(self, arg):
        return arg.split("|")[self.person2().gender == "f"]

    def s_player(self, arg):
        return attach(arg, self.rng.choice([p for p in AR_PEOPLE if p[1] == "m"])[0])

    # places
    def pick_country(self):
        return self.focus_country if self.rng.random() < 0.5 else self.rng.choice(AR_COUNTRIES)

    def country(self):
        return self.bind("country", self.pick_country)

    def s_country(self, arg):
        return attach(arg, self.country()[0])

    def s_country2(self, arg):
        return attach(arg, self.bind("country2", lambda: self.rng.choice(AR_COUNTRIES), "country")[0])

    def s_country3(self, arg):
        return attach(arg, self.bind("country3", lambda: self.rng.choice(AR_COUNTRIES), "country", "country2")[0])

    def s_nisba(self, arg):
        return self.country()[1]

    def s_nisbaf(self, arg):
        return self.country()[1] + "ة"

    def s_vc(self, arg):
        return arg.split("|")[self.country()[2] == "f"]

    def pick_city(self):
        if self.rng.random() < 0.4:
            return self.focus_city
        if self.rng.random() < 0.08:
            return self.rng.choice(AR_CAPITALS)
        return self.rng.choice(AR_CITIES)

    def s_city(self, arg):
        return attach(arg, self.bind("city", self.pick_city)[0])

    def s_city2(self, arg):
        return attach(arg, self.bind("city2", lambda: self.rng.choice(AR_CITIES), "city")[0])

    def s_cityadj(self, arg):
        country = self.bind("city", self.pick_city)[1]
        for c in AR_COUNTRIES:
            if c[0] == country and c[0] != self.b["city"][0]:
                return c[1] + "ة"
        return ""

    def s_town(self, arg):
        return attach(arg, self.rng.choice(AR_TOWNS))

    # organizations
    def s_org(self, arg):
        return attach(arg, self.bind("org", lambda: self.rng.choice(AR_ORGS))[0])

    def s_org_econ(self, arg):
        return attach(arg, self.bind("org", lambda: self.rng.choice(AR_ORGS_ECON))[0])

    def s_vo(self, arg):
        org = self.b.get("org") or self.bind("org", lambda: self.rng.choice(AR_ORGS_ECON if self.t == "econ" else AR_ORGS))
        return arg.split("|")[org[1] == "f"]

    def s_company(self, arg):
        return attach(arg, self.bind("company", lambda: self.rng.choice(AR_COMPANIES)))

    def s_team(self, arg):
        return attach(arg, self.bind("team", lambda: self.rng.choice(AR_TEAMS)))

    def s_team2(self, arg):
        return attach(arg, self.bind("team2", lambda: self.rng.choice(AR_TEAMS), "team"))

    def s_university(self, arg):
        return attach(arg, self.rng.choice(AR_UNIVERSITIES))

    def s_paper(self, arg):
        return attach(arg, self.rng.choice(AR_PAPERS))

    def s_festival(self, arg):
        return attach(arg, self.rng.choice(AR_FESTIVALS))

    def s_prize(self, arg):
        return attach(arg, self.rng.choice(AR_PRIZES))

    def s_novel(self, arg):
        return self.rng.choice(AR_NOVELS)

    def s_site(self, arg):
        return self.rng.choice(AR_SITES)

    def s_stadium(self, arg):
        return self.rng.choice(AR_STADIUMS)

    def s_theater(self, arg):
        return self.rng.choice(AR_THEATERS)

    def s_currency(self, arg):
        return self.rng.choice(AR_CURRENCIES)

    def s_century(self, arg):
        return self.rng.choice(AR_CENTURIES)

    def s_quote(self, arg):
        return self.rng.choice(AR_QUOTES[self.t])

    # dates
    def random_date(self):
        return datetime.date.fromordinal(self.rng.randint(datetime.date(2014, 1, 1).toordinal(), datetime.date(2026, 12, 31).toordinal()))

    def month_name(self, month, family=None):
        family = family or (self.months if self.rng.random() < 0.8 else self.rng.choice(AR_MONTH_FAMILIES))
        if family == "levdual":
            return AR_MONTHS["lev"][month - 1] + "/" + AR_MONTHS["msa"][month - 1]
        return AR_MONTHS[family][month - 1]

    def date_text(self, d):
        r = self.rng.random()
        if r < 0.12:
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        day = str(d.day) if r < 0.85 else f"{d.day:02d}"
        return f"{day} {self.month_name(d.month)} {d.year}"

    def hijri_text(self, d):
        y, m, day = hijri(d)
        suffix = self.rng.choice(("هـ", "هـ", "للهجرة"))
        return f"{day} {AR_HIJRI_MONTHS[m - 1]} {y} {suffix}"

    def s_date_full(self, arg):
        d = self.random_date()
        return self.digits(f"{AR_WEEKDAYS[d.weekday()]} {self.date_text(d)}")

    def s_hijri(self, arg):
        return self.digits(self.hijri_text(self.random_date()))

    def s_hijri_full(self, arg):
        d = self.random_date()
        return self.digits(f"{AR_WEEKDAYS[d.weekday()]} {self.hijri_text(d)} الموافق {d.day} {self.month_name(d.month)} {d.year} م")

    def s_when(self, arg):
        rng = self.rng
        r = rng.random()
        if r < 0.42:
            kind = rng.random()
            if kind < 0.55:
                return rng.choice(AR_REL_PAST)
            if kind < 0.75:
                return rng.choice(AR_AGO) if rng.random() < 0.8 else self.digits(rng.choice(AR_AGO))
            if kind < 0.9:
                return f"يوم {rng.choice(AR_WEEKDAYS)} الماضي"
            return f"{rng.choice(AR_DAYPARTS)} {rng.choice(AR_WEEKDAYS)}"
        d = self.random_date()
        if r < 0.62:
            return self.digits(f"يوم {AR_WEEKDAYS[d.weekday()]} {self.date_text(d)}")
        if r < 0.76:
            return self.digits(f"في {self.date_text(d)}")
        if r < 0.84:
            return self.digits(f"يوم {d.day} {self.month_name(d.month)} الماضي")
        if r < 0.92:
            return self.digits(f"في {self.month_name(d.month)} {d.year}")
        if r < 0.96:
            return self.digits(f"بتاريخ {self.date_text(d)}")
        return self.digits(f"يوم {AR_WEEKDAYS[d.weekday()]} {self.hijri_text(d)} الموافق {d.day} {self.month_name(d.month)} {d.year}")

    def s_ago(self, arg):
        return self.rng.choice(AR_AGO)

    def s_future(self, arg):
        rng = self.rng
        r = rng.random()
        if r < 0.5:
            return rng.choice(AR_REL_FUTURE)
        d = self.random_date()
        if r < 0.7:
            return self.digits(f"يوم {d.day} {self.month_name(d.month)} المقبل")
        if r < 0.85:
            return f"يوم {AR_WEEKDAYS[d.weekday()]} المقبل"
        return self.digits(f"في {self.s_quarter(None)}")

    def s_future_short(self, arg):
        return self.rng.choice(("نهاية العام", "نهاية الصيف", "حلول شهر رمضان", f"شهر {self.month_name(self.rng.randint(1, 12))} المقبل"))

    def s_month_year(self, arg):
        return self.digits(f"{self.month_name(self.rng.randint(1, 12))} {self.rng.randint(2011, 2026)}")

    def s_day_month(self, arg):
        return self.digits(f"{self.rng.randint(1, 28)} {self.month_name(self.rng.randint(1, 12))}")

    def s_year(self, arg):
        return self.digits(str(self.rng.randint(2012, 2026)))

    def s_year_future(self, arg):
        return self.digits(str(self.rng.choice((2027, 2028, 2030, 2030, 2035, 2040))))

    def s_weekday(self, arg):
        return self.rng.choice(AR_WEEKDAYS)

    def s_quarter(self, arg):
        return self.digits(f"{self.rng.choice(AR_QUARTERS)} من عام {self.rng.randint(2015, 2026)}" if self.rng.random() < 0.7
                           else f"{self.rng.choice(AR_QUARTERS)} من العام الجاري")

    def s_half(self, arg):
        return self.rng.choice(AR_HALVES)

    def s_days(self, arg):
        return self.rng.choice(AR_DURATIONS_DAYS)

    def s_months(self, arg):
        return self.digits(self.rng.choice(AR_DURATIONS_MONTHS))

    def s_years(self, arg):
        return self.digits(self.rng.choice(AR_DURATIONS_YEARS))

    def s_weeks(self, arg):
        return self.rng.choice(AR_DURATIONS_WEEKS)

    def s_hours(self, arg):
        return self.digits(self.rng.choice(("24 ساعة", "48 ساعة", "ست ساعات", "ساعتين", "12 ساعة", "ثلاث ساعات")))

    # numbers with units
    def counted(self, n, singular, plural, accusative):
        """Arabic counted noun, decided by the last two digits: 3-10 plural, 11-99 accusative singular, else singular."""
        last_two = n % 100
        if 3 <= last_two <= 10:
            return plural
        if last_two >= 11:
            return accusative
        return singular

    def s_count(self, arg):
        rng_part, forms = arg.split(":", 1)
        lo, hi = (int(x) for x in rng_part.split("-"))
        n = self.number(lo, hi)
        singular, plural, accusative = forms.split("|")
        return self.digits(str(n)) + " " + self.counted(n, singular, plural, accusative)

    def decimal(self, lo, hi):
        return f"{self.rng.uniform(lo, hi):.1f}"

    def s_km(self, arg):
        n = self.rng.choice((self.number(12, 95), self.number(100, 950), self.number(100, 1500)))
        unit = self.rng.choice(("كلم", "كلم", "كم", "كيلومتر", "كيلومتر"))
        if unit == "كيلومتر":
            unit = self.counted(n, "كيلومتر", "كيلومترات", "كيلومترا")
        return self.digits(f"{n} {unit}")

    def s_pct(self, arg):
        value = percent_value(self.rng, arg)
        unit = self.rng.choice(("بالمئة", "بالمائة", "في المئة", "في المائة", "%", "%"))
        return self.digits(f"{value}%" if unit == "%" else f"{value} {unit}")

    def s_money(self, arg):
        rng = self.rng
        currency = rng.choice(AR_MONEY)
        r = rng.random()
        if arg == "small":
            r = rng.choice((0.1, 0.9))
        elif arg == "big":
            r = rng.choice((0.3, 0.6, 0.8))
        if r < 0.45:
            n = self.number(2, 9) if arg == "small" else self.number(2, 950)
            text = f"{n} {self.counted(n, 'مليون', 'ملايين', 'مليون')}"
        elif r < 0.7:
            text = f"{self.decimal(1, 9)} مليار"
        elif r < 0.85:
            n = self.number(2, 40)
            text = f"{n} {self.counted(n, 'مليار', 'مليارات', 'مليار')}"
        else:
            n = self.number(100, 900) if arg == "small" else self.number(3, 900)
            text = f"{n} {self.counted(n, 'ألف', 'آلاف', 'ألف')}"
        return self.digits(f"{text} {currency}")

    def s_price(self, arg):
        return self.digits(rng_choice_fmt(self.rng, ("{a} دينارا", "{a} دينار", "{a} درهما", "{a} جنيها", "{a} ريالا", "{b} دولار"), 11, 99))

    def s_temp(self, arg):
        n = self.number(38, 51)
        return self.digits(f"{n} درجة مئوية" if self.rng.random() < 0.8 else f"{n} درجة")

    def s_cold(self, arg):
        n = self.number(3, 9)
        return self.digits(self.rng.choice((f"{n} درجات تحت الصفر", f"ناقص {n} درجات", f"-{n} درجات مئوية")))

    def s_rain(self, arg):
        n = self.number(11, 180)
        return self.digits(self.rng.choice((f"{n} ملم", f"{n} مم", f"{n} {self.counted(n, 'مليمتر', 'مليمترات', 'مليمترا')}")))

    def s_speed(self, arg):
        n = self.number(60, 140)
        return self.digits(self.rng.choice((f"{n} كلم/ساعة", f"{n} كم/سا", f"{n} كيلومترا في الساعة")))

    def s_magnitude(self, arg):
        return self.digits(self.decimal(3.5, 7.4))

    def s_tons(self, arg):
        r = self.rng.random()
        if r < 0.4:
            n = self.number(3, 900)
            return self.digits(f"{n} {self.counted(n, 'ألف', 'آلاف', 'ألف')} طن")
        if r < 0.7:
            return self.digits(f"{self.decimal(1, 12)} مليون طن")
        return self.digits(f"{self.number(150, 950)} طنا")

    def s_kg(self, arg):
        return self.digits(self.rng.choice((f"{self.number(12, 950)} كلغ", f"{self.decimal(1, 9)} طن", f"{self.number(120, 900)} كيلوغراما")))

    def s_barrels(self, arg):
        return self.digits(self.rng.choice((f"{self.decimal(0.3, 11)} مليون برميل يوميا", f"{self.number(150, 950)} ألف برميل يوميا")))

    def s_mw(self, arg):
        return self.digits(self.rng.choice((f"{self.number(100, 4000)} ميغاواط", f"{self.decimal(1, 9)} غيغاواط")))

    def s_bp(self, arg):
        return self.digits(self.rng.choice(("25", "50", "75", "100")))

    def s_area(self, arg):
        n = self.number(11, 95)
        return self.digits(self.rng.choice((f"{n} هكتارا", f"{self.number(3, 10)} آلاف متر مربع", f"{n} ألف متر مربع")))

    def s_area_km2(self, arg):
        return self.digits(f"{self.decimal(0.1, 2.4)} مليون كيلومتر مربع" if self.rng.random() < 0.5
                           else f"{self.number(11, 950)} ألف كيلومتر مربع")

    def s_population(self, arg):
        return self.digits(f"{self.number(11, 99)} مليون نسمة" if self.rng.random() < 0.6 else f"{self.decimal(1, 9)} مليون نسمة")

    def s_thousands(self, arg):
        n = self.number(3, 500)
        return self.digits(f"{n} {self.counted(n, 'ألف', 'آلاف', 'ألف')}")

    def s_crowd(self, arg):
        return self.digits(f"{self.number(20, 90)} ألف متفرج")

    def s_kids(self, arg):
        n = self.number(2, 12)
        return self.digits(f"{n} {self.counted(n, 'مليون', 'ملايين', 'مليون')} طفل")

    def s_liters(self, arg):
        return self.digits(self.rng.choice(("لترين", "1.5 لتر", "لترين ونصف", "3 لترات", "2 لتر")))

    def s_meters(self, arg):
        return self.digits(f"{self.number(8, 25) * 100} متر")

    def s_score(self, arg):
        a, b = self.number(1, 5), self.number(0, 3)
        a, b = max(a, b + 1), min(a, b)
        return self.digits(f"{a}-{b}") if self.rng.random() < 0.8 else self.rng.choice(("هدفين مقابل هدف", "ثلاثة أهداف دون رد", "هدف دون رد"))

    def s_minute(self, arg):
        return self.digits(str(self.number(3, 90)) if self.rng.random() < 0.9 else f"90+{self.number(1, 6)}")

    def s_race(self, arg):
        race, time, lo, hi = self.rng.choice(AR_RACES)
        return self.digits(f"{race} بزمن قدره " + time.format(a=self.number(lo, hi)))

    # datelines
    def dateline(self):
        city = self.focus_city[0] if self.rng.random() < 0.7 else self.rng.choice(AR_CITIES)[0]
        return self.rng.choice((f"{city} - ", f"{city} - ", f"{city} (رويترز) - ", f"{city} (أ ف ب) - ", f"{city}: ", f"{city} - وكالات: "))


def percent_value(rng, arg):
    """A percentage as text: within "lo-hi" when given (one decimal 60% of the time), else 2-95 or 0.5-15.0."""
    if arg:
        lo, hi = (float(x) for x in arg.split("-"))
        if rng.random() < 0.6 or hi - lo < 2:
            return f"{rng.uniform(lo, hi):.1f}"
        return str(rng.randint(math.ceil(lo), math.floor(hi)))
    return f"{rng.uniform(0.5, 15):.1f}" if rng.random() < 0.4 else str(rng.randint(2, 95))


def rng_choice_fmt(rng, patterns, lo, hi):
    return rng.choice(patterns).format(a=rng.randint(lo, hi), b=rng.randint(lo, hi))


class EnglishDocument(Document):
    LANGUAGE = "en"
    TEMPLATES = EN_TEMPLATES
    HEADLINES = EN_HEADLINES

    def setup(self):
        rng = self.rng
        self.focus_country = rng.choice(EN_COUNTRIES)
        local = [c for c in EN_CITIES if c[1] == self.focus_country[0]]
        self.focus_city = rng.choice(local) if local else rng.choice(EN_CITIES)
        self.british = rng.random() < 0.3  # "3 March 2024", "per cent", "tonnes"
        self.cast = [self.new_person(p, self.topic, {"country": self.focus_country}) for p in rng.sample(EN_PEOPLE, 4)]

    def new_person(self, p, topic, preset):
        title = self.rng.choice(EN_TITLES[topic])
        if preset is not None:
            saved_b, saved_t = self.b, self.t
            title = self.fill(title, topic, preset)
            self.b, self.t = saved_b, saved_t
        return Person(p[0] + " " + p[1], p[2], title, p[1])

    def fill(self, text, topic, preset=None):
        text = super().fill(text, topic, preset)
        first = 1 if text.startswith("\"") else 0
        return text[:first] + text[first:first + 1].upper() + text[first + 1:]

    # people
    def pick_person(self):
        if self.t == self.topic and self.rng.random() < 0.75:
            return self.rng.choice(self.cast)
        return self.new_person(self.rng.choice(EN_PEOPLE), self.t, None)

    def person(self):
        return self.bind("person", self.pick_person)

    def s_person(self, arg):
        p = self.person()
        if arg == "appos" and p.title[:1].islower():
            return f"{p.name}, the {p.title},"
        if arg == "appos":
            return f"{p.title} {p.name}"
        return f"{p.title} {p.name}"

    def s_person2(self, arg):
        p = self.bind("person2", self.pick_person, "person")
        return f"{p.title} {p.name}"

    def s_pname(self, arg):
        return self.person().name

    def s_mr(self, arg):
        p = self.person()
        if p.title in ("Dr.", "Gen.", "Col.", "Sen.", "Gov.", "President"):
            return f"{p.title} {p.last}"
        return ("Ms. " if p.gender == "f" else "Mr. ") + p.last

    def s_last(self, arg):
        return self.person().last

    def s_n(self, arg):
        lo, hi = (int(x) for x in arg.split("-"))
        return f"{self.number(lo, hi):,}"

    def s_his(self, arg):
        return "her" if self.person().gender == "f" else "his"

    def s_player(self, arg):
        p = self.rng.choice(EN_PEOPLE)
        return p[0] + " " + p[1]

    # places
    def country(self):
        return self.bind("country", lambda: self.focus_country if self.rng.random() < 0.5 else self.rng.choice(EN_COUNTRIES))

    def s_country(self, arg):
        return self.country()[0]

    def s_country_poss(self, arg):
        name = self.country()[0]
        return name + ("'" if name.endswith("s") else "'s")

    def s_adj(self, arg):
        return self.country()[1]

    def s_country2(self, arg):
        return self.bind("country2", lambda: self.rng.choice(EN_COUNTRIES), "country")[0]

    def s_adj2(self, arg):
        return self.bind("country2", lambda: self.rng.choice(EN_COUNTRIES), "country")[1]

    def s_country3(self, arg):
        return self.bind("country3", lambda: self.rng.choice(EN_COUNTRIES), "country", "country2")[0]

    def city(self):
        return self.bind("city", lambda: self.focus_city if self.rng.random() < 0.4 else self.rng.choice(EN_CITIES))

    def s_city(self, arg):
        return self.city()[0]

    def s_city2(self, arg):
        return self.bind("city2", lambda: self.rng.choice(EN_CITIES), "city")[0]

    def s_poss(self, arg):
        name = self.city()[0]
        return name + ("'" if name.endswith("s") else "'s")

    def s_twin(self, arg):
        city, state = self.rng.choice(EN_TWINS)
        return f"{city}, {state}"

    def s_town(self, arg):
        return self.rng.choice(EN_TOWNS)

    # organizations and names
    def s_org(self, arg):
        return self.rng.choice(EN_ORGS)

    def s_org_econ(self, arg):
        return self.rng.choice(EN_ORGS_ECON)

    def s_company(self, arg):
        return self.bind("company", lambda: self.rng.choice(EN_COMPANIES))

    def s_bank(self, arg):
        return self.rng.choice(EN_BANKS)

    def s_team(self, arg):
        return self.bind("team", lambda: self.rng.choice(EN_TEAMS))

    def s_team2(self, arg):
        return self.bind("team2", lambda: self.rng.choice(EN_TEAMS), "team")

    def s_university(self, arg):
        return self.rng.choice(EN_UNIVERSITIES)

    def s_paper(self, arg):
        return self.rng.choice(EN_PAPERS)

    def s_festival(self, arg):
        return self.rng.choice(EN_FESTIVALS)

    def s_prize(self, arg):
        return self.rng.choice(EN_PRIZES)

    def s_novel(self, arg):
        return self.rng.choice(EN_NOVELS)

    def s_site(self, arg):
        return self.rng.choice(EN_SITES)

    def s_stadium(self, arg):
        return self.rng.choice(EN_STADIUMS)

    def s_theater(self, arg):
        return self.rng.choice(EN_THEATERS)

    def s_currency(self, arg):
        return self.rng.choice(EN_CURRENCIES)

    def s_century(self, arg):
        return self.rng.choice(EN_CENTURIES)

    def s_quote(self, arg):
        return self.rng.choice(EN_QUOTES[self.t])

    # dates
    def random_date(self):
        return datetime.date.fromordinal(self.rng.randint(datetime.date(2014, 1, 1).toordinal(), datetime.date(2026, 12, 31).toordinal()))

    def date_text(self, d, year=True):
        if self.british and self.rng.random() < 0.8:
            return f"{d.day} {EN_MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")
        months = EN_MONTHS_AP if self.rng.random() < 0.5 else EN_MONTHS
        return f"{months[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")

    def s_date_full(self, arg):
        d = self.random_date()
        return f"{EN_WEEKDAYS[d.weekday()]}, {self.date_text(d)}"

    def s_date_future(self, arg):
        return self.date_text(self.random_date(), self.rng.random() < 0.6)

    def s_numdate(self, arg):
        d = self.random_date()
        return self.rng.choice((f"{d.month}/{d.day}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}", d.isoformat()))

    def s_hijri_en(self, arg):
        d = self.random_date()
        y, m, day = hijri(d)
        names = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani", "Rajab",
                 "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah")
        text = f"{day} {names[m - 1]} {y} AH"
        return f"{text} ({EN_WEEKDAYS[d.weekday()]}, {self.date_text(d)})" if arg == "dual" else text

    def s_when(self, arg):
        rng = self.rng
        r = rng.random()
        weekday = rng.choice(EN_WEEKDAYS)
        if r < 0.22:
            return rng.choice((f"on {weekday}", f"on {weekday}", f"late on {weekday}", f"{weekday} night", f"early {weekday}"))
        if r < 0.32:
            return f"last {weekday}"
        if r < 0.42:
            return rng.choice(EN_AGO)
        if r < 0.55:
            return rng.choice(EN_REL_PAST)
        d = self.random_date()
        if r < 0.72:
            return f"on {self.date_text(d)}"
        if r < 0.8:
            return f"on {self.date_text(d, year=False)}"
        if r < 0.86:
            return f"on {EN_WEEKDAYS[d.weekday()]}, {self.date_text(d)}"
        if r < 0.93:
            return f"in {EN_MONTHS[d.month - 1]} {d.year}"
        return f"in {self.s_quarter(None)}"

    def s_ago(self, arg):
        return self.rng.choice(EN_AGO)

    def s_future(self, arg):
        r = self.rng.random()
        if r < 0.5:
            return self.rng.choice(EN_REL_FUTURE)
        if r < 0.7:
            return f"on {self.date_text(self.random_date(), year=False)}"
        if r < 0.85:
            return f"next {self.rng.choice(EN_WEEKDAYS)}"
        return f"in {EN_MONTHS[self.rng.randint(0, 11)]}"

    def s_future_short(self, arg):
        return self.rng.choice(("the end of the year", "the summer", "Ramadan", f"{EN_MONTHS[self.rng.randint(0, 11)]}"))

    def s_month_year(self, arg):
        return f"{EN_MONTHS[self.rng.randint(0, 11)]} {self.rng.randint(2011, 2026)}"

    def s_day_month(self, arg):
        return self.date_text(self.random_date(), year=False)

    def s_year(self, arg):
        return str(self.rng.randint(2012, 2026))

    def s_year_future(self, arg):
        return str(self.rng.choice((2027, 2028, 2030, 2030, 2035, 2040)))

    def s_weekday(self, arg):
        return self.rng.choice(EN_WEEKDAYS)

    def s_quarter(self, arg):
        q = self.rng.choice(EN_QUARTERS)
        r = self.rng.random()
        if r < 0.6:
            return f"the {q} quarter of {self.rng.randint(2015, 2026)}"
        if r < 0.85:
            return f"the {q} quarter"
        return f"the {self.rng.choice(('first', 'second'))} half of {self.rng.randint(2015, 2026)}"

    def s_half(self, arg):
        return self.rng.choice(("first half", "second half"))

    def s_days(self, arg):
        return self.rng.choice(EN_DAYS)

    def s_months(self, arg):
        return self.rng.choice(EN_MONTHS_DUR)

    def s_years(self, arg):
        return self.rng.choice(EN_YEARS_DUR)

    def s_years_adj(self, arg):
        return self.rng.choice(("two-year", "three-year", "one-year", "four-year"))

    def s_weeks(self, arg):
        return self.rng.choice(EN_WEEKS_DUR)

    def s_hours(self, arg):
        return self.rng.choice(("24 hours", "48 hours", "six hours", "two hours", "12 hours", "three hours"))

    # numbers with units
    def s_count(self, arg):
        rng_part, forms = arg.split(":", 1)
        lo, hi = (int(x) for x in rng_part.split("-"))
        n = self.number(lo, hi)
        singular, plural = forms.split("|")
        word = EN_SMALL[n] if n < 10 else f"{n:,}"
        return f"{word} {singular if n == 1 else plural}"

    def s_ordinal(self, arg):
        lo, hi = (int(x) for x in arg.split("-"))
        n = self.number(lo, hi)
        suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def s_minute(self, arg):
        return self.s_ordinal("3-90")

    def decimal(self, lo, hi):
        return f"{self.rng.uniform(lo, hi):.1f}"

    def s_km(self, arg):
        n = self.rng.choice((self.number(12, 95), self.number(100, 950), self.number(100, 1500)))
        miles = round(n * 0.621371)
        return self.rng.choice((f"{n:,} km", f"{n:,} km", f"{n:,} kilometers", f"{miles:,} miles ({n:,} km)", f"{n:,} kilometres" if self.british else f"{miles:,} miles"))

    def s_km_adj(self, arg):
        n = self.number(100, 1500)
        return self.rng.choice((f"{n:,}-km", f"{n:,}-kilometer", f"{round(n * 0.621371):,}-mile"))

    def s_pct(self, arg):
        value = percent_value(self.rng, arg)
        return self.rng.choice((f"{value} percent", f"{value} percent", f"{value}%", f"{value} per cent" if self.british else f"{value} percent"))

    def s_money(self, arg):
        rng = self.rng
        r = rng.random()
        if arg == "small":
            return rng.choice((f"${self.number(2, 9)} million", f"€{self.number(2, 9)} million", f"${self.number(120, 950)},000",
                               f"{self.number(120, 950)},000 euros", f"£{self.decimal(1, 5)} million"))
        if arg == "big":
            r = rng.choice((0.2, 0.4, 0.6, 0.85))
        if r < 0.35:
            return f"${self.number(2, 950)} million"
        if r < 0.55:
            return f"${self.decimal(1, 9)} billion"
        if r < 0.7:
            return rng.choice((f"{self.number(2, 950)} million euros", f"€{self.number(2, 950)} million"))
        if r < 0.8:
            return f"£{self.number(2, 950)} million"
        if r < 0.9:
            return f"{self.decimal(1, 9)} billion {rng.choice(('dinars', 'dirhams', 'riyals', 'Egyptian pounds'))}"
        return f"${self.number(12, 950)},000"

    def s_price(self, arg):
        return self.rng.choice((f"{self.number(2, 90)} dinars", f"{self.number(2, 90)} dirhams", f"${self.number(2, 90)}", f"{self.number(20, 300)} Egyptian pounds"))

    def s_temp(self, arg):
        c = self.number(38, 51)
        f = round(c * 9 / 5 + 32)
        return self.rng.choice((f"{c} degrees Celsius ({f} degrees Fahrenheit)", f"{c}°C", f"{f} degrees Fahrenheit", f"{c} C ({f} F)"))

    def s_cold(self, arg):
        c = self.number(3, 9)
        f = round(-c * 9 / 5 + 32)
        return self.rng.choice((f"minus {c} degrees Celsius", f"-{c}°C", f"{f} degrees Fahrenheit"))

    def s_rain(self, arg):
        n = self.number(11, 180)
        return self.rng.choice((f"{n} mm", f"{n} millimeters", f"{n / 25.4:.1f} inches"))

    def s_speed(self, arg):
        n = self.number(60, 140)
        return self.rng.choice((f"{n} km/h", f"{n} kilometers per hour", f"{round(n * 0.621371)} mph"))

    def s_magnitude(self, arg):
        return self.decimal(3.5, 7.4)

    def s_tons(self, arg):
        unit = "tonnes" if self.british or self.rng.random() < 0.4 else "tons"
        return self.rng.choice((f"{self.number(3, 900)},000 {unit}", f"{self.decimal(1, 12)} million {unit}", f"{self.number(150, 950)} metric tons"))

    def s_kg(self, arg):
        return self.rng.choice((f"{self.number(12, 950)} kg", f"{self.decimal(1, 9)} tonnes", f"{self.number(120, 900)} kilograms"))

    def s_barrels(self, arg):
        return self.rng.choice((f"{self.decimal(0.3, 11)} million barrels per day", f"{self.number(150, 950)},000 bpd", f"{self.number(150, 950)},000 barrels a day"))

    def s_mw(self, arg):
        return self.rng.choice((f"{self.number(100, 4000):,} megawatts", f"{self.decimal(1, 9)} gigawatts", f"{self.number(100, 900)} MW"))

    def s_bp(self, arg):
        return self.rng.choice(("25", "50", "75", "100"))

    def s_area_km2(self, arg):
        n = self.number(10, 2400) * 1000
        return f"{n:,} square kilometers ({round(n / 2.58999):,} square miles)"

    def s_population(self, arg):
        return f"{self.number(11, 99)} million" if self.rng.random() < 0.6 else f"{self.decimal(1, 9)} million"

    def s_thousands(self, arg):
        return f"{self.number(3, 500)},000"

    def s_crowd(self, arg):
        return f"{self.number(20, 90)},000"

    def s_kids(self, arg):
        return f"{self.number(2, 12)} million children" if self.rng.random() < 0.7 else f"{self.decimal(1, 9)} million children"

    def s_liters(self, arg):
        return self.rng.choice(("two liters", "1.5 liters", "2.5 litres", "three liters", "half a gallon"))

    def s_meters(self, arg):
        n = self.number(8, 25) * 100
        return self.rng.choice((f"{n:,} meters", f"{n:,} meters ({round(n * 3.28084):,} feet)", f"{n:,} m"))

    def s_score(self, arg):
        a, b = self.number(1, 5), self.number(0, 3)
        return f"{max(a, b + 1)}-{min(a, b)}"

    def s_race(self, arg):
        race, time = self.rng.choice(EN_RACES)
        return SLOT.sub(self._resolve, f"{race} with a time of {time}")

    def dateline(self):
        rng = self.rng
        if rng.random() < 0.12:
            city, state = rng.choice(EN_TWINS)
            return f"{city.upper()}, {state} (AP) — "
        city = self.focus_city[0] if rng.random() < 0.7 else rng.choice(EN_CITIES)[0]
        d = self.random_date()
        return rng.choice((f"{city.upper()} (Reuters) - ", f"{city.upper()}, {EN_MONTHS[d.month - 1]} {d.day} (Reuters) - ",
                           f"{city.upper()} (AP) — ", f"{city.upper()} — ", f"{city.upper()} (AFP) - "))


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def seed_sentences(path):
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    parts = re.split(r"(?<=[.؟!])|\n", text)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if len(p.strip()) >= 20]


def document_rng(seed, name):
    digest = hashlib.sha256(f"{seed}:{name}".encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def main():
    parser = argparse.ArgumentParser(description="Writes a reproducible Arabic/English news-like benchmark corpus for Gloss.")
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=20161705)
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--arabic-share", type=float, default=0.6)
    repo_seed = pathlib.Path(__file__).resolve().parent.parent.parent / "seeds" / SEED_ARTICLE_NAME
    shared_seed = pathlib.Path("/work/shared/seeds") / SEED_ARTICLE_NAME
    parser.add_argument("--seed-article", type=pathlib.Path, default=repo_seed if repo_seed.exists() else shared_seed,
                        help="Arabic article whose sentences join the Arabic pool (default: seeds/%s)" % SEED_ARTICLE_NAME)
    args = parser.parse_args()
    if args.documents < 1:
        parser.error("--documents must be at least 1")
    if not 0.0 <= args.arabic_share <= 1.0:
        parser.error("--arabic-share must be between 0 and 1")
    if not args.seed_article.is_file():
        parser.error(f"seed article not found: {args.seed_article}")

    started = time.perf_counter()
    seeds = seed_sentences(args.seed_article)
    n_ar = round(args.documents * args.arabic_share)
    width = max(4, len(str(args.documents)))
    plan = [("ar", f"ar-{i:0{width}d}.txt") for i in range(1, n_ar + 1)]
    plan += [("en", f"en-{i:0{width}d}.txt") for i in range(1, args.documents - n_ar + 1)]

    args.outdir.mkdir(parents=True, exist_ok=True)
    names = [name for _, name in plan]
    stale = sorted(p for p in args.outdir.iterdir() if re.fullmatch(r"(ar|en)-\d+\.txt", p.name) and p.name not in names)
    for path in stale:
        path.unlink()

    log_min, log_max = math.log(MIN_BYTES), math.log(MAX_BYTES)
    documents = []
    for language, name in plan:
        rng = document_rng(args.seed, name)
        target = int(math.exp(rng.uniform(log_min, log_max)))
        doc = ArabicDocument(rng, seeds) if language == "ar" else EnglishDocument(rng)
        data = doc.build(max(MIN_BYTES, min(MAX_BYTES, target))).encode("utf-8")
        assert MIN_BYTES <= len(data) <= MAX_BYTES, (name, len(data))
        (args.outdir / name).write_bytes(data)
        documents.append({"name": name, "language": language, "bytes": len(data)})

    total = sum(d["bytes"] for d in documents)
    manifest = {"seed": args.seed, "documents": documents, "total_bytes": total}
    (args.outdir / "manifest.json").write_bytes((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    sizes = sorted(d["bytes"] for d in documents)
    elapsed = time.perf_counter() - started
    print(f"{len(documents)} documents ({n_ar} ar, {len(documents) - n_ar} en), {total / 1048576:.2f} MB total, "
          f"sizes {sizes[0] / 1024:.1f}-{sizes[-1] / 1024:.1f} KB (median {sizes[len(sizes) // 2] / 1024:.1f} KB), "
          f"seed {args.seed}, written to {args.outdir} in {elapsed:.1f} s"
          + (f", {len(stale)} stale documents removed" if stale else ""))


if __name__ == "__main__":
    main()
