#!/usr/bin/env python3
"""Validate Gloss result files (format gloss.result/1).

Usage:
    python3 scripts/validate-result.py SCHEMA RESULT... [--text FILE]

Checks each RESULT against the JSON Schema SCHEMA (draft 2020-12, with format
checking), then the rules JSON Schema cannot express:
  - every annotation has end >= start;
  - annotations are sorted by start;
  - with --text FILE (only with exactly one RESULT; FILE is the decoded input
    text, stored as UTF-8): each annotation's text equals the decoded text
    from start to end, counted in code points.

Prints one line per error, "FILE: path: message", where path is a JSONPath
such as $.annotations[3].end. Exits 0 when every file is valid, 1 when any
error was found, 2 on a usage problem or when jsonschema is missing.
"""

import argparse
import json
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator, FormatChecker
    from jsonschema.exceptions import ValidationError
except ImportError:
    print("validate-result: the Python package 'jsonschema' is not installed; "
          "install it with: pip install jsonschema", file=sys.stderr)
    sys.exit(2)


def _pattern(validator, patrn, instance, schema):
    # Python's re.search lets "$" match before a trailing newline, so
    # "gloss.date\n" would pass "^...$". Anchor at the true end of string,
    # as ECMA-262 (the regex dialect JSON Schema uses) does.
    if not validator.is_type(instance, "string"):
        return
    anchored = patrn[:-1] + r"\Z" if patrn.endswith("$") and not patrn.endswith("\\$") else patrn
    if not re.search(anchored, instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


Validator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _pattern})


def _reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=_reject_constant)


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def semantic_errors(doc, text):
    """Yield (path, message) for the rules the schema cannot express."""
    annotations = doc.get("annotations") if isinstance(doc, dict) else None
    if not isinstance(annotations, list):
        return
    previous_start = None
    for i, ann in enumerate(annotations):
        if not isinstance(ann, dict):
            continue
        path = f"$.annotations[{i}]"
        start, end = ann.get("start"), ann.get("end")
        if not (_is_int(start) and _is_int(end)):
            continue  # the schema already reports this
        if end < start:
            yield f"{path}.end", f"end ({end}) is less than start ({start})"
        if previous_start is not None and start < previous_start:
            yield f"{path}.start", (f"annotations are not sorted by start: {start} "
                                    f"comes after {previous_start}")
        previous_start = start
        if text is not None and end >= start >= 0 and isinstance(ann.get("text"), str):
            if end > len(text):
                yield f"{path}.end", (f"end ({end}) is past the end of the text "
                                      f"({len(text)} code points)")
            elif text[start:end] != ann["text"]:
                yield f"{path}.text", (f"{ann['text']!r} differs from the text at "
                                       f"[{start}:{end}], {text[start:end]!r}")


def validate_file(validator, path, text):
    """Return a list of "FILE: path: message" lines for one result file."""
    try:
        doc = load_json(path)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return [f"{path}: $: cannot read JSON: {e}"]
    lines = []
    errors = sorted(validator.iter_errors(doc),
                    key=lambda e: [(isinstance(p, str), p) for p in e.absolute_path])
    for error in errors:
        lines.append(f"{path}: {error.json_path}: {error.message}")
    for where, message in semantic_errors(doc, text):
        lines.append(f"{path}: {where}: {message}")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Validate Gloss result files (gloss.result/1).")
    parser.add_argument("schema", metavar="SCHEMA", help="path to gloss.result-1.schema.json")
    parser.add_argument("results", metavar="RESULT", nargs="+", help="result file(s) to check")
    parser.add_argument("--text", metavar="FILE",
                        help="decoded input text (UTF-8) to check annotation texts "
                             "against; needs exactly one RESULT")
    args = parser.parse_args(argv)

    if args.text is not None and len(args.results) != 1:
        parser.error("--text needs exactly one RESULT")

    try:
        schema = load_json(args.schema)
        Validator.check_schema(schema)
    except (OSError, ValueError) as e:
        parser.error(f"cannot read schema {args.schema}: {e}")
    except jsonschema.exceptions.SchemaError as e:
        parser.error(f"{args.schema} is not a valid JSON Schema: {e.message}")

    text = None
    if args.text is not None:
        try:
            with open(args.text, "rb") as f:
                text = f.read().decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            parser.error(f"cannot read --text {args.text} as UTF-8: {e}")

    checker = FormatChecker()
    if "date-time" not in checker.checkers:
        print("validate-result: warning: 'date-time' format is only checked by pattern "
              "(pip install rfc3339-validator for a full check)", file=sys.stderr)
    validator = Validator(schema, format_checker=checker)

    failed = False
    for path in args.results:
        for line in validate_file(validator, path, text):
            print(line)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
