// Lint config. Besides style, it enforces the one-way dependency rule of docs/adr/0001:
// renderer → preload → main → services → adapters (native/, db/). The contract is a shared leaf.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

import globals from 'globals'

// Package names are matched exactly (paths); folders by pattern. A bare 'electron' pattern would also match
// our own electron/ folder, so the package is listed by name.
const nodeOnly = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net']
const nativeAddons = ['better-sqlite3-multiple-ciphers', 'smartcard', 'node-hid', 'serialport']
const packages = new Set([...nodeOnly, ...nativeAddons, 'electron'])

const restrict = (names, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: names.filter((n) => packages.has(n)).map((name) => ({ name, message })),
      patterns: names.filter((n) => !packages.has(n)).map((group) => ({ group: [group], message }))
    }
  ]
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
    files: ['scripts/**/*.{mjs,cjs,js}', 'bin/**/*.cjs', '*.config.{mjs,cjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          ...nodeOnly,
          ...nativeAddons,
          'electron',
          'node:*',
          '**/native/**',
          '**/db/**',
          '**/electron/main/**',
          '**/electron/services/**',
          '**/electron/preload/**',
          '**/cli/**'
        ],
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
      [
        'electron',
        '**/electron/main/**',
        '**/electron/preload/**',
        '**/electron/services/**',
        '**/electron/web/**',
        '**/renderer/**',
        '**/cli/**'
      ],
      'Adapters sit at the bottom: they may use the contract, never the layers above them.'
    )
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: restrict(
      [
        ...nodeOnly,
        ...nativeAddons,
        'electron',
        'node:*',
        '**/native/**',
        '**/db/**',
        '**/electron/main/**',
        '**/electron/services/**',
        '**/renderer/**'
      ],
      'The contract is a pure leaf shared by every layer: zod schemas and types only.'
    )
  }
)
