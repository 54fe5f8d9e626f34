#!/usr/bin/env python3
"""Build the held-out geo corpus from its sources in src/.

src/ar.txt, src/en.txt: one sentence a line, each place written as [span|key];
src/negatives-ar.txt, src/negatives-en.txt: one sentence a line, no markup;
src/places.tsv: key, English name, country, lat, lon, kind, geonames_id.
Lines starting with '#' are comments. The script strips the markup, finds each
span's offset, derives `occurrence` exactly as ../geo/README.md defines it (the
n-th exact, case-sensitive substring match, overlapping and in-word matches
counted) and writes the four .jsonl files beside this script.

Usage: python3 build.py
"""
import csv, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'geo'))
from validate import starts  # noqa: E402  (the occurrence rule, in one place)

SRC = os.path.join(HERE, 'src')
FEATURE = {'C': 'PCLI', 'P': 'PPLC', 'A': 'ADM1', 'K': 'CONT', 'R': 'RGN', 'c': None}
MARK = re.compile(r'\[([^\]|]+)\|([^\]]+)\]')


def places():
    out = {}
    with open(os.path.join(SRC, 'places.tsv'), encoding='utf-8') as f:
        for row in csv.reader(f, delimiter='\t'):
            if not row or row[0].startswith('#'):
                continue
            key, name, cc, lat, lon, kind, gid = row
            if key in out:
                raise SystemExit(f'places.tsv: duplicate key {key}')
            e = {}
            if cc:
                e['country'] = cc
            e['lat'] = float(lat)
            e['lon'] = float(lon)
            if gid:
                e['geonames_id'] = int(gid)
            if FEATURE[kind]:
                e['feature'] = FEATURE[kind]
            out[key] = e
    return out


def lines(name):
    with open(os.path.join(SRC, name), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.strip() and not line.startswith('#'):
                yield line


def positives(name, prefix, table):
    rows = []
    for n, line in enumerate(lines(name), 1):
        text, spans, pos = '', [], 0
        for m in MARK.finditer(line):
            text += line[pos:m.start()]
            spans.append((len(text), m.group(1), m.group(2)))
            text += m.group(1)
            pos = m.end()
        text += line[pos:]
        if '[' in text or ']' in text or '|' in text:
            raise SystemExit(f'{name}:{n}: stray markup in {text!r}')
        expected = []
        for start, span, key in spans:
            if key not in table:
                raise SystemExit(f'{name}:{n}: unknown place key {key!r}')
            e = {'text': span}
            hits = starts(text, span)
            if len(hits) > 1:
                e['occurrence'] = hits.index(start) + 1
            e.update(table[key])
            expected.append(e)
        rows.append({'id': f'{prefix}{n:04d}', 'text': text, 'expected': expected})
    return rows


def negatives(name, prefix):
    rows = []
    for n, line in enumerate(lines(name), 1):
        if MARK.search(line):
            raise SystemExit(f'{name}:{n}: a negative has markup')
        rows.append({'id': f'{prefix}{n:04d}', 'text': line, 'expected': []})
    return rows


def write(name, rows):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    table = places()
    write('ar.jsonl', positives('ar.txt', 'geo-ho-ar-', table))
    write('en.jsonl', positives('en.txt', 'geo-ho-en-', table))
    write('negatives-ar.jsonl', negatives('negatives-ar.txt', 'geo-ho-neg-ar-'))
    write('negatives-en.jsonl', negatives('negatives-en.txt', 'geo-ho-neg-en-'))
