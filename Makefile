# Everything a new user needs: `make run` and `make test`. Only Python 3.11+ and make are assumed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint eval eval-real model spotcheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "claimwatch needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	# setuptools too: tests build the package in this venv, and pyproject.toml needs 77 or newer.
	$(PY) -m pip install --quiet --upgrade pip "setuptools>=77"
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The extractor compiled by mypyc (bot/compile_extractor.py): rebuilt when a module of bot/claims changes;
# without a C compiler it says so and the extractor runs as Python.
COMPILED := bot/claims/_compiled/SOURCES.json
$(COMPILED): $(STAMP) $(wildcard bot/claims/*.py)
	$(PY) -m bot.compile_extractor

.PHONY: compiled
compiled: $(COMPILED)

config.toml:
	cp config.example.toml config.toml

run: $(STAMP) $(COMPILED) config.toml
	$(PY) -m bot run --config config.toml

test: $(STAMP) $(COMPILED)
	$(PY) -m ruff check bot cogs storage tests bench
	$(PY) -m mypy
	$(PY) -m pytest
	# The tests that swap the extractor's parts, on its Python modules (skipped above when compiled).
	if $(PY) -c 'import sys, bot.claims; sys.exit(not bot.claims.COMPILED)'; then \
		CLAIMWATCH_PURE_EXTRACTOR=1 $(PY) -m pytest -m pure_extractor; fi

# The inner loop: ruff, then every test not marked slow (no processes started, no labelled sets read).
test-fast: $(STAMP) $(COMPILED)
	$(PY) -m ruff check bot cogs storage tests bench
	$(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check bot cogs storage tests bench

spotcheck: $(STAMP)
	$(PY) -m bot.evaluation.spotcheck

eval: $(STAMP)
	$(PY) -m bot.evaluation.own tests/data/eval

# Precision and recall on real items labelled by two annotators (../shared), tune and check splits,
# then on the project's written set (tests/data/written), which needs no ../shared.
eval-real: $(STAMP) $(COMPILED)
	$(PY) -m bot.evaluation.real

# Rebuild bot/claims/data/learned_interest.json from the tune part of ../shared's labelled items
# (the same bytes on every run; says so and keeps the shipped file when ../shared is absent).
model: $(STAMP)
	$(PY) -m bot.evaluation.train

# Rebuild bot/claims/data/common_words.txt (shipped) from SCOWL as Debian's scowl 2020.12.07-2
# lays it out (apt-get install scowl=2020.12.07-2); each input is checked by its SHA-256.
.PHONY: common-words
common-words: $(STAMP)
	$(PY) -m bot.evaluation.build_common_words

bench: $(STAMP) $(COMPILED)
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache bot/claims/_compiled
