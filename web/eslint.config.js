// fuyou's web lint: runs in the build (`npm run build` → lint → vue-tsc → vite), zero warnings
// allowed. Rules are chosen to catch defects (untyped data, unused code, missing keys, loose
// equality, mutated props), not to restyle code.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { withVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

export default withVueTs(
  { ignores: ['dist/**', 'node_modules/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  pluginVue.configs['flat/essential'],
  vueTsConfigs.recommended,
  {
    files: ['**/*.ts', '**/*.vue'],
    rules: {
      // DTOs are typed in each module's api.ts: `any` hides the server's shape.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-debugger': 'error',
      'prefer-const': 'error',
      'no-var': 'error',
      'vue/no-unused-components': 'error',
      'vue/no-unused-vars': 'error',
      'vue/require-v-for-key': 'error',
      'vue/no-mutating-props': 'error',
      'vue/no-v-html': 'error',
      'vue/no-ref-as-operand': 'error',
      'vue/no-use-v-if-with-v-for': 'error',
      'vue/require-explicit-emits': 'error',
      'vue/no-setup-props-reactivity-loss': 'error',
      // A page named after what it shows (`BirthPage`) or a one-word widget is fine.
      'vue/multi-word-component-names': 'off'
    }
  }
)
