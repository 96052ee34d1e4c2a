# Two commands for a fresh Debian/Ubuntu machine: `make serve` and `make test`.
# Both set up everything they need: system packages (apt-get, when root), .venv and the package.

VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# axe-core (accessibility rules) for the browser tests, pinned in package-lock.json; Node is used for nothing else.
AXE    := node_modules/axe-core/axe.min.js
# MkDocs 2 drops plugins, so we pin mkdocs<2; its banner about it is noise here.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build check schema setup system-packages browser

serve: setup  ## build the example site and serve it on http://127.0.0.1:8000 (reloads on edits)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: setup browser  ## lint, then the whole test suite (browser tests included)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/pytest

build: setup  ## build the site into site/, failing on any problem
	$(BIN)/mkdocs build --strict

check: setup  ## check every SOP file and report all problems at once
	$(BIN)/sop-jdih check

schema: setup  ## rewrite the editors' JSON Schemas (sops/, content_archive/schema/) from the models
	$(BIN)/sop-jdih schema

setup: system-packages $(STAMP)

system-packages:
	@sh scripts/ensure-system-packages.sh

browser: $(AXE)  ## Debian's Chromium, driven by Playwright in the browser tests (never a downloaded browser), and axe-core
	@sh scripts/ensure-system-packages.sh chromium=chromium

# `npm ci` installs exactly what package-lock.json pins; again whenever the lock file changes.
$(AXE): package.json package-lock.json
	@sh scripts/ensure-system-packages.sh npm=npm
	npm ci --no-audit --no-fund
	@touch $@

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --editable '.[test]'
	touch $(STAMP)
