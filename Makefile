# Lebenslagen: the commands. The work is done by scripts/*.sh; this file only names it.
#
#   make run         set up, build, run gateway (+ sandbox) on PORT (default 8080) in the foreground
#   make test        set up incl. test tools, build once, run every test suite (CI: .ci/run)
#   make test-e2e    only the Playwright suite, against the existing build (ARGS=... for Playwright)
#   make wasm-test   only the wasm tests in headless Chromium (if tests/web.rs exists)
#   make bench       build, then benchmarks (LCP app vs static HTML; load: gateway vs nginx,
#                    /auth/session, a page; Lighthouse mobile; search latency per keystroke at
#                    6x CPU throttling); prints, never asserts
#   make size        the size report of dist/
#   make build       the release build (dist/, dist/pages/, target/native/gateway)
#   make build-debug the same with a debug wasm, which names the node of a hydration error
#   make setup       build tools only; make setup-test adds Chromium and the end2end packages

PORT ?= 8080
ARGS ?=

.PHONY: all setup setup-test build build-debug run test test-e2e wasm-test bench size clean

all: build

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

build: setup
	scripts/build.sh

build-debug: setup
	DEBUG=1 scripts/build.sh

run: build
	PORT=$(PORT) scripts/run.sh

test: setup-test
	scripts/build.sh
	scripts/test.sh

test-e2e:
	scripts/e2e.sh $(ARGS)

wasm-test:
	scripts/wasm-test.sh $(ARGS)

bench: setup-test
	scripts/build.sh
	node end2end/bench/lcp.mjs
	scripts/bench-mirror.sh
	node end2end/bench/load.mjs
	node end2end/bench/lighthouse.mjs
	node end2end/bench/search.mjs

size:
	node scripts/size-report.mjs dist

clean:
	rm -rf dist target/.stamps end2end/test-results end2end/playwright-report
