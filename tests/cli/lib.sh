# lib.sh - helpers for the end-to-end CLI tests (sourced by t_*.sh).
#
# Environment (set by CMake): YAMORI (the binary), YM_SRC (source tree),
# YM_LOCALEDIR (built catalogs). Each test gets a fresh temp dir and
# database; assertions compare exact output and exit codes.
set -u

: "${YAMORI:?YAMORI must point at the yamori binary}"
: "${YM_SRC:?YM_SRC must point at the source tree}"
export YAMORI_LOCALEDIR="${YM_LOCALEDIR:-}"
export YAMORI_NOW="2026-11-21T09:00:00Z"
unset YAMORI_DB LANGUAGE
export LC_ALL=C.UTF-8

FIX="$YM_SRC/tests/fixtures"
EXP="$YM_SRC/tests/cli/expected"
T=$(mktemp -d "${TMPDIR:-/tmp}/yamori-test.XXXXXX")
DB="$T/yamori.db"
trap 'rm -rf "$T"' EXIT

pass=0
fail=0

# y ARGS...: run yamori on the test database, --lang en unless given.
y() { "$YAMORI" --db "$DB" "$@"; }

ok() { pass=$((pass + 1)); }
not_ok() {
	fail=$((fail + 1))
	echo "FAIL: $*" >&2
}

# check_eq NAME EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		ok
	else
		not_ok "$1"
		printf '  expected: %s\n  actual:   %s\n' "$2" "$3" >&2
	fi
}

# check_run NAME EXPECTED_EXIT CMD...: runs CMD, keeps stdout in $OUT,
# stderr in $ERR, and checks the exit code.
check_run() {
	_cr_name=$1
	_cr_want=$2
	shift 2
	"$@" >"$T/out" 2>"$T/err"
	_cr_got=$?
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
	if [ "$_cr_got" -eq "$_cr_want" ]; then
		ok
	else
		not_ok "$_cr_name: exit $_cr_got, expected $_cr_want"
		sed 's/^/  stderr: /' "$T/err" >&2
	fi
}

# check_file NAME EXPECTED_FILE ACTUAL_TEXT
check_file() {
	printf '%s\n' "$3" >"$T/actual"
	# YM_UPDATE_GOLDEN=1 rewrites the golden file (review with git diff)
	if [ -n "${YM_UPDATE_GOLDEN:-}" ]; then cp "$T/actual" "$2"; fi
	if diff -u "$2" "$T/actual" >"$T/diff"; then
		ok
	else
		not_ok "$1 (differs from $2)"
		head -40 "$T/diff" >&2
	fi
}

# check_contains NAME NEEDLE HAYSTACK
check_contains() {
	case "$3" in
	*"$2"*) ok ;;
	*)
		not_ok "$1: missing '$2'"
		printf '  in: %s\n' "$3" | head -5 >&2
		;;
	esac
}

# db_state: a content fingerprint of the database (every table's rows).
db_state() {
	sqlite3 "$DB" .dump | sha256sum | cut -d' ' -f1
}

done_testing() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
}
