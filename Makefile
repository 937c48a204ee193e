# The two commands a newcomer needs (see README): `make demo` and `make test`.
.DEFAULT_GOAL := demo
.PHONY: setup core dist demo demo-browser lint style test release icons bench screenshots

setup:
	scripts/setup.sh

# The core alone (build/core): its WebAssembly, its glue, and its TypeScript declarations.
core: setup
	node scripts/build.mjs --core

# Loadable folders dist/chrome and dist/firefox, and the store uploads dist/*.zip.
dist: setup
	node scripts/build.mjs

# Builds everything and shows the extension at work on a Salesforce-shaped page; first checks
# that Chromium is there to show it (else says what to install).
demo: demo-browser dist
	node scripts/demo.mjs

demo-browser:
	@node scripts/demo.mjs --check

lint: style
	cargo clippy --locked --all-targets -- -D warnings

# Everything lint checks but clippy, which `make test` runs within the native tests' build.
# The type check reads the core's declarations (build/core/core.d.ts).
style: core
	cargo fmt --all --check
	npx eslint .
	node scripts/typecheck.mjs

# The native tests' build is also clippy's: the workspace's crates compile through
# clippy-driver, as `cargo clippy` has them checked, with every warning an error. The
# dependencies are then built once for both, not once for clippy and again for the tests
# (about a minute less). `--all-targets` as clippy's: the benches are built and run once, in
# criterion's test mode. Its own target folder, so that these flags rebuild nothing of a
# developer's `cargo test`.
LINTED_TESTS = RUSTC_WORKSPACE_WRAPPER=clippy-driver RUSTFLAGS=-Dwarnings CARGO_TARGET_DIR=target/linted \
	cargo test --locked --all-targets

# Everything: lint and type check, the fast tests of the JavaScript (jsdom, a fake core; no
# build, no browser), the core's native tests, the build, the store linter, the browser tests.
test: style dist
	@# No browser in these three: the fast tests and the fixture pages' build (rollup, about
	@# 40 s) run while cargo builds, lints and runs the core's tests; each prints when all are done.
	node --test tests/unit/ > build/unit-tests.log 2>&1 & unit=$$!; \
	node tests/fixtures/build.mjs > build/fixtures.log 2>&1 & fixtures=$$!; \
	$(LINTED_TESTS) -- --show-output; cargo=$$?; \
	wait $$unit; unit=$$?; cat build/unit-tests.log; \
	wait $$fixtures; fixtures=$$?; cat build/fixtures.log; \
	[ $$cargo -eq 0 ] && [ $$unit -eq 0 ] && [ $$fixtures -eq 0 ]
	npx web-ext lint --warnings-as-errors --source-dir dist/firefox
	@# Two lanes side by side, Chromium's tests and Firefox's: a browser test spends most of its
	@# time waiting, not computing. Within a lane one file at a time: the policy tests write
	@# their browser's policy file, which every instance of that browser reads. Firefox's files
	@# share one Firefox: it is slow to start.
	E2E_BROWSERS=chromium node --test --test-concurrency=1 tests/e2e/ tests/fixtures/ tests/oracle/ tests/i18n.test.mjs > build/e2e-chromium.log 2>&1 & chromium=$$!; \
	E2E_BROWSERS=firefox node tests/shared-firefox.mjs node --test --test-concurrency=1 tests/e2e/ > build/e2e-firefox.log 2>&1 & firefox=$$!; \
	wait $$chromium; chromium=$$?; cat build/e2e-chromium.log; \
	wait $$firefox; firefox=$$?; cat build/e2e-firefox.log; \
	[ $$chromium -eq 0 ] && [ $$firefox -eq 0 ]

# The store packages of package.json's version, and the source package for Firefox reviewers.
release: setup
	node scripts/release.mjs

# Regenerates the icons and the promotional tile from their source drawings.
icons:
	node scripts/icons.mjs

# Speed and size against a libphonenumber-js peer in headless Chromium, then the core natively.
bench: dist
	node bench/run.mjs
	cargo bench -p dialer-core

# The store screenshots (store/screenshots/*.png): the extension at work in headless Chromium.
screenshots: dist
	node scripts/screenshots.mjs
