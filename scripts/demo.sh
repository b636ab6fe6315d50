#!/usr/bin/env bash
# Sets up, builds, indexes the bundled sample help center and runs a sample query.
# Usage: scripts/demo.sh [QUERY...]   (default query: "find my user id")
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j2 --target faq-index faq-query
rm -rf build/sample.db
./build/faq-index --db build/sample.db examples/data/articles.jsonl
if [ $# -eq 0 ]; then set -- find my user id; fi
./build/faq-query --db build/sample.db --limit 5 "$@"
