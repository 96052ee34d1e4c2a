# Two commands for a fresh Debian/Ubuntu machine: `make serve` and `make test`.
# Both set up everything they need: system packages (apt-get, when root), then .venv with exactly the versions that
# uv.lock records (hashes checked), and the Node packages exactly as package-lock.json records them.

VENV   := .venv
BIN    := $(VENV)/bin
UV     := $(BIN)/uv
# Sveltia CMS (the web editor the site publishes at /admin/, with the fonts its script names) and axe-core
# (accessibility rules of the browser tests), pinned in package-lock.json; Node runs nothing of the site, npm only
# installs these.
NODE   := node_modules/.terpasang
# uv must use the machine's Python, never download one of its own.
export UV_PYTHON_DOWNLOADS := never

.PHONY: serve test build check schema setup system-packages browser lock lock-check

serve: setup  ## build the example site and serve it on http://127.0.0.1:8000 (reloads on edits)
	$(BIN)/mkdocs serve --dirty --livereload --dev-addr 127.0.0.1:8000

test: setup browser  ## lint, then the whole test suite (browser tests included)
	$(BIN)/ruff check generator tests scripts
	$(BIN)/ruff format --check generator tests scripts
	$(BIN)/pytest

build: setup  ## build the site into site/, failing on any problem, then check every internal link of it
	$(BIN)/mkdocs build --strict
	$(BIN)/sop-jdih check --site

check: setup  ## check every SOP file and report all problems at once
	$(BIN)/sop-jdih check

schema: setup  ## rewrite the editors' JSON Schemas (sops/, content_archive/schema/) from the models
	$(BIN)/sop-jdih schema

# `make lock` fits uv.lock to pyproject.toml, changing as few pins as it can (after adding or changing a dependency);
# `make lock UPGRADE=all` moves every package to its newest allowed release; `make lock UPGRADE=pyyaml` moves one.
lock: $(UV)  ## update uv.lock on purpose; then `make test` and commit uv.lock
	$(UV) lock $(if $(filter all,$(UPGRADE)),--upgrade,$(if $(UPGRADE),--upgrade-package $(UPGRADE)))

# Exactly the locked versions, every time (30 ms when nothing changed): --locked refuses a lock that does not fit
# pyproject.toml, and whatever was installed by hand beside them is removed or put back to its locked version.
setup: system-packages lock-check $(NODE)
	@$(UV) sync --locked --all-extras --quiet

system-packages:
	@sh scripts/ensure-system-packages.sh

# One clear message, before anything is installed, when pyproject.toml was changed without `make lock`.
lock-check: $(UV)
	@$(UV) lock --check --offline --quiet 2>/dev/null || { \
	  echo "uv.lock tidak sesuai dengan pyproject.toml: jalankan 'make lock', uji, lalu commit uv.lock." >&2; exit 1; }

# The uv that uv.lock itself records, installed by pip with its hashes checked; again whenever the lock changes.
$(UV): uv.lock scripts/uv_requirement.py
	@test -x $(BIN)/python || python3 -m venv $(VENV)
	python3 scripts/uv_requirement.py uv.lock > $(VENV)/uv-requirement.txt
	$(BIN)/python -m pip install --quiet --require-hashes --only-binary :all: --no-deps -r $(VENV)/uv-requirement.txt
	@touch $@

browser: $(NODE)  ## Debian's Chromium, driven by Playwright in the browser tests (never a downloaded browser)
	@sh scripts/ensure-system-packages.sh chromium=chromium

# `npm ci` installs exactly what package-lock.json pins; again whenever the lock file changes.
$(NODE): package.json package-lock.json
	@sh scripts/ensure-system-packages.sh npm=npm
	npm ci --no-audit --no-fund
	@touch $@
