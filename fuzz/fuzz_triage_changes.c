/* fuzz_triage_changes.c - libFuzzer target for the INPUT=VALUE lists of
 * `yamori triage override|mitigate` (ym_triage_changes_parse).
 *
 * The input (cut at the first NUL) is parsed with the default policy. A
 * failure must leave YM_E_INVALID and a message; a success at most cap
 * changes, each a known input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "risk/policy.h"
#include "risk/triage.h"

static ym_policy *policy;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!policy && ym_policy_load_default(&policy, NULL))
		abort();
	char *in = malloc(size + 1);
	memcpy(in, data, size);
	in[size] = '\0';
	ym_triage_change ch[8];
	size_t n = 0;
	ym_err err = YM_ERR_INIT;
	int rc = ym_triage_changes_parse(policy, in, ch, 8, &n, &err);
	if (rc && (err.code != YM_E_INVALID || !err.msg[0])) {
		fprintf(stderr, "failure without YM_E_INVALID and a message\n");
		abort();
	}
	for (size_t i = 0; !rc && i < n; i++)
		if (n > 8 || (int)ch[i].input < 0 ||
		    (int)ch[i].input >= YM_TI_COUNT)
			abort();
	free(in);
	return 0;
}
