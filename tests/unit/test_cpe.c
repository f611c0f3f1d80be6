/* Unit tests for ids/cpe: WFN values, both bindings, the WFN display
 * form, NISTIR 7696 relations and NVD cpeMatch bounds. The binding and
 * relation vectors are the examples of NISTIR 7695/7696. */
#include "core/arena.h"
#include "core/buf.h"
#include "ids/cpe.h"
#include "test.h"

static ym_arena A;

/* Parses any form and re-binds: "fs", "uri" or "wfn"; on failure
 * "error: message". */
static const char *bind(const char *in, const char *as)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	if (ym_cpe_parse(in, &A, &c, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	if (as[0] == 'f')
		ym_cpe_bind_fs(&c, &b);
	else if (as[0] == 'u')
		ym_cpe_bind_uri(&c, &b);
	else
		ym_cpe_format_wfn(&c, &b);
	const char *r = ym_arena_strdup(&A, b.ptr);
	ym_buf_release(&b);
	return r;
}

static const char *fs(const char *in) { return bind(in, "fs"); }
static const char *uri(const char *in) { return bind(in, "uri"); }
static const char *wfn(const char *in) { return bind(in, "wfn"); }

/* One attribute's WFN form, "ANY", "NA" or "error: ...". */
static const char *attr(const char *in, ym_cpe_attr at)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_parse(in, &A, &c, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	if (c.av[at].kind == YM_CPE_ANY)
		return "ANY";
	if (c.av[at].kind == YM_CPE_NA)
		return "NA";
	return c.av[at].s;
}

static const char *rel(const char *s, const char *t)
{
	ym_cpe a, b;
	ym_err e = YM_ERR_INIT;
	if (ym_cpe_parse(s, &A, &a, &e) || ym_cpe_parse(t, &A, &b, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	return ym_cpe_rel_name(ym_cpe_compare(&a, &b, NULL));
}

/* Attribute relation of two WFN values ("ANY", "NA" or WFN form). */
static const char *avrel(const char *s, const char *t)
{
	ym_cpe a, b;
	ym_err e = YM_ERR_INIT;
	ym_cpe_init(&a);
	ym_cpe_init(&b);
	if (strcmp(s, "NA") == 0)
		a.av[YM_CPE_VENDOR].kind = YM_CPE_NA;
	else if (strcmp(s, "ANY") != 0 &&
		 ym_cpe_set(&a, YM_CPE_VENDOR, s, &A, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	if (strcmp(t, "NA") == 0)
		b.av[YM_CPE_VENDOR].kind = YM_CPE_NA;
	else if (strcmp(t, "ANY") != 0 &&
		 ym_cpe_set(&b, YM_CPE_VENDOR, t, &A, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	return ym_cpe_rel_name(ym_cpe_compare_av(&a.av[YM_CPE_VENDOR],
						 &b.av[YM_CPE_VENDOR]));
}

static void t_fs_unbind(void)
{
	const char *ie = "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:"
			 "beta:*:*:*:*:*:*";
	CHECK_STR(attr(ie, YM_CPE_PART), "a");
	CHECK_STR(attr(ie, YM_CPE_VERSION), "8\\.0\\.6001");
	CHECK_STR(attr(ie, YM_CPE_UPDATE), "beta");
	CHECK_STR(attr(ie, YM_CPE_EDITION), "ANY");
	CHECK_STR(attr(ie, YM_CPE_OTHER), "ANY");
	CHECK_STR(fs(ie), ie);
	/* 7695 6.2.3 examples */
	CHECK_STR(wfn("cpe:2.3:a:microsoft:internet_explorer:8.*:sp?:*:*:*:"
		      "*:*:*"),
		  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_"
		  "explorer\",version=\"8\\.*\",update=\"sp?\",edition=ANY,"
		  "language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,"
		  "other=ANY]");
	CHECK_STR(attr("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:"
		       "online:win2003:x64:*",
		       YM_CPE_UPDATE),
		  "NA");
	CHECK_STR(attr("cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:"
		       "online:win2003:x64:*",
		       YM_CPE_TARGET_HW),
		  "x64");
	CHECK_STR(attr("cpe:2.3:a:foo\\\\bar:big\\$money:2010:*:*:*:special:"
		       "ipod_touch:80gb:*",
		       YM_CPE_VENDOR),
		  "foo\\\\bar");
	CHECK_STR(attr("cpe:2.3:a:foo\\\\bar:big\\$money:2010:*:*:*:special:"
		       "ipod_touch:80gb:*",
		       YM_CPE_PRODUCT),
		  "big\\$money");
	/* a quoted ':' does not split */
	CHECK_STR(attr("cpe:2.3:a:a\\:b:c:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "a\\:b");
	/* an escaped backslash before ':' does */
	CHECK_STR(attr("cpe:2.3:a:a\\\\:b:*:*:*:*:*:*:*:*", YM_CPE_PRODUCT),
		  "b");
	CHECK_STR(attr("CPE:2.3:o:Microsoft:Windows:*:*:*:*:*:*:*:*",
		       YM_CPE_VENDOR),
		  "Microsoft");
	CHECK_STR(attr("cpe:2.3:a:micr\\?osoft:internet_explorer:8.0.6001:"
		       "beta:*:*:*:*:*:*",
		       YM_CPE_VENDOR),
		  "micr\\?osoft");
}

static void t_fs_quoting(void)
{
	/* '.', '-' bare in the FS, quoted in the WFN; '_' bare in both */
	CHECK_STR(attr("cpe:2.3:a:x-y_z.w:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "x\\-y_z\\.w");
	CHECK_STR(fs("cpe:2.3:a:x-y_z.w:p:*:*:*:*:*:*:*:*"),
		  "cpe:2.3:a:x-y_z.w:p:*:*:*:*:*:*:*:*");
	/* quoted letters and digits are just themselves (7695's binder
	 * writes them bare) */
	CHECK_STR(fs("cpe:2.3:a:b\\a\\1:c:*:*:*:*:*:*:*:*"),
		  "cpe:2.3:a:ba1:c:*:*:*:*:*:*:*:*");
	/* quoted '.', '-' and '_' are accepted and come back bare */
	CHECK_STR(fs("cpe:2.3:a:x\\-y\\_z\\.w:p:*:*:*:*:*:*:*:*"),
		  "cpe:2.3:a:x-y_z.w:p:*:*:*:*:*:*:*:*");
	/* other punctuation stays quoted; bare punctuation gets quoted
	 * (7695 add_quoting) */
	CHECK_STR(fs("cpe:2.3:a:apache:xerces-c\\+\\+:-:*:*:*:*:*:*:*"),
		  "cpe:2.3:a:apache:xerces-c\\+\\+:-:*:*:*:*:*:*:*");
	CHECK_STR(fs("cpe:2.3:a:apache:xerces-c++:-:*:*:*:*:*:*:*"),
		  "cpe:2.3:a:apache:xerces-c\\+\\+:-:*:*:*:*:*:*:*");
	CHECK_STR(fs("cpe:2.3:a:x:\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\/"
		     "\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\`\\{\\|\\}\\~:*:*:*:"
		     "*:*:*:*:*"),
		  "cpe:2.3:a:x:\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\/"
		  "\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\`\\{\\|\\}\\~:*:*:*:"
		  "*:*:*:*:*");
	/* wildcards: one '*' or a run of '?' at either end */
	CHECK_STR(attr("cpe:2.3:a:*soft:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "*soft");
	CHECK_STR(attr("cpe:2.3:a:??soft??:p:*:*:*:*:*:*:*:*",
		       YM_CPE_VENDOR),
		  "??soft??");
	CHECK_STR(attr("cpe:2.3:a:*?:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "*?");
	CHECK_STR(attr("cpe:2.3:a:???:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "???");
	CHECK_STR(attr("cpe:2.3:a:?*:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "?*");
	CHECK_STR(attr("cpe:2.3:a:\\**:p:*:*:*:*:*:*:*:*", YM_CPE_VENDOR),
		  "\\**");
	/* quoted wildcards are plain characters, anywhere */
	CHECK_STR(attr("cpe:2.3:a:a\\*b\\?c:p:*:*:*:*:*:*:*:*",
		       YM_CPE_VENDOR),
		  "a\\*b\\?c");
	CHECK_STR(fs("cpe:2.3:*:*:*:*:*:*:*:*:*:*:*"),
		  "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*");
	CHECK_STR(fs("cpe:2.3:-:-:-:-:-:-:-:-:-:-:-"),
		  "cpe:2.3:-:-:-:-:-:-:-:-:-:-:-");
}

/* 7695 6.1.2.3 examples and the vectors of go-cpe's binder tests. */
static void t_uri_bind(void)
{
	CHECK_STR(uri("wfn:[part=\"a\"]"), "cpe:/a");
	CHECK_STR(uri("wfn:[]"), "cpe:/");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"microsoft\",product="
		      "\"internet_explorer\",version=\"8\\.0\\.6001\","
		      "update=\"beta\",edition=ANY]"),
		  "cpe:/a:microsoft:internet_explorer:8.0.6001:beta");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"microsoft\",product="
		      "\"internet_explorer\",version=\"8\\.*\",update="
		      "\"sp?\"]"),
		  "cpe:/a:microsoft:internet_explorer:8.%02:sp%01");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"hp\",product=\"insight_"
		      "diagnostics\",version=\"7\\.4\\.0\\.1570\",update=NA,"
		      "sw_edition=\"online\",target_sw=\"win2003\","
		      "target_hw=\"x64\"]"),
		  "cpe:/a:hp:insight_diagnostics:7.4.0.1570:-:~~online~"
		  "win2003~x64~");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"hp\",product=\"openview_"
		      "network_manager\",version=\"7\\.51\",target_sw="
		      "\"linux\"]"),
		  "cpe:/a:hp:openview_network_manager:7.51::~~~linux~~");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"foo\\\\bar\",product="
		      "\"big\\$money_manager_2010\",sw_edition=\"special\","
		      "target_sw=\"ipod_touch\",target_hw=\"80gb\"]"),
		  "cpe:/a:foo%5cbar:big%24money_manager_2010:::~~special~"
		  "ipod_touch~80gb~");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"micro??\",product="
		      "\"internet*\",version=\"\\!\\\"\\#\\$\\%\\&\\'\\(\\)"
		      "\\*\\+\\,\",update=\"beta\\-\\.\",language=\"online"
		      "\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\"]"),
		  "cpe:/a:micro%01%01:internet%02:%21%22%23%24%25%26%27%28"
		  "%29%2a%2b%2c:beta-.::online%2f%3a%3b%3c%3d%3e%3f%40%5b"
		  "%5c%5d%5e");
	CHECK_STR(uri("wfn:[part=\"a\",vendor=\"\\`\",product=\"\\{\\|\\}"
		      "\\~a\"]"),
		  "cpe:/a:%60:%7b%7c%7d%7ea");
	/* NA edition alone is not packed; any extended attribute is */
	CHECK_STR(uri("cpe:2.3:a:v:p:1:*:-:*:*:*:*:*"), "cpe:/a:v:p:1::-");
	CHECK_STR(uri("cpe:2.3:a:v:p:1:*:*:*:*:*:*:-"),
		  "cpe:/a:v:p:1::~~~~~-");
	CHECK_STR(uri("cpe:2.3:a:v:p:1:*:*:en\\-us:*:*:*:*"),
		  "cpe:/a:v:p:1:::en-us");
}

static void t_uri_unbind(void)
{
	/* bare '?' and '*' are not URI syntax, but 7695's decode() takes
	 * them as wildcards */
	CHECK_STR(wfn("cpe:/a:microsoft:internet_explorer%01%01%01%01:?:"
		      "beta"),
		  "wfn:[part=\"a\",vendor=\"microsoft\",product=\"internet_"
		  "explorer????\",version=\"?\",update=\"beta\",edition=ANY,"
		  "language=ANY,sw_edition=ANY,target_sw=ANY,target_hw=ANY,"
		  "other=ANY]");
	CHECK_STR(attr("cpe:/a:*soft", YM_CPE_VENDOR), "*soft");
	CHECK_STR(attr("cpe:/a:microsoft:internet_explorer%01%01%01%01",
		       YM_CPE_PRODUCT),
		  "internet_explorer????");
	CHECK_STR(attr("cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f",
		       YM_CPE_VERSION),
		  "8\\.\\*");
	CHECK_STR(attr("cpe:/a:microsoft:internet_explorer:8.%2a:sp%3f",
		       YM_CPE_UPDATE),
		  "sp\\?");
	CHECK_STR(attr("cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
		       YM_CPE_VERSION),
		  "8\\.*");
	CHECK_STR(attr("cpe:/a:microsoft:internet_explorer:8.%02:sp%01",
		       YM_CPE_UPDATE),
		  "sp?");
	CHECK_STR(fs("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~"
		     "win2003~x64~"),
		  "cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:*:*:*:online:"
		  "win2003:x64:*");
	CHECK_STR(attr("cpe:/a:%01%01microsoft", YM_CPE_VENDOR),
		  "??microsoft");
	CHECK_STR(attr("cpe:/a:%60:%7b%7c%7d%7ea", YM_CPE_PRODUCT),
		  "\\{\\|\\}\\~a");
	/* upper case is folded: 2.2 names are case-insensitive */
	CHECK_STR(fs("CPE:/A:Microsoft:IE:8.%2A"),
		  "cpe:2.3:a:microsoft:ie:8.\\*:*:*:*:*:*:*:*");
	/* a bare '~' outside a packed edition is quoted, as 7695 decodes */
	CHECK_STR(attr("cpe:/a:x~y", YM_CPE_VENDOR), "x\\~y");
	CHECK_STR(attr("cpe:/a:v:p:1:u:ed~x", YM_CPE_EDITION), "ed\\~x");
	/* the last packed field takes the rest */
	CHECK_STR(attr("cpe:/a:v:p:1:u:~a~b~c~d~e~f", YM_CPE_OTHER),
		  "e\\~f");
	CHECK_STR(fs("cpe:/a:v:p:1:u:~-~~~~"),
		  "cpe:2.3:a:v:p:1:u:-:*:*:*:*:*");
	CHECK_STR(fs("cpe:/"), "cpe:2.3:*:*:*:*:*:*:*:*:*:*:*");
	CHECK_STR(fs("cpe:/a:::::"), "cpe:2.3:a:*:*:*:*:*:*:*:*:*:*");
	CHECK_STR(fs("cpe:/-:-:-:-:-:-:-"), "cpe:2.3:-:-:-:-:-:-:-:*:*:*:*");
}

/* Binding round trips over names that exercise every rule. */
static void t_round_trips(void)
{
	static const char *const names[] = {
		"cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:"
		"*:*:*",
		"cpe:2.3:a:foo\\$bar:insight:7.4.0.1570:-:*:*:online:"
		"win2003:x64:*",
		"cpe:2.3:h:cisco:call_manager:3.3\\(5\\)sr1:*:*:*:*:*:*:*",
		"cpe:2.3:a:micro??:*soft:8.*:??sp:*:en-us:*:*:*:*",
		"cpe:2.3:a:\\\\:\\::\\~:\\%:-:-:-:-:-:-",
		"cpe:2.3:*:*:*:*:*:*:*:*:*:*:*",
		"cpe:2.3:o:v:p:-:*:*:*:*:*:*:x\\?",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *u = uri(names[i]);
		CHECK_STR(fs(names[i]), names[i]);
		CHECK_STR(fs(u), names[i]);
		CHECK_STR(uri(u), u);
		CHECK_STR(fs(wfn(names[i])), names[i]);
	}
}

static void t_wfn_form(void)
{
	CHECK_STR(wfn("wfn:[ part = \"o\" ,\n vendor=\"microsoft\", "
		      "version=NA, other=ANY ]"),
		  "wfn:[part=\"o\",vendor=\"microsoft\",product=ANY,"
		  "version=NA,update=ANY,edition=ANY,language=ANY,"
		  "sw_edition=ANY,target_sw=ANY,target_hw=ANY,other=ANY]");
	/* bare punctuation is quoted, as the FS unbinder does */
	CHECK_STR(attr("wfn:[version=\"33.0.1750.126\"]", YM_CPE_VERSION),
		  "33\\.0\\.1750\\.126");
	CHECK_STR(fs("wfn:[vendor=\"a\\_b\"]"),
		  "cpe:2.3:*:a_b:*:*:*:*:*:*:*:*:*");
	CHECK_STR(fs("wfn:[vendor=\"\\\"q\\\"\"]"),
		  "cpe:2.3:*:\\\"q\\\":*:*:*:*:*:*:*:*:*");
	CHECK_STR(wfn("wfn:[vendor=\"ANY\"]"),
		  "wfn:[part=ANY,vendor=\"ANY\",product=ANY,version=ANY,"
		  "update=ANY,edition=ANY,language=ANY,sw_edition=ANY,"
		  "target_sw=ANY,target_hw=ANY,other=ANY]");
}

/* Every error class, with its message. */
static void t_errors(void)
{
	CHECK_STR(fs("cpe:2.3:a:x"),
		  "error: invalid CPE 'cpe:2.3:a:x': expected 13 components, "
		  "got 4");
	CHECK_STR(fs("cpe:2.3:a:b:c:*:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:b:c:*:*:*:*:*:*:*:*:*': "
		  "expected 13 components, got 14");
	CHECK_STR(fs("cpe:2.4:a:b:c:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.4:a:b:c:*:*:*:*:*:*:*:*': "
		  "expected 'cpe:2.3:', 'cpe:/' or 'wfn:[' at position 0");
	CHECK_STR(fs(""),
		  "error: invalid CPE '': expected 'cpe:2.3:', 'cpe:/' or "
		  "'wfn:[' at position 0");
	CHECK_STR(fs("cpe:2.3:a::c:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a::c:*:*:*:*:*:*:*:*': empty "
		  "vendor at position 10");
	CHECK_STR(fs("cpe:2.3:x:b:c:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:x:b:c:*:*:*:*:*:*:*:*': "
		  "invalid part 'x' at position 8 (a, o or h)");
	CHECK_STR(fs("cpe:2.3:A:b:c:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:A:b:c:*:*:*:*:*:*:*:*': "
		  "invalid part 'A' at position 8 (a, o or h)");
	CHECK_STR(fs("cpe:2.3:a:b:c:*:*:*:*:*:*:*:x\\"),
		  "error: invalid CPE 'cpe:2.3:a:b:c:*:*:*:*:*:*:*:x\\': '\\' "
		  "at the end of other at position 29");
	CHECK_STR(fs("cpe:2.3:a:b c:d:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:b c:d:*:*:*:*:*:*:*:*': "
		  "unexpected byte 0x20 in vendor at position 11");
	CHECK_STR(fs("cpe:2.3:a:b:c\\\t:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:b:c\\\t:*:*:*:*:*:*:*:*': "
		  "unexpected byte 0x09 in product at position 14");
	CHECK_STR(fs("cpe:2.3:a:2g*lux:com_sexypolling:0.9.1:-:-:*:-:"
		     "joomla\\!:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:2g*lux:com_sexypolling:"
		  "0.9.1:-:-:*:-:joomla\\!:*:*': unquoted '*' inside vendor "
		  "at position 12 (only at the start or end)");
	CHECK_STR(fs("cpe:2.3:a:b?c:d:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:b?c:d:*:*:*:*:*:*:*:*': "
		  "unquoted '?' inside vendor at position 11 (only at the "
		  "start or end)");
	CHECK_STR(fs("cpe:2.3:a:b:*?*:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:b:*?*:*:*:*:*:*:*:*:*': "
		  "unquoted '?' inside product at position 13 (only at the "
		  "start or end)");
	CHECK_STR(fs("cpe:2.3:a:**:d:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:**:d:*:*:*:*:*:*:*:*': two "
		  "unquoted '*' in a row in vendor at position 11");
	CHECK_STR(fs("cpe:/a:x%02%02"),
		  "error: invalid CPE 'cpe:/a:x%02%02': unquoted '*' inside "
		  "vendor at position 8 (only at the start or end)");
	CHECK_STR(fs("cpe:2.3:a:\\-:d:*:*:*:*:*:*:*:*"),
		  "error: invalid CPE 'cpe:2.3:a:\\-:d:*:*:*:*:*:*:*:*': a "
		  "lone quoted '-' is not a value (use NA) in vendor at "
		  "position 10");
	/* URI */
	CHECK_STR(fs("cpe:/a:b:c:d:e:f:g:h"),
		  "error: invalid CPE 'cpe:/a:b:c:d:e:f:g:h': expected at most "
		  "7 components after 'cpe:/', got 8");
	CHECK_STR(fs("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~"
		     "win2003~%99~"),
		  "error: invalid CPE 'cpe:/a:hp:insight_diagnostics:"
		  "7.4.0.1570::~~online~win2003~%99~': '%99' is not a CPE "
		  "percent-encoding in target_hw at position 59");
	CHECK_STR(fs("cpe:/a:%41"),
		  "error: invalid CPE 'cpe:/a:%41': '%41' is not a CPE "
		  "percent-encoding in vendor at position 7");
	CHECK_STR(fs("cpe:/a:a%2"),
		  "error: invalid CPE 'cpe:/a:a%2': bad percent-encoding in "
		  "vendor at position 8");
	CHECK_STR(fs("cpe:/a:b*c"),
		  "error: invalid CPE 'cpe:/a:b*c': unquoted '*' inside vendor "
		  "at position 8 (only at the start or end)");
	CHECK_STR(fs("cpe:/a:b!c"),
		  "error: invalid CPE 'cpe:/a:b!c': unexpected '!' in vendor "
		  "at position 8");
	CHECK_STR(fs("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~"
		     "win2003~a*b~"),
		  "error: invalid CPE 'cpe:/a:hp:insight_diagnostics:"
		  "7.4.0.1570::~~online~win2003~a*b~': unquoted '*' inside "
		  "target_hw at position 60 (only at the start or end)");
	CHECK_STR(fs("cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~"
		     "win2003"),
		  "error: invalid CPE 'cpe:/a:hp:insight_diagnostics:"
		  "7.4.0.1570::~~online~win2003': packed edition at position "
		  "42 has 3 fields, expected 5 (~edition~sw_edition~target_sw"
		  "~target_hw~other)");
	CHECK_STR(fs("cpe:/a:microsoft:internet_explorer:8.%02:s%01p"),
		  "error: invalid CPE 'cpe:/a:microsoft:internet_explorer:8."
		  "%02:s%01p': unquoted '?' inside update at position 42 (only "
		  "at the start or end)");
	CHECK_STR(fs("cpe:/a:%02"),
		  "error: invalid CPE 'cpe:/a:%02': a lone '*' is not a value "
		  "(use ANY) in vendor at position 7");
	CHECK_STR(fs("cpe:/z:%01%01microsoft"),
		  "error: invalid CPE 'cpe:/z:%01%01microsoft': invalid part "
		  "'z' at position 5 (a, o or h)");
	/* WFN display form */
	CHECK_STR(fs("wfn:[part=\"a\",vendor=x]"),
		  "error: invalid CPE 'wfn:[part=\"a\",vendor=x]': expected "
		  "ANY, NA or a quoted value for vendor at position 21");
	CHECK_STR(fs("wfn:[part=\"a\",part=\"o\"]"),
		  "error: invalid CPE 'wfn:[part=\"a\",part=\"o\"]': part "
		  "given twice at position 14");
	CHECK_STR(fs("wfn:[prt=\"a\"]"),
		  "error: invalid CPE 'wfn:[prt=\"a\"]': unknown attribute "
		  "'prt' at position 5");
	CHECK_STR(fs("wfn:[part \"a\"]"),
		  "error: invalid CPE 'wfn:[part \"a\"]': expected '=' after "
		  "part at position 10");
	CHECK_STR(fs("wfn:[part=\"a\" vendor=\"x\"]"),
		  "error: invalid CPE 'wfn:[part=\"a\" vendor=\"x\"]': "
		  "expected ',' or ']' at position 14");
	CHECK_STR(fs("wfn:[vendor=\"ab\"] x"),
		  "error: invalid CPE 'wfn:[vendor=\"ab\"] x': text after ']' "
		  "at position 18");
	CHECK_STR(fs("wfn:[vendor=\"\"]"),
		  "error: invalid CPE 'wfn:[vendor=\"\"]': empty vendor at "
		  "position 13");
	CHECK_STR(fs("wfn:[vendor=\"ab"),
		  "error: invalid CPE 'wfn:[vendor=\"ab': unexpected end in "
		  "vendor at position 15");
	/* too long, and a long name is cut in the message */
	char big[YM_CPE_MAX_LEN + 2];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "cpe:/a:", 7);
	const char *m = fs(big);
	CHECK(strncmp(m, "error: invalid CPE 'cpe:/a:aaa", 30) == 0);
	CHECK_STR(m + strlen(m) - 31, "aaa...': longer than 4096 bytes");
	/* values are capped so that the bindings (up to 3 times longer
	 * in the URI) always parse again */
	ym_buf b = YM_BUF_INIT;
	ym_buf_adds(&b, "cpe:2.3:a:");
	ym_buf_addn(&b, '!', 512);
	ym_buf_adds(&b, ":p:*:*:*:*:*:*:*:*");
	m = fs(b.ptr);
	ym_buf_truncate(&b, 10 + 511);
	ym_buf_adds(&b, ":p:*:*:*:*:*:*:*:*");
	const char *u = uri(b.ptr);
	int same = strcmp(fs(u), fs(b.ptr)) == 0;
	ym_buf_release(&b);
	CHECK_STR(m + strlen(m) - 60, "...': the values take 1026 bytes in WFN "
				      "form, more than 1024");
	CHECK_INT(strlen(u), 5 + 2 + 3 * 511 + 2);
	CHECK(same);
}

static void t_set_quote(void)
{
	ym_cpe c;
	ym_err e = YM_ERR_INIT;
	ym_buf b = YM_BUF_INIT;
	ym_cpe_init(&c);
	CHECK_INT(ym_cpe_set(&c, YM_CPE_PART, "a", &A, &e), 0);
	CHECK_INT(ym_cpe_quote("openssl", &b, &e), 0);
	CHECK_INT(ym_cpe_set(&c, YM_CPE_PRODUCT, b.ptr, &A, &e), 0);
	ym_buf_reset(&b);
	CHECK_INT(ym_cpe_quote("1.1.1w*", &b, &e), 0);
	CHECK_STR(b.ptr, "1\\.1\\.1w\\*");
	CHECK_INT(ym_cpe_set(&c, YM_CPE_VERSION, b.ptr, &A, &e), 0);
	ym_buf_reset(&b);
	ym_cpe_bind_fs(&c, &b);
	CHECK_STR(b.ptr, "cpe:2.3:a:*:openssl:1.1.1w\\*:*:*:*:*:*:*:*");
	ym_buf_reset(&b);
	ym_cpe_unquote(c.av[YM_CPE_VERSION].s, &b);
	CHECK_STR(b.ptr, "1.1.1w*");
	ym_buf_reset(&b);
	CHECK_INT(ym_cpe_quote("a b", &b, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "byte 0x20 at position 1 cannot be in a CPE value");
	CHECK_INT(ym_cpe_quote("", &b, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "an empty text is not a CPE value");
	CHECK_INT(ym_cpe_set(&c, YM_CPE_VERSION, "1.0", &A, &e), 0);
	CHECK_STR(c.av[YM_CPE_VERSION].s, "1\\.0");
	CHECK_INT(ym_cpe_set(&c, YM_CPE_VERSION, "1*0", &A, &e),
		  YM_E_INVALID);
	CHECK_STR(e.msg, "invalid CPE '1*0': unquoted '*' inside version at "
			 "position 1 (only at the start or end)");
	CHECK_INT(ym_cpe_set(&c, YM_CPE_PART, "x", &A, &e), YM_E_INVALID);
	CHECK_STR(e.msg, "invalid CPE 'x': invalid part 'x' at position 0 "
			 "(a, o or h)");
	CHECK_INT(ym_cpe_set(&c, YM_CPE_VERSION, "1\\.*", &A, &e), 0);
	CHECK(c.av[YM_CPE_VERSION].wild);
	CHECK_INT(ym_cpe_set(&c, YM_CPE_VERSION, NULL, &A, &e), 0);
	CHECK_INT(c.av[YM_CPE_VERSION].kind, YM_CPE_ANY);
	CHECK_STR(ym_cpe_attr_name(YM_CPE_TARGET_SW), "target_sw");
	CHECK(ym_cpe_attr_name(YM_CPE_NATTR) == NULL);
	ym_buf_release(&b);
}

/* NISTIR 7696 Table 6-2: the attribute comparison relations. */
static void t_attribute_relations(void)
{
	CHECK_STR(avrel("ANY", "ANY"), "EQUAL");     /* 1 */
	CHECK_STR(avrel("ANY", "NA"), "SUPERSET");   /* 2 */
	CHECK_STR(avrel("ANY", "i"), "SUPERSET");    /* 3 */
	CHECK_STR(avrel("ANY", "m*"), "UNDEFINED");  /* 4 */
	CHECK_STR(avrel("NA", "ANY"), "SUBSET");     /* 5 */
	CHECK_STR(avrel("NA", "NA"), "EQUAL");       /* 6 */
	CHECK_STR(avrel("NA", "i"), "DISJOINT");     /* 7 */
	CHECK_STR(avrel("NA", "m*"), "UNDEFINED");   /* 8 */
	CHECK_STR(avrel("i", "ANY"), "SUBSET");      /* 9 */
	CHECK_STR(avrel("i", "NA"), "DISJOINT");     /* 10 */
	CHECK_STR(avrel("i", "i"), "EQUAL");         /* 11 */
	CHECK_STR(avrel("i", "k"), "DISJOINT");      /* 12 */
	CHECK_STR(avrel("i", "m*"), "UNDEFINED");    /* 13 */
	CHECK_STR(avrel("j*", "ANY"), "SUBSET");     /* 14 */
	CHECK_STR(avrel("j*", "NA"), "DISJOINT");    /* 15 */
	CHECK_STR(avrel("j*", "jx"), "SUPERSET");    /* 16 */
	CHECK_STR(avrel("j*", "kx"), "DISJOINT");    /* 17 */
	CHECK_STR(avrel("j*", "j?"), "UNDEFINED");   /* 18 */
	/* case-insensitive */
	CHECK_STR(avrel("Microsoft", "microsoft"), "EQUAL");
	CHECK_STR(avrel("*SOFT", "microsoft"), "SUPERSET");
	/* quoted wildcards are characters, in source and target */
	CHECK_STR(avrel("a\\*", "a\\*"), "EQUAL");
	CHECK_STR(avrel("a\\*", "ab"), "DISJOINT");
	CHECK_STR(avrel("a*", "a\\*"), "SUPERSET");
	CHECK_STR(avrel("a\\?", "a?"), "UNDEFINED");
	/* '*' is zero or more characters */
	CHECK_STR(avrel("*soft", "soft"), "SUPERSET");
	CHECK_STR(avrel("*soft*", "microsofties"), "SUPERSET");
	CHECK_STR(avrel("*soft", "softer"), "DISJOINT");
	CHECK_STR(avrel("9\\.*", "9\\.3\\.2"), "SUPERSET");
	CHECK_STR(avrel("9\\.*", "8\\.3\\.2"), "DISJOINT");
	CHECK_STR(avrel("9\\.*", "19\\.3"), "DISJOINT");
	CHECK_STR(avrel("?*", "x"), "SUPERSET");
	/* '?' runs: up to n characters (7696 compare_strings) */
	CHECK_STR(avrel("?crosoft", "microsoft"), "DISJOINT");
	CHECK_STR(avrel("??crosoft", "microsoft"), "SUPERSET");
	CHECK_STR(avrel("??icrosoft", "\\!\\#icrosoft"), "SUPERSET");
	CHECK_STR(avrel("microso??", "microso\\!\\#"), "SUPERSET");
	CHECK_STR(avrel("microso??", "microso\\!\\#ft"), "DISJOINT");
	CHECK_STR(avrel("?", "a"), "SUPERSET");
	CHECK_STR(avrel("???", "ab"), "SUPERSET");
	CHECK_STR(avrel("?", "ab"), "DISJOINT");
	CHECK_STR(avrel("?", "\\\\"), "SUPERSET");
	CHECK_STR(avrel("sp?", "sp1"), "SUPERSET");
	CHECK_STR(avrel("sp?", "sp"), "SUPERSET");
	CHECK_STR(avrel("sp?", "sp12"), "DISJOINT");
	CHECK_STR(avrel("*?", "anything"), "SUPERSET");
	CHECK_STR(avrel("?*", "x"), "SUPERSET");
	/* matching never splits a quoted pair: a '\' of the target
	 * followed by a '\\' and ':' must not look like "\:" */
	CHECK_STR(avrel("*\\:", "a\\\\\\:"), "SUPERSET");
	CHECK_STR(avrel("*\\\\", "a\\\\\\:"), "DISJOINT");
	CHECK_STR(avrel("?\\\\", "\\\\\\\\"), "SUPERSET");
}

/* NISTIR 7696 section 6.2 examples and the go-cpe test vectors. */
static void t_name_relations(void)
{
	const char *src = "wfn:[part=\"o\",vendor=\"microsoft\",product="
			  "\"windows_?\",sw_edition=\"home*\",target_sw=NA,"
			  "target_hw=\"x64\",other=NA,language=\"en\\-us\"]";
	CHECK_STR(rel(src, "wfn:[part=\"o\",vendor=\"microsoft\",product="
			   "\"windows_7\",version=\"6\\.1\",update=\"sp1\","
			   "sw_edition=\"home_basic\",target_sw=NA,"
			   "target_hw=\"x32\",language=\"en\\-us\"]"),
		  "DISJOINT");
	CHECK_STR(rel(src, "wfn:[part=\"o\",vendor=\"microsoft\",product="
			   "\"windows_7\",version=\"6\\.1\",update=\"sp1\","
			   "sw_edition=\"home_basic\",target_sw=NA,"
			   "target_hw=\"x64\",other=NA,language=\"en\\-us\"]"),
		  "SUPERSET");
	CHECK_STR(rel("cpe:2.3:o:microsoft:windows_7:*:*:*:en-us:home_basic:"
		      "-:x64:-",
		      "cpe:2.3:o:microsoft:windows_7:*:*:*:en-us:home_basic:"
		      "-:x64:-"),
		  "EQUAL");
	CHECK_STR(rel("cpe:2.3:a:adobe:*:9.*:*:PalmOS:*:*:*:*:*",
		      "cpe:2.3:a:*:reader:9.3.2:-:-:*:*:*:*:*"),
		  "DISJOINT");
	CHECK_STR(rel("cpe:2.3:a:adobe:reader:9.*:-:-:*:*:*:*:*",
		      "cpe:2.3:a:adobe:reader:8.3.2:-:-:*:*:*:*:*"),
		  "DISJOINT");
	CHECK_STR(rel("cpe:2.3:o:microsoft:*:*:*:*:*:*:*:*:*",
		      "cpe:2.3:o:microsoft*:*:*:*:*:*:*:*:*:*"),
		  "UNDEFINED");
	CHECK_STR(rel("cpe:2.3:a:*:*:3:*:*:*:*:*:*:*",
		      "cpe:2.3:a:*:*:33.0.1750.126:*:*:*:*:*:*:*"),
		  "DISJOINT");
	CHECK_STR(rel("cpe:2.3:a:microsoft:*:*:*:*:*:*:*:*:*",
		      "cpe:2.3:a:microsoft:ie:8:*:*:*:*:*:*:*"),
		  "SUPERSET");
	CHECK_STR(rel("cpe:2.3:a:microsoft:ie:8:*:*:*:*:*:*:*",
		      "cpe:2.3:a:microsoft:*:*:*:*:*:*:*:*:*"),
		  "SUBSET");
	/* one attribute each way: no relation */
	CHECK_STR(rel("cpe:2.3:a:microsoft:*:*:*:*:*:*:*:*:*",
		      "cpe:2.3:a:*:ie:*:*:*:*:*:*:*:*"),
		  "UNDEFINED");
	/* DISJOINT outranks UNDEFINED */
	CHECK_STR(rel("cpe:2.3:a:x:*:*:*:*:*:*:*:*:*",
		      "cpe:2.3:a:y:i*:*:*:*:*:*:*:*:*"),
		  "DISJOINT");
	/* mixed bindings */
	CHECK_STR(rel("cpe:/a:microsoft:ie:8.%02",
		      "cpe:2.3:a:microsoft:ie:8.0.6001:*:*:*:*:*:*:*"),
		  "SUPERSET");

	ym_cpe a, b;
	ym_cpe_rel per[YM_CPE_NATTR];
	ym_err e = YM_ERR_INIT;
	CHECK_INT(ym_cpe_parse("cpe:2.3:a:x:y:1:*:*:*:*:*:*:*", &A, &a, &e),
		  0);
	CHECK_INT(ym_cpe_parse("cpe:2.3:a:x:z:*:-:*:*:*:*:*:*", &A, &b, &e),
		  0);
	CHECK_INT(ym_cpe_compare(&a, &b, per), YM_CPE_DISJOINT);
	CHECK_INT(per[YM_CPE_PART], YM_CPE_EQUAL);
	CHECK_INT(per[YM_CPE_PRODUCT], YM_CPE_DISJOINT);
	CHECK_INT(per[YM_CPE_VERSION], YM_CPE_SUBSET);
	CHECK_INT(per[YM_CPE_UPDATE], YM_CPE_SUPERSET);
	CHECK(!ym_cpe_match(&a, &b));
	CHECK_INT(ym_cpe_parse("cpe:2.3:a:x:*:*:*:*:*:*:*:*:*", &A, &a, &e),
		  0);
	CHECK(ym_cpe_match(&a, &b));
	CHECK(ym_cpe_match(&b, &b));
	CHECK(!ym_cpe_match(&b, &a));
	CHECK_STR(ym_cpe_rel_name(YM_CPE_SUBSET), "SUBSET");
}

/* NVD cpeMatch: criteria + bounds against a target's version. */
static const char *nvd(const char *criteria, const char *si,
		       const char *se, const char *ei, const char *ee,
		       const char *target)
{
	ym_cpe c, t;
	ym_err e = YM_ERR_INIT;
	ym_cpe_verdict v;
	if (ym_cpe_parse(criteria, &A, &c, &e) ||
	    ym_cpe_parse(target, &A, &t, &e))
		return ym_arena_printf(&A, "error: %s", e.msg);
	ym_cpe_criteria cr = {&c, si, se, ei, ee};
	if (ym_cpe_nvd_match(&cr, &t, YM_SCHEME_GENERIC, &v, &e)) {
		ym_buf b = YM_BUF_INIT;
		ym_err_format(&e, &b);
		const char *r = ym_arena_printf(&A, "error: %s", b.ptr);
		ym_buf_release(&b);
		return r;
	}
	return ym_arena_printf(
		&A, "%s %s attr=%s bounds=%d %s %s",
		v.match ? "match" : "nomatch", ym_cpe_rel_name(v.rel),
		v.attr == YM_CPE_NATTR ? "-" : ym_cpe_attr_name(v.attr),
		v.by_bounds,
		v.bound ? ym_cpe_bound_name(v.bound) : "-",
		v.bound_version ? v.bound_version : "-");
}

static void t_nvd_bounds(void)
{
	const char *crit = "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*";
	const char *t = "cpe:2.3:a:openssl:openssl:1.1.1w:*:*:*:*:*:*:*";
	/* end excluding / including */
	CHECK_STR(nvd(crit, "1.1.1", NULL, NULL, "1.1.1x", t),
		  "match SUPERSET attr=- bounds=1 versionEndExcluding 1.1.1x");
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "1.1.1w", t),
		  "nomatch DISJOINT attr=version bounds=1 "
		  "versionEndExcluding 1.1.1w");
	CHECK_STR(nvd(crit, NULL, NULL, "1.1.1w", NULL, t),
		  "match SUPERSET attr=- bounds=1 versionEndIncluding "
		  "1.1.1w");
	CHECK_STR(nvd(crit, NULL, NULL, "1.1.1v", NULL, t),
		  "nomatch DISJOINT attr=version bounds=1 "
		  "versionEndIncluding 1.1.1v");
	/* start including / excluding */
	CHECK_STR(nvd(crit, "1.1.1w", NULL, NULL, NULL, t),
		  "match SUPERSET attr=- bounds=1 versionStartIncluding "
		  "1.1.1w");
	CHECK_STR(nvd(crit, NULL, "1.1.1w", NULL, NULL, t),
		  "nomatch DISJOINT attr=version bounds=1 "
		  "versionStartExcluding 1.1.1w");
	CHECK_STR(nvd(crit, NULL, "1.1.1v", NULL, "3.0", t),
		  "match SUPERSET attr=- bounds=1 versionEndExcluding 3.0");
	CHECK_STR(nvd(crit, "3.0.0", NULL, NULL, "3.0.12", t),
		  "nomatch DISJOINT attr=version bounds=1 "
		  "versionStartIncluding 3.0.0");
	/* empty strings are absent bounds: plain 7696 */
	CHECK_STR(nvd(crit, "", "", "", "", t),
		  "match SUPERSET attr=- bounds=0 - -");
	/* the target's version is unquoted before comparing */
	CHECK_STR(nvd("cpe:2.3:o:cisco:ios:*:*:*:*:*:*:*:*", NULL, NULL,
		      NULL, "15.2\\(4\\)m",
		      "cpe:2.3:o:cisco:ios:15.2\\(3\\)m:*:*:*:*:*:*:*"),
		  "match SUPERSET attr=- bounds=1 versionEndExcluding "
		  "15.2\\(4\\)m");
	/* target version ANY, NA, wildcard */
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "3.0",
		      "cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*"),
		  "nomatch SUBSET attr=version bounds=1 - -");
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "3.0",
		      "cpe:2.3:a:openssl:openssl:-:*:*:*:*:*:*:*"),
		  "nomatch DISJOINT attr=version bounds=1 - -");
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "3.0",
		      "cpe:2.3:a:openssl:openssl:1.*:*:*:*:*:*:*:*"),
		  "nomatch UNDEFINED attr=version bounds=1 - -");
	/* other attributes by 7696, wildcards in the criteria included */
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "3.0",
		      "cpe:2.3:a:openssl:libressl:1.0:*:*:*:*:*:*:*"),
		  "nomatch DISJOINT attr=product bounds=1 "
		  "versionEndExcluding 3.0");
	CHECK_STR(nvd("cpe:2.3:a:open*:openssl:*:*:*:*:*:*:*:*", NULL, NULL,
		      NULL, "3.0", t),
		  "match SUPERSET attr=- bounds=1 versionEndExcluding 3.0");
	CHECK_STR(nvd("cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:x64:*", NULL,
		      NULL, NULL, "3.0", t),
		  "nomatch UNDEFINED attr=target_hw bounds=1 "
		  "versionEndExcluding 3.0");
	/* a criteria version other than ANY: 7696, bounds ignored */
	CHECK_STR(nvd("cpe:2.3:a:openssl:openssl:1.1.1w:*:*:*:*:*:*:*",
		      NULL, NULL, NULL, "1.0", t),
		  "match EQUAL attr=- bounds=0 - -");
	CHECK_STR(nvd("cpe:2.3:a:openssl:openssl:1.1.*:*:*:*:*:*:*:*",
		      NULL, NULL, NULL, NULL, t),
		  "match SUPERSET attr=- bounds=0 - -");
	/* errors name the side */
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "!!", t),
		  "error: versionEndExcluding: invalid version '!!' at "
		  "position 2: no digits or letters");
	CHECK_STR(nvd(crit, NULL, NULL, NULL, "1",
		      "cpe:2.3:a:openssl:openssl:\\!:*:*:*:*:*:*:*"),
		  "error: version: invalid version '!' at position 1: no "
		  "digits or letters");
	CHECK_STR(ym_cpe_bound_name(YM_CPE_START_EXCLUDING),
		  "versionStartExcluding");
	CHECK(ym_cpe_bound_name(YM_CPE_BOUND_NONE) == NULL);
}

/* Scheme choice matters: pypi orders pre-releases first. */
static void t_nvd_scheme(void)
{
	ym_cpe c, t;
	ym_err e = YM_ERR_INIT;
	ym_cpe_verdict v;
	CHECK_INT(ym_cpe_parse("cpe:2.3:a:django:django:*:*:*:*:*:*:*:*", &A,
			       &c, &e), 0);
	CHECK_INT(ym_cpe_parse("cpe:2.3:a:django:django:4.2rc1:*:*:*:*:*:*:"
			       "*", &A, &t, &e), 0);
	ym_cpe_criteria cr = {&c, NULL, NULL, NULL, "4.2"};
	CHECK_INT(ym_cpe_nvd_match(&cr, &t, YM_SCHEME_PYPI, &v, &e), 0);
	CHECK(v.match);
	CHECK_INT(ym_cpe_nvd_match(&cr, &t, YM_SCHEME_GENERIC, &v, &e), 0);
	CHECK(!v.match);
	CHECK_INT(v.bound, YM_CPE_END_EXCLUDING);
	/* 0 is the generic scheme */
	CHECK_INT(ym_cpe_nvd_match(&cr, &t, YM_SCHEME_UNKNOWN, &v, &e), 0);
	CHECK(!v.match);
}

/* Found by fuzz/fuzz_cpe.c. */
static void t_fuzz_found(void)
{
	/* bare punctuation in a WFN doubles in size when quoted: the
	 * value block must be sized for it */
	ym_buf b = YM_BUF_INIT;
	ym_buf_adds(&b, "wfn:[part=\"a\",version=\"");
	ym_buf_addn(&b, '^', 300);
	ym_buf_adds(&b, "8\\.*\",other=\"x\\:y\"]");
	const char *once = fs(b.ptr);
	ym_buf_release(&b);
	CHECK(strncmp(once, "cpe:2.3:a:*:*:\\^\\^", 18) == 0);
	CHECK_STR(fs(once), once);
	CHECK_STR(fs(uri(once)), once);
	CHECK_STR(fs(wfn(once)), once);
}

int main(void)
{
	ym_arena_init(&A, 0);
	RUN(t_fs_unbind);
	RUN(t_fs_quoting);
	RUN(t_uri_bind);
	RUN(t_uri_unbind);
	RUN(t_round_trips);
	RUN(t_wfn_form);
	RUN(t_errors);
	RUN(t_set_quote);
	RUN(t_attribute_relations);
	RUN(t_name_relations);
	RUN(t_nvd_bounds);
	RUN(t_nvd_scheme);
	RUN(t_fuzz_found);
	ym_arena_release(&A);
	return test_done();
}
