#!/bin/sh
# Refreshes po/yamori.pot from the sources and merges it into the
# catalogs. po/ja.po keeps its translations; new strings arrive empty and
# must be translated before commit (tests/cli/t_i18n.sh fails while any
# message is untranslated). po/en.po is the identity catalog.
set -eu
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 --no-location --sort-output \
	--package-name=yamori -o po/yamori.pot $(find src -name '*.c' | sort)
for lang in ja en; do
	msgmerge --quiet --update --backup=none --no-fuzzy-matching \
		--no-location --sort-output "po/$lang.po" po/yamori.pot
done
msgen --force-po --no-location --sort-output -o po/en.po po/en.po
