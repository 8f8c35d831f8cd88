import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'Services, the database layer and shared code never import electron: they run in plain Node and in the renderer. Pass what you need through a constructor.' }],
      patterns: [{ group: ['electron/*'], message: 'Services, the database layer and shared code never import electron.' }],
    },
  ],
}

const rendererNoElectron = { name: 'electron', message: 'The renderer has no Node or Electron access; use api.ts.' }

export default [
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'native/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-require-imports': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/attributes-order': 'off',
      'vue/no-v-html': 'error',
    },
  },
  // Tests and benchmarks read arbitrary JSON fixtures; typing every one of them buys nothing.
  { files: ['tests/**', 'bench/**', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['src/main/services/**', 'src/main/db/**', 'src/shared/**', 'src/main/import/**', 'src/main/roster/**', 'src/main/workload/**', 'src/main/public-site/**', 'src/main/cli.ts', 'src/main/cli/**'], rules: noElectron },
  // The renderer reaches the main process only through api.ts.
  {
    files: ['src/renderer/**'],
    ignores: ['src/renderer/src/api.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rendererNoElectron] }],
      'no-restricted-properties': ['error', { object: 'window', property: 'api', message: 'Only src/renderer/src/api.ts may touch window.api.' }],
    },
  },
  // Layers of the window: stores hold plain data and call api.ts; the map draws stores; components use both.
  // A store importing the map or a component (or the map a component) would tie the data to one way of showing it.
  {
    files: ['src/renderer/src/stores/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [rendererNoElectron],
        patterns: [
          { group: ['**/map/*', '**/map/**'], message: 'Stores import no map module: put plain logic in src/shared (or the store) and let the map read the store.' },
          { group: ['**/components/*', '**/components/**', '*.vue'], message: 'Stores import no component: put plain logic in src/shared.' },
        ],
      }],
    },
  },
  {
    files: ['src/renderer/src/map/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [rendererNoElectron],
        patterns: [{ group: ['**/components/*', '**/components/**', '*.vue'], message: 'The map imports no component: move the piece it needs into map/ or a store.' }],
      }],
    },
  },
]
