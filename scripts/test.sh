#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite, real pcscd + virtual chip, local HIS server) and
# browser e2e (Debian Chromium). Sets up first when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
node scripts/node-guard.cjs
if [ ! -d node_modules ] || [ ! -f out/renderer/index.html ]; then bash scripts/setup.sh; fi
mkdir -p test-results
status=0
# A hung test must fail the run, not eat the CI budget: the whole suite takes 1–2 minutes here.
timeout --kill-after=30 1500 npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
# One plain closing line for CI: "Tests: N passed, N failed, N skipped".
node -e '
  const r = require("./test-results/vitest.json")
  const skipped = r.numPendingTests + r.numTodoTests
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`)
' || true
exit $status
