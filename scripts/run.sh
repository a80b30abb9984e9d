#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine (as root): installs what is needed,
# builds mamori, builds a fictional body's register in an embedded SQLite file
# (demo.db) under 直方市's profile, and checks it against that body's policy.
#
#   sudo bash scripts/run.sh            # profile nogata
#   sudo bash scripts/run.sh kumamoto   # another seed body: misato, ogi-council, kumamoto, tsuyama
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-nogata}

bash scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target mamori

mamori=build/release/src/mamori
"$mamori" --db demo.db demo --replace --profile "$profile"
echo
"$mamori" --db demo.db check --fail-on none
echo
echo "台帳: $mamori --db demo.db asset list --limit 20"
echo "Excel に出力: $mamori --db demo.db export 台帳.xlsx"
echo "変更履歴: $mamori --db demo.db history --limit 20"
