# One front door for developer tasks; the README's commands are these targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= store
PORT ?= 7878

.PHONY: install build serve test lint bench constraints clean

install: $(STAMP)  ## a virtual environment with exactly the pinned versions

$(STAMP): pyproject.toml requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	PIP_CONSTRAINT=$(CURDIR)/requirements/constraints.txt \
		$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

build: $(STAMP)  ## build the graph from the bundled documents
	$(BIN)/kg build --store $(STORE)

serve: build  ## build, then serve it read-only at http://127.0.0.1:$(PORT)/
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check kg tests bench
	$(BIN)/mypy

bench: $(STAMP)  ## the benchmarks under bench/ (print their numbers)
	$(BIN)/python bench/build.py --sizes 100,1000
	$(BIN)/python bench/serve.py

constraints: $(STAMP)  ## re-pin after changing pyproject.toml's dependencies
	$(BIN)/python -m pip freeze --exclude-editable | sort -f > requirements/constraints.txt.new
	@echo "review requirements/constraints.txt.new (add the build backend), then replace the old file"

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
