// Word lists the features consult: trigger words (titles before people, heads of
// organization and place names), and a small curated lexicon of organizations, people and
// places frequent in news. They are features, never outputs: the model weighs them against
// everything else it sees, and learns how far to trust each list from the training data.
// The country names come from CLDR (as Foundation's Locale gives them in Arabic and English).
//
// SPDX-License-Identifier: Apache-2.0

enum CuratedLexicon {
    /// Entries separated by `|` or line breaks.
    static func entries(_ list: String) -> [String] {
        list.split(whereSeparator: { $0 == "|" || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static let personTriggers = """
        الرئيس|رئيس|الرئيسة|رئيسة|السيد|السيدة|الآنسة|الشيخ|الشيخة|الملك|الملكة|الأمير|الأميرة|العاهل|ولي|سمو
        الوزير|وزير|وزيرة|الوزيرة|الناطق|ناطق|المتحدث|متحدث|الدكتور|الدكتورة|د|الجنرال|العقيد|اللواء|العميد
        المشير|الرائد|النقيب|الإمام|البابا|القس|الحاج|المستشار|المستشارة|السفير|سفير|المبعوث|مبعوث|النائب|السناتور
        الزعيم|زعيم|القائد|قائد|المدرب|مدرب|اللاعب|لاعب|الكاتب|الشاعر|الفنان|الفنانة|المطرب|المطربة|الممثل|الممثلة
        المخرج|الروائي|المغني|المغنية|الأستاذ|البروفيسور|المهندس|المحامي|القاضي|الصحفي|الصحافي|مراسل|الأمين|أمين
        المرشد|آية|الرفيق|المفتي|الأب|المطران|الكاردينال|الحاكم|حاكم|المحافظ|محافظ|العمدة|رئيس الوزراء|النجم|المهاجم
        mr|mrs|ms|dr|president|minister|king|queen|prince|princess|sheikh|gen|general|col|colonel|sen|senator|rep
        governor|gov|mayor|chairman|ceo|secretary|pope|sir|lord|lady|saint|st|coach|captain|capt|lt|sgt|judge|prof
        professor|rev|father|bishop|ambassador|spokesman|spokeswoman|actor|actress|singer|player|striker|midfielder
        defender|goalkeeper|manager|director|author|writer|poet|composer|guitarist|drummer|vocalist|emperor|duke|count
        """

    static let organizationTriggers = """
        وزارة|شركة|جامعة|مجلس|صحيفة|وكالة|تنظيم|حركة|منظمة|حكومة|حزب|جبهة|جمعية|اتحاد|الاتحاد|هيئة|مؤسسة|بنك|البنك
        مصرف|نادي|النادي|فريق|منتخب|لجنة|اللجنة|محكمة|المحكمة|قناة|إذاعة|مجلة|معهد|مركز|مكتب|جيش|الجيش|قوات|مصلحة
        دار|كلية|مدرسة|مستشفى|برلمان|البرلمان|مجموعة|تحالف|رابطة|نقابة|صندوق|سلطة|السلطة|إدارة|مديرية|مفوضية|كتلة
        ائتلاف|جماعة|الجماعة|ميليشيا|كتائب|سرايا|شرطة|مجمع|أكاديمية|الحكومة|المجلس|الوزارة|الحركة|المنظمة|الحزب
        ministry|university|council|party|company|corporation|corp|inc|ltd|co|bank|association|union|committee|agency
        institute|organization|organisation|foundation|society|club|fc|league|federation|army|forces|department
        office|board|commission|college|school|academy|church|records|band|group|network|times|post|news|press
        tribune|journal|airlines|airways|team|government|parliament|assembly|court|police|brigade|movement|front
        """

    static let locationTriggers = """
        مدينة|بلدة|قرية|ولاية|محافظة|إقليم|منطقة|عاصمة|العاصمة|جزيرة|جزر|نهر|بحر|خليج|جبل|جبال|صحراء|مقاطعة
        شارع|ساحة|ميناء|مطار|حي|ضاحية|دولة|جمهورية|مملكة|إمارة|سلطنة|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي
        وسط|مخيم|معبر|سهل|وادي|بحيرة|قطاع|الضفة|ضواحي|المدينة|البلدة|القرية|المنطقة|الولاية|المحافظة|بلاد|أراضي
        city|town|village|state|province|county|region|district|island|islands|river|lake|mount|mountain|mountains
        sea|bay|gulf|street|avenue|square|port|airport|north|south|east|west|capital|kingdom|republic|valley|desert
        coast|peninsula|ocean|park|bridge|station|near|northern|southern|eastern|western|central
        """

    /// Words that announce a name after them without being part of it.
    static let nameAnnouncers = """
        باسم|المدعو|يدعى|تدعى|اسمه|اسمها|قال|وقال|قالت|وقالت|أكد|وأكد|أعلن|وأعلن|صرح|وصرح|أضاف|وأضاف|أوضح|وأوضح
        named|called|said|says|told|according|by|with|met|visited|born
        """

    static let organizations = """
        الأمم المتحدة|مجلس الأمن|الجمعية العامة|حلف شمال الأطلسي|حلف الناتو|الناتو|الاتحاد الأوروبي|الاتحاد الأفريقي
        الاتحاد الإفريقي|جامعة الدول العربية|الجامعة العربية|مجلس التعاون الخليجي|مجلس التعاون|منظمة التعاون الإسلامي
        منظمة الصحة العالمية|اليونسكو|اليونيسيف|اليونيسف|صندوق النقد الدولي|البنك الدولي|منظمة التجارة العالمية
        الوكالة الدولية للطاقة الذرية|المحكمة الجنائية الدولية|محكمة العدل الدولية|الصليب الأحمر|الهلال الأحمر
        منظمة العفو الدولية|هيومن رايتس ووتش|أوبك|داعش|تنظيم الدولة|الدولة الإسلامية|القاعدة|تنظيم القاعدة|طالبان
        حماس|حركة حماس|فتح|حركة فتح|حزب الله|الإخوان المسلمين|الإخوان المسلمون|جماعة الإخوان المسلمين|بوكو حرام
        جبهة النصرة|أنصار الشريعة|الحوثيين|الحوثيون|جماعة الحوثي|البوليساريو|جبهة البوليساريو|الكونغرس|مجلس الشيوخ
        مجلس النواب|البنتاغون|البنتاجون|وزارة الخارجية|الخارجية الأمريكية|الخارجية الأميركية|وزارة الدفاع|البيت الأبيض
        الكرملين|وكالة المخابرات المركزية|مكتب التحقيقات الفيدرالي|الموساد|رويترز|وكالة رويترز|فرانس برس
        وكالة الأنباء الفرنسية|أسوشيتد برس|الأسوشيتد برس|أسوشييتد برس|الجزيرة|قناة الجزيرة|العربية|قناة العربية
        بي بي سي|سي إن إن|واشنطن بوست|نيويورك تايمز|وول ستريت جورنال|الغارديان|لوموند|التايمز|فايننشال تايمز
        الشرق الأوسط|الحياة|الأهرام|القدس العربي|سانا|وكالة الأنباء الليبية|المجلس الرئاسي|حكومة الوفاق
        حكومة الوفاق الوطني|المؤتمر الوطني العام|الجيش الوطني الليبي|الفيفا|فيفا|اللجنة الأولمبية الدولية|الكنيست
        مايكروسوفت|جوجل|غوغل|أبل|أمازون|فيسبوك|تويتر|سامسونج|تويوتا|أرامكو|جنرال موتورز|بوينغ|إيرباص|نوكيا
        الحرس الثوري|الجيش السوري الحر|قوات سوريا الديمقراطية|حزب العدالة والتنمية|الحزب الديمقراطي|الحزب الجمهوري
        حزب العمال|حزب المحافظين|السلطة الفلسطينية|منظمة التحرير الفلسطينية|الجامعة الأمريكية|جامعة القاهرة|الأزهر
        united nations|security council|general assembly|nato|european union|african union|arab league|world bank
        international monetary fund|imf|world health organization|who|unesco|unicef|opec|red cross|amnesty international
        human rights watch|al qaeda|al-qaeda|taliban|hamas|hezbollah|isis|isil|islamic state|muslim brotherhood
        congress|senate|house of representatives|pentagon|state department|white house|kremlin|cia|fbi|nasa|mossad
        reuters|associated press|agence france-presse|afp|bbc|cnn|al jazeera|the washington post|washington post
        the new york times|new york times|wall street journal|the guardian|the times|financial times|le monde
        microsoft|google|apple|amazon|facebook|twitter|samsung|toyota|general motors|boeing|airbus|nokia|ibm|intel
        fifa|uefa|ioc|democratic party|republican party|labour party|conservative party|harvard university
        oxford university|university of oxford|university of cambridge|stanford university|mit|bbc radio
        """

    static let people = """
        أوباما|باراك أوباما|بوتين|فلاديمير بوتين|ترامب|دونالد ترامب|هيلاري كلينتون|كلينتون|جون كيري|كيري|بان كي مون
        أنطونيو غوتيريش|غوتيريش|ميركل|أنجيلا ميركل|ماكرون|إيمانويل ماكرون|أردوغان|رجب طيب أردوغان|السيسي
        عبد الفتاح السيسي|بشار الأسد|القذافي|معمر القذافي|خليفة حفتر|حفتر|فايز السراج|السراج|الغنوشي|راشد الغنوشي
        زين العابدين بن علي|مبارك|حسني مبارك|محمد مرسي|مرسي|صدام حسين|الملك سلمان|محمد بن سلمان|بوتفليقة
        عبد العزيز بوتفليقة|نتنياهو|بنيامين نتنياهو|محمود عباس|أبو مازن|خامنئي|علي خامنئي|روحاني|حسن روحاني
        أسامة بن لادن|بن لادن|أبو بكر البغدادي|البغدادي|أيمن الظواهري|الظواهري|حسن نصر الله|نصر الله|جورج بوش
        بوش|توني بلير|بلير|كوفي أنان|أنان|كوندوليزا رايس|رايس|شيراك|جاك شيراك|ساركوزي|هولاند|فرانسوا هولاند
        ياسر عرفات|عرفات|أرييل شارون|شارون|الملك عبد الله|الملك محمد السادس|الملك عبدالله الثاني|تميم بن حمد
        obama|barack obama|putin|vladimir putin|trump|donald trump|hillary clinton|clinton|john kerry|ban ki-moon
        merkel|angela merkel|macron|erdogan|george bush|george w. bush|bush|tony blair|blair|kofi annan|saddam hussein
        yasser arafat|ariel sharon|gaddafi|muammar gaddafi|bashar al-assad|assad|netanyahu|osama bin laden
        """

    static let places = """
        أمريكا|أميركا|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|بريطانيا|روسيا|الصين|إيران|تركيا|سوريا
        سورية|العراق|لبنان|الأردن|فلسطين|إسرائيل|مصر|ليبيا|تونس|الجزائر|المغرب|موريتانيا|السودان|اليمن|عمان|قطر
        الكويت|البحرين|السعودية|المملكة العربية السعودية|الإمارات|أوروبا|آسيا|أفريقيا|إفريقيا|أستراليا|أمريكا اللاتينية
        الشرق الأوسط|شمال أفريقيا|شمال إفريقيا|المغرب العربي|الخليج|الخليج العربي|الساحل|الساحل الأفريقي|البلقان
        واشنطن|نيويورك|لندن|باريس|موسكو|بكين|طوكيو|برلين|روما|مدريد|فيينا|جنيف|بروكسل|أنقرة|إسطنبول|اسطنبول|طهران
        بغداد|دمشق|بيروت|عمان|القدس|غزة|رام الله|الضفة الغربية|القاهرة|الإسكندرية|طرابلس|بنغازي|مصراتة|سرت|سبها
        درنة|طبرق|الزاوية|تونس العاصمة|صفاقس|سوسة|وهران|قسنطينة|الرباط|الدار البيضاء|مراكش|فاس|طنجة|نواكشوط
        الخرطوم|صنعاء|عدن|مسقط|الدوحة|الرياض|جدة|مكة|المدينة المنورة|دبي|أبوظبي|أبو ظبي|المنامة|حلب|حمص|الموصل
        البصرة|أربيل|كركوك|الفلوجة|الرقة|دير الزور|إدلب|درعا|اللاذقية|صيدا|صور|طرابلس الغرب|كابول|إسلام آباد
        نيودلهي|كراتشي|الكرملين|مانهاتن|كاليفورنيا|تكساس|فلوريدا|باريس|ميلانو|برشلونة|مانشستر|ليفربول
        أبو قرين|ابو قرين|بن جواد|هراوة|السدرة|رأس لانوف|راس لانوف|البريقة|أجدابيا|الهلال النفطي|صبراتة|غريان|الجفرة
        الكفرة|زليتن|ترهونة|بني وليد|الخمس|زوارة|غدامس|أوباري|مرزق|الجبل الأخضر|البيضاء|المرج|تاجوراء|جنزور
        america|united states|usa|us|u.s.|britain|great britain|england|scotland|wales|russia|china|iran|turkey
        syria|iraq|lebanon|jordan|palestine|israel|egypt|libya|tunisia|algeria|morocco|sudan|yemen|saudi arabia
        europe|asia|africa|australia|north america|south america|latin america|middle east|gulf|balkans
        washington|new york|london|paris|moscow|beijing|tokyo|berlin|rome|madrid|vienna|geneva|brussels|ankara
        istanbul|tehran|baghdad|damascus|beirut|jerusalem|gaza|cairo|tripoli|benghazi|kabul|california|texas
        florida|chicago|los angeles|boston|toronto|sydney|canada|mexico|brazil|india|japan|germany|france|italy
        spain|ireland|hollywood|manhattan|europe
        """
}

/// Country and region names in Arabic and English, from CLDR (Foundation's `Locale`), without
/// the organizations CLDR lists among regions (United Nations, European Union).
extension CuratedLexicon {
    static let arabicCountries = """
        جزيرة أسينشيون|أندورا|الإمارات العربية المتحدة|أفغانستان|أنتيغوا وبربودا|أنغويلا|ألبانيا|أرمينيا
        أنغولا|أنتاركتيكا|الأرجنتين|ساموا الأمريكية|النمسا|أستراليا|أروبا|جزر آلاند|أذربيجان|البوسنة والهرسك
        بربادوس|بنغلاديش|بلجيكا|بوركينا فاسو|بلغاريا|البحرين|بوروندي|بنين|سان بارتليمي|برمودا|بروناي
        بوليفيا|هولندا الكاريبية|البرازيل|جزر البهاما|بوتان|جزيرة بوفيه|بوتسوانا|بيلاروس|بليز|كندا|الكونغو - كينشاسا
        جمهورية أفريقيا الوسطى|الكونغو - برازافيل|سويسرا|ساحل العاج|جزر كوك|تشيلي|الكاميرون|بر الصين الرئيسي
        كولومبيا|جزيرة كليبيرتون|Sark|كوستاريكا|كوبا|الرأس الأخضر|كوراساو|جزيرة كريسماس|قبرص|التشيك
        ألمانيا|دييغو غارسيا|جيبوتي|الدانمرك|دومينيكا|جمهورية الدومينيكان|الجزائر|سيوتا وميليلا|الإكوادور
        إستونيا|مصر|الصحراء الغربية|إريتريا|إسبانيا|إثيوبيا||فنلندا|فيجي
        جزر فوكلاند|ميكرونيزيا|جزر فارو|فرنسا|الغابون|المملكة المتحدة|غرينادا|جورجيا|غويانا الفرنسية
        غيرنزي|غانا|جبل طارق|غرينلاند|غامبيا|غينيا|غوادلوب|غينيا الاستوائية|اليونان|جورجيا الجنوبية وجزر ساندويتش الجنوبية
        غواتيمالا|غوام|غينيا بيساو|غيانا|هونج كونج|جزيرة هيرد وجزر ماكدونالد|هندوراس|كرواتيا|هايتي|هنغاريا
        جزر الكناري|إندونيسيا|أيرلندا|إسرائيل|جزيرة مان|الهند|أرخببيل تشاغوس|العراق|إيران|آيسلندا|إيطاليا
        جيرسي|جامايكا|الأردن|اليابان|كينيا|قيرغيزستان|كمبوديا|كيريباتي|جزر القمر|سانت كيتس ونيفيس|كوريا الشمالية
        كوريا الجنوبية|الكويت|جزر كايمان|كازاخستان|لاوس|لبنان|سانت لوسيا|ليختنشتاين|سريلانكا|ليبيريا
        ليسوتو|ليتوانيا|لوكسمبورغ|لاتفيا|ليبيا|المغرب|موناكو|مولدوفا|الجبل الأسود|سان مارتن|مدغشقر|جزر مارشال
        مقدونيا الشمالية|مالي|منغوليا|ماكاو|جزر ماريانا الشمالية|جزر المارتينيك|موريتانيا|مونتسرات|مالطا
        موريشيوس|جزر المالديف|ملاوي|المكسيك|ماليزيا|موزمبيق|ناميبيا|كاليدونيا الجديدة|النيجر|جزيرة نورفولك
        نيجيريا|نيكاراغوا|هولندا|النرويج|نيبال|ناورو|نيوي|نيوزيلندا|عُمان|بنما|بيرو|بولينيزيا الفرنسية
        بابوا غينيا الجديدة|الفلبين|باكستان|بولندا|سان بيير ومكويلون|جزر بيتكيرن|بورتوريكو|الأراضي الفلسطينية
        البرتغال|بالاو|باراغواي|قطر|أوقيانوسيا النائية|روينيون|رومانيا|صربيا|روسيا|رواندا|المملكة العربية السعودية
        جزر سليمان|سيشل|السودان|السويد|سنغافورة|سانت هيلينا|سلوفينيا|سفالبارد وجان ماين|سلوفاكيا|سيراليون
        سان مارينو|السنغال|الصومال|سورينام|جنوب السودان|ساو تومي وبرينسيبي|السلفادور|سانت مارتن|سوريا
        إسواتيني|تريستان دا كونا|جزر توركس وكايكوس|تشاد|الأقاليم الجنوبية الفرنسية|توغو|تايلاند|طاجيكستان
        توكيلاو|تيمور - ليشتي|تركمانستان|تونس|تونغا|تركيا|ترينيداد وتوباغو|توفالو|تايوان|تنزانيا|أوكرانيا
        أوغندا|جزر الولايات المتحدة النائية|الولايات المتحدة|أورغواي|أوزبكستان|الفاتيكان
        سانت فنسنت وجزر غرينادين|فنزويلا|جزر فيرجن البريطانية|جزر فيرجن الأمريكية|فيتنام|فانواتو|جزر والس وفوتونا
        ساموا|كوسوفو|اليمن|مايوت|جنوب أفريقيا|زامبيا|زيمبابوي
        """

    static let englishCountries = """
        Ascension Island|Andorra|United Arab Emirates|Afghanistan|Anguilla|Albania|Armenia|Angola|Antarctica
        Argentina|American Samoa|Austria|Australia|Aruba|Åland Islands|Azerbaijan|Barbados|Bangladesh
        Belgium|Burkina Faso|Bulgaria|Bahrain|Burundi|Benin|St. Barthélemy|Bermuda|Brunei|Bolivia|Caribbean Netherlands
        Brazil|Bahamas|Bhutan|Bouvet Island|Botswana|Belarus|Belize|Canada|Congo - Kinshasa|Central African Republic
        Congo - Brazzaville|Switzerland|Côte d’Ivoire|Cook Islands|Chile|Cameroon|China mainland|Colombia
        Clipperton Island|Sark|Costa Rica|Cuba|Cape Verde|Curaçao|Christmas Island|Cyprus|Czechia|Germany
        Diego Garcia|Djibouti|Denmark|Dominica|Dominican Republic|Algeria|Ecuador|Estonia|Egypt|Western Sahara
        Eritrea|Spain|Ethiopia||Finland|Fiji|Falkland Islands|Micronesia|Faroe Islands
        France|Gabon|United Kingdom|Grenada|Georgia|French Guiana|Guernsey|Ghana|Gibraltar|Greenland
        Gambia|Guinea|Guadeloupe|Equatorial Guinea|Greece|Guatemala|Guam|Guinea-Bissau|Guyana|Hong Kong
        Honduras|Croatia|Haiti|Hungary|Canary Islands|Indonesia|Ireland|Israel|Isle of Man|India|Chagos Archipelago
        Iraq|Iran|Iceland|Italy|Jersey|Jamaica|Jordan|Japan|Kenya|Kyrgyzstan|Cambodia|Kiribati|Comoros
        North Korea|South Korea|Kuwait|Cayman Islands|Kazakhstan|Laos|Lebanon|St. Lucia|Liechtenstein
        Sri Lanka|Liberia|Lesotho|Lithuania|Luxembourg|Latvia|Libya|Morocco|Monaco|Moldova|Montenegro
        St. Martin|Madagascar|Marshall Islands|North Macedonia|Mali|Mongolia|Macao|Northern Mariana Islands
        Martinique|Mauritania|Montserrat|Malta|Mauritius|Maldives|Malawi|Mexico|Malaysia|Mozambique
        Namibia|New Caledonia|Niger|Norfolk Island|Nigeria|Nicaragua|Netherlands|Norway|Nepal|Nauru
        Niue|New Zealand|Oman|Panama|Peru|French Polynesia|Papua New Guinea|Philippines|Pakistan|Poland
        Pitcairn Islands|Puerto Rico|Palestinian Territories|Portugal|Palau|Paraguay|Qatar|Outlying Oceania
        Réunion|Romania|Serbia|Russia|Rwanda|Saudi Arabia|Solomon Islands|Seychelles|Sudan|Sweden|Singapore
        St. Helena|Slovenia|Slovakia|Sierra Leone|San Marino|Senegal|Somalia|Suriname|South Sudan|El Salvador
        Sint Maarten|Syria|Eswatini|Tristan da Cunha|Chad|French Southern Territories|Togo|Thailand
        Tajikistan|Tokelau|Timor-Leste|Turkmenistan|Tunisia|Tonga|Türkiye|Tuvalu|Taiwan|Tanzania|Ukraine
        Uganda|U.S. Outlying Islands|United States|Uruguay|Uzbekistan|Vatican City|Venezuela
        British Virgin Islands|U.S. Virgin Islands|Vietnam|Vanuatu|Samoa|Kosovo|Yemen|Mayotte|South Africa
        Zambia|Zimbabwe
        """
}
