# Gloss -- the two commands of the README, and friends.
#
#   make demo   build everything and analyze the sample article with the bundled plugins
#   make test   build everything and run every test
SWIFT ?= swift
BUILD := .build/debug

.PHONY: build demo test clean

build:
	$(SWIFT) build

demo: build
	$(BUILD)/gloss analyze seeds/000_cb800a4348140aef.txt
	@echo "Result: seeds/000_cb800a4348140aef.txt.gloss.json"

test:
	$(SWIFT) build --build-tests
	$(SWIFT) test

clean:
	rm -rf .build
