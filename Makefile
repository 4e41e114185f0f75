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

config.toml:
	cp config.example.toml config.toml

run: $(STAMP) config.toml
	$(PY) -m bot run --config config.toml

test: $(STAMP)
	$(PY) -m ruff check bot cogs storage tests bench
	$(PY) -m mypy
	$(PY) -m pytest

# The inner loop: ruff, then every test not marked slow (no processes started, no labelled sets read).
test-fast: $(STAMP)
	$(PY) -m ruff check bot cogs storage tests bench
	$(PY) -m pytest -m "not slow"

lint: $(STAMP)
	$(PY) -m ruff check bot cogs storage tests bench

spotcheck: $(STAMP)
	$(PY) -m bot.evaluation.spotcheck

eval: $(STAMP)
	$(PY) -m bot.evaluation.own tests/data/eval

# Precision and recall on real items labelled by two annotators (../shared), tune and check splits.
eval-real: $(STAMP)
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

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
