#!/usr/bin/env bash
# The whole test suite: build, type check, lint and format check, then every test file.
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
node --import tsx scripts/build.mjs
npx --no-install tsc --noEmit -p .
npx --no-install biome check --diagnostic-level=error .
node --import tsx --test $(find test -name '*.test.ts' | sort)
