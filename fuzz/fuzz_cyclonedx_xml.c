/* fuzz_cyclonedx_xml.c - libFuzzer target for the CycloneDX XML importer (the checks:
 * sbom_fuzz.h). */
#include "inventory/cyclonedx_xml.h"
#include "sbom_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return sbom_fuzz_one("fuzz_cyclonedx_xml", "CycloneDX", ym_cyclonedx_parse_xml, data, size);
}
