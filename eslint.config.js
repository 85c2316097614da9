import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'tmp/', 'src/db/migrations/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The HTTP edge depends on the layers below it, never the reverse (docs/ARCHITECTURE.md).
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/server/http/**', 'src/server/app.ts', 'src/server/serve.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '**/http/**'],
              message:
                'Only the HTTP edge imports from src/server/http: throw AppError from src/server/errors.ts, take AppContext from src/server/context.ts.',
            },
          ],
        },
      ],
    },
  },
);
