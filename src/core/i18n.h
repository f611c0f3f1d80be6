/* i18n.h - message translation through gettext.
 *
 * Every user-facing string is written in English and wrapped in _() (or
 * N_() where it must be a constant, translated later with _()). Catalogs
 * live in po/; ym_i18n_init selects the language.
 */
#ifndef YM_CORE_I18N_H
#define YM_CORE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A message whose translation depends on context ("high" severity is not
 * "high" confidence): C_("confidence", "high"). Catalogs store it under
 * "context\004message", the gettext convention for msgctxt. */
#define C_(ctx, s) ym_pgettext(ctx "\004" s, s)

static inline const char *ym_pgettext(const char *ctx_and_id, const char *id)
{
	const char *t = gettext(ctx_and_id);
	return t == ctx_and_id ? id : t;
}

/* lang: "ja", "en" or NULL (from the locale: LC_ALL, LC_MESSAGES, LANG).
 * localedir: where <lang>/LC_MESSAGES/yamori.mo are, NULL for the
 * compiled-in default. Returns the language chosen ("ja" or "en"). */
const char *ym_i18n_init(const char *lang, const char *localedir);
const char *ym_i18n_lang(void);

#endif
