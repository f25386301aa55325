#!/usr/bin/env bash
# Regenerates the expected output of the conformance programs with real CPython.
#
#   bash tests/conformance/regenerate.sh                     # every program
#   bash tests/conformance/regenerate.sh 012_gather_cancel.py  # only the ones named
#   bash tests/conformance/regenerate.sh --twice [NNN_name.py…] # run each twice, fail on a difference
#
# For each programs/NNN_name.py it writes, next to it:
#   NNN_name.stdout  what the program printed
#   NNN_name.stderr  tracebacks and warnings, with the program's absolute path reduced to its
#                    file name, the interpreter's standard library path replaced by <stdlib>,
#                    and " at 0x..." addresses removed
#   NNN_name.exit    the exit status, one number and a newline
#   NNN_name.output  only for programs whose header says "# Expected output: also in order
#                    (.output)": stdout and stderr together, in the order they were written
#                    (a second run, unbuffered, both streams into one pipe), normalized as
#                    .stderr is
# stdin comes from NNN_name.stdin when that file exists, else from /dev/null.
#
# Programs whose header says "# Expected output: hand-written" are skipped: their expected
# files describe CPython 3.14 where it differs from the 3.13 interpreter used here.
#
# Run it only on purpose: the expected files are golden files, and a diff after regenerating
# is a change of expected behaviour that a reviewer should read.
#
# The interpreter is CPython 3.13 (the closest to the runtime's 3.14 on these machines);
# set PYTHON=/path/to/python3.13 to use another one.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
programs="$here/programs"
timeout_seconds=30

python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  if [[ -x /root/.pyenv/versions/3.13.0/bin/python3 ]]; then
    python=/root/.pyenv/versions/3.13.0/bin/python3
  elif command -v python3.13 >/dev/null 2>&1; then
    python="$(command -v python3.13)"
  else
    echo "regenerate.sh: no CPython 3.13 found; set PYTHON=/path/to/python3.13" >&2
    exit 2
  fi
fi
version="$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
case "$version" in
  3.13.*) ;;
  *) echo "regenerate.sh: $python is CPython $version, expected 3.13.x" >&2; exit 2 ;;
esac
stdlib="$("$python" -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')"

twice=false
if [[ "${1:-}" == "--twice" ]]; then
  twice=true
  shift
fi

if [[ $# -gt 0 ]]; then
  names=()
  for arg in "$@"; do
    name="$(basename "$arg")"
    if [[ ! -f "$programs/$name" ]]; then
      echo "regenerate.sh: no program $name in $programs" >&2
      exit 2
    fi
    names+=("$name")
  done
else
  mapfile -t names < <(cd "$programs" && ls -1 -- *.py | sort)
fi

# Escape a literal string for use in a sed regular expression.
sed_escape() { printf '%s' "$1" | sed -e 's/[]\/$*.^[]/\\&/g'; }
programs_re="$(sed_escape "$programs/")"
stdlib_re="$(sed_escape "$stdlib/")"

# Whether programs/$1 asks for its output in order (NNN_name.output).
wants_output_in_order() {
  head -n 12 "$1" | grep -q '^# Expected output: also in order (.output)'
}

# Runs programs/$1 in a clean environment (no PYTHONWARNINGS, PYTHONASYNCIODEBUG or dev mode
# from the caller); the rest of the arguments are extra variables. stdin, stdout and stderr are
# the caller's.
run_python() {
  local name="$1" stdin=/dev/null
  shift
  [[ -f "${name%.py}.stdin" ]] && stdin="${name%.py}.stdin"
  env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="${TMPDIR:-/tmp}" \
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 "$@" \
    timeout "$timeout_seconds" "$python" -X warn_default_encoding "$name" <"$stdin"
}

# Reduces paths and addresses in what CPython wrote to stderr (see the header).
normalize() {
  sed -e "s/$programs_re//g" -e "s/$stdlib_re/<stdlib>\\//g" -e 's/ at 0x[0-9a-fA-F]\+//g'
}

# Runs programs/$1 and writes $2.stdout, $2.stderr and $2.exit (and $2.output when the program
# asks for it); returns the exit status of the first run.
run_one() {
  local name="$1" out="$2" status=0
  run_python "$name" >"$out.stdout" 2>"$out.stderr.raw" || status=$?
  normalize <"$out.stderr.raw" >"$out.stderr"
  rm -f "$out.stderr.raw"
  echo "$status" >"$out.exit"
  if wants_output_in_order "$name"; then
    # Unbuffered, so that each stream is written when the program writes it, into one pipe.
    run_python "$name" PYTHONUNBUFFERED=1 2>&1 | normalize >"$out.output" || true
  fi
  return "$status"
}

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cd "$programs"
started=$SECONDS
failures=0
regenerated=0
for name in "${names[@]}"; do
  base="${name%.py}"
  if head -n 12 "$name" | grep -q '^# Expected output: hand-written'; then
    echo "skip  $name (hand-written expectation)"
    continue
  fi
  status=0
  run_one "$name" "$base" || status=$?
  if [[ $status -eq 124 ]]; then
    echo "FAIL  $name timed out after ${timeout_seconds}s" >&2
    failures=$((failures + 1))
    continue
  fi
  if $twice; then
    run_one "$name" "$scratch/$base" || true
    for ext in stdout stderr exit output; do
      [[ -f "$base.$ext" || -f "$scratch/$base.$ext" ]] || continue
      if ! cmp -s "$base.$ext" "$scratch/$base.$ext"; then
        echo "FAIL  $name: .$ext differs between two runs (not deterministic)" >&2
        diff "$base.$ext" "$scratch/$base.$ext" >&2 || true
        failures=$((failures + 1))
      fi
    done
  fi
  regenerated=$((regenerated + 1))
  printf 'ok    %s (exit %s)\n' "$name" "$status"
done
echo "regenerated $regenerated program(s) with CPython $version in $((SECONDS - started))s"
if [[ $failures -gt 0 ]]; then
  exit 1
fi
