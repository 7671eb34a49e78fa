// better-sqlite3-multiple-ciphers ships a copy of better-sqlite3's typings that its package.json "exports"
// hides from TypeScript. Its API is better-sqlite3's (plus cipher pragmas), so borrow those types.
// (A tsconfig "paths" mapping also works for tsc, but tsx then loads the .d.ts at run time.)
declare module 'better-sqlite3-multiple-ciphers' {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the only way to re-export an `export =` module
  import Database = require('better-sqlite3')
  export = Database
}
