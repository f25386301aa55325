#!/usr/bin/env bash
# Everything CI checks: `npm test` runs this, and .ci/run runs `npm test`.
#
# The checks that need only the dependencies run side by side, a few at a
# time (LOOPSCOPE_TEST_JOBS, default one more than the cores), since most of
# them keep a single core busy. Each one's output is held and printed whole
# when it ends, under its name. The end-to-end tests need the build and
# Chromium, and run last, alone (two pages at a time when two cores are
# idle as they start: tools/e2ePages.ts). After a failure no new check
# starts; the ones running finish, and the summary says which failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Longest first, so the long ones do not start last.
SIDE_BY_SIDE=(
  'python:npm run --silent test:python'
  'lint:npm run --silent test:lint'
  'unit:npm run --silent test:unit'
  'lessons:npm run --silent lessons:check'
  'types:npm run --silent test:types'
  'build:npm run --silent build:e2e'
  'format:npm run --silent test:format'
  'pylint:npm run --silent test:pylint'
  'chromium:bash tools/ensure-chromium.sh'
)
LAST='e2e:npm run --silent test:e2e'

JOBS=${LOOPSCOPE_TEST_JOBS:-$(($(nproc) + 1))}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

summary=()
passed=0
failed=0
started=$(now)

record() {
  local name=$1 status=$2 seconds=$3
  if [[ $status -eq 0 ]]; then
    echo "---- $name passed in $seconds s"
    summary+=("$(printf '%-8s ok    %s s' "$name" "$seconds")")
    passed=$((passed + 1))
  else
    echo "---- $name FAILED (exit $status) after $seconds s"
    summary+=("$(printf '%-8s FAIL  %s s' "$name" "$seconds")")
    failed=$((failed + 1))
  fi
}

report() {
  echo
  echo "==== summary ($(elapsed "$started" "$(now)") s)"
  printf '  %s\n' "${summary[@]}"
  local skipped=$((${#SIDE_BY_SIDE[@]} + 1 - passed - failed))
  echo "stages: $passed passed, $failed failed, $skipped skipped"
}

# Runs one check with its output in $logs/<name>.log; its status and time go to <name>.done.
run_held() {
  local name=$1 command=$2 begun status
  begun=$(now)
  if bash -c "$command" >"$logs/$name.log" 2>&1 </dev/null; then status=0; else status=$?; fi
  echo "$status $(elapsed "$begun" "$(now)")" >"$logs/$name.done"
}

# Prints the checks that ended since the last call, each with its output.
print_ended() {
  local name status seconds left=()
  for name in "${running[@]}"; do
    if [[ ! -f "$logs/$name.done" ]]; then
      left+=("$name")
      continue
    fi
    read -r status seconds <"$logs/$name.done"
    echo
    echo "==== $name"
    cat "$logs/$name.log"
    record "$name" "$status" "$seconds"
  done
  running=("${left[@]}")
}

stage_start=$(now)
echo "==== deps"
bash tools/ensure-deps.sh
summary+=("deps     ok    $(elapsed "$stage_start" "$(now)") s")

echo
echo "==== ${#SIDE_BY_SIDE[@]} checks, $JOBS at a time"
running=()
for entry in "${SIDE_BY_SIDE[@]}"; do
  [[ $failed -eq 0 ]] || break
  while [[ ${#running[@]} -ge $JOBS ]]; do
    wait -n || true
    print_ended
  done
  [[ $failed -eq 0 ]] || break
  name=${entry%%:*}
  echo "---- $name started: ${entry#*:}"
  run_held "$name" "${entry#*:}" &
  running+=("$name")
done
while [[ ${#running[@]} -gt 0 ]]; do
  wait -n || true
  print_ended
done

if [[ $failed -gt 0 ]]; then
  report
  exit 1
fi

name=${LAST%%:*}
command=${LAST#*:}
echo
echo "==== $name: $command"
stage_start=$(now)
if bash -c "$command"; then status=0; else status=$?; fi
record "$name" "$status" "$(elapsed "$stage_start" "$(now)")"
report
exit "$status"
