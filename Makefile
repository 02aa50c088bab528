# Two commands on a fresh machine: `make start` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install -c constraints.txt
INSTANCE := instance
ADMIN ?= admin:admin
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: help
help: ## Show the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) -U pip setuptools wheel

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	$(PIP) -e ".[test]"
	touch $@

$(INSTANCE)/etc/zope.conf: | $(VENV)/.installed
	$(BIN)/mkwsgiinstance -d $(INSTANCE) -u $(ADMIN)
	# Plone stores images and files as blobs next to the FileStorage.
	sed -i 's#path $$INSTANCE/var/Data.fs#path $$INSTANCE/var/Data.fs\n     blob-dir $$INSTANCE/var/blobstorage#' $@
	sed -i 's#^host = .*#host = $(HOST)#; s#^port = .*#port = $(PORT)#' $(INSTANCE)/etc/zope.ini
	# .mo files are not in git; Zope compiles them from the .po files at start.
	sed -i 's#^\(\s*\)CHAMELEON_CACHE .*#&\n\1zope_i18n_compile_mo_files true#' $@

.PHONY: install
install: $(VENV)/.installed $(INSTANCE)/etc/zope.conf ## Create .venv with pinned packages, and a Zope instance

.PHONY: site
site: install ## Create the site Plone with the add-on and demo content, unless it exists
	$(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/create_site.py

.PHONY: start
start: site ## Serve the demo site on http://localhost:8080/Plone
	@# Plone leaves pages unthemed on 127.0.0.1 (its hostname blacklist), so link localhost.
	@echo "Serving http://localhost:$(PORT)/Plone  (log in as $(ADMIN))"
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

.PHONY: chromium
chromium: ## Debian's Chromium for the browser tests (Playwright cannot download one here)
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; \
	  else \
	    echo "The browser tests need Chromium: sudo apt-get install chromium"; exit 1; \
	  fi; }

.PHONY: test
test: $(VENV)/.installed chromium ## Run the test suite
	$(BIN)/pytest $(PYTEST_ARGS)

.PHONY: lint
lint: $(VENV)/.installed ## ruff and zpretty
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	find src -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | xargs $(BIN)/zpretty --check

.PHONY: format
format: $(VENV)/.installed ## Fix what ruff and zpretty can
	$(BIN)/ruff check --fix src tests scripts
	$(BIN)/ruff format src tests scripts
	find src -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | xargs $(BIN)/zpretty -i

.PHONY: i18n
i18n: $(VENV)/.installed ## Rebuild the .pot files and sync the fi and sv catalogues
	bash scripts/i18n.sh

.PHONY: pins
pins: ## Re-resolve pins.in in a fresh venv; write constraints.txt and versions.cfg
	rm -rf .pins-venv
	$(PYTHON) -m venv .pins-venv
	.pins-venv/bin/pip install -U pip
	.pins-venv/bin/pip install -r pins.in
	.pins-venv/bin/pip freeze --all --exclude-editable > .pins-venv/freeze.txt
	$(PYTHON) scripts/pins.py .pins-venv/freeze.txt
	rm -rf .pins-venv

.PHONY: clean
clean: ## Remove the venv and instance (the site's data goes too)
	rm -rf $(VENV) $(INSTANCE) .pytest_cache .ruff_cache $(BUILDOUT_VENV) bin eggs develop-eggs parts var .installed.cfg

# --- zc.buildout: the same pins (versions.cfg) as the pip path --------------
# Its own venv, not .venv: the site-packages of the python that runs buildout
# land on bin/instance's sys.path, so .venv's pip-installed eggs (and its
# editable vaasa.somementor) would mix with the eggs buildout picked.
BUILDOUT_VENV := .buildout-venv

$(BUILDOUT_VENV)/bin/buildout: constraints.txt
	$(PYTHON) -m venv $(BUILDOUT_VENV)
	$(BUILDOUT_VENV)/bin/pip install -c constraints.txt zc.buildout setuptools wheel
	touch $@

.PHONY: buildout
buildout: $(BUILDOUT_VENV)/bin/buildout ## Build bin/instance with zc.buildout (re-run: a few seconds)
	$(BUILDOUT_VENV)/bin/buildout -c buildout.cfg instance:http-address=$(HOST):$(PORT) instance:user=$(ADMIN)

.PHONY: start-buildout
start-buildout: buildout ## Create the site if missing, serve it from bin/instance
	bin/instance run scripts/create_site.py
	@echo "Serving http://localhost:$(PORT)/Plone  (log in as $(ADMIN))"
	bin/instance fg
