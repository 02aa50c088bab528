# Two commands on a fresh machine: `make start` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip install -c constraints.txt
INSTANCE := instance
ADMIN ?= admin:admin
# create_site.py makes this admin in a database that has none (a new Data.fs).
export ADMIN_USER := $(firstword $(subst :, ,$(ADMIN)))
export ADMIN_PASSWORD := $(patsubst $(ADMIN_USER):%,%,$(ADMIN))
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: help
help: ## Show the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) -U pip setuptools wheel

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	$(PIP) -e ".[test,relstorage]"
	touch $@

$(INSTANCE)/etc/zope.conf: | $(VENV)/.installed
	$(BIN)/mkwsgiinstance -d $(INSTANCE) -u $(ADMIN)
	# Plone stores images and files as blobs next to the FileStorage.
	sed -i 's#path $$INSTANCE/var/Data.fs#path $$INSTANCE/var/Data.fs\n     blob-dir $$INSTANCE/var/blobstorage#' $@
	sed -i 's#^host = .*#host = $(HOST)#; s#^port = .*#port = $(PORT)#' $(INSTANCE)/etc/zope.ini
	# .mo files are not in git; Zope compiles them from the .po files at start.
	sed -i 's#^\(\s*\)CHAMELEON_CACHE .*#&\n\1zope_i18n_compile_mo_files true#' $@
	# Requests sent together each add new words to the catalog's text index, entries ZODB
	# cannot merge: with Zope's 3 retries 13 of make load's 200 got a 500, with 10 none did.
	sed -i 's#^<zodb_db main>#max-conflict-retries 10\n\n&#' $@
	# ZODB's default cache of 5,000 objects per connection is smaller than the catalog
	# objects the directory and the programme read at 5,000 mentors (~8,400): 30,000 keeps
	# them loaded (the instance, every page warm, then used 220 MB resident in all).
	sed -i 's#^<zodb_db main>#&\n    cache-size 30000#' $@

.PHONY: install
install: $(VENV)/.installed $(INSTANCE)/etc/zope.conf ## Create .venv with pinned packages, and a Zope instance

.PHONY: site
site: install ## Create the site Plone with the add-on and demo content, unless it exists
	$(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/create_site.py

.PHONY: anonymise
anonymise: install ## Stopped site only: anonymise the personal data whose retention period is over
	$(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/anonymise.py

.PHONY: start
start: site ## Serve the demo site on http://localhost:8080/Plone
	@# Plone leaves pages unthemed on 127.0.0.1 (its hostname blacklist), so link localhost.
	@echo "Serving http://localhost:$(PORT)/Plone  (log in as $(ADMIN))"
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini

# --- Backup and restore of the FileStorage and its blobs (README: Backups) --
BACKUP_DIR ?= backups
DATA_SCRIPTS_ENV = INSTANCE=$(INSTANCE) BACKUP_DIR=$(BACKUP_DIR) BIN=$(BIN)

.PHONY: backup
backup: ## Back up Data.fs (repozo) and the blobs into backups/; safe while the site runs
	$(DATA_SCRIPTS_ENV) bash scripts/backup.sh

.PHONY: restore
restore: ## Stopped site only: restore the newest backup, or the one of DATE=yyyy-mm-dd-hh-mm-ss (UTC)
	$(DATA_SCRIPTS_ENV) DATE=$(DATE) bash scripts/restore.sh

# --- Moving the site with plone.exportimport (README: Export and import) ----
SITE_ID ?= Plone
EXPORT_DIR ?= exports/$(shell date -u +%Y-%m-%d-%H-%M-%S)

.PHONY: export-site
export-site: install ## Stopped site only: export SITE_ID (Plone) with plone.exportimport into EXPORT_DIR
	mkdir -p $(EXPORT_DIR)
	$(BIN)/plone-exporter $(INSTANCE)/etc/zope.conf $(SITE_ID) $(EXPORT_DIR)

.PHONY: import-site
import-site: install ## Stopped site only: a new site SITE_ID with the add-on, EXPORT_DIR imported into it
	@test -d "$(EXPORT_DIR)" || { echo "EXPORT_DIR=$(EXPORT_DIR) is no export"; exit 1; }
	SITE_ID=$(SITE_ID) $(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/site_for_import.py
	$(BIN)/plone-importer $(INSTANCE)/etc/zope.conf $(SITE_ID) $(EXPORT_DIR)

.PHONY: reset-site
reset-site: ## Stopped site only: move the data to instance/var/aside/, create a new demo site
	$(DATA_SCRIPTS_ENV) bash scripts/set-data-aside.sh reset
	$(MAKE) site

.PHONY: debian-packages
debian-packages: ## Debian's Chromium (browser tests) and PostgreSQL (RelStorage), when missing
	bash scripts/debian-packages.sh

.PHONY: test
test: $(VENV)/.installed debian-packages ## Run the test suite
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

# --- Benchmarks: the pages' cost against plain Plone (benchmarks/RESULTS.md) -
N ?= 5000

.PHONY: bench
bench: $(VENV)/.installed ## Time the pages on N generated mentors (N=500 for a quick run)
	$(BIN)/python benchmarks/bench.py --n $(N)

# --- Load test: locust against a running site (make start in another terminal) --
URL ?= http://localhost:$(PORT)/Plone

.PHONY: load
load: $(VENV)/.installed ## Mixed traffic on the running site at URL, then check no request was lost
	$(BIN)/python benchmarks/load_check.py --url $(URL) --admin '$(ADMIN)' $(LOAD_ARGS)

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

# --- Scale-out: RelStorage on a private PostgreSQL (README: Choosing the storage)
# The cluster's data lives in var/postgresql, the instances' in var/relstorage.
PG_DATA := var/postgresql
PG_PORT ?= 55432
PORT2 ?= 8081
RELSTORAGE := var/relstorage
RELSTORAGE_DSN = dbname='somementor' host='127.0.0.1' port='$(PG_PORT)' user='zope'

.PHONY: relstorage-db
relstorage-db: debian-packages $(INSTANCE)/etc/zope.conf ## Start PostgreSQL with the database; write var/relstorage/zope.conf
	bash scripts/postgresql.sh start $(PG_DATA) $(PG_PORT)
	bash scripts/postgresql.sh createdb $(PG_DATA) $(PG_PORT) somementor
	$(BIN)/python scripts/relstorage_conf.py $(INSTANCE) $(RELSTORAGE) "$(RELSTORAGE_DSN)" $(PORT) $(PORT2)

.PHONY: relstorage
relstorage: relstorage-db ## The above, and the demo site on RelStorage unless it exists
	$(BIN)/zconsole run $(RELSTORAGE)/zope.conf scripts/create_site.py

.PHONY: start-relstorage
start-relstorage: relstorage ## Serve the site from RelStorage on http://localhost:8080/Plone
	@echo "Serving http://localhost:$(PORT)/Plone from RelStorage  (log in as $(ADMIN))"
	$(BIN)/runwsgi $(RELSTORAGE)/zope-$(PORT).ini

.PHONY: start-cluster
start-cluster: relstorage ## Two instances on one RelStorage database, ports 8080 and 8081
	@echo "Serving http://localhost:$(PORT)/Plone and http://localhost:$(PORT2)/Plone, one database"
	@# Ctrl-C stops the instance in the foreground; the trap stops the other one.
	trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
	$(BIN)/runwsgi $(RELSTORAGE)/zope-$(PORT2).ini & \
	$(BIN)/runwsgi $(RELSTORAGE)/zope-$(PORT).ini

.PHONY: stop-relstorage
stop-relstorage: ## Stop the PostgreSQL of start-relstorage (the data stays in var/)
	bash scripts/postgresql.sh stop $(PG_DATA)

.PHONY: clean-relstorage
clean-relstorage: stop-relstorage ## Stop PostgreSQL and delete the RelStorage site's data
	rm -rf $(PG_DATA) $(RELSTORAGE)
