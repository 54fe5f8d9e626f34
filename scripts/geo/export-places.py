#!/usr/bin/env python3
"""Writes the gazetteer's place names as a flat list, one per line, for the benchmark's
pyahocorasick baseline (scripts/bench/baselines.py --places FILE).

    python3 scripts/geo/export-places.py [GAZETTEER.bin] OUTPUT.txt

GAZETTEER.bin defaults to Plugins/Geo/Data/data/gazetteer.bin. Standard library only, so the
benchmark needs none of the build's sources. Same file in, same list out (sorted, no duplicates).

The file stores keys (GeoKey-normalized names), not the spellings of the sources, and the
baseline matches exact text. So each key that names a place (demonym-only keys are left out)
is written in the forms news text uses:
    Latin keys    in title case: "abu dhabi" -> "Abu Dhabi", "washington d c" -> "Washington D C"
    Arabic keys   as stored ("مصراته", "ابو قرين"), and with ة for a final ه in each word
                  ("مصراتة"); hamza spellings (أبو) are not guessed
The list is an approximation of the names Gloss matches (Gloss also finds "Washington, D.C.",
"أبو قرين", clitic forms like لليبيا and Latin text in any case); it has about as many entries
as the gazetteer has keys, which is what the baseline's timing depends on.
"""

import os
import pathlib
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gazetteer_format  # noqa: E402
from geokey import is_arabic_script  # noqa: E402

DEFAULT = pathlib.Path(__file__).resolve().parents[2] / "Plugins" / "Geo" / "Data" / "data" / "gazetteer.bin"


def surface_forms(key):
    if is_arabic_script(key):
        forms = [key]
        marbuta = " ".join(w[:-1] + "ة" if len(w) > 1 and w.endswith("ه") else w for w in key.split(" "))
        if marbuta != key:
            forms.append(marbuta)
        return forms
    return [" ".join(w[:1].upper() + w[1:] for w in key.split(" "))]


def main(argv):
    if len(argv) not in (1, 2) or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr if argv and argv[0] not in ("-h", "--help") else sys.stdout)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    source, output = (DEFAULT, argv[0]) if len(argv) == 1 else (argv[0], argv[1])
    try:
        gazetteer = gazetteer_format.Gazetteer(pathlib.Path(source).read_bytes())
    except (OSError, ValueError) as e:
        print(f"export-places: {source}: {e}", file=sys.stderr)
        return 1
    names = set()
    for key, postings, _, _ in gazetteer.keys():
        if postings:
            names.update(surface_forms(key))
    pathlib.Path(output).parent.mkdir(parents=True, exist_ok=True)
    pathlib.Path(output).write_text("".join(n + "\n" for n in sorted(names)), encoding="utf-8")
    print(f"export-places: {len(names)} names from {gazetteer.key_count} keys -> {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
