import type Database from 'better-sqlite3-multiple-ciphers'

/** The one SQLite handle type every repository takes (its own module so connection and migrate share it without a cycle). */
export type Db = Database.Database
