# Every message in the sources is in the catalogs and translated to
# Japanese; the catalogs compile cleanly.
. "$(dirname "$0")/lib.sh"

cd "$YM_SRC" || exit 1
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --no-location --sort-output \
	-o "$T/now.pot" $(find src -name '*.c' | sort)
msgcmp --use-untranslated po/ja.po "$T/now.pot" 2>"$T/cmp"
check_eq "ja.po covers every message in src/" "" "$(cat "$T/cmp")"
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/ja.po 2>&1)
case "$stats" in
*untranslated* | *fuzzy*) not_ok "ja.po incomplete: $stats" ;;
*" translated messages.") ok ;;
*) not_ok "msgfmt: $stats" ;;
esac
check_run "en.po compiles" 0 msgfmt --check -o /dev/null po/en.po

done_testing
