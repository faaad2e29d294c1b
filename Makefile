# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-deep lint serve worker bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Re-install only when the project's metadata changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Local development: DEBUG=1 gives the development key and lets the demo load.
run: export DEBUG ?= 1
run: $(VENV)/.installed
	$(BIN)/putright migrate --noinput
	$(BIN)/putright demo --if-empty
	$(BIN)/putright reminders-sweep
	scripts/serve.sh $(HOST) $(PORT)

test: $(VENV)/.installed
	scripts/test.sh

# The oracle (tests/oracle) at length: hundreds of random case histories, on SQLite.
test-deep: $(VENV)/.installed
	HYPOTHESIS_PROFILE=deep DATABASE_URL="sqlite:///:memory:" $(BIN)/pytest tests/oracle

lint: $(VENV)/.installed
	$(BIN)/ruff check .

# Benchmarks write their results to bench/RESULTS.md; the report sizes are arguments of bench.reports.
bench: $(VENV)/.installed
	$(BIN)/python -m bench.workingdays
	$(BIN)/python -m bench.reports --sizes 10000 100000 --postgres
	$(BIN)/python -m bench.workspace --sizes 10000 100000
	$(BIN)/python -m bench.insight

clean:
	rm -rf $(VENV) var/*.sqlite3
