#!/usr/bin/env python3
"""Python baselines for Gloss's benchmark: the tools people use instead of Gloss.

Usage (with the interpreter of the venv that setup-baselines.sh made):
    VENV/bin/python scripts/bench/baselines.py CORPUS_DIR --runs 5 --json OUT.json \
        [--places NAMES_FILE] [--max-seconds 120]

CORPUS_DIR holds *.txt files (UTF-8, names starting ar- or en-) and a manifest.json. Every
.txt is processed, in sorted order of file name. Two baselines:

dateparser
    dateparser.search.search_dates(text, languages=['ar', 'en']) on each document, the
    Arabic+English setting Gloss competes with. Importing dateparser and its first call are
    timed apart ("startup_seconds"), then the first 3 documents are run once untimed to
    warm up, then --runs timed passes follow. The dates found in the first timed pass are
    written out per document, [[matched text, ISO 8601], ...], for a later accuracy
    comparison. Relative expressions ("yesterday", "last Friday") are resolved by dateparser
    against the clock (and against dates found earlier in the same text), so
    "reference_time" records when that pass started.

aho_corasick_places (only with --places)
    An ahocorasick.Automaton of the place names (one per line, UTF-8, exact case; blank
    lines ignored, duplicates dropped); building it is timed apart ("build_seconds"). Each
    document is scanned with Automaton.iter() and every match that is not inside a longer
    word is counted: the character before the match and the one after it (after skipping
    combining marks such as Arabic harakat, which belong to the match's last letter) must
    not be letters or combining marks. Overlapping matches ("New York" and "York") each
    count. Without --places the baseline is recorded as {"absent": "no gazetteer yet"}.

Timing: each timed pass is a loop over the documents measured with time.perf_counter
(wall clock; the process CPU time is recorded beside it). Reading files and decoding
UTF-8 happen before, untimed, for both baselines alike. If the first timed pass is still
running after --max-seconds, it stops at the next document boundary, and that pass and
every later one cover only this prefix of the corpus. Throughput is then computed from
the bytes and documents of the prefix only, and "coverage" says how much of the corpus
that was ("truncated": true). Since the order is sorted, ar- documents come before en-
ones: a prefix can be all Arabic, and "coverage" gives its bytes by language.

Megabytes are 10^6 bytes of UTF-8 input. Exits 0 on success, 2 on a usage or input
problem, 1 when a baseline package is missing.
"""

import argparse
import datetime
import gc
import hashlib
import json
import logging
import os
import platform
import resource
import statistics
import sys
import time
import unicodedata
import warnings
from importlib import metadata

MB = 1_000_000
WARMUP_DOCUMENTS = 3


# --------------------------------------------------------------------------- corpus

class Document:
    __slots__ = ("name", "language", "text", "nbytes")

    def __init__(self, name, language, text, nbytes):
        self.name = name
        self.language = language
        self.text = text
        self.nbytes = nbytes


def fail(message, code=2):
    print(f"baselines: {message}", file=sys.stderr)
    sys.exit(code)


def load_corpus(corpus_dir):
    if not os.path.isdir(corpus_dir):
        fail(f"{corpus_dir}: not a directory")
    names = sorted(n for n in os.listdir(corpus_dir)
                   if n.endswith(".txt") and os.path.isfile(os.path.join(corpus_dir, n)))
    if not names:
        fail(f"{corpus_dir}: no .txt files")
    documents = []
    for name in names:
        with open(os.path.join(corpus_dir, name), "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(f"{name}: not valid UTF-8 ({e})")
        if text.startswith("\ufeff"):
            text = text[1:]  # a BOM is not text; its bytes still count as input
        language = name.split("-", 1)[0] if name[:3] in ("ar-", "en-") else "other"
        if language == "other":
            print(f"baselines: warning: {name} starts with neither ar- nor en-", file=sys.stderr)
        documents.append(Document(name, language, text, len(raw)))

    manifest_path = os.path.join(corpus_dir, "manifest.json")
    manifest = {"present": os.path.isfile(manifest_path)}
    if manifest["present"]:
        with open(manifest_path, "rb") as f:
            raw = f.read()
        manifest["sha256"] = hashlib.sha256(raw).hexdigest()
        try:
            json.loads(raw)
        except ValueError as e:
            fail(f"{manifest_path}: not valid JSON ({e})")
    else:
        print(f"baselines: warning: {manifest_path} is missing", file=sys.stderr)
    return documents, manifest


def by_language(documents):
    out = {}
    for d in documents:
        entry = out.setdefault(d.language, {"documents": 0, "bytes": 0})
        entry["documents"] += 1
        entry["bytes"] += d.nbytes
    return out


# --------------------------------------------------------------------------- timing

def spread(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def timed_passes(documents, runs, max_seconds, process):
    """Run `runs` timed passes of process(doc) over the documents.

    The first pass stops at the first document boundary after max_seconds; its prefix is
    then what every later pass covers. Returns (per-run records, prefix length, results of
    the first pass, errors of the first pass)."""
    prefix = len(documents)
    records = []
    first_results = []
    first_errors = {}
    for run in range(runs):
        docs = documents[:prefix]
        results = []
        errors = {}
        gc.collect()
        cpu0 = time.process_time()
        t0 = time.perf_counter()
        by_lang = {}
        for i, doc in enumerate(docs):
            d0 = time.perf_counter()
            try:
                results.append(process(doc.text))
            except Exception as e:  # a crash on one document must not end the benchmark
                results.append(None)
                errors[doc.name] = f"{type(e).__name__}: {e}"
            by_lang[doc.language] = by_lang.get(doc.language, 0.0) + time.perf_counter() - d0
            if run == 0 and i + 1 < len(docs) and time.perf_counter() - t0 > max_seconds:
                prefix = i + 1
                break
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        covered = documents[:prefix]
        nbytes = sum(d.nbytes for d in covered)
        records.append({
            "seconds": seconds,
            "cpu_seconds": cpu,
            "mb_per_s": nbytes / MB / seconds if seconds > 0 else None,
            "documents_per_s": len(covered) / seconds if seconds > 0 else None,
            "seconds_by_language": by_lang,
        })
        if run == 0:
            first_results, first_errors = results, errors
    return records, prefix, first_results, first_errors


def summarize(records, documents, prefix):
    covered = documents[:prefix]
    nbytes = sum(d.nbytes for d in covered)
    total = sum(d.nbytes for d in documents)
    return {
        "coverage": {
            "truncated": prefix < len(documents),
            "documents": prefix,
            "of_documents": len(documents),
            "bytes": nbytes,
            "of_bytes": total,
            "fraction_of_bytes": nbytes / total if total else None,
            "last_document": covered[-1].name,
            "by_language": by_language(covered),
        },
        "runs": records,
        "seconds": spread([r["seconds"] for r in records]),
        "mb_per_s": spread([r["mb_per_s"] for r in records if r["mb_per_s"] is not None]),
        "documents_per_s": spread([r["documents_per_s"] for r in records
                                   if r["documents_per_s"] is not None]),
        "cpu_seconds": spread([r["cpu_seconds"] for r in records]),
        "by_language": throughput_by_language(records, covered),
    }


def throughput_by_language(records, covered):
    """Median seconds and MB/s per language over the runs (per-document times added up)."""
    out = {}
    for language, stats in by_language(covered).items():
        secs = [r["seconds_by_language"].get(language, 0.0) for r in records]
        median = statistics.median(secs)
        out[language] = dict(stats, seconds_median=median,
                             mb_per_s_median=stats["bytes"] / MB / median if median > 0 else None)
    return out


class WarningCollector:
    """Keep library warnings out of the output, but remember what they said."""

    def __init__(self):
        self.seen = {}

    def showwarning(self, message, category, filename, lineno, file=None, line=None):
        key = f"{category.__name__}: {message} ({os.path.basename(filename)}:{lineno})"
        self.seen[key] = self.seen.get(key, 0) + 1

    def report(self):
        return [{"warning": k, "count": n} for k, n in sorted(self.seen.items())]


# --------------------------------------------------------------------------- baselines

def run_dateparser(documents, runs, max_seconds):
    out = {"call": "dateparser.search.search_dates(text, languages=['ar', 'en'])"}
    t0 = time.perf_counter()
    try:
        import dateparser.search  # noqa: the import itself is part of the startup cost
    except ImportError as e:
        fail(f"dateparser is not installed in {sys.prefix} ({e}); run setup-baselines.sh", 1)
    import_seconds = time.perf_counter() - t0

    def process(text):
        return dateparser.search.search_dates(text, languages=["ar", "en"])

    warm = documents[:WARMUP_DOCUMENTS]
    t1 = time.perf_counter()
    try:
        process(warm[0].text)
    except Exception as e:
        print(f"baselines: dateparser failed on {warm[0].name} during startup: {e}", file=sys.stderr)
    first_call_seconds = time.perf_counter() - t1
    t2 = time.perf_counter()
    for doc in warm[1:]:
        try:
            process(doc.text)
        except Exception:
            pass  # reported by the timed passes
    out["import_seconds"] = import_seconds
    out["first_call_seconds"] = first_call_seconds
    out["startup_seconds"] = import_seconds + first_call_seconds
    out["warmup"] = {"documents": len(warm), "seconds": first_call_seconds + time.perf_counter() - t2}

    reference_time = datetime.datetime.now().astimezone()
    records, prefix, results, errors = timed_passes(documents, runs, max_seconds, process)
    out.update(summarize(records, documents, prefix))
    out["reference_time"] = reference_time.isoformat(timespec="seconds")
    out["errors"] = errors
    per_document = []
    for doc, found in zip(documents[:prefix], results):
        entry = {"document": doc.name}
        if doc.name in errors:
            entry["error"] = errors[doc.name]
        matches = [[text, dt.isoformat()] for text, dt in (found or [])]
        entry["dates_found"] = len(matches)
        entry["matches"] = matches
        per_document.append(entry)
    out["dates_found"] = sum(e["dates_found"] for e in per_document)
    out["documents"] = per_document
    return out


def _is_letter(ch):
    return ch.isalpha() or unicodedata.category(ch)[0] == "M"


def load_places(places_file):
    try:
        with open(places_file, encoding="utf-8-sig") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{places_file}: {e}")
    names = list(dict.fromkeys(s.strip() for s in lines if s.strip()))
    if not names:
        fail(f"{places_file}: no place names")
    return names


def run_places(documents, runs, max_seconds, places_file, names):
    try:
        import ahocorasick
    except ImportError as e:
        fail(f"pyahocorasick is not installed in {sys.prefix} ({e}); run setup-baselines.sh", 1)

    t0 = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for name in names:
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    build_seconds = time.perf_counter() - t0

    def process(text):
        n = len(text)
        count = 0
        for end, length in automaton.iter(text):
            start = end - length + 1
            if start > 0 and _is_letter(text[start - 1]):
                continue
            after = end + 1
            while after < n and unicodedata.category(text[after])[0] == "M":
                after += 1
            if after < n and text[after].isalpha():
                continue
            count += 1
        return count

    records, prefix, results, errors = timed_passes(documents, runs, max_seconds, process)
    out = {
        "places_file": os.path.abspath(places_file),
        "names": len(names),
        "build_seconds": build_seconds,
        "matching": "Automaton.iter, exact case, overlapping matches counted, word-boundary filtered",
    }
    out.update(summarize(records, documents, prefix))
    out["errors"] = errors
    out["matches_found"] = sum(r for r in results if r)
    out["documents"] = [{"document": d.name, "matches": r}
                        for d, r in zip(documents[:prefix], results)]
    return out


# --------------------------------------------------------------------------- main

def package_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def fmt_pass(b):
    cov = b["coverage"]
    s = (f"median {b['seconds']['median']:.3f} s/pass (min {b['seconds']['min']:.3f}, "
         f"max {b['seconds']['max']:.3f}), {b['mb_per_s']['median']:.4f} MB/s "
         f"(min {b['mb_per_s']['min']:.4f}, max {b['mb_per_s']['max']:.4f}), "
         f"{b['documents_per_s']['median']:.2f} docs/s")
    if cov["truncated"]:
        s += (f"\n    TRUNCATED to the first {cov['documents']}/{cov['of_documents']} documents, "
              f"{cov['bytes']}/{cov['of_bytes']} bytes ({100 * cov['fraction_of_bytes']:.1f}%): "
              f"a pass over everything would exceed --max-seconds")
    langs = ", ".join(f"{lang} {v['mb_per_s_median']:.4f} MB/s" for lang, v in b["by_language"].items()
                      if v["mb_per_s_median"] is not None)
    if langs:
        s += f"\n    by language: {langs}"
    return s


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_dir")
    ap.add_argument("--runs", type=int, default=5, help="timed passes per baseline (default 5)")
    ap.add_argument("--json", required=True, metavar="OUT.json", help="where to write the results")
    ap.add_argument("--places", metavar="NAMES_FILE", help="place names, one per line (UTF-8)")
    ap.add_argument("--max-seconds", type=float, default=120.0,
                    help="longest a timed pass may take before it covers only a prefix (default 120)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.max_seconds <= 0:
        ap.error("--max-seconds must be positive")

    for package in ("dateparser",) + (("pyahocorasick",) if args.places else ()):
        if package_version(package) is None:
            fail(f"{package} is not installed for {sys.executable}; run scripts/bench/setup-baselines.sh "
                 "VENV_DIR and use VENV_DIR/bin/python", 1)
    documents, manifest = load_corpus(args.corpus_dir)
    places = load_places(args.places) if args.places else None
    total_bytes = sum(d.nbytes for d in documents)

    # dateparser and its dependencies can warn (deprecations, pytz/tzlocal notes) and log;
    # keep that out of the output, but record it in the JSON.
    collector = WarningCollector()
    warnings.showwarning = collector.showwarning
    warnings.simplefilter("default")
    logging.basicConfig(level=logging.ERROR)

    wall0 = time.perf_counter()
    result = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "packages": {"dateparser": package_version("dateparser"),
                     "pyahocorasick": package_version("pyahocorasick"),
                     "regex": package_version("regex")},
        "host": {"platform": platform.platform(), "cpus": os.cpu_count()},
        "started": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "settings": {"runs": args.runs, "max_seconds": args.max_seconds,
                     "warmup_documents": WARMUP_DOCUMENTS, "megabyte": MB},
        "corpus": {"path": os.path.abspath(args.corpus_dir), "documents": len(documents),
                   "bytes": total_bytes, "by_language": by_language(documents),
                   "manifest": manifest},
        "baselines": {},
    }

    print(f"corpus: {len(documents)} documents, {total_bytes} bytes "
          f"({total_bytes / MB:.3f} MB); Python {result['python']}, "
          f"dateparser {result['packages']['dateparser']}, "
          f"pyahocorasick {result['packages']['pyahocorasick']}", flush=True)

    dp = run_dateparser(documents, args.runs, args.max_seconds)
    result["baselines"]["dateparser"] = dp
    print(f"dateparser (languages ar+en): startup {dp['startup_seconds']:.3f} s "
          f"(import {dp['import_seconds']:.3f} s + first call {dp['first_call_seconds']:.3f} s); "
          f"{args.runs} timed passes:\n    {fmt_pass(dp)}\n"
          f"    {dp['dates_found']} dates found in the first pass"
          + (f"; errors on {len(dp['errors'])} documents" if dp["errors"] else ""), flush=True)

    if args.places:
        ac = run_places(documents, args.runs, args.max_seconds, args.places, places)
        result["baselines"]["aho_corasick_places"] = ac
        print(f"aho-corasick places: {ac['names']} names, build {1000 * ac['build_seconds']:.2f} ms; "
              f"{args.runs} timed passes:\n    {fmt_pass(ac)}\n"
              f"    {ac['matches_found']} place matches", flush=True)
    else:
        result["baselines"]["aho_corasick_places"] = {"absent": "no gazetteer yet"}
        print("aho-corasick places: absent (no --places file: no gazetteer yet)")

    result["suppressed_warnings"] = collector.report()
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB
    result["total_seconds"] = time.perf_counter() - wall0
    if result["suppressed_warnings"]:
        print(f"({len(result['suppressed_warnings'])} distinct warnings suppressed; "
              f"listed under suppressed_warnings in the JSON)")

    tmp = args.json + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, args.json)
    print(f"wrote {args.json} ({result['total_seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
