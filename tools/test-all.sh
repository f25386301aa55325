#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
# `npm test` runs this, and .ci/run runs `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

STAGES=(
  'types:npm run --silent test:types'
  'lint:npm run --silent test:lint'
  'format:npm run --silent test:format'
  'pylint:npm run --silent test:pylint'
  'unit:npm run --silent test:unit'
  'python:npm run --silent test:python'
  'lessons:npm run --silent lessons:check'
  'build:npm run --silent build'
  'chromium:bash tools/ensure-chromium.sh'
  'e2e:npm run --silent test:e2e'
)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

summary=()
passed=0
started=$(now)

report() {
  local failed=$1
  echo
  echo "==== summary ($(elapsed "$started" "$(now)") s)"
  printf '  %s\n' "${summary[@]}"
  local skipped=$((${#STAGES[@]} - passed - failed))
  echo "stages: $passed passed, $failed failed, $skipped skipped"
}

stage_start=$(now)
echo "==== deps"
bash tools/ensure-deps.sh
summary+=("deps     ok    $(elapsed "$stage_start" "$(now)") s")

for entry in "${STAGES[@]}"; do
  name=${entry%%:*}
  command=${entry#*:}
  echo
  echo "==== $name: $command"
  stage_start=$(now)
  if bash -c "$command"; then
    seconds=$(elapsed "$stage_start" "$(now)")
    echo "---- $name passed in $seconds s"
    summary+=("$(printf '%-8s ok    %s s' "$name" "$seconds")")
    passed=$((passed + 1))
  else
    status=$?
    seconds=$(elapsed "$stage_start" "$(now)")
    echo "---- $name FAILED (exit $status) after $seconds s"
    summary+=("$(printf '%-8s FAIL  %s s' "$name" "$seconds")")
    report 1
    exit "$status"
  fi
done

report 0
