// Lint config. Besides style, it enforces the one-way dependency rule of docs/adr/0001:
// renderer → preload → main → services → adapters (native/, db/). The contract is a shared leaf.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net']
const nativeAddons = ['better-sqlite3-multiple-ciphers', 'smartcard', 'node-hid', 'serialport']

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }]
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off'
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeOnly, ...nativeAddons, 'electron', '**/native/**', '**/db/**', '**/electron/main/**', '**/electron/services/**', '**/electron/preload/**', '**/cli/**'],
        'The renderer is sandboxed: it talks to the app only through window.reception (electron/contract types).'
      )
    }
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts'],
    rules: restrict(
      ['electron', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
      'Services, the CLI and browser mode run under plain Node: only electron/main and electron/preload import electron.'
    )
  },
  {
    files: ['native/**/*.ts', 'db/**/*.ts'],
    rules: restrict(
      ['electron', '**/electron/main/**', '**/electron/preload/**', '**/electron/services/**', '**/electron/web/**', '**/renderer/**', '**/cli/**'],
      'Adapters sit at the bottom: they may use the contract, never the layers above them.'
    )
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: restrict(
      [...nodeOnly, ...nativeAddons, 'electron', '**/native/**', '**/db/**', '**/electron/main/**', '**/electron/services/**', '**/renderer/**'],
      'The contract is a pure leaf shared by every layer: zod schemas and types only.'
    )
  }
)
