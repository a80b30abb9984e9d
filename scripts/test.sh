#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what is needed (Debian 12, as
# root), builds with AddressSanitizer and UndefinedBehaviorSanitizer, runs
# every unit, golden and integration test, then builds the libFuzzer harnesses
# with clang and runs each briefly.
#
#   sudo bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/bootstrap.sh

jobs=$(nproc)
echo "== build (asan-ubsan) =="
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j "$jobs"

echo "== unit, golden and integration tests =="
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset asan-ubsan -j "$jobs"

echo "== fuzz harnesses (clang, libFuzzer) =="
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target profile_loader_fuzz csv_import_fuzz xlsx_import_fuzz
ctest --test-dir build/fuzz --output-on-failure
