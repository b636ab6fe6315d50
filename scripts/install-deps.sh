#!/usr/bin/env bash
# Installs every build and test dependency of faqsearch from Debian 12 packages.
# Run as root (or through sudo). Safe to run again: apt-get skips what is installed.
set -euo pipefail
packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools libicu-dev libfmt-dev
  nlohmann-json3-dev libcli11-dev doctest-dev libbenchmark-dev
  python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
