# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
FUZZ_VENV := .venv-fuzz
FUZZ_STAMP := $(FUZZ_VENV)/.installed
MODEL := models/sas.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data bot/nlu -type f -not -name '*.pyc' 2>/dev/null)
export PYTHONPATH := $(CURDIR)
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: install browser train run shell test pytest pytest-without-model pytest-with-model conversations fuzz validate lint eval bench purge clean

# uv installs the locked requirements in under a minute where pip took about six; it does not read pip's
# configuration, so the machine's local wheels (PIP_FIND_LINKS, e.g. the spaCy model) are passed on.
UV_VERSION := 0.13.9
FIND_LINKS := $(if $(PIP_FIND_LINKS),--find-links $(PIP_FIND_LINKS))

$(STAMP): requirements.txt
	@test -x $(BIN)/python || $$(scripts/python310) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/pip install --disable-pip-version-check -q uv==$(UV_VERSION)
	$(BIN)/uv pip install --python $(BIN)/python -q $(FIND_LINKS) -r requirements.txt
	@touch $@

install: $(STAMP)

# Schemathesis in an environment of its own: its dependencies clash with Rasa's pins.
$(FUZZ_STAMP): $(STAMP) requirements-fuzz.txt
	@test -x $(FUZZ_VENV)/bin/python || $$(scripts/python310) -m venv $(FUZZ_VENV)
	$(BIN)/uv pip install --python $(FUZZ_VENV)/bin/python -q $(FIND_LINKS) -r requirements-fuzz.txt
	@touch $@

# Debian's Chromium for the side panel's browser tests (Playwright's own download cannot work here).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

$(MODEL): $(STAMP) $(TRAINING_INPUTS)
	$(BIN)/rasa train --fixed-model-name sas --out models --quiet
	@touch $@

train: $(MODEL)

validate: $(STAMP)
	$(BIN)/rasa data validate --fail-on-warnings --quiet

run: $(MODEL)
	$(BIN)/python -m bot.run

shell: $(MODEL)
	$(BIN)/python -m bot.run --shell

pytest: $(STAMP) browser $(MODEL)
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile

# The tests that need no model (1 984 of 2 008, about 5 minutes on one core) run while the model trains; the ones that
# need it (marked `model` by tests/conftest.py) run after it, a test file per worker on two workers: the cluster's fault
# test alone takes about 3 minutes, mostly starting and stopping processes.
TEST_WORKERS ?= 2

pytest-without-model: $(STAMP) browser
	$(BIN)/python -m pytest -m "not model"

pytest-with-model: $(STAMP) browser $(MODEL)
	$(BIN)/python -m pytest -m model -n $(TEST_WORKERS) --dist loadfile

conversations: $(MODEL)
	$(BIN)/rasa test core --model $(MODEL) --stories tests/conversations --fail-on-prediction-errors --out results/conversations

# The agenda's API fuzzed from its OpenAPI document: no server error, every refusal French JSON (tests/fuzz).
fuzz: $(STAMP) $(FUZZ_STAMP)
	$(BIN)/python -m tests.fuzz.agenda

# Training keeps one of the two cores busy for about three minutes (measured: 187 s of CPU in 174 s): the data
# validation, the browser's download, the agenda's fuzzing and the tests that need no model (each in its own
# process) run beside it; the tests that need the model and the conversation tests come after.
test: $(STAMP)
	$(MAKE) --no-print-directory -j4 --output-sync=target validate $(MODEL) browser fuzz pytest-without-model
	$(MAKE) --no-print-directory pytest-with-model conversations

lint: $(STAMP)
	$(BIN)/ruff check bot actions tests scripts
	$(BIN)/rasa data validate --fail-on-warnings --quiet

eval: $(MODEL)
	$(BIN)/python -m bot.eval

bench: $(MODEL)
	$(BIN)/python -m bot.bench

# Several instances behind Caddy on https://localhost:8443, on PostgreSQL and Redis of their own (docs/DEPLOYMENT.md):
# CLUSTER_AGENDAS, CLUSTER_ACTION_SERVERS, CLUSTER_RASAS (2 each), CLUSTER_URL, CLUSTER_BASE_PORT. Ctrl-C stops it all.
.PHONY: cluster
cluster: $(MODEL)
	bash scripts/install-cluster
	$(BIN)/python -m bot.cluster

# Locust in an environment of its own (its pins clash with Rasa's), against a running assistant: the cluster by default
# (`make cluster` in another terminal); LOAD_URL, LOAD_AGENDA_URL, LOAD_DATABASE_URL, LOAD_CA and
# LOAD_TRACKER_STORE_URL (where a turn's time goes, optional) for another one.
LOAD_VENV := .venv-load
LOAD_STAMP := $(LOAD_VENV)/.installed
USERS ?= 20
DURATION ?= 300

$(LOAD_STAMP): $(STAMP) requirements-load.txt
	@test -x $(LOAD_VENV)/bin/python || $$(scripts/python310) -m venv $(LOAD_VENV)
	$(BIN)/uv pip install --python $(LOAD_VENV)/bin/python -q $(FIND_LINKS) -r requirements-load.txt
	@touch $@

.PHONY: loadtest
loadtest: $(STAMP) $(LOAD_STAMP)
	$(BIN)/python -m bot.load --users $(USERS) --duration $(DURATION) --url "$(LOAD_URL)" \
		--agenda-url "$(LOAD_AGENDA_URL)" --database-url "$(LOAD_DATABASE_URL)" --ca "$(LOAD_CA)" \
		--tracker-store-url "$(LOAD_TRACKER_STORE_URL)"

# Deletes conversations and attachments no booking took, past their retention (RETENTION_HOURS); `make run` does it too.
purge: $(STAMP)
	$(BIN)/python -m bot.retention

clean:
	rm -rf models/*.tar.gz results var
