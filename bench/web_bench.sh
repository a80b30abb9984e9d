#!/usr/bin/env bash
# Web benchmark (issue: web): `mamori serve` (release build) on a register of
# 100,000 assets, loaded by wrk at 50 connections for 30 s:
#   page  GET /register/assets?department=…        (a 50-row register page with a
#                                                    filter; a 情報セキュリティ管理者's session)
#   api   GET /api/v1/register/assets?department=…&limit=50  (the same account's API token)
#   peer  GET /static/…css                          (the same server's static asset
#                                                    route: the HTTP layer's ceiling)
# Each run reports req/s, p50, p99 (wrk --latency), errors (socket errors and
# responses other than 2xx) and the server's peak RSS during the run (VmHWM,
# reset before each run), beside the peer and the targets (p99 <= 50 ms, 0 errors).
# Then: does a new request wait while 200 idle keep-alive connections are open?
#
#   cmake --preset release && cmake --build build/release
#   bash bench/web_bench.sh                      # DURATION=30 CONNECTIONS=50 THREADS=2
#   DURATION=5 bash bench/web_bench.sh           # a quick look
#   DB=/path/register.db bash bench/web_bench.sh # reuse a register (copied, not changed)
#   PERF=1 bash bench/web_bench.sh               # also: perf profile of the page run
#
# Needs: wrk, curl, python3 (Debian: apt-get install wrk curl python3); perf for PERF=1.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build/release}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
ASSETS=${ASSETS:-100000}
IDLE=${IDLE:-200}
P99_TARGET_MS=${P99_TARGET_MS:-50}
IDLE_TARGET_MS=${IDLE_TARGET_MS:-50}
PERF=${PERF:-0}
KEEP=${KEEP:-0}

mamori=$BUILD_DIR/src/mamori
register_bench=$BUILD_DIR/bench/register_bench
here=bench/web

die() { echo "web_bench: $*" >&2; exit 1; }
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install $tool)"
done
[[ -x $mamori ]] || die "no $mamori — build first: cmake --preset release && cmake --build build/release"

work=$(mktemp -d /tmp/mamori-web-bench.XXXXXX)
server_pid=
cleanup() {
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ $KEEP == 1 ]]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "mamori web benchmark: ${DB:-$ASSETS assets}; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s; $(nproc) cores online"
echo "binary: $mamori; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# 1. The register: 100,000 assets (register_bench's generator and import), or a given one.
db=$work/register.db
if [[ -n ${DB:-} ]]; then
  cp "$DB" "$db"
  echo "register: copy of $DB"
else
  [[ -x $register_bench ]] || die "no $register_bench (cmake --build $BUILD_DIR --target register_bench), or set DB="
  echo "register: $register_bench --assets $ASSETS --keep …"
  bench_out=$("$register_bench" --assets "$ASSETS" --keep)
  kept=$(sed -n 's/^database kept: //p' <<<"$bench_out")
  [[ -f $kept ]] || die "register_bench kept no database:"$'\n'"$bench_out"
  mv "$kept" "$db"
  rm -rf "$(dirname "$kept")"
fi

# 2. A department (of the first asset) and its 情報セキュリティ管理者 (no second factor).
department=$("$mamori" --db "$db" asset list --limit 1 --format json |
  python3 -c 'import json,sys; d=json.load(sys.stdin); r=d[0] if isinstance(d,list) else d["rows"][0]; print(r.get("department") or r.get("所管課"))')
[[ -n $department ]] || die "could not find a department"
login=bench-manager
password=web-bench-password-$RANDOM$RANDOM
printf '%s\n' "$password" | "$mamori" --db "$db" account add "$login" --role manager --department "$department" \
  --name ベンチ管理者 >/dev/null 2>&1 || die "account add failed"
echo "account: $login (情報セキュリティ管理者, $department)"

# 3. The server, on a free port; its first check runs before the first answer.
"$mamori" --db "$db" serve --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 600); do
  grep -q 'http://127.0.0.1:[0-9]*/' "$work/serve.log" && break
  kill -0 "$server_pid" 2>/dev/null || die "mamori serve exited: $(cat "$work/serve.log")"
  sleep 0.1
done
base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1)
[[ -n $base ]] || die "mamori serve printed no address"
start=$(date +%s%N)
curl -sf -o /dev/null --max-time 600 "$base/login" || die "no answer from $base/login"
echo "server: $base (pid $server_pid); first answer (after the first check) in $(( ($(date +%s%N) - start) / 1000000 )) ms;" \
  "memory after start: peak $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status") MB," \
  "now $(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status") MB"

# 4. Sign in through the form (double-submit CSRF cookie), then issue an API token.
jar=$work/cookies
csrf=$(curl -sf -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "login=$login" \
  --data-urlencode "password=$password" --data-urlencode "next=/" "$base/login" || die "sign-in failed"
session=$(awk '$6 == "mamori_session" {print $7}' "$jar")
[[ -n $session ]] || die "no session cookie after sign-in"
cookie="mamori_session=$session"
account_page=$(curl -sf -H "Cookie: $cookie" "$base/account")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$account_page" | head -1)
token=$(curl -sf -H "Cookie: $cookie" --data-urlencode "csrf=$csrf" --data-urlencode "name=web_bench" \
  "$base/account/tokens" | sed -n 's/.*data-testid="new-token">\([^<]*\)<.*/\1/p' | head -1)
[[ -n $token ]] || die "no API token issued"

enc_department=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$department")
page_path="/register/assets?department=$enc_department"
api_path="/api/v1/register/assets?department=$enc_department&limit=50"
css_path=$(curl -sf "$base/login" | grep -o 'href="/[^"]*\.css"' | head -1 | sed 's/href="//; s/"$//')
[[ -n $css_path ]] || die "no stylesheet link on /login"

page_status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base$page_path")
[[ $page_status == 200 ]] || die "$page_path answered $page_status"
page_rows=$(grep -c '<tr><td><a href="/register/assets/' "$work/page.html" || true)
page_count=$(sed -n 's/.*data-testid="count">\([^<]*\)<.*/\1/p' "$work/page.html" | head -1)
api_status=$(curl -s -o "$work/api.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$base$api_path")
echo "page: $page_path → $page_status, $page_rows rows of $page_count, $(wc -c <"$work/page.html") bytes"
echo "api:  $api_path → $api_status, $(wc -c <"$work/api.json") bytes"
echo "peer: $css_path"
echo

# 5. The runs. wrk's latency percentiles are in us/ms/s; all figures in ms.
reset_peak() { echo 5 >"/proc/$server_pid/clear_refs" 2>/dev/null || true; }
peak_mb() { awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status"; }
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}
# run NAME PATH HEADER… → a line "NAME req_s p50 p99 errors peak requests bytes_per_req" in $work/results
run() {
  local name=$1 path=$2
  shift 2
  local headers=()
  for h in "$@"; do headers+=(-H "$h"); done
  reset_peak
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$here/status.lua" \
    "${headers[@]}" "$base$path" >"$work/wrk-$name.txt" 2>&1 || true
  local out=$work/wrk-$name.txt
  local rps p50 p99 sock not2xx requests bytes
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  sock=$(awk '/Socket errors:/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")
  not2xx=$(awk '$1 == "not_2xx" {print $2}' "$out")
  requests=$(awk '/requests in/ {print $1}' "$out")
  bytes=$(awk '/requests in/ {print $5}' "$out" | tr -d ',')
  echo "$name ${rps:-0} $p50 $p99 $(( ${sock:-0} + ${not2xx:-0} )) $(peak_mb) ${requests:-0} $bytes" >>"$work/results"
}

: >"$work/results"
echo "running: page, api, static peer (${DURATION} s each) …"
perf_pid=
if [[ $PERF == 1 ]] && command -v perf >/dev/null; then
  perf record -F 99 --call-graph dwarf,8192 -p "$server_pid" -o "$work/perf.data" -- sleep "$DURATION" >/dev/null 2>&1 &
  perf_pid=$!
fi
run page "$page_path" "Cookie: $cookie"
[[ -n $perf_pid ]] && wait "$perf_pid" || true
if [[ $api_status == 200 ]]; then
  run api "$api_path" "Authorization: Bearer $token"
fi
run static "$css_path"

# Still signed in afterwards? (A session that expired mid-run would show as 302s.)
after_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page_path")

# 6. Idle keep-alive connections and a new request.
echo "running: a new request with $IDLE idle keep-alive + $IDLE silent connections open …"
host_port=${base#http://}
python3 "$here/idle_keepalive.py" "${host_port%:*}" "${host_port##*:}" "$page_path" --cookie "$cookie" \
  --idle "$IDLE" >"$work/idle.txt" 2>&1 || echo "idle check failed: $(tail -3 "$work/idle.txt")"
echo

# 7. The table.
field() { awk -v n="$1" -v f="$2" '$1 == n {print $f}' "$work/results"; }
verdict() {  # p99 errors → met / NOT MET
  awk -v p="$1" -v e="$2" -v t="$P99_TARGET_MS" 'BEGIN { print ((p <= t && e == 0) ? "met" : "NOT MET") }'
}
printf '%-30s %10s %9s %9s %8s %9s %12s   %s\n' run req/s "p50 ms" "p99 ms" errors "peak MB" "bytes/req" "target: p99 <= $P99_TARGET_MS ms, 0 errors"
line() {
  local label=$1 name=$2 judge=$3
  local rps p50 p99 err peak req bytes per
  rps=$(field "$name" 2); p50=$(field "$name" 3); p99=$(field "$name" 4); err=$(field "$name" 5)
  peak=$(field "$name" 6); req=$(field "$name" 7); bytes=$(field "$name" 8)
  per=$(awk -v r="$req" -v b="$bytes" 'BEGIN {
    n = b + 0; u = b; sub(/^[0-9.]+/, "", u);
    if (u == "KB") n *= 1024; else if (u == "MB") n *= 1048576; else if (u == "GB") n *= 1073741824;
    printf "%.0f", (r > 0 ? n / r : 0) }')
  printf '%-30s %10.0f %9s %9s %8s %9s %12s   %s\n' "$label" "$rps" "$p50" "$p99" "$err" "$peak" "$per" \
    "$([[ $judge == 1 ]] && verdict "$p99" "$err" || echo "(peer)")"
}
line "page: register, 50 rows" page 1
line "  peer: static css" static 0
if [[ $api_status == 200 ]]; then
  line "api: register, limit=50" api 1
  line "  peer: static css" static 0
else
  printf '%-30s %s\n' "api: register, limit=50" "not available (GET $api_path answered $api_status)"
fi
[[ $after_status == 200 ]] || echo "WARNING: after the runs the page answered $after_status (session lost?)"

echo
base_ms=$(awk '$2 == "none" {print $5}' "$work/idle.txt")
open_ms=$(awk '$2 == "open" {print $5}' "$work/idle.txt")
open_max=$(awk '$2 == "open" {print $9}' "$work/idle.txt")
open_n=$(awk '$2 == "open" {print $3}' "$work/idle.txt")
if [[ -n $base_ms && -n $open_ms ]]; then
  delay=$(awk -v a="$open_ms" -v b="$base_ms" 'BEGIN {printf "%.2f", a - b}')
  printf 'new request (page), median of 20: %s ms with no other connection; %s ms (max %s) with %s idle connections open → delay %s ms  [target < %s ms: %s]\n' \
    "$base_ms" "$open_ms" "$open_max" "$open_n" "$delay" "$IDLE_TARGET_MS" \
    "$(awk -v d="$delay" -v m="$open_max" -v t="$IDLE_TARGET_MS" 'BEGIN {print ((d < t && m < 1000) ? "met" : "NOT MET")}')"
  awk '$2 == "still_open" {printf "  still open after the check: %s of the keep-alive, %s of the silent connections\n", $4, $6}' "$work/idle.txt"
else
  echo "idle check: no result"; cat "$work/idle.txt"
fi

if [[ -f $work/perf.data ]]; then
  echo
  echo "perf (page run): time in each function and what it calls (children, self), mamori and SQLite entry points"
  perf report -i "$work/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep '%' | grep -v '^#' |
    grep -E 'mamori::(web|store|auth|http::Html)|sqlite3_(step|prepare)|mustache.*::render$|malloc$' |
    grep -vE 'lambda|_Function_handler|Guard' | sed 's/ *$//; s/\[\.\] //' | cut -c1-110 | head -20
fi

echo
echo "server log and wrk output: $work (removed at exit; KEEP=1 keeps them)"
echo "reproduce: cmake --preset release && cmake --build build/release && DURATION=$DURATION CONNECTIONS=$CONNECTIONS THREADS=$THREADS bash bench/web_bench.sh"
