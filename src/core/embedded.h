/* embedded.h - data files carried inside the binary (data/ in the source
 * tree: SSVC decision tables, the default policy), generated at build
 * time by cmake/embed.cmake. */
#ifndef YM_EMBEDDED_H
#define YM_EMBEDDED_H

#include <stddef.h>

typedef struct ym_embedded_file {
	const char *name; /* path below data/, e.g. "ssvc/deployer.csv" */
	const char *data; /* the bytes, followed by a NUL */
	size_t len;
} ym_embedded_file;

/* The table, ended by a NULL name. */
extern const ym_embedded_file ym_embedded_files[];

/* The file called name (a path below data/), or NULL; *len gets its size
 * when len is not NULL. The data is NUL-terminated. */
const char *ym_embedded(const char *name, size_t *len);

#endif
