#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine (as root): installs what is needed,
# builds mamori, builds a fictional body's register in an embedded SQLite file
# (demo.db) under 直方市's profile, checks it against that body's policy, and
# starts the web application on it (http://127.0.0.1:8080/, Ctrl+C to stop).
#
#   sudo bash scripts/run.sh            # profile nogata
#   sudo bash scripts/run.sh kumamoto   # another seed body: misato, ogi-council, kumamoto, tsuyama
#   LISTEN=0.0.0.0:8080 bash scripts/run.sh   # reachable from other machines
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-nogata}
listen=${LISTEN:-127.0.0.1:8080}

bash scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target mamori

mamori=build/release/src/mamori
rm -f demo.db demo.db-wal demo.db-shm
"$mamori" --db demo.db demo --profile "$profile"
echo
"$mamori" --db demo.db check --fail-on none | tail -n 5
echo
# A department's 情報セキュリティ管理者 (no authenticator app needed) to look around at once;
# the administrator (CISO, second factor required) is created and shown by `serve` below.
password=$(openssl rand -base64 18 | tr -d '/+=' | cut -c1-16)
printf '%s\n' "$password" | "$mamori" --db demo.db account add kanri --role manager --department 総務課 \
  --person 100003 --name "岡田　博" 2>/dev/null
echo "総務課の情報セキュリティ管理者でログイン: ログイン名 kanri／パスワード $password"
echo "（台帳: $mamori --db demo.db asset list、アカウント: $mamori --db demo.db account list）"
echo
exec "$mamori" --db demo.db serve --listen "$listen"
