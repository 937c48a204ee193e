# The two commands a newcomer needs (see README): `make demo` and `make test`.
.DEFAULT_GOAL := demo
.PHONY: setup core dist demo demo-browser lint style native-tests unit-tests fixtures store-lint checks test release icons bench screenshots

setup:
	scripts/setup.sh

# The core alone (build/core): its WebAssembly, its glue, and its TypeScript declarations.
core: setup
	node scripts/build.mjs --core

# Loadable folders dist/chrome and dist/firefox, and the store uploads dist/*.zip.
dist: core
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
native-tests:
	RUSTC_WORKSPACE_WRAPPER=clippy-driver RUSTFLAGS=-Dwarnings CARGO_TARGET_DIR=target/linted \
		cargo test --locked --all-targets -- --show-output

# The tests that need neither the build nor a browser: the JavaScript's in jsdom with a fake
# core, the oracle's against Google's libphonenumber, the translations'.
unit-tests: setup
	node --test tests/unit/ tests/oracle/ tests/i18n.test.mjs

# The fixture pages' bundles of genuine Lightning components (rollup; skipped when up to date).
fixtures: setup
	node tests/fixtures/build.mjs

store-lint: dist
	npx web-ext lint --warnings-as-errors --source-dir dist/firefox

# Everything but the browsers. Each part needs no other's result but those its target names,
# so `make test` runs them side by side (make -j3), and prints each one's output whole as it
# ends.
checks: native-tests style fixtures unit-tests store-lint

# Everything: the checks above, then the browser tests.
test:
	@$(MAKE) --no-print-directory -j3 --output-sync=target checks
	@# Two lanes side by side, Chromium's tests and Firefox's: a browser test spends most of its
	@# time waiting, not computing. Within a lane one file at a time: the policy tests write
	@# their browser's policy file, which every instance of that browser reads. Firefox's files
	@# share one Firefox: it is slow to start.
	E2E_BROWSERS=chromium node --test --test-concurrency=1 tests/e2e/ tests/fixtures/ > build/e2e-chromium.log 2>&1 & chromium=$$!; \
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
