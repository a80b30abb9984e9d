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
ctest --preset asan-ubsan -j "$jobs" | tee build/asan-ubsan/ctest.log
unit=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' build/asan-ubsan/ctest.log | tail -1)

echo "== fuzz harnesses (clang, libFuzzer) =="
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target profile_loader_fuzz csv_import_fuzz xlsx_import_fuzz http_form_fuzz \
  net_line_fuzz netflow_fuzz net_model_fuzz
ctest --test-dir build/fuzz --output-on-failure | tee build/fuzz/ctest.log
fuzz=$(sed -n 's/.*tests passed, 0 tests failed out of \([0-9]*\).*/\1/p' build/fuzz/ctest.log | tail -1)

# Reaching here means both runs passed (set -e, pipefail): one closing line for both.
echo "mamori: $((unit + fuzz)) passed, 0 failed"
