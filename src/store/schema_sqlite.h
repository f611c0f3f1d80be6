/* schema_sqlite.h - private: the SQLite schema migrations. */
#ifndef YM_STORE_SCHEMA_SQLITE_H
#define YM_STORE_SCHEMA_SQLITE_H

#define YM_SQLITE_MIGRATIONS 1
extern const char *const ym_sqlite_migrations[YM_SQLITE_MIGRATIONS];

#endif
