/* fuzz_spdx_json.c - libFuzzer target for the SPDX 2 JSON importer (the checks:
 * sbom_fuzz.h). */
#include "inventory/spdx.h"
#include "sbom_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return sbom_fuzz_one("fuzz_spdx_json", "SPDX", ym_spdx_parse_json, data, size);
}
