#!/usr/bin/env python3
"""Lists the gazetteer's names that are also ordinary words: candidates for common-words.tsv.

Not part of the build: Plugins/Geo/Data/common-words.tsv is committed and reviewed; this script
shows what a review should look at after the sources change. It needs wordfreq (word
frequencies; pip install wordfreq==3.1.1 in a throwaway venv) and Debian's wamerican word list
(apt-get install wamerican, /usr/share/dict/american-english).

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/geo/common-word-candidates.py Plugins/Geo/Data/data/gazetteer.bin > /tmp/candidates.tsv

English (rule, applied as is to make the committed list): a one-word Latin key is a common word
if it is written in lower case in the word list (so "nice", "mobile", "reading" are, "london"
and "paris" are not) and its Zipf frequency is at least 3.0. Keys of several words are not
judged by rule (wordfreq's phrase estimates rate "little rock" as common): the few that matter
("white house", "old city") are reviewed entries.

Arabic (reviewed by hand): one-word keys with a Zipf frequency of at least 4.0 are printed with
their most populous place; the review decides drop (function words and generic nouns: كان، مدينة،
الخميس), flag (real places that are also words: صور، قم، الخبر) or nothing (the place is what
news text means: مصر، عمان، المغرب).
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazetteer_format  # noqa: E402
from geokey import is_arabic_script  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gazetteer")
    parser.add_argument("--words", default="/usr/share/dict/american-english")
    parser.add_argument("--arabic-threshold", type=float, default=4.0)
    args = parser.parse_args()
    import wordfreq

    with open(args.words, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip() and w.strip().islower() and "'" not in w}
    data = open(args.gazetteer, "rb").read()
    gazetteer = gazetteer_format.Gazetteer(data)
    print("# language\tword\taction\tzipf\tplaces\tmost populous place")
    for key, postings, _, _ in gazetteer.keys():
        if not postings:
            continue
        place = gazetteer.place(postings[0][0])
        where = f"{place['name']} {place['country']} {place['feature']} {place['population']}"
        if is_arabic_script(key):
            if " " in key:
                continue
            zipf = max(wordfreq.zipf_frequency(key, "ar"),
                       wordfreq.zipf_frequency(key[:-1] + "ة", "ar") if key.endswith("ه") else 0.0)
            if zipf >= args.arabic_threshold:
                print(f"ar\t{key}\t?\t{zipf:.1f}\t{len(postings)}\t{where}")
        else:
            if " " in key or key not in lower_words:
                continue
            zipf = wordfreq.zipf_frequency(key, "en")
            if zipf >= 3.0:
                print(f"en\t{key}\tflag\t{zipf:.1f}\t{len(postings)}\t{where}")


if __name__ == "__main__":
    main()
