# Gloss -- the two commands of the README, and friends.
#
#   make demo   build everything and analyze the sample article with the bundled plugins
#   make test   build everything and run every test
#   make install  the release build, plugins, systemd unit, sysusers/tmpfiles, catalog, config, man pages
#   make deb      .build/deb/gloss_<version>_<arch>.deb: make install, the Swift runtime, lintian
#   make system-test  installs that .deb in a Debian 12 container booted with systemd and checks the service
SWIFT ?= swift
BUILD := .build/debug

BENCH := .build/bench
RELEASE := .build/release

.PHONY: build demo test bench clean release install deb system-test

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

# Installing: PREFIX for the program, DESTDIR for staging (packages). The unit, sysusers.d,
# tmpfiles.d and the catalog go below $(PREFIX)/lib, where systemd also looks for /usr/local;
# the configuration always goes to /etc/gloss (never overwritten). The unit runs
# $(PREFIX)/bin/gloss, which finds its plugins in $(PREFIX)/lib/gloss/plugins.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR := $(PREFIX)/bin
PLUGINDIR := $(PREFIX)/lib/gloss/plugins
SYSTEMDDIR := $(PREFIX)/lib/systemd
SYSUSERSDIR := $(PREFIX)/lib/sysusers.d
TMPFILESDIR := $(PREFIX)/lib/tmpfiles.d
MANDIR := $(PREFIX)/share/man
INSTALL ?= install

release:
	$(SWIFT) build -c release --product gloss
	$(SWIFT) build -c release --product gloss-date
	$(SWIFT) build -c release --product gloss-entity
	$(SWIFT) build -c release --product gloss-geo

install: release
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(PLUGINDIR) $(DESTDIR)$(SYSTEMDDIR)/system \
		$(DESTDIR)$(SYSTEMDDIR)/catalog $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
		$(DESTDIR)/etc/gloss $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	$(INSTALL) -m 0755 $(RELEASE)/gloss $(DESTDIR)$(BINDIR)/gloss
	$(INSTALL) -m 0644 $(RELEASE)/libgloss-date.so $(RELEASE)/libgloss-entity.so $(RELEASE)/libgloss-geo.so \
		$(DESTDIR)$(PLUGINDIR)/
	sed 's|/usr/bin/gloss|$(BINDIR)/gloss|' packaging/gloss.service > $(DESTDIR)$(SYSTEMDDIR)/system/gloss.service
	chmod 0644 $(DESTDIR)$(SYSTEMDDIR)/system/gloss.service
	$(INSTALL) -m 0644 packaging/catalog/gloss.catalog $(DESTDIR)$(SYSTEMDDIR)/catalog/gloss.catalog
	$(INSTALL) -m 0644 packaging/sysusers.d/gloss.conf $(DESTDIR)$(SYSUSERSDIR)/gloss.conf
	$(INSTALL) -m 0644 packaging/tmpfiles.d/gloss.conf $(DESTDIR)$(TMPFILESDIR)/gloss.conf
	test -e $(DESTDIR)/etc/gloss/gloss.yaml || $(INSTALL) -m 0644 packaging/gloss.yaml $(DESTDIR)/etc/gloss/gloss.yaml
	$(INSTALL) -m 0644 packaging/man/gloss.1 $(DESTDIR)$(MANDIR)/man1/gloss.1
	$(INSTALL) -m 0644 packaging/man/gloss.yaml.5 $(DESTDIR)$(MANDIR)/man5/gloss.yaml.5
	@# On a live system (not staging), create the user and spool and tell systemd.
	if [ -z "$(DESTDIR)" ] && [ -d /run/systemd/system ]; then \
		systemd-sysusers $(SYSUSERSDIR)/gloss.conf && \
		systemd-tmpfiles --create $(TMPFILESDIR)/gloss.conf && \
		journalctl --update-catalog && systemctl daemon-reload; \
	fi

# The Debian package, from `make install DESTDIR=... PREFIX=/usr` of the release build, with the
# Swift runtime it needs in /usr/lib/gloss/swift; lintian must accept it (scripts/build-deb.sh).
deb: release
	scripts/build-deb.sh --release $(RELEASE) --output .build/deb

# Boots a debootstrapped Debian 12 in systemd-nspawn (root, network for the first debootstrap),
# installs the .deb there and checks the running service (scripts/system-test.sh).
system-test: deb
	scripts/system-test.sh "$$(scripts/build-deb.sh --print-path --output .build/deb)"
