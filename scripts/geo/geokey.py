"""Name keys for the gloss.geo gazetteer: one normalization, identical in Python and Swift.

The Swift twin is `GeoKey.normalize` in Plugins/Geo/GeoKey.swift; the test target
GlossGeoGazetteerTests checks that both agree on every pair in Plugins/Geo/Data/key-examples.tsv,
which build-gazetteer.py writes with this module. Change both or neither.

For each Unicode scalar of the input, in order:

1. An apostrophe-like scalar (APOSTROPHES) is dropped: "Sana'a" -> "sanaa", "Ṣanʿāʾ" -> "sana".
   This happens before decomposition, since NFKD turns the acute accent U+00B4 into a space.
2. The scalar is decomposed with NFKD (Arabic presentation forms become plain letters,
   accented Latin letters become a letter and combining marks, ligatures come apart).
3. Each resulting scalar: apostrophe-like -> dropped; Arabic letters folded (ARABIC_FOLD:
   أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي, Persian ی -> ي, ک -> ك); Arabic diacritics
   U+064B-U+065F, superscript alef U+0670 and tatweel U+0640 dropped.
4. The rest is lower-cased with the full Unicode mapping of that one scalar, and each scalar of
   the result is kept if it is a letter (L*), turned into an ASCII digit if it is a decimal
   digit (Nd: Arabic-Indic ٣ -> 3), dropped if it is a mark (M*) or a format character (Cf:
   ZWNJ, LRM, soft hyphen), and otherwise (spaces, punctuation, hyphens, symbols) ends a word.

The key is the words joined by single spaces, with no space at either end; "" if no word.
Clitics (و ب ل ال) are not removed: the matcher tries the variants itself.
"""

import unicodedata

# ' ‘ ’ ʹ ʻ ʼ ʽ ʾ ʿ ˈ ` ´ ′
APOSTROPHES = frozenset("\u0027\u2018\u2019\u02B9\u02BB\u02BC\u02BD\u02BE\u02BF\u02C8\u0060\u00B4\u2032")

ARABIC_FOLD = {
    "\u0622": "\u0627",  # آ -> ا
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0649": "\u064A",  # ى -> ي
    "\u0629": "\u0647",  # ة -> ه
    "\u0624": "\u0648",  # ؤ -> و
    "\u0626": "\u064A",  # ئ -> ي
    "\u06CC": "\u064A",  # Persian ی -> ي
    "\u06A9": "\u0643",  # Persian ک -> ك
}

ARABIC_DROP = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])


def normalize(text):
    """The key of `text` (see the module documentation)."""
    words = []
    word = []
    for scalar in text:
        if scalar in APOSTROPHES:
            continue
        decomposed = unicodedata.normalize("NFKD", scalar)
        for part in decomposed:
            if part in APOSTROPHES:
                continue
            part = ARABIC_FOLD.get(part, part)
            if part in ARABIC_DROP:
                continue
            for lowered in part.lower():
                category = unicodedata.category(lowered)
                if category[0] == "L":
                    word.append(lowered)
                elif category == "Nd":
                    word.append(chr(0x30 + unicodedata.decimal(lowered)))
                elif category[0] == "M" or category == "Cf":
                    continue
                elif word:
                    words.append("".join(word))
                    word = []
    if word:
        words.append("".join(word))
    return " ".join(words)


def is_arabic_script(key):
    """True if the key's letters are Arabic script (U+0600-U+06FF), i.e. an Arabic-side name."""
    return any("\u0600" <= c <= "\u06FF" for c in key)
