/* embedded.c - look-up in the table cmake/embed.cmake generates. */
#include "core/embedded.h"

#include <string.h>

const char *ym_embedded(const char *name, size_t *len)
{
	for (const ym_embedded_file *f = ym_embedded_files; f->name; f++) {
		if (strcmp(f->name, name) == 0) {
			if (len)
				*len = f->len;
			return f->data;
		}
	}
	return NULL;
}
