# Every target builds its own virtual environment (.venv) from pyproject.toml, installing only
# what it needs: `make demo` the runtime dependencies, `make test` the test extra on top,
# `make docs` and `make bench` their own extras. Each layer has its own stamp file, so the
# targets can be run in any order, and a changed pyproject.toml reinstalls each layer the next
# time a target needs it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.installed-runtime
TEST_STAMP := $(VENV)/.installed-test
DOCS_STAMP := $(VENV)/.installed-docs
BENCH_STAMP := $(VENV)/.installed-bench
export HYPOTHESIS_PROFILE ?= ci
# pytest workers: `auto` is one per CPU; `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: generated venv test lint typecheck pytest demo docs docs-check bench bench-check clean catalogs compile-catalogs

# Giving a fresh venv its own pip (ensurepip) costs about as much as installing the runtime
# into it. So when $(PYTHON) has pip 22.3 or newer, the venv is made without pip and that pip
# installs into it (pip --python); otherwise the venv gets the pip its Python ships. Either
# way pip is not upgraded: the one there installs everything here.
HOST_PIP := $(shell $(PYTHON) -c 'import pip, sys; sys.exit(tuple(map(int, pip.__version__.split(".")[:2])) < (22, 3))' 2>/dev/null && echo yes)
ifeq ($(HOST_PIP),yes)
VENV_FLAGS := --without-pip
PIP := $(PYTHON) -m pip --python $(BIN)/python
else
VENV_FLAGS :=
PIP := $(BIN)/python -m pip
endif
PIP += --quiet --disable-pip-version-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV_FLAGS) $(VENV)

$(RUNTIME_STAMP): pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(TEST_STAMP): $(RUNTIME_STAMP)
	$(PIP) install -e '.[test]'
	touch $@

venv: $(TEST_STAMP) compile-catalogs

# The gettext catalogs (src/csto_program/locale): `make catalogs` extracts every message of
# the sources, the command line's help and the report's template into the template (.pot)
# and merges it into each language's .po file, for a translator to fill in; the compiled .mo
# files are built from the .po files (by `make test` here, and by hatch_build.py in a wheel),
# never committed. tests/test_i18n.py fails on a message without a Russian translation.
LOCALE := src/csto_program/locale
POT := $(LOCALE)/csto_program.pot
PO_FILES := $(wildcard $(LOCALE)/*/LC_MESSAGES/csto_program.po)
MO_FILES := $(PO_FILES:.po=.mo)
PYBABEL_EXTRACT := extract -F babel.cfg --sort-output --add-location=file \
	--project=csto-program --copyright-holder="csto-program developers" --no-wrap

catalogs: $(TEST_STAMP)
	PYTHONPATH=src $(BIN)/pybabel $(PYBABEL_EXTRACT) -o $(POT) .
	$(BIN)/pybabel update -i $(POT) -d $(LOCALE) -D csto_program --no-wrap --ignore-obsolete

$(LOCALE)/%/LC_MESSAGES/csto_program.mo: $(LOCALE)/%/LC_MESSAGES/csto_program.po | $(TEST_STAMP)
	$(BIN)/pybabel compile --statistics -i $< -o $@ -l $*

compile-catalogs: $(MO_FILES)

# Generated code kept as modules so that Python caches their bytecode: the loaders of JSON
# text, from the records' declarations (src/csto_program/serialize/_fast.py says why), and
# the report's template as jinja2 compiles it (export/html.py); the tests fail while either
# is out of date.
generated: $(RUNTIME_STAMP)
	$(BIN)/python -c 'from csto_program.serialize._fast import generated_module as g; import sys; sys.stdout.write(g())' > src/csto_program/serialize/_generated.py.tmp
	mv src/csto_program/serialize/_generated.py.tmp src/csto_program/serialize/_generated.py
	$(BIN)/python -c 'from csto_program.export.html import _compiled_template_module as g; import sys; sys.stdout.write(g())' > src/csto_program/export/_report_template.py.tmp
	mv src/csto_program/export/_report_template.py.tmp src/csto_program/export/_report_template.py

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(TEST_STAMP)
	$(BIN)/mypy --strict src

# Branch coverage of src/, measured in every pytest-xdist worker and combined at the end.
# --dist loadfile keeps the examples of one page or docstring module in one worker, in order.
# Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set (as on some CI machines):
# otherwise every worker and every command the tests start compiles the package again, and
# pytest rewrites every test module again (3 s of each worker's 6 s collection here).
pytest: $(TEST_STAMP) compile-catalogs
	LANGUAGE= LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile --cov --cov-branch --cov-report=term --cov-fail-under=95

test: lint typecheck pytest

demo: $(RUNTIME_STAMP) compile-catalogs
	$(BIN)/csto-program timeline

# The documentation site, built into site/ with --strict: a warning fails the build.
# NO_MKDOCS_2_WARNING silences Material's banner about MkDocs 2.0 (not a build warning).
$(DOCS_STAMP): $(RUNTIME_STAMP)
	$(PIP) install -e '.[docs]'
	touch $@

docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# The checks of the built site in tests/test_site.py (links open from disk, the published
# schema files, every class's signature as Python gives it), run on site/ as `make docs` left
# it. `make test` skips them when there is no site; here a missing site fails them instead.
docs-check: $(DOCS_STAMP) $(TEST_STAMP)
	CSTO_PROGRAM_SITE_REQUIRED=1 $(BIN)/pytest -n 0 tests/test_site.py

# The benchmark against pydantic v2, msgspec and orjson (not part of make test): bench-check
# runs the benchmark's own code on a small document (benchmarks/test_smoke.py), then bench
# prints the table that docs/performance.md records.
$(BENCH_STAMP): $(TEST_STAMP)
	$(PIP) install -e '.[bench]'
	touch $@

bench-check: $(BENCH_STAMP)
	$(BIN)/pytest benchmarks

bench: bench-check
	$(BIN)/python benchmarks/bench.py

clean:
	rm -f $(MO_FILES)
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis .coverage .coverage.* site
