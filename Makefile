# Thin front for the CMake build. The two commands a new machine needs:
#   make demo   install, build, load the demo organisation, show findings
#   make test   install, build (release and ASan+UBSan), run every test
JOBS ?= 2
FUZZ_SECONDS ?= 20
BUILD := build

.PHONY: all bootstrap release asan fuzz-build demo test test-release \
	test-asan fuzz bench clean install

all: release

bootstrap:
	@sh scripts/bootstrap.sh

release: bootstrap
	@cmake -S . -B $(BUILD)/release -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD)/release -j $(JOBS)

asan: bootstrap
	@cmake -S . -B $(BUILD)/asan -DCMAKE_BUILD_TYPE=Debug \
		-DYM_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)/asan -j $(JOBS)

demo: release
	@sh scripts/demo.sh $(BUILD)/release/yamori

test-release: release
	@cd $(BUILD)/release && ctest --output-on-failure -j $(JOBS)

test-asan: asan
	@cd $(BUILD)/asan && ctest --output-on-failure -j $(JOBS)

test: test-release test-asan
	@echo "all test suites passed (release and ASan+UBSan)"

fuzz-build: bootstrap
	@cmake -S . -B $(BUILD)/fuzz -DCMAKE_C_COMPILER=clang \
		-DCMAKE_BUILD_TYPE=Debug -DYM_FUZZ=ON >/dev/null
	@cmake --build $(BUILD)/fuzz -j $(JOBS)

fuzz: fuzz-build
	@sh scripts/fuzz.sh $(BUILD)/fuzz $(FUZZ_SECONDS)

bench: release
	@sh bench/run_skeleton.sh $(BUILD)/release/yamori

install: release
	@cmake --install $(BUILD)/release

clean:
	rm -rf $(BUILD)
