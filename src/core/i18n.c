/* i18n.c - language selection for gettext catalogs (see i18n.h).
 *
 * gettext normally follows the process locale, but a fresh server often
 * has no ja_JP locale generated. We therefore run in the user's locale if
 * it exists (C.UTF-8 otherwise) and pick the catalog through LANGUAGE,
 * which glibc honours for any locale other than plain "C".
 */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef YM_LOCALEDIR
#define YM_LOCALEDIR "/usr/local/share/locale"
#endif

static const char *chosen = "en";

static const char *lang_from_env(void)
{
	static const char *const vars[] = {"LANGUAGE", "LC_ALL",
					   "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return strncmp(v, "ja", 2) == 0 ? "ja" : "en";
	}
	return "en";
}

const char *ym_i18n_init(const char *lang, const char *localedir)
{
	const char *loc = setlocale(LC_ALL, "");
	if (!loc || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0)
		setlocale(LC_ALL, "C.UTF-8");
	/* numbers in JSON/CSV output always use '.' */
	setlocale(LC_NUMERIC, "C");
	chosen = (lang && strcmp(lang, "ja") == 0) ? "ja"
		 : lang				   ? "en"
						   : lang_from_env();
	setenv("LANGUAGE", chosen, 1);
	bindtextdomain("yamori", localedir ? localedir : YM_LOCALEDIR);
	bind_textdomain_codeset("yamori", "UTF-8");
	textdomain("yamori");
	return chosen;
}

const char *ym_i18n_lang(void)
{
	return chosen;
}
