# The two commands of the README: `make site` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check lint serve clean system-deps bench bench-site bench-pages bench-editions nginx-conf

site: $(VENV)/.site-deps  ## build every edition into site/<id>/ (or one: EDITION=<id>)
	$(PY) scripts/build_site.py $(if $(EDITION),--edition $(EDITION))

test: $(VENV)/.test-deps system-deps  ## run every test (unit, build, browser, nginx)
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest

check: $(VENV)/.site-deps  ## validate the content only
	$(PY) scripts/check_content.py

serve: $(VENV)/.site-deps  ## preview one edition on http://127.0.0.1:8000/ (EDITION=<id> LANG=vi|en)
	$(PY) scripts/serve.py $(if $(EDITION),--edition $(EDITION)) $(if $(filter vi en,$(LANG)),--lang $(LANG))

lint: $(VENV)/.test-deps
	$(PY) -m ruff check scripts tests

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: requirements/site.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	touch $@

$(VENV)/.test-deps: requirements/test.txt requirements/site.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@ $(VENV)/.site-deps

# Debian's Chromium and nginx for the browser and server tests (never a downloaded browser).
system-deps:
	@{ command -v chromium && { command -v nginx || test -x /usr/sbin/nginx; }; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and nginx for the tests"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium nginx >/dev/null; }

clean:
	rm -rf site .site-build-* site.old site.new .build

bench-site: $(VENV)/.site-deps  ## print build time and page weight figures
	$(PY) scripts/bench_site.py

bench-editions: $(VENV)/.site-deps  ## time all editions, sequential vs parallel
	$(PY) scripts/bench_editions.py

bench: $(VENV)/.site-deps  ## build time, memory and page weight at 200 and 1000 pages/lang (< 10 min)
	$(PY) scripts/bench_scale.py

nginx-conf: $(VENV)/.site-deps  ## print the nginx server block for one edition (EDITION=<id>)
	$(PY) scripts/nginx_conf.py --edition $(or $(EDITION),tinh-ca-mau)

node_modules/.bin/lighthouse:  # Lighthouse 12.2.3 works offline against Debian's Chromium
	npm install --no-save --no-package-lock --no-audit --no-fund lighthouse@12.2.3

bench-pages: $(VENV)/.test-deps system-deps node_modules/.bin/lighthouse  ## page weight + Lighthouse
	test -f site/index.html || $(MAKE) site
	$(PY) scripts/bench_pages.py
