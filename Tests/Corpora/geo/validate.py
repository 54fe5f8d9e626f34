#!/usr/bin/env python3
"""Check the geo corpus files: every line parses, ids are well formed and unique,
every expected span occurs in its text (at the stated occurrence), coordinates are in
range, country codes are two capital letters. Exit status 1 on any problem.

Usage: python3 validate.py [DIR]   (DIR defaults to this file's folder; a DIR named *-heldout,
such as ../geo-heldout, has ids geo-ho-…)
"""
import json, os, re, sys

FILES = {  # file: (id pattern, negative?); {p} is geo- here, geo-ho- in a folder named *-heldout
    'ar.jsonl': (r'^{p}ar-\d{4}$', False),
    'en.jsonl': (r'^{p}en-\d{4}$', False),
    'negatives-ar.jsonl': (r'^{p}neg-ar-\d{4}$', True),
    'negatives-en.jsonl': (r'^{p}neg-en-\d{4}$', True),
}
MINIMUM = {'ar.jsonl': 160, 'en.jsonl': 110, 'negatives-ar.jsonl': 60, 'negatives-en.jsonl': 40}
FEATURES = {'PCLI', 'PPLC', 'PPLA', 'PPL', 'ADM1', 'CONT', 'RGN'}
KEYS = {'text', 'occurrence', 'country', 'lat', 'lon', 'geonames_id', 'feature'}


def starts(text, sub):
    """Start offsets of every exact (case-sensitive) match of sub, overlapping ones included."""
    out, i = [], text.find(sub)
    while i >= 0:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


def check(folder):
    errors, seen_ids, seen_texts, counts = [], set(), {}, {}
    prefix = 'geo-ho-' if os.path.basename(os.path.abspath(folder)).endswith('-heldout') else 'geo-'
    for name, (id_pattern, negative) in FILES.items():
        id_re = id_pattern.replace('{p}', prefix)
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            errors.append(f'{name}: missing')
            continue
        n = 0
        with open(path, encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                where = f'{name}:{lineno}'
                if not line.strip():
                    errors.append(f'{where}: empty line'); continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as e:
                    errors.append(f'{where}: bad JSON ({e})'); continue
                n += 1
                if set(row) != {'id', 'text', 'expected'}:
                    errors.append(f'{where}: keys must be id, text, expected; got {sorted(row)}')
                rid, text, exp = row.get('id'), row.get('text'), row.get('expected')
                if not isinstance(rid, str) or not re.match(id_re, rid):
                    errors.append(f'{where}: bad id {rid!r}')
                elif rid in seen_ids:
                    errors.append(f'{where}: duplicate id {rid}')
                seen_ids.add(rid)
                if not isinstance(text, str) or not text.strip():
                    errors.append(f'{where}: empty text'); continue
                if text in seen_texts:
                    errors.append(f'{where}: same text as {seen_texts[text]}')
                seen_texts.setdefault(text, rid)
                if not isinstance(exp, list):
                    errors.append(f'{where}: expected must be a list'); continue
                if negative and exp:
                    errors.append(f'{where}: a negative must have expected == []')
                if not negative and not exp:
                    errors.append(f'{where}: a positive needs at least one expected place')
                spans = []
                for k, e in enumerate(exp):
                    w = f'{where} expected[{k}]'
                    if not isinstance(e, dict):
                        errors.append(f'{w}: not an object'); continue
                    extra = set(e) - KEYS
                    if extra:
                        errors.append(f'{w}: unknown keys {sorted(extra)}')
                    s = e.get('text')
                    if not isinstance(s, str) or not s:
                        errors.append(f'{w}: missing text'); continue
                    if s != s.strip():
                        errors.append(f'{w}: span has surrounding spaces')
                    hits = starts(text, s)
                    occ = e.get('occurrence')
                    if not hits:
                        errors.append(f'{w}: {s!r} not in text'); continue
                    if occ is None:
                        if len(hits) > 1:
                            errors.append(f'{w}: {s!r} occurs {len(hits)} times; give "occurrence"')
                        occ = 1
                    elif not isinstance(occ, int) or isinstance(occ, bool) or not 1 <= occ <= len(hits):
                        errors.append(f'{w}: occurrence {occ!r} out of 1..{len(hits)}'); continue
                    start = hits[occ - 1]
                    spans.append((start, start + len(s), s))
                    lat, lon = e.get('lat'), e.get('lon')
                    if not isinstance(lat, (int, float)) or isinstance(lat, bool) or not -90 <= lat <= 90:
                        errors.append(f'{w}: bad lat {lat!r}')
                    if not isinstance(lon, (int, float)) or isinstance(lon, bool) or not -180 <= lon <= 180:
                        errors.append(f'{w}: bad lon {lon!r}')
                    feat = e.get('feature')
                    if feat is not None and feat not in FEATURES:
                        errors.append(f'{w}: unknown feature {feat!r}')
                    cc = e.get('country')
                    if cc is None:
                        if feat not in ('CONT', 'RGN'):
                            errors.append(f'{w}: country missing (allowed only for CONT and multi-country RGN)')
                    elif not isinstance(cc, str) or not re.fullmatch(r'[A-Z]{2}', cc):
                        errors.append(f'{w}: bad country {cc!r}')
                    gid = e.get('geonames_id')
                    if gid is not None and (not isinstance(gid, int) or isinstance(gid, bool) or gid <= 0):
                        errors.append(f'{w}: bad geonames_id {gid!r}')
                spans.sort()
                for (a1, b1, s1), (a2, b2, s2) in zip(spans, spans[1:]):
                    if a2 < b1:
                        errors.append(f'{where}: spans overlap: {s1!r} and {s2!r}')
        counts[name] = n
        if n < MINIMUM[name]:
            errors.append(f'{name}: {n} lines, fewer than {MINIMUM[name]}')
    return errors, counts


if __name__ == '__main__':
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    errors, counts = check(folder)
    for e in errors:
        print(e)
    print(', '.join(f'{k}: {v}' for k, v in counts.items()))
    print('OK' if not errors else f'{len(errors)} problem(s)')
    sys.exit(1 if errors else 0)
