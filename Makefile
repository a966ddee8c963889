# Dateline: `make demo` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev
RUNTIME := $(VENV)/.installed

.PHONY: demo test check install clean eval bench fuzz audit

# The demo needs only Dateline and its model; tests and checks add the dev tools (Playwright,
# Ray, hypothesis, ...), which take longer to install.
$(RUNTIME): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(RUNTIME)
	$(BIN)/dateline demo --db dateline.db

test: $(STAMP)
	$(BIN)/python -m pytest -q

check: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/python scripts/audit_deps.py

# Known vulnerabilities in the installed dependencies (pip-audit). Says "NOT RUN" and passes
# when no advisory service is reachable; DATELINE_AUDIT_STRICT=1 makes that a failure.
audit: $(STAMP)
	$(BIN)/python scripts/audit_deps.py

# Property-based fuzzing of the readers, text detectors and NLP components (tests/fuzz), not
# part of `make test`. DATELINE_FUZZ_EXAMPLES scales it (default 1000 examples per target).
# Then, when atheris is installed (pip install -e '.[fuzz]'), 100,000 coverage-guided runs over
# the readers, seeded with the bad-input catalogue.
fuzz: $(STAMP)
	DATELINE_FUZZ=1 $(BIN)/python -m pytest -q tests/fuzz
	@if $(BIN)/python -c "import atheris" 2>/dev/null; then \
	  work=$$(mktemp -d) && mkdir $$work/corpus && cp tests/fixtures/bad/* tests/fixtures/sloppy/* $$work/corpus/ && \
	  $(BIN)/python tests/fuzz/atheris_readers.py -runs=100000 -max_len=20000 -artifact_prefix=$$work/ \
	    $$work/corpus > $$work/log 2>&1; status=$$?; \
	  if [ $$status -eq 0 ]; then grep -E "^Done" $$work/log; rm -rf $$work; \
	  else tail -40 $$work/log; echo "atheris found a crash: input and log kept in $$work"; fi; exit $$status; \
	else echo "atheris not installed: coverage-guided fuzzing skipped (pip install -e '.[fuzz]')"; fi

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm .pytest_cache .mypy_cache .ruff_cache
