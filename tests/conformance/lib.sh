# lib.sh for conformance tests: the CLI test helpers plus the location of
# the shared real-world data; exits 77 (ctest: skipped) without it.
. "$(dirname "$0")/../cli/lib.sh"

SHARED="${YM_SHARED_DATA:-$YM_SRC/../shared/data}"
if [ ! -d "$SHARED" ]; then
	echo "SKIPPED: $SHARED not found; conformance against real public data not run"
	exit 77
fi
