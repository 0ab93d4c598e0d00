# newsdoc — developer commands. Every target creates .venv itself on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
NEWSDOC_CORPUS ?= ../shared/corpus
export NEWSDOC_CORPUS
NEWSDOC_WARC_MB ?= 1024

.PHONY: demo test lint typecheck pytest docs dist bench fuzz clean

# The stamp files re-run the install only when pyproject.toml changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# The pip these machines start with (23.2) trips over some extras: upgrade it first.
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/python examples/summarize.py examples/data/*
	@mkdir -p build
	$(BIN)/python examples/to_jsonl.py examples/data --output build/examples.jsonl

test: $(VENV)/.installed-test lint typecheck pytest docs

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests examples benchmarks docs scripts fuzz
	$(BIN)/ruff format --check src tests examples benchmarks docs scripts fuzz

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy --strict src/newsdoc
	# The examples are user code: checking them checks the public API as users see it.
	$(BIN)/mypy --strict examples

pytest: $(VENV)/.installed-test
	$(BIN)/python -m pytest

docs: $(VENV)/.installed-test
	$(BIN)/sphinx-build -W --keep-going -q -b html docs docs/_build/html
	$(BIN)/sphinx-build -W --keep-going -q -b doctest docs docs/_build/doctest

# The release as users get it: the sdist and the wheel (built from the sdist) into dist/, their
# metadata checked by twine, then the wheel installed with its dependencies alone in a fresh
# venv of each of DIST_PYTHONS, where `newsdoc --version`, `newsdoc detect`, a parse of the
# examples and an import that finds the package data (lexicons, py.typed) run outside the
# checkout (scripts/check_dist.py says what is checked).
DIST_PYTHONS ?= $(PYTHON)

dist: $(VENV)/.installed-test
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*
	$(BIN)/python scripts/check_dist.py dist $(addprefix --python ,$(DIST_PYTHONS))

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	# trafilatura is the peer the HTML figures are measured against, in the same run.
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.installed-test $(VENV)/.installed

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py
	# Time and peak memory as the worst inputs of each format grow from 10 KB to 50 MB.
	$(BIN)/python benchmarks/bounds.py
	# Documents per second over the corpus: load_many on 1 and 2 workers against the plain loop.
	$(BIN)/python benchmarks/batch.py
	# A web archive built from the corpus pages (NEWSDOC_WARC_MB MiB, 1024 by default), read
	# by newsdoc and by the WARC libraries installed.
	$(BIN)/python benchmarks/warc.py --mb $(NEWSDOC_WARC_MB)
	# What Spark and Dask in local mode add per 1,000 corpus pages over the plain loop.
	$(BIN)/python benchmarks/engines.py
	# Items per second of a 500-item feed against the XML parse alone (and feedparser, if
	# installed: not a dependency).
	$(BIN)/python benchmarks/feeds.py
	# Documents per second of a NewsML-G2 newsMessage of 300 NITF items against the XML parse alone.
	$(BIN)/python benchmarks/newsmlg2.py
	# Documents per second on a 10,000-line JSON Lines file against json.loads of each line.
	$(BIN)/python benchmarks/jsonl.py
	# Documents per second on a 500-item array of ninjs items against json.loads of the same bytes.
	$(BIN)/python benchmarks/ninjs.py
	# NITF articles per second, each loaded on its own, against the XML parse alone.
	$(BIN)/python benchmarks/nitf.py
	# Stories per second of a 2,000-story wire file against splitting it at the control
	# characters and decoding each piece.
	$(BIN)/python benchmarks/anpa.py
	# Documents per second of a 300-item NewsML 1 envelope against the XML parse alone.
	$(BIN)/python benchmarks/newsml.py

# Fuzzing (off CI: `make test` does not need atheris). Each harness runs FUZZ_RUNS inputs in
# turn, one process at a time, and stops at its first failure; see fuzz/README.md. The test
# fixtures of a harness's format are seeds too, beside fuzz/seeds/<harness>.
FUZZ_RUNS      ?= 1000000
FUZZ_MAX_LEN   ?= 4096
FUZZ_TIMEOUT   ?= 10
FUZZ_HARNESSES ?= auto html text feed prezly gzip warc article-json nitf anpa ninjs newsml newsml-g2
FUZZ_FLAGS     ?=

$(VENV)/.installed-fuzz: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[fuzz]"
	touch $@ $(VENV)/.installed

fuzz: $(VENV)/.installed-fuzz
	@for harness in $(FUZZ_HARNESSES); do \
		mkdir -p fuzz/corpus/$$harness fuzz/crashes/$$harness fuzz/seeds/$$harness; \
		echo "== fuzz/fuzz_$$harness.py: $(FUZZ_RUNS) runs"; \
		case $$harness in \
			auto) fixtures="tests/fixtures/html tests/fixtures/text tests/fixtures/prezly tests/fixtures/feed tests/fixtures/article-json";; \
			html|text|feed|warc|article-json|nitf|anpa|ninjs|newsml|newsml-g2) fixtures="tests/fixtures/$$harness";; \
			*) fixtures="";; \
		esac; \
		$(BIN)/python fuzz/fuzz_$$harness.py fuzz/corpus/$$harness fuzz/seeds/$$harness $$fixtures \
			-runs=$(FUZZ_RUNS) -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) \
			-rss_limit_mb=2048 -artifact_prefix=fuzz/crashes/$$harness/ -print_final_stats=1 \
			$(FUZZ_FLAGS) || exit 1; \
	done

clean:
	rm -rf $(VENV) docs/_build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis
