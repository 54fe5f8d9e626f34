"""The gloss.geo gazetteer file (gazetteer.bin): writer and reader, Python side.

The layout is documented in Plugins/Geo/Data/FORMAT.md; the Swift reader is
Plugins/Geo/Gazetteer.swift. build-gazetteer.py writes files with `write`; export-places.py and
the round-trip check read them with `read`. Standard library only.
"""

import struct
import zlib

MAGIC = b"GLSGEO01"
VERSION = 1
HEADER_SIZE = 128
SECTION_NAMES = ("places", "keys", "postings", "slots", "demonyms", "features", "countries", "admin1", "strings",
                 "metadata")
PLACE_SIZE = 24
KEY_SIZE = 12
DEMONYM_SIZE = 8
FEATURE_SIZE = 8
COUNTRY_SIZE = 2
ADMIN1_SIZE = 8
ALIGN = 16

NO_GEONAMES_ID = 0
PLACE_CAPITAL = 0x80  # in the feature byte
PLACE_FEATURE_MASK = 0x7F
KEY_COMMON_WORD = 0x01
KEY_DEMONYM = 0x02
POSTING_ALTERNATE = 0x01  # stored in the posting's top byte
POSTING_PLACE_MASK = 0x00FFFFFF
MAX_KEY_BYTES = 255
MAX_POSTINGS = 0xFFFF


def key_hash(data):
    """64-bit FNV-1a of the key's UTF-8 bytes, then MurmurHash3's fmix64 to spread the low bits."""
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & 0xFFFFFFFFFFFFFFFF
    h ^= h >> 33
    return h


def slot_count_for(key_count):
    """Slots for `key_count` keys: the table is at most 70 % full (at least 16 slots)."""
    return max(16, -(-key_count * 10 // 7))


def home_slot(h, slot_count):
    """The first slot to probe: the low 32 bits of the hash scaled to the table (no modulo)."""
    return ((h & 0xFFFFFFFF) * slot_count) >> 32


def fingerprint(h):
    """The top 8 bits of the hash, stored beside the key number to skip most comparisons."""
    return h >> 56


def coordinate(value):
    """Degrees as the stored Int32 of 1e-5 degrees, rounded half away from zero."""
    scaled = abs(value) * 100000.0
    rounded = int(scaled + 0.5)
    return -rounded if value < 0 else rounded


class StringTable:
    """UTF-8 strings, each stored once, addressed by (offset, byte length)."""

    def __init__(self):
        self.data = bytearray()
        self.offsets = {}

    def add(self, text):
        encoded = text.encode("utf-8")
        if encoded not in self.offsets:
            self.offsets[encoded] = len(self.data)
            self.data += encoded
        return self.offsets[encoded], len(encoded)


def write(places, keys, demonyms, metadata):
    """The file's bytes.

    places: list of dicts with geonames_id (int or None), name, country ("" or ISO2), latitude,
        longitude, feature, population, capital (bool), admin1.
    keys: list of (key, [(place index, is_alternate)], is_common_word, demonym place or None),
        in any order; written sorted by key bytes. Postings are written in the order given.
    demonyms: ignored beyond what keys carry (kept for symmetry with the Swift writer).
    metadata: text.
    """
    del demonyms
    strings = StringTable()
    features = sorted({p["feature"] for p in places})
    if len(features) > PLACE_FEATURE_MASK:
        raise ValueError("more than 127 feature codes")
    countries = [""] + sorted({p["country"] for p in places} - {""})
    if len(countries) > 256:
        raise ValueError("more than 255 country codes")
    admin1_codes = [""] + sorted({p["admin1"] for p in places} - {""})
    if len(admin1_codes) > 0x10000:
        raise ValueError("more than 65535 admin1 codes")
    feature_index = {code: i for i, code in enumerate(features)}
    country_index = {code: i for i, code in enumerate(countries)}
    admin1_index = {code: i for i, code in enumerate(admin1_codes)}

    place_bytes = bytearray()
    for p in places:
        name_offset, name_length = strings.add(p["name"])
        if name_length > 0xFF or name_offset > 0xFFFFFF:
            raise ValueError(f"name too long or string table too large: {p['name']!r}")
        if len(p["country"]) not in (0, 2) or len(p["admin1"].encode("ascii")) > ADMIN1_SIZE:
            raise ValueError(f"bad country or admin1 code in {p!r}")
        population = max(0, min(int(p["population"]), 0xFFFFFFFF))
        place_bytes += struct.pack(
            "<IiiIIHBB",
            p["geonames_id"] or NO_GEONAMES_ID,
            coordinate(p["latitude"]),
            coordinate(p["longitude"]),
            population,
            name_offset | (name_length << 24),
            admin1_index[p["admin1"]],
            country_index[p["country"]],
            feature_index[p["feature"]] | (PLACE_CAPITAL if p["capital"] else 0),
        )

    sorted_keys = sorted(keys, key=lambda k: k[0].encode("utf-8"))
    key_bytes = bytearray()
    posting_bytes = bytearray()
    demonym_bytes = bytearray()
    posting_count = 0
    maximum_words = 0
    for index, (key, postings, common, demonym) in enumerate(sorted_keys):
        encoded = key.encode("utf-8")
        if not encoded or len(encoded) > MAX_KEY_BYTES or len(postings) > MAX_POSTINGS:
            raise ValueError(f"key out of range: {key!r}")
        offset, length = strings.add(key)
        flags = (KEY_COMMON_WORD if common else 0) | (KEY_DEMONYM if demonym is not None else 0)
        key_bytes += struct.pack("<IIHBB", offset, posting_count, len(postings), length, flags)
        for place, alternate in postings:
            if place > POSTING_PLACE_MASK:
                raise ValueError("too many places")
            posting_bytes += struct.pack("<I", place | ((POSTING_ALTERNATE if alternate else 0) << 24))
        posting_count += len(postings)
        if demonym is not None:
            demonym_bytes += struct.pack("<II", index, demonym)
        if postings:
            maximum_words = max(maximum_words, key.count(" ") + 1)

    slot_count = slot_count_for(len(sorted_keys))
    slots = [0] * slot_count
    for index, (key, _, _, _) in enumerate(sorted_keys):
        h = key_hash(key.encode("utf-8"))
        slot = home_slot(h, slot_count)
        while slots[slot] != 0:
            slot = slot + 1 if slot + 1 < slot_count else 0
        slots[slot] = (fingerprint(h) << 24) | (index + 1)
    slot_bytes = struct.pack(f"<{slot_count}I", *slots)

    feature_bytes = b"".join(code.encode("ascii").ljust(FEATURE_SIZE, b"\0") for code in features)
    country_bytes = b"".join(code.encode("ascii").ljust(COUNTRY_SIZE, b"\0") for code in countries)
    admin1_bytes = b"".join(code.encode("ascii").ljust(ADMIN1_SIZE, b"\0") for code in admin1_codes)
    sections = [
        bytes(place_bytes), bytes(key_bytes), bytes(posting_bytes), slot_bytes, bytes(demonym_bytes),
        feature_bytes, country_bytes, admin1_bytes, bytes(strings.data), metadata.encode("utf-8"),
    ]
    body = bytearray()
    table = []
    offset = HEADER_SIZE
    for section in sections:
        padding = (-offset) % ALIGN
        body += b"\0" * padding
        offset += padding
        table.append((offset, len(section)))
        body += section
        offset += len(section)
    header = bytearray(MAGIC)
    header += struct.pack(
        "<IIIIIIIIII",
        VERSION, HEADER_SIZE, len(places), len(sorted_keys), posting_count, slot_count,
        len(demonym_bytes) // DEMONYM_SIZE, maximum_words, len(sections), zlib.crc32(body),
    )
    for section_offset, section_length in table:
        header += struct.pack("<II", section_offset, section_length)
    if len(header) != HEADER_SIZE:
        raise AssertionError("header layout")
    return bytes(header) + bytes(body)


class Gazetteer:
    """A parsed file (for scripts and checks; Swift reads the bytes in place)."""

    def __init__(self, data):
        if len(data) < HEADER_SIZE or data[:8] != MAGIC:
            raise ValueError("not a gloss.geo gazetteer (bad magic)")
        fields = struct.unpack_from("<IIIIIIIIII", data, 8)
        (version, header_size, self.place_count, self.key_count, self.posting_count,
         self.slot_count, self.demonym_count, self.maximum_key_words, section_count, crc) = fields
        if version != VERSION:
            raise ValueError(f"format version {version}, expected {VERSION}")
        if header_size != HEADER_SIZE or section_count != len(SECTION_NAMES):
            raise ValueError("header size or section count do not match this reader")
        self.sections = {}
        for i, name in enumerate(SECTION_NAMES):
            offset, length = struct.unpack_from("<II", data, 48 + 8 * i)
            if offset + length > len(data):
                raise ValueError(f"section {name} lies outside the file")
            self.sections[name] = data[offset:offset + length]
        if zlib.crc32(data[HEADER_SIZE:]) != crc:
            raise ValueError("checksum mismatch: the file is damaged")
        self.metadata = self.sections["metadata"].decode("utf-8")
        self.features = self._codes("features", FEATURE_SIZE)
        self.countries = self._codes("countries", COUNTRY_SIZE)
        self.admin1_codes = self._codes("admin1", ADMIN1_SIZE)

    def _codes(self, section, size):
        data = self.sections[section]
        return [data[i:i + size].rstrip(b"\0").decode("ascii") for i in range(0, len(data), size)]

    def string(self, offset, length):
        return self.sections["strings"][offset:offset + length].decode("utf-8")

    def place(self, index):
        (geonames_id, lat, lon, population, name, admin1, country, feature) = struct.unpack_from(
            "<IiiIIHBB", self.sections["places"], index * PLACE_SIZE)
        return {
            "geonames_id": geonames_id or None,
            "name": self.string(name & 0xFFFFFF, name >> 24),
            "country": self.countries[country],
            "latitude": lat / 100000.0,
            "longitude": lon / 100000.0,
            "feature": self.features[feature & PLACE_FEATURE_MASK],
            "population": population,
            "capital": bool(feature & PLACE_CAPITAL),
            "admin1": self.admin1_codes[admin1],
        }

    def keys(self):
        """Every (key, [(place, is_alternate)], is_common_word, is_demonym), in file order."""
        postings = self.sections["postings"]
        for index in range(self.key_count):
            offset, first, count, length, flags = struct.unpack_from("<IIHBB", self.sections["keys"], index * KEY_SIZE)
            entries = []
            for p in range(first, first + count):
                (value,) = struct.unpack_from("<I", postings, 4 * p)
                entries.append((value & POSTING_PLACE_MASK, bool((value >> 24) & POSTING_ALTERNATE)))
            yield self.string(offset, length), entries, bool(flags & KEY_COMMON_WORD), bool(flags & KEY_DEMONYM)
