#!/usr/bin/env python3
"""Checks the held-out corpus files for format errors (not for annotation quality)."""
import datetime, json, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = {"ar.jsonl": r"ar-h-\d{4}", "en.jsonl": r"en-h-\d{4}",
         "negatives-ar.jsonl": r"neg-ar-h-\d{4}", "negatives-en.jsonl": r"neg-en-h-\d{4}"}
REF = "2016-05-17T08:00:00Z"
TYPES = {"date", "time", "duration", "set"}
MODS = {"MORE_THAN", "LESS_THAN", "APPROX", "START", "MID", "END"}
KEYS = {"text", "type", "value", "begin", "end", "mod", "calendar"}
DAY = r"\d{4}-\d{2}-\d{2}"
VALUE = {
    "date": re.compile(r"^(\d{2,4}|\d{4}-(\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI|W\d{2}(-WE)?)|" + DAY
                       + r"|PRESENT_REF|PAST_REF|FUTURE_REF)$"),
    "time": re.compile(r"^" + DAY + r"T(\d{2}:\d{2}(:\d{2})?Z?|MO|AF|EV|NI)$"),
    "duration": re.compile(r"^P(\d+(\.\d+)?|X)[YMWD]$|^PT(\d+(\.\d+)?|X)[HMS]$"),
    "set": re.compile(r"^P\d+[YMWD]$|^PT\d+[HMS]$|^XXXX-(WXX-[1-7]|\d{2}-\d{2}|XX-XXT(MO|AF|EV|NI))$"),
}
BOUND = re.compile(r"^" + DAY + r"(T\d{2}:\d{2})?$")
WEEKDAYS = [  # (ISO weekday, words)
    (1, ["الاثنين", "Monday"]), (2, ["الثلاثاء", "Tuesday"]), (3, ["الأربعاء", "Wednesday"]),
    (4, ["الخميس", "Thursday"]), (5, ["الجمعة", "Friday"]), (6, ["السبت", "Saturday"]),
    (7, ["الأحد", "Sunday"])]

def check(name, pattern):
    errors, ids, n = [], set(), 0
    for lineno, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: bad JSON ({e})"); continue
        n += 1
        if set(obj) != {"id", "text", "reference", "expected"}:
            errors.append(f"{where}: keys {sorted(obj)}")
        if not re.fullmatch(pattern, obj.get("id", "")) or obj["id"] in ids:
            errors.append(f"{where}: bad or duplicate id {obj.get('id')}")
        ids.add(obj.get("id"))
        if obj.get("reference") != REF:
            errors.append(f"{where}: reference {obj.get('reference')}")
        text, exp = obj["text"], obj["expected"]
        if name.startswith("negatives") and exp:
            errors.append(f"{where}: a negative with expressions")
        if not name.startswith("negatives") and not exp:
            errors.append(f"{where}: no expressions")
        last_end = 0
        for item in exp:
            w = f"{where} «{item.get('text')}»"
            if set(item) - KEYS:
                errors.append(f"{w}: unknown keys {set(item) - KEYS}")
            k = text.count(item["text"])
            if k != 1:
                errors.append(f"{w}: occurs {k} times"); continue
            start = text.index(item["text"])
            if start < last_end:
                errors.append(f"{w}: out of order or overlapping")
            last_end = start + len(item["text"])
            if item["text"] != item["text"].strip():
                errors.append(f"{w}: surrounding spaces")
            typ = item.get("type")
            if typ not in TYPES:
                errors.append(f"{w}: type {typ}"); continue
            if "mod" in item and item["mod"] not in MODS:
                errors.append(f"{w}: mod {item['mod']}")
            if "calendar" in item and item["calendar"] != "islamic-umalqura":
                errors.append(f"{w}: calendar {item['calendar']}")
            if "begin" in item or "end" in item:
                if "value" in item or typ not in ("date", "time"):
                    errors.append(f"{w}: a range has a value or a bad type")
                b, e = item.get("begin", ""), item.get("end", "")
                if not (BOUND.match(b) and BOUND.match(e)) or not b < e:
                    errors.append(f"{w}: bad begin/end {b} {e}")
            else:
                v = item.get("value")
                if v is None or not VALUE[typ].match(v):
                    errors.append(f"{w}: bad {typ} value {v}")
                    continue
                m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
                if m and typ in ("date", "time"):
                    day = datetime.date(*map(int, m.groups()))
                    for iso, words in WEEKDAYS:
                        if any(wd in item["text"] for wd in words) and day.isoweekday() != iso \
                                and "بعد" not in item["text"] and "later" not in item["text"]:
                            errors.append(f"{w}: {v} is not a {words[1]}")
    return n, errors

def main():
    total_errors = []
    for name, pattern in FILES.items():
        n, errors = check(name, pattern)
        print(f"{name}: {n} lines, {len(errors)} errors")
        total_errors += errors
    for e in total_errors:
        print("  " + e)
    return 1 if total_errors else 0

if __name__ == "__main__":
    sys.exit(main())
