#!/usr/bin/env bash
# sohoa setup: installs what sohoa needs from Debian's packages, fetches and
# checks the OCR model from the npm registry, builds, then runs one job:
#
#   scripts/setup.sh demo   install, build, ingest samples/ into ./sohoa-store, search it
#   scripts/setup.sh test   install, build, run the whole test suite
#   scripts/setup.sh build  install and build only
#
# Works as root on a fresh Debian 12 machine; safe to run again.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
job="${1:-build}"
jobs="$(nproc 2>/dev/null || echo 2)"

packages=(
  build-essential cmake pkg-config ca-certificates python3
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-osd tesseract-ocr-vie
  libopencv-dev libicu-dev libsqlite3-dev libpoppler-cpp-dev libssl-dev zlib1g-dev
  libgtest-dev libgmock-dev libcli11-dev libtomlplusplus-dev libspdlog-dev nlohmann-json3-dev
  hunspell-vi poppler-utils python3-pil fonts-liberation2
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm may come with a Node.js that is not Debian's (whose nodejs conflicts
  # with Debian's npm): only ask for Debian's npm when there is no npm at all.
  command -v npm >/dev/null 2>&1 || missing+=(npm)
  if [ ${#missing[@]} -eq 0 ]; then
    say "Debian packages: all present"
    return
  fi
  say "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  say "Building (cmake, $jobs jobs)"
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build build -j "$jobs"
}

case "$job" in
  demo|test|build) ;;
  *) echo "usage: scripts/setup.sh [demo|test|build]" >&2; exit 2 ;;
esac

install_packages
bash models/fetch.sh
build

case "$job" in
  demo)
    say "Ingesting samples/ into ./sohoa-store"
    status=0
    ./build/sohoa --store sohoa-store ingest samples/ || status=$?
    say "Searching without diacritics: 'cai cach hanh chinh'"
    ./build/sohoa --store sohoa-store search "cai cach hanh chinh"
    exit "$status"
    ;;
  test)
    say "Running the test suite"
    ctest --test-dir build --output-on-failure -j "$jobs" --timeout 600
    ;;
esac
