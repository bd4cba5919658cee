#!/usr/bin/env bash
# Fetches the Vietnamese LSTM model for Tesseract from the npm registry,
# checks its SHA-256 and unpacks it to models/vie.traineddata.
# Source, version, licence and checksums: models/README.md.
set -euo pipefail

models="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
package="@tesseract.js-data/vie@1.0.0"
member="package/4.0.0_best_int/vie.traineddata.gz"
gz_sha256="2284f610f262a1b19ec8df9f196b9ff6ce38ddb4a66329e998941df4b8961c8d"
model_sha256="112f6fd1d04ab4cb0208cad9cada8de214ae33a1e4db3750ffcda69262aef0a8"
target="$models/vie.traineddata"

if [ -f "$target" ] && echo "$model_sha256  $target" | sha256sum -c --status; then
  echo "==> OCR model: $target present and verified"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "==> Fetching $package from the npm registry"
tarball="$(cd "$work" && npm pack --silent "$package" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$work" "$member"
echo "$gz_sha256  $work/$member" | sha256sum -c --status || {
  echo "error: checksum mismatch for $member in $package" >&2
  exit 1
}
gunzip -c "$work/$member" > "$work/vie.traineddata"
echo "$model_sha256  $work/vie.traineddata" | sha256sum -c --status || {
  echo "error: checksum mismatch for the unpacked vie.traineddata" >&2
  exit 1
}
mv "$work/vie.traineddata" "$target"
echo "==> OCR model: $target verified"
