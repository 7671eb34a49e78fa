/**
 * Whether this code runs as a test build. electron.vite.config.ts defines __RECEPTION_BUILD__ in every bundle it
 * makes ('production' unless RECEPTION_TEST_BUILD=1 at build time); code run from source (vitest, tsx) has no
 * bundle and is a test run. Switches that let a test point the app elsewhere (the machine config path) exist
 * only in test builds, so a clerk's environment variable cannot change what IT locked.
 */
declare const __RECEPTION_BUILD__: 'production' | 'test' | undefined

export function isTestBuild(): boolean {
  return typeof __RECEPTION_BUILD__ === 'undefined' || __RECEPTION_BUILD__ === 'test'
}
