# 招商台账 (zhaoshang) — developer entry points.
#
#   make run [ARGS="..."]          run the desktop app
#   make test [PYTEST_ARGS="..."]  pytest (offscreen Qt), import-linter contracts, mypy
#   make lint                      ruff check + ruff format --check
#   make bench [QUICK=1]           every bench/bench_*.py, one table (bench/run.py)
#   make screenshots               scripts/screenshots.py under xvfb-run
#   make install-desktop           menu entry, icon and *.zsdb file type for this user
#   make clean                     remove .venv and caches
#
# Every target first makes sure the Debian packages are present
# (scripts/ensure-system-deps.sh) and that .venv exists and is up to date with
# pyproject.toml (re-installed only when pyproject.toml is newer than the stamp).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV      := .venv
VENV_BIN  := $(VENV)/bin
VENV_PY   := $(VENV_BIN)/python
STAMP     := $(VENV)/.installed

ARGS        ?=
PYTEST_ARGS ?=

.PHONY: help run test soak lint bench screenshots clean sysdeps venv install-desktop uninstall-desktop

help:
	@sed -n '3,10s/^# \{0,1\}//p' $(firstword $(MAKEFILE_LIST))

sysdeps:
	@bash scripts/ensure-system-deps.sh

# Create the virtualenv with python3.11 if present, else python3 (must be >= 3.11).
$(VENV_PY):
	@py=""; \
	for cand in python3.11 python3; do \
	    if command -v "$$cand" >/dev/null 2>&1 && \
	       "$$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then \
	        py="$$cand"; break; \
	    fi; \
	done; \
	if [ -z "$$py" ]; then \
	    echo "error: need Python >= 3.11 (python3.11 or python3) to create $(VENV)" >&2; exit 1; \
	fi; \
	echo "creating $(VENV) with $$py ($$("$$py" -c 'import sys; print(sys.version.split()[0])'))"; \
	rm -rf $(VENV); \
	"$$py" -m venv $(VENV)

# (Re)install the project and its dev extras when pyproject.toml changes.
$(STAMP): pyproject.toml | $(VENV_PY) sysdeps
	$(VENV_PY) -m pip install --quiet -e '.[dev]'
	@touch $@

venv: sysdeps $(STAMP)

run: venv
	$(VENV_BIN)/zhaoshang $(ARGS)

test: venv
	QT_QPA_PLATFORM=offscreen $(VENV_PY) -m pytest $(PYTEST_ARGS)
	PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(VENV_BIN)/lint-imports
	$(VENV_BIN)/mypy --strict db reports
	$(VENV_BIN)/mypy ui desktop

# Long runs of damaged unit files and mutated ledgers (SOAK_EXAMPLES per case, default 2000).
soak: venv
	QT_QPA_PLATFORM=offscreen SOAK_EXAMPLES="$${SOAK_EXAMPLES:-2000}" $(VENV_PY) -m pytest -m soak $(PYTEST_ARGS)

lint: venv
	$(VENV_BIN)/ruff check .
	$(VENV_BIN)/ruff format --check .

# One table of every bench/bench_*.py (bench/run.py); QUICK=1 for a smoke run on small data.
bench: venv
	QT_QPA_PLATFORM="$${QT_QPA_PLATFORM:-offscreen}" $(VENV_PY) bench/run.py $(if $(QUICK),--quick)

screenshots: venv
	@if [ -f scripts/screenshots.py ]; then \
	    xvfb-run -a $(VENV_PY) scripts/screenshots.py; \
	else \
	    echo "scripts/screenshots.py is missing: no screenshots taken"; \
	fi

# The applications-menu entry, the icon and the MIME type of *.zsdb, for this user
# (~/.local/share); the entry starts `zhaoshang` from PATH, else .venv/bin/zhaoshang.
install-desktop: sysdeps
	bash scripts/install-desktop.sh

uninstall-desktop:
	bash scripts/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis build *.egg-info
	find . -path ./.git -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +

# Extract the tr() strings of ui/ and desktop/ into ui/translations/zhaoshang_en.ts
# (existing translations kept) and compile it to zhaoshang_en.qm.
.PHONY: translations
translations: venv
	bash scripts/update_translations.sh
