# The two commands of the README: `make run` and `make test`.
# The venv's interpreter: Debian's own python3.11 where it is there with its venv module,
# else the first python3 on the PATH. Debian builds it with profile-guided and link-time
# optimisation and links the interpreter statically: the same start-up runs 16 % fewer
# instructions than in a default source build such as pyenv's (README, Benchmarks).
PYTHON ?= $(shell /usr/bin/python3.11 -c "import ensurepip, venv" >/dev/null 2>&1 \
            && echo /usr/bin/python3.11 || echo python3)
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell { cat pyproject.toml; echo "$(PYTHON)"; } | cksum | cut -d' ' -f1)

.PHONY: run test stress bench venv which-python bytecode translations lint clean

$(STAMP): pyproject.toml
	@# A venv that another interpreter made is made again: pip would keep its packages,
	@# built for that interpreter, and its python would stay the old one.
	@want="$$($(PYTHON) -c 'import os, sys; print(os.path.realpath(sys.executable))')"; \
	  have="$$(sed -n 's/^executable = //p' $(VENV)/pyvenv.cfg 2>/dev/null)"; \
	  if [ -n "$$have" ] && [ "$$(realpath "$$have")" != "$$want" ]; then \
	    echo "($(VENV) was made by $$have: made again with $$want)"; rm -rf $(VENV); fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@# pycups compiles against libcups2-dev (scripts/system-deps test, which .ci/run calls
	@# first): without it the CUPS tests skip, except in CI where they fail.
	$(PY) -m pip install --quiet -e '.[cups]' >$(VENV)/pycups-build.log 2>&1 \
	  || echo "(pycups not built, see $(VENV)/pycups-build.log: no CUPS printer;" \
	          "apt-get install libcups2-dev, then make clean venv)"
	rm -f $(VENV)/.installed-* && touch $@

# Byte-compiled modules, as a wheel install has them: an editable install has none, and
# with PYTHONDONTWRITEBYTECODE set each start would compile ~200 modules again (+0.2 s).
# Only what changed since is compiled again.
#
# PySide's signature support (~15 modules, loaded by every `import PySide6`) is embedded in
# libshiboken as a zip of sources, compiled again at every start (~20 ms). SBK_EMBED=0 is
# PySide's own switch to write them out beside shiboken6 as files.dir, which it then
# imports like any package: byte-compiled once here, as the rest.
SHIBOKEN_FILES = $(shell $(PY) -c "import shiboken6, pathlib; print(pathlib.Path(shiboken6.__file__).parent / 'files.dir')" 2>/dev/null)
bytecode: $(STAMP)
	@test -d "$(SHIBOKEN_FILES)" || SBK_EMBED=0 $(PY) -c "import shiboken6"
	@$(PY) -m compileall -q -j0 pos "$(SHIBOKEN_FILES)"

venv: $(STAMP)

# The interpreter the venv is made with (tests/test_interpreter.py).
which-python:
	@echo "$(PYTHON)"

## Set everything up, create the embedded SQLite database with demo data, open the window.
run: $(STAMP) bytecode
	@scripts/system-deps run
	$(VENV)/bin/guichet db init --demo
	$(VENV)/bin/guichet

## Set everything up (PostgreSQL test server included) and run the whole test suite.
test: $(STAMP) bytecode
	@scripts/system-deps test || echo "(continuing: tests needing those packages will say so)"
	@url="$${GUICHET_TEST_POSTGRES_URL:-$$(scripts/pg-test-server || true)}"; \
	  QT_QPA_PLATFORM=offscreen GUICHET_TEST_POSTGRES_URL="$$url" \
	  $(PY) -m pytest $(PYTEST_ARGS)
	$(VENV)/bin/lint-imports pyproject.toml
	$(VENV)/bin/ruff check pos tests

## The long runs: every test marked `stress` (pytest -m stress), with the long settings
## below (the same tests run short in `make test`). Add a test: mark it
## @pytest.mark.stress and, if it has a length, read it from a variable set here.
STRESS_ENV ?= GUICHET_ENDURANCE_SCANS=5000 GUICHET_RACE_ROUNDS=200 \
  GUICHET_CRASH_ROUNDS=300 GUICHET_CRASH_NAMED=all GUICHET_PROPERTY_SCALE=10
stress: $(STAMP)
	@scripts/system-deps test || echo "(continuing: tests needing those packages will say so)"
	@url="$${GUICHET_TEST_POSTGRES_URL:-$$(scripts/pg-test-server || true)}"; \
	  QT_QPA_PLATFORM=offscreen GUICHET_TEST_POSTGRES_URL="$$url" $(STRESS_ENV) \
	  $(PY) -m pytest -m stress -s $(PYTEST_ARGS)

## Benchmarks (issue 12): databases built once into ~/.cache/guichet-bench, figures as a
## table and as JSON. BENCH_SIZES=10k,100k narrows; BENCH_URL=postgresql+psycopg://... runs
## them on PostgreSQL (its database name is the prefix of the databases made).
BENCH_SIZES ?= 10k,100k,1m,peer
BENCH_URL   ?=
BENCH_OUT   ?= bench-results.json
bench: $(STAMP) bytecode
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.suite --sizes "$(BENCH_SIZES)" \
	  --url "$(BENCH_URL)" --out "$(BENCH_OUT)"

## Refresh the French translations: the window's .ts (from the sources and
## resources/translations/fr/*.tsv, compiled to .qm) and the core's and devices' gettext
## catalogue pos/locale/fr/LC_MESSAGES/guichet.po (Babel extraction, babel.cfg).
translations: $(STAMP)
	$(PY) scripts/translate.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
