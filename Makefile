# Geonarratives — `make help` lists the targets.
# Every target installs what it needs into a local virtual environment (.venv) first.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
CORPUS ?= data/sample/articles
NAME   ?=
PARAMS ?=
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install report run test test-fast notebooks benchmark benchmark-actors benchmark-network lock lint clean

help:  ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: CORPUS=$(CORPUS)  NAME=<report name>  PARAMS='-p key=value --text-field NAME ...'"

$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the package with its pinned dependencies

report: $(STAMP)  ## Ingest CORPUS and execute the numbered notebooks into reports/NAME
	$(BIN)/python -m analysis report --corpus $(CORPUS) $(if $(NAME),--name $(NAME)) $(PARAMS)

run: $(STAMP)  ## Only write the Parquet tables for CORPUS into data/processed/
	$(BIN)/python -m analysis run --corpus $(CORPUS)

test: $(STAMP)  ## Run the test suite and check that every notebook runs (pytest --nbval-lax)
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## Unit tests only (no notebooks, no large inputs)
	$(BIN)/python -m pytest tests -m "not slow"

notebooks: $(STAMP)  ## Re-execute the committed notebooks in place on the sample corpus
	$(BIN)/python -m analysis.report.notebooks

benchmark: $(STAMP)  ## Measure ingestion speed and memory on a large synthetic corpus
	$(BIN)/python benchmarks/bench_ingest.py

lock: $(STAMP)  ## Re-pin requirements/constraints.txt from the current environment
	{ echo "# Exact versions the test suite last passed with (Python 3.11). Regenerate with \`make lock\`."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v "^-e"; } > requirements/constraints.txt

lint: $(STAMP)  ## Check style with ruff
	$(BIN)/ruff check analysis tests benchmarks

clean:  ## Remove generated tables, reports and caches (keeps .venv)
	rm -rf data/processed reports .pytest_cache

benchmark-actors: $(STAMP)  ## Actor extraction speed vs a spaCy EntityRuler (installs spaCy into .venv)
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e ".[bench]"  # editable, as in install
	$(BIN)/python benchmarks/bench_actors.py

benchmark-network: $(STAMP)  ## Actor-network edges, backbone, metrics and communities for 100,000 synthetic articles
	$(BIN)/python benchmarks/bench_network.py
