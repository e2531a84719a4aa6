# geo — two commands set everything up: `make setup` (once) and `make test`; `make maps` regenerates the maps.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INDEX := data/gazetteer.sqlite
SEEDS := $(wildcard seeds/*.txt)

.PHONY: setup browser test test-fast maps lint eval bench calibrate clean-data

US_ATLAS := data/vendor/us-atlas-3.0.1.tgz

setup: $(STAMP) $(US_ATLAS) $(INDEX) browser

# US state lines for the maps' basemap: the npm package us-atlas (Census Bureau TopoJSON), fetched with npm's own
# client (Debian's npm installed when missing, as chromium is). The committed maps are built with it.
$(US_ATLAS):
	@mkdir -p $(dir $@)
	@command -v npm >/dev/null 2>&1 || { \
	  echo "installing Debian npm"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }
	cd $(dir $@) && npm pack --silent us-atlas@3.0.1 >/dev/null

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip uninstall --quiet -y geo 2>/dev/null || true  # this project's old distribution name
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# The gazetteer index is built from the registry packages and our authored CSVs; rebuilt when any changes.
$(INDEX): $(STAMP) data/supplement.csv data/aliases.csv data/historical_names.csv data/demonyms.csv geo/gazetteer/build.py geo/gazetteer/schema.py geo/normalize.py
	$(PY) -m geo.gazetteer.build $@
	rm -rf data/built && $(PY) -m geo.boundaries

# Debian's chromium for the browser tests and PNG output (never a downloaded browser).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian chromium"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

test: setup
	$(VENV)/bin/pytest -q

# The fast lane (< 60 s): no browser, no subprocesses or clusters, no full index (a tiny gazetteer fixture instead).
test-fast: $(STAMP)
	$(VENV)/bin/pytest -q -m "not browser and not slow and not index"

maps: setup
	$(VENV)/bin/geo map $(SEEDS) --out-dir maps

# Accuracy on the public dev corpora in ../shared (never copied into the repo) and our own (tests/corpora); also
# written to build/accuracy.md.
DEV := ../shared/eval/dev
OWN := tests/corpora/news25.jsonl tests/corpora/news26.jsonl
eval: setup
	mkdir -p build
	{ $(VENV)/bin/geo eval $(DEV)/geowebnews.jsonl $(DEV)/lgl.jsonl $(OWN); echo; \
	  $(VENV)/bin/geo eval --gold-spans $(DEV)/geowebnews.jsonl $(DEV)/lgl.jsonl $(OWN); } | tee build/accuracy.md

# Refit the confidence calibration on the dev corpora and our own (cross-corpus and 5-fold report; coefficients only).
calibrate: setup
	mkdir -p build
	$(PY) -m geo.calibration $(DEV)/geowebnews.jsonl $(DEV)/lgl.jsonl $(OWN) | tee build/calibration.md

# BENCH_ARGS=--skip-long leaves out the longest parts (20,000-article batches, the 5 MB article).
bench: setup
	$(PY) bench/bench.py --corpus $(DEV)/lgl.jsonl $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check geo tests bench
	$(VENV)/bin/ruff format --check geo tests bench
	$(VENV)/bin/mypy geo

clean-data:
	rm -f $(INDEX)
