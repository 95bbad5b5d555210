#!/usr/bin/env bash
# The Node.js that package.json's `engines` asks for. Where the machine's own is older (this
# workplace's machines carry Node 20 and reach only the npm registry and Debian's packages), it
# installs the official build published on the npm registry as `node-linux-<arch>` — the same
# binary as nodejs.org's tarball, with its C headers, so native addons (the SQLCipher binding)
# compile against it — and prints the variables that put it first:
#   eval "$(.ci/node.sh)"
# Everything but the final export lines goes to stderr, so eval sees only those.
set -euo pipefail
cd "$(dirname "$0")/.."

required="$(node -p "require('./package.json').engines.node.replace(/^>=\s*/, '')")"
satisfies() { "$1" -e "const [a,b,c]=process.versions.node.split('.').map(Number),[x,y,z]='$required'.split('.').map(n=>Number(n)||0);process.exit(a!==x?(a>x?0:1):b!==y?(b>y?0:1):(c>=z?0:1))"; }

if satisfies node; then
  echo "ci: node $(node --version) satisfies >=$required" >&2
  exit 0
fi

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "ci: no Node.js build for $(uname -m) on the npm registry" >&2; exit 1 ;;
esac
major="${required%%.*}"
dir="${BALA_CI_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/bala-ci-node}/$major"
if [ ! -x "$dir/bin/node" ] || ! satisfies "$dir/bin/node"; then
  echo "ci: node $(node --version) is older than $required: installing node-linux-$arch@^$required from the npm registry" >&2
  scratch="$(mktemp -d)"
  (cd "$scratch" && npm pack --silent "node-linux-$arch@^$required" >&2)
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$scratch"/node-linux-*.tgz -C "$dir" --strip-components=1
  rm -rf "$scratch"
fi
echo "ci: using $("$dir/bin/node" --version) from $dir" >&2
echo "export PATH=\"$dir/bin:\$PATH\""
echo "export npm_config_nodedir=\"$dir\""
