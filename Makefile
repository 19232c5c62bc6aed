# The two commands of the README: `make site` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
# The language every command speaks (its messages, problems and success lines): vi or en.
MESSAGES ?= vi
SAY := MESSAGES=$(MESSAGES)

.PHONY: site test check lint serve clean system-deps bench bench-site bench-pages bench-editions nginx-conf

site: $(VENV)/.site-deps  ## build every edition into site/<id>/ (or one: EDITION=<id>)
	$(PY) -m hotro.build.build_site $(if $(EDITION),--edition $(EDITION)) --lang $(MESSAGES)

test: $(VENV)/.test-deps system-deps cms-deps  ## run every test (unit, build, browser, nginx, web editor)
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest

check: $(VENV)/.site-deps  ## validate the content only (RELEASE=1: stop on a published contact due for a check)
	$(PY) -m hotro.editors.check_content $(if $(RELEASE),--release) --lang $(MESSAGES)

.PHONY: status translated
status: $(VENV)/.site-deps  ## English texts missing or stale, pages and contacts due for a check (STRICT=1: exit 1 if any English is missing or stale)
	$(PY) -m hotro.editors.status $(if $(STRICT),--strict) --lang $(MESSAGES)

translated: $(VENV)/.site-deps  ## record the English as translated from today's Vietnamese (ONLY=<page, field or file>)
	$(PY) -m hotro.editors.status --record $(foreach item,$(ONLY),--only $(item)) --lang $(MESSAGES)

serve: $(VENV)/.site-deps  ## preview one edition on http://127.0.0.1:8000/ (EDITION=<id> LANG=vi|en)
	$(SAY) $(PY) -m hotro.editors.serve $(if $(EDITION),--edition $(EDITION)) $(if $(filter vi en,$(LANG)),--lang $(LANG))

lint: $(VENV)/.test-deps
	$(PY) -m ruff check scripts tests

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# The code in scripts/ is one package (hotro), installed in place: no path changes anywhere.
$(VENV)/.site-deps: requirements/site.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/site.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-deps: requirements/test.txt requirements/site.txt pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@ $(VENV)/.site-deps

# Debian's Chromium, nginx and openssl for the browser and server tests (never a downloaded browser).
system-deps:
	@{ command -v chromium && command -v openssl && { command -v nginx || test -x /usr/sbin/nginx; }; } >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium, nginx and openssl (TLS test certificates) for the tests"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium nginx openssl >/dev/null; }

clean:
	rm -rf site .site-builds .site-build.lock .site-build-* site.old site.new .build

bench-site: $(VENV)/.site-deps  ## print build time and page weight figures
	$(SAY) $(PY) -m hotro_bench.bench_site

bench-editions: $(VENV)/.site-deps  ## time all editions, sequential vs parallel
	$(SAY) $(PY) -m hotro_bench.bench_editions

bench: $(VENV)/.site-deps  ## build time, memory and page weight at 200 and 1000 pages/lang (< 10 min)
	$(SAY) $(PY) -m hotro_bench.bench_scale

nginx-conf: $(VENV)/.site-deps  ## print the nginx server block for one edition (EDITION=<id>)
	$(PY) -m hotro.deploy.nginx_conf --edition $(or $(EDITION),tinh-ca-mau) --lang $(MESSAGES)

node_modules/.bin/lighthouse:  # Lighthouse 12.2.3 works offline against Debian's Chromium
	npm install --no-save --no-package-lock --no-audit --no-fund lighthouse@12.2.3

bench-pages: $(VENV)/.test-deps system-deps node_modules/.bin/lighthouse  ## page weight + Lighthouse
	test -f site/tinh-ca-mau/index.html || $(MAKE) site
	$(SAY) $(PY) -m hotro_bench.bench_pages

# Editors: start new content from the schemas (hotro/editors/new_content.py); nothing is published
# until it is filled in and checked.
.PHONY: new
new: $(VENV)/.site-deps  ## start a page pair (PAGE=chinh-sach/ten-trang), a contact (CONTACT=<id> AGENCY=<agency-id> [NUMBER=…]) or an edition (EDITION=<id> AGENCY=<agency-id>)
	@$(SAY) $(PY) -m hotro.editors.new_content $(if $(PAGE),--page "$(PAGE)") $(if $(CONTACT),--contact "$(CONTACT)") $(if $(EDITION),--edition "$(EDITION)") $(if $(AGENCY),--agency "$(AGENCY)") $(if $(NUMBER),--number "$(NUMBER)")

# The web editor for people who don't use Git (hotro/editors/cms.py): Decap CMS and its local backend,
# exact versions from npm, in .cms/node_modules/ rather than node_modules/: npm removes from a
# node_modules folder every package the same command did not install (Lighthouse, or Decap).
.PHONY: cms cms-deps
DECAP_CMS := 3.16.3
DECAP_SERVER := 3.11.3
CMS_STAMP := .cms/node_modules/.installed-decap-cms-$(DECAP_CMS)-decap-server-$(DECAP_SERVER)

cms-deps: $(CMS_STAMP)  ## install Decap CMS and decap-server (npm, exact versions, no lock file)

$(CMS_STAMP):
	npm install --prefix .cms --no-save --no-package-lock --no-audit --no-fund decap-cms@$(DECAP_CMS) decap-server@$(DECAP_SERVER)
	touch $@

cms: $(VENV)/.site-deps cms-deps  ## web editor on http://127.0.0.1:8090/admin/, files written here (Ctrl-C stops)
	$(SAY) $(PY) -m hotro.editors.cms serve

.PHONY: bench-regex
bench-regex: $(VENV)/.site-deps  ## worst time of every regular expression on adversarial text up to 1 MB
	$(SAY) $(PY) -m hotro_bench.bench_regex
	$(SAY) $(PY) -m hotro_bench.bench_regex_site
