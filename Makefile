# letopis — set-up and everyday commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
SHARED ?= ../shared
STAMP   = $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench,dask]'
	touch $(STAMP)

install: $(STAMP)

## Extract the bundled example articles, show what was found, store them and ask the store.
demo: $(STAMP)
	@mkdir -p out
	$(BIN)/letopis extract examples/ -o out/examples.jsonl
	$(BIN)/letopis show out/examples.jsonl
	$(BIN)/letopis ingest examples/ --db out/chronicle.duckdb
	$(BIN)/letopis stats --db out/chronicle.duckdb
	$(BIN)/letopis dyads --db out/chronicle.duckdb --limit 5
	$(BIN)/letopis events --db out/chronicle.duckdb --country ARM --limit 5

## Run the test suite (tests needing ../shared data skip when it is absent).
test: $(STAMP)
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/letopis eval factru $(SHARED)/data/factrueval-2016/devset

bench: $(STAMP)
	$(BIN)/letopis bench $(SHARED)/data/factrueval-2016/devset

clean:
	rm -rf $(VENV) out build *.egg-info
