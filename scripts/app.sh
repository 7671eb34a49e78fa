#!/usr/bin/env bash
# Sets up and runs the app: the Electron window where the Electron binary exists, otherwise the same
# services behind the loopback browser mode (prints the URL to open). Extra arguments go to browser mode,
# e.g. --data-dir DIR --port 8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
node scripts/node-guard.cjs
electron_path_file=node_modules/electron/path.txt
if [ -f "$electron_path_file" ] && [ -e "node_modules/electron/dist/$(cat "$electron_path_file")" ]; then
  exec npx electron-vite preview
fi
echo "[app] no Electron binary on this machine: starting browser mode"
exec node out/main/web.js "$@"
