# eventwire: `make demo` and `make test` work from a fresh clone with nothing but Python 3.11+ installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
STORE ?= demo-store

.PHONY: install demo test lint typecheck eval bench clean lock

$(STAMP): requirements/lock.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	# Every dependency, the spaCy model included, is pinned by sha256 in requirements/lock.txt.
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/lock.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(STORE)
	$(BIN)/eventwire ingest examples/articles --store $(STORE)
	COLUMNS=$${COLUMNS:-150} $(BIN)/eventwire events --store $(STORE) --limit 60

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

eval: $(STAMP)
	$(BIN)/eventwire eval ../shared/seed/belarus-2020-08-16.gold.yaml
	$(BIN)/eventwire eval ../shared/benchmarks/petrarch-gsr/PETR2_GSR_validation.xml

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Regenerate the hashed lock from requirements/*.in (needs pip-tools; run when dependencies change).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --output-file requirements/lock.txt requirements/runtime.in requirements/dev.in

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache .mypy_cache .ruff_cache
