#!/usr/bin/env bash
# Installs node_modules exactly from package-lock.json (`npm ci`) when it is
# missing or older than the lock file, so a fresh clone needs only
# `npm start` or `npm test`. Does nothing when node_modules is up to date.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm writes node_modules/.package-lock.json after every install.
installed=node_modules/.package-lock.json
if [[ ! -f "$installed" || package-lock.json -nt "$installed" ]]; then
  echo "deps: node_modules is missing or older than package-lock.json; running npm ci"
  npm ci --no-audit --no-fund
fi
