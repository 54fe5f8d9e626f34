# Gloss -- the two commands of the README, and friends.
#
#   make demo   build everything and analyze the sample article with the bundled plugins
#   make test   build everything and run every test
SWIFT ?= swift
BUILD := .build/debug

.PHONY: build demo test clean

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

clean:
	rm -rf .build
