#!/usr/bin/env python3
"""Accuracy of the Python baseline dateparser on Gloss's date corpus, scored like `gloss eval`.

Usage (with the interpreter of the venv that setup-baselines.sh made):
    VENV/bin/python scripts/bench/date-accuracy.py --corpus Tests/Corpora/dates \
        [--gloss .build/release/gloss] [--json OUT.json] [--verbose]

The baseline is the call the speed benchmark times (scripts/bench/baselines.py), with the
corpus line's document time as the base for relative expressions:

    dateparser.search.search_dates(text, languages=['ar', 'en'],
                                   settings={'RELATIVE_BASE': reference})

run on every line of every *.jsonl file of the corpus (Tests/Corpora/dates/README.md gives
the format). `reference` is the line's "reference" (ISO 8601) as a naive datetime in UTC;
the process runs with TZ=UTC so that the machine's time zone changes nothing.

Scoring: the rules of `gloss eval` (Sources/gloss/EvalCommand.swift), copied exactly.
* Files whose names start with "negatives" hold sentences where nothing may be found; every
  prediction in them is a "negative hit". They count in no precision or recall.
* In the other files, for each expected item in order, the first not yet matched prediction
  with exactly the same text is its match (the gold text occurs once in its sentence, so
  equal text means equal offsets). precision = matched / found, recall = matched /
  expected, F1 their harmonic mean; per file (one language each) and over all files.
* Value accuracy = correct / matched, where a matched prediction is correct when its type
  equals the gold type, its value equals the gold value when the gold has one, its
  begin/end equal the gold begin/end when the gold has them, and its mod equals the gold
  mod (absent on both sides counts as equal). "calendar" is not compared.
* Not in `gloss eval`, reported for dateparser only and labelled as such: a relaxed score
  where a prediction overlapping the gold span (by character offsets) is a match. Offsets
  of a prediction are those of the first occurrence of its matched text in the sentence
  that no earlier prediction of the same sentence took.

Conversion of dateparser's (matched text, datetime) to a TIMEX3-like value. dateparser
1.5.0 also knows the granularity of what it parsed (its "period"): search_dates returns it
with add_period=True, and tells a time of day from a day with the setting
RETURN_TIME_AS_PERIOD=True. The script makes this second call too and takes only the periods
from it; the texts and datetimes scored are those of the plain call above. If the two calls
disagree on a sentence (they did not on the corpus at the time of writing; the count is
printed), that sentence's predictions get no value and so count as wrong values.
    period "year"        -> YYYY            (only a year named: "2015", "العام الماضي")
    period "quarter"     -> YYYY-Qn
    period "month"       -> YYYY-MM         (a month, with or without its year)
    period "week"        -> YYYY-Www        (ISO week of the datetime: "last week")
    period "day"         -> YYYY-MM-DD      (a day named, with no time of day)
    period "time"        -> YYYY-MM-DDTHH:MM, with :SS when the seconds are not zero, and Z
                            when dateparser returns a UTC datetime (text with GMT/UTC)
    period "part_of_day" -> YYYY-MM-DDTMO/TAF/TEV/TNI, from the hour dateparser puts for the
                            part of the day (its defaults: 3 and 9 MO, 15 AF, 18 EV, 20 NI)
The type is "time" when the value has a time part, else "date". No mod is ever produced.
Years are written with four digits (dateparser can return the year 630 for "0630 GMT").

What this cannot get right, by design of dateparser, and so counts as misses or wrong
values: durations ("three days" becomes the date three days before the reference), sets
("daily", "every Monday"), ranges ("from 5 to 7 May": gold has begin/end and no value),
modifiers ("early", "more than": gold mod), vague references (PRESENT_REF for "now"),
decades, centuries, seasons and halves, and Hijri dates (dateparser reads "1437 هـ" as the
Gregorian year 1437). Weeks and quarters it sometimes reports as such ("last week"); other
week expressions come out as days. Spans: dateparser keeps prepositions and the next word
in its matched text ("on 11 April 2024 after", "في 28 أبريل"), which the corpus leaves
out, hence the relaxed score beside the exact one.

With --gloss PATH, runs `PATH eval gloss.date --corpus DIR --verbose` (a built binary; this
script never builds) and puts its figures beside dateparser's. `gloss eval` has no JSON
output: its table is parsed (rows of expected, found, matched, P, R, F1, value %), the number
of correct values is recovered from the value percentage, and the negative hits per
language are counted from its FALSE HIT lines.

Exit status: 0 on success, 1 when gloss eval fails or its output cannot be read, 2 on a
usage or input problem (also when dateparser is not installed for this interpreter).
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
import warnings
from importlib import metadata

os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):
    time.tzset()

LANGUAGES = ["ar", "en"]
PART_OF_DAY = {3: "MO", 9: "MO", 15: "AF", 18: "EV", 20: "NI"}  # dateparser's PartsOfDay defaults


def fail(message, code=2):
    print(f"date-accuracy: {message}", file=sys.stderr)
    sys.exit(code)


# --------------------------------------------------------------------------- corpus

def load_corpus(directory):
    """[(file, language, negative, [items])] for every *.jsonl, in sorted order like gloss eval."""
    try:
        names = sorted(n for n in os.listdir(directory) if n.endswith(".jsonl"))
    except OSError as error:
        fail(f"cannot read corpus directory {directory}: {error}")
    if not names:
        fail(f"no .jsonl files in {directory}")
    files = []
    for name in names:
        negative = name.startswith("negatives")
        stem = name[: -len(".jsonl")]
        language = stem[len("negatives"):].lstrip("-_") if negative else stem
        items = []
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line)
                    item["text"]
                except (ValueError, KeyError, TypeError):
                    fail(f"{name}:{number}: not a corpus item: {line[:80]!r}")
                items.append(item)
        files.append((name, language or stem, negative, items))
    return files


def parse_reference(value):
    """The line's reference as a naive UTC datetime; gloss eval's fallback when absent."""
    if not value:
        return datetime.datetime(2016, 5, 17, 8, 0)
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return moment


# --------------------------------------------------------------------------- dateparser

def timex(moment, period):
    """(type, value) for a dateparser datetime of the given period; value None if unknown."""
    if period is None:
        return "date", None
    year = f"{moment.year:04d}"
    if period == "year":
        return "date", year
    if period == "quarter":
        return "date", f"{year}-Q{(moment.month - 1) // 3 + 1}"
    if period == "month":
        return "date", f"{year}-{moment.month:02d}"
    if period == "week":
        iso_year, iso_week, _ = moment.isocalendar()
        return "date", f"{iso_year:04d}-W{iso_week:02d}"
    day = f"{year}-{moment.month:02d}-{moment.day:02d}"
    if period == "day":
        return "date", day
    if period == "part_of_day" and moment.minute == 0 and moment.hour in PART_OF_DAY:
        return "time", f"{day}T{PART_OF_DAY[moment.hour]}"
    if period in ("time", "part_of_day"):
        value = f"{day}T{moment.hour:02d}:{moment.minute:02d}"
        if moment.second:
            value += f":{moment.second:02d}"
        offset = moment.utcoffset()
        if offset is not None:
            if offset == datetime.timedelta(0):
                value += "Z"
            else:
                minutes = int(offset.total_seconds() // 60)
                sign = "+" if minutes >= 0 else "-"
                value += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return "time", value
    return "date", None


def locate(text, pieces):
    """Offsets of each piece: its first occurrence in text not taken by an earlier piece."""
    taken, spans = set(), []
    for piece in pieces:
        start, found = 0, None
        while piece:
            position = text.find(piece, start)
            if position < 0:
                break
            if position not in taken:
                found = position
                break
            start = position + 1
        if found is not None:
            taken.add(found)
            spans.append((found, found + len(piece)))
        else:
            spans.append(None)
    return spans


def run_dateparser(files):
    from dateparser.search import search_dates

    stats = {"sentences": 0, "errors": [], "period_disagreements": []}
    predictions = {}
    started = time.perf_counter()
    for name, _, _, items in files:
        for item in items:
            text, reference = item["text"], parse_reference(item.get("reference"))
            stats["sentences"] += 1
            key = (name, item.get("id", "?"))
            try:
                plain = search_dates(text, languages=LANGUAGES, settings={"RELATIVE_BASE": reference}) or []
                with_period = search_dates(text, languages=LANGUAGES, add_period=True,
                                           settings={"RELATIVE_BASE": reference,
                                                     "RETURN_TIME_AS_PERIOD": True}) or []
            except Exception as error:  # one bad sentence must not end the evaluation
                stats["errors"].append({"id": key[1], "error": f"{type(error).__name__}: {error}"})
                predictions[key] = []
                continue
            if [(t, d) for t, d, *_ in with_period] == [(t, d) for t, d in plain]:
                periods = [p for _, _, p, *_ in with_period]
            else:
                stats["period_disagreements"].append(key[1])
                periods = [None] * len(plain)
            found = []
            for (piece, moment), period, span in zip(plain, periods, locate(text, [t for t, _ in plain])):
                kind, value = timex(moment, period)
                found.append({"text": piece, "start": span[0] if span else None,
                              "end": span[1] if span else None, "type": kind, "value": value,
                              "dateparser": [moment.isoformat(), period]})
            predictions[key] = found
    stats["seconds"] = round(time.perf_counter() - started, 3)
    stats["unlocated"] = sum(1 for found in predictions.values() for p in found if p["start"] is None)
    return predictions, stats


# --------------------------------------------------------------------------- scoring (gloss eval)

def same_value(prediction, gold):
    """EvaluationReport.sameValue in EvalCommand.swift."""
    if prediction.get("type") != gold.get("type", prediction.get("type")):
        return False
    for key in ("value", "begin", "end"):
        if isinstance(gold.get(key), str) and prediction.get(key) != gold[key]:
            return False
    return gold.get("mod") == prediction.get("mod")


def new_counts():
    return {"expected": 0, "found": 0, "matched": 0, "correct_value": 0}


def rates(counts):
    precision = counts["matched"] / counts["found"] if counts["found"] else 0.0
    recall = counts["matched"] / counts["expected"] if counts["expected"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = counts["correct_value"] / counts["matched"] if counts["matched"] else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "value_accuracy": accuracy}


def overlaps(span, gold_span):
    return span is not None and gold_span is not None and span[0] < gold_span[1] and gold_span[0] < span[1]


def score(files, predictions, verbose):
    """Counts per language and over all, exact (gloss eval) and overlapping (relaxed)."""
    exact, relaxed = {}, {}
    negatives = {}
    details = []
    for name, language, negative, items in files:
        for item in items:
            key = (name, item.get("id", "?"))
            found = predictions.get(key, [])
            if negative:
                entry = negatives.setdefault(language, {"sentences": 0, "hits": 0})
                entry["sentences"] += 1
                entry["hits"] += len(found)
                if verbose:
                    details += [f"FALSE HIT {key[1]}: \"{p['text']}\" {p['type']} {p['value']}" for p in found]
                continue
            expected = item.get("expected") or []
            for table, mode in ((exact, "exact"), (relaxed, "overlap")):
                counts = table.setdefault(language, new_counts())
                counts["found"] += len(found)
                counts["expected"] += len(expected)
                unmatched = list(found)
                gold_spans = locate(item["text"], [g.get("text", "") for g in expected])
                for gold, gold_span in zip(expected, gold_spans):
                    gold_text = gold.get("text", "")
                    if mode == "exact":
                        index = next((i for i, p in enumerate(unmatched) if p["text"] == gold_text), None)
                    else:
                        index = next((i for i, p in enumerate(unmatched)
                                      if overlaps((p["start"], p["end"]) if p["start"] is not None else None,
                                                  gold_span)), None)
                    if index is None:
                        if mode == "exact" and verbose:
                            details.append(f"MISSED    {key[1]}: \"{gold_text}\" {gold.get('value', gold.get('begin', ''))}")
                        continue
                    prediction = unmatched.pop(index)
                    counts["matched"] += 1
                    if same_value(prediction, gold):
                        counts["correct_value"] += 1
                    elif mode == "exact" and verbose:
                        details.append(f"WRONG     {key[1]}: \"{gold_text}\" expected {gold.get('type', '')} "
                                       f"{gold.get('value', '')} {gold.get('mod', '')} begin={gold.get('begin', '')} "
                                       f"end={gold.get('end', '')}, found {prediction['type']} {prediction['value']}")
                if mode == "exact" and verbose:
                    details += [f"EXTRA     {key[1]}: \"{p['text']}\" {p['type']} {p['value']}" for p in unmatched]
    for table in (exact, relaxed):
        total = new_counts()
        for counts in list(table.values()):
            for field in total:
                total[field] += counts[field]
        table["all"] = total
    negatives["all"] = {"sentences": sum(v["sentences"] for v in negatives.values()),
                        "hits": sum(v["hits"] for v in negatives.values())}
    return exact, relaxed, negatives, details


# --------------------------------------------------------------------------- gloss eval

ROW = re.compile(r"^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")
NEGATIVE_LINE = re.compile(r"^negative sentences: (\d+), annotations found in them: (\d+)\s*$")
FALSE_HIT = re.compile(r"^FALSE HIT (\S+?): ")


def run_gloss(binary, corpus, files):
    command = [binary, "eval", "gloss.date", "--corpus", corpus, "--verbose"]
    try:
        process = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        fail(f"cannot run {' '.join(command)}: {error}", 1)
    if process.returncode != 0:
        fail(f"{' '.join(command)} exited with {process.returncode}:\n{process.stderr.strip()}\n"
             f"{process.stdout.strip()[-2000:]}", 1)
    language_of_file = {name: language for name, language, negative, _ in files if not negative}
    language_of_id = {item.get("id"): language for _, language, negative, items in files if negative
                      for item in items}
    counts, negatives, hits_by_id, in_table = {}, None, {}, False
    for line in process.stdout.splitlines():
        if line.startswith("corpus ") and "expect" in line:
            in_table = True
            continue
        match = FALSE_HIT.match(line)
        if match and not in_table:
            language = language_of_id.get(match[1], "?")
            hits_by_id[language] = hits_by_id.get(language, 0) + 1
            continue
        match = NEGATIVE_LINE.match(line)
        if match and in_table:
            negatives = (int(match[1]), int(match[2]))
            continue
        match = ROW.match(line)
        if match and in_table:
            name = match[1]
            expected, found, matched = int(match[2]), int(match[3]), int(match[4])
            accuracy = float(match[8])
            # The table gives value % to 0.1; with matched <= 1000 the count is recovered exactly.
            language = "all" if name == "all" else language_of_file.get(name, name)
            counts[language] = {"expected": expected, "found": found, "matched": matched,
                                "correct_value": round(accuracy * matched / 100),
                                "printed": {"precision": float(match[5]), "recall": float(match[6]),
                                            "f1": float(match[7]), "value_accuracy": accuracy}}
    if "all" not in counts or negatives is None:
        fail(f"cannot read the output of {' '.join(command)}:\n{process.stdout[-2000:]}", 1)
    if sum(hits_by_id.values()) != negatives[1]:
        fail(f"gloss eval reports {negatives[1]} negative hits but lists {sum(hits_by_id.values())}", 1)
    by_language = {language: {"sentences": sum(1 for _, l, n, items in files if n and l == language
                                               for _ in items),
                              "hits": hits_by_id.get(language, 0)}
                   for _, language, negative, _ in files if negative}
    by_language["all"] = {"sentences": negatives[0], "hits": negatives[1]}
    version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    return {"command": command, "version": version, "counts": counts, "negatives": by_language}


# --------------------------------------------------------------------------- output

def table(rows, title):
    lines = [title,
             "lang  system            expect  found  match    P %    R %   F1 %  value %   neg hits"]
    for language, system, counts, negative in rows:
        r = rates(counts)
        neg = f"{negative['hits']:4d} / {negative['sentences']}" if negative else "      -"
        lines.append(f"{language:<5} {system:<16} {counts['expected']:7d} {counts['found']:6d} {counts['matched']:6d}"
                     f"  {100 * r['precision']:5.1f}  {100 * r['recall']:5.1f}  {100 * r['f1']:5.1f}"
                     f"    {100 * r['value_accuracy']:5.1f}   {neg}")
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, metavar="DIR", help="the date corpus (Tests/Corpora/dates)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure and prediction here")
    ap.add_argument("--gloss", metavar="PATH", help="a built gloss binary: run its eval and show it beside")
    ap.add_argument("--verbose", action="store_true", help="list dateparser's misses, extras and wrong values")
    args = ap.parse_args(argv)

    try:
        dateparser_version = metadata.version("dateparser")
    except metadata.PackageNotFoundError:
        fail(f"dateparser is not installed for {sys.executable}; run scripts/bench/setup-baselines.sh "
             "VENV_DIR and use VENV_DIR/bin/python")
    files = load_corpus(args.corpus)

    warnings.simplefilter("ignore")  # dateparser's dependencies warn about pytz and deprecations
    predictions, stats = run_dateparser(files)
    exact, relaxed, negatives, details = score(files, predictions, args.verbose)
    gloss = run_gloss(args.gloss, args.corpus, files) if args.gloss else None

    languages = [language for language in exact if language != "all"] + ["all"]
    system = f"dateparser {dateparser_version}"
    rows = []
    for language in languages:
        rows.append((language, system, exact[language], negatives.get(language)))
        if gloss:
            rows.append((language, "gloss.date", gloss["counts"].get(language, new_counts()),
                         gloss["negatives"].get(language)))
    if details:
        print("\n".join(details))
    print(table(rows, f"Date accuracy on {args.corpus}: exact spans, scored like `gloss eval` "
                      f"(neg hits: annotations found / negative sentences)"))
    print(table([(language, system, relaxed[language], None) for language in languages],
                "Relaxed, dateparser only (not in gloss eval): a prediction overlapping the gold span matches"))
    notes = [f"{stats['sentences']} sentences in {stats['seconds']:.1f} s"]
    if stats["period_disagreements"]:
        notes.append(f"periods unknown on {len(stats['period_disagreements'])} sentences (values counted wrong)")
    if stats["errors"]:
        notes.append(f"dateparser raised on {len(stats['errors'])} sentences")
    if stats["unlocated"]:
        notes.append(f"{stats['unlocated']} matched texts not found in their sentence")
    print(f"dateparser: {'; '.join(notes)}")

    if args.json:
        result = {
            "corpus": os.path.abspath(args.corpus),
            "python": platform.python_version(),
            "packages": {name: metadata.version(name) for name in ("dateparser", "regex")},
            "call": "search_dates(text, languages=['ar', 'en'], settings={'RELATIVE_BASE': reference})",
            "dateparser": {
                "exact": {k: {**v, **rates(v)} for k, v in exact.items()},
                "overlap": {k: {**v, **rates(v)} for k, v in relaxed.items()},
                "negatives": negatives,
                "stats": stats,
                "predictions": [{"file": name, "id": ident, "found": found}
                                for (name, ident), found in predictions.items()],
            },
            "gloss": None if gloss is None else {
                **gloss, "counts": {k: {**v, **rates(v)} for k, v in gloss["counts"].items()}},
        }
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
