# CaloTwin: `make demo` and `make test` are the two entry points (see README.md).
SWIFT ?= swift
JOBS ?= 2

.PHONY: bootstrap build release test test-fast demo clean fixtures format lint

bootstrap:
	@Scripts/bootstrap.sh

build: bootstrap
	$(SWIFT) build -j $(JOBS)

release: bootstrap
	$(SWIFT) build -c release -j $(JOBS) --product calotwin

# All tests; slow ones (CALOTWIN_SLOW_TESTS=1) only when the variable is set, as .ci/run does.
test: build lint
	$(SWIFT) test -j $(JOBS)

# swift format lint --strict with zero findings (make format fixes most of them).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift Benchmarks

demo: release
	@Scripts/demo.sh "$$($(SWIFT) build -c release --show-bin-path)/calotwin"

# Regenerates the committed test fixtures (needs python3-torch and h5py; not needed for tests).
fixtures:
	Scripts/make-fixtures.sh

format:
	Scripts/format.sh

clean:
	rm -rf .build
