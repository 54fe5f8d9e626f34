# Gloss -- the two commands of the README, and friends.
#
#   make demo   build everything and analyze the sample article with the bundled plugins
#   make test   build everything and run every test
SWIFT ?= swift
BUILD := .build/debug

BENCH := .build/bench
RELEASE := .build/release

.PHONY: build demo test bench clean

build:
	$(SWIFT) build

DEMO ?= demo-spool

demo: build
	mkdir -p $(DEMO) $(DEMO)-run
	cp seeds/*.txt $(DEMO)/
	@echo "Watching $(DEMO)/ -- drop text files there (results appear beside them); Ctrl-C stops."
	$(BUILD)/gloss daemon --spool $(DEMO) --runtime-directory $(DEMO)-run --log-level info

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test

# The benchmark: a release build, a corpus generated from a fixed seed, the Python baselines
# in a throwaway virtual environment, dateparser's accuracy next to gloss eval on the date corpus, then
# one report (printed, and as JSON). See docs/PERFORMANCE.md.
bench:
	$(SWIFT) build -c release
	python3 scripts/bench/generate-corpus.py $(BENCH)/corpus
	scripts/bench/setup-baselines.sh $(BENCH)/venv
	python3 scripts/geo/export-places.py Plugins/Geo/Data/data/gazetteer.bin $(BENCH)/places.txt
	$(BENCH)/venv/bin/python scripts/bench/baselines.py $(BENCH)/corpus --runs 3 --max-seconds 60 --places $(BENCH)/places.txt --json $(BENCH)/baselines.json
	$(BENCH)/venv/bin/python scripts/bench/date-accuracy.py --corpus Tests/Corpora/dates-heldout --gloss $(RELEASE)/gloss \
		--json $(BENCH)/date-accuracy-heldout.json
	$(BENCH)/venv/bin/python scripts/bench/date-accuracy.py --corpus Tests/Corpora/dates --gloss $(RELEASE)/gloss \
		--json $(BENCH)/date-accuracy.json
	$(RELEASE)/gloss-bench --corpus $(BENCH)/corpus --gloss $(RELEASE)/gloss --baselines $(BENCH)/baselines.json \
		--json $(BENCH)/report.json | tee $(BENCH)/report.txt

clean:
	rm -rf .build
