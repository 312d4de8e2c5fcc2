// @ts-check
// Lint rules, and the module boundaries of DESIGN.md: sql <- layers <- importers, compliance-rules;
// sql <- accounts; sql, layers, compliance-rules, accounts <- projects; all of them <- spatial-api <- (HTTP only) map-client. Other folders are reached through their index only.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const modules = [
  'sql',
  'layers',
  'importers',
  'accounts',
  'compliance-rules',
  'projects',
  'locate',
  'prints',
  'spatial-api',
  'map-client',
];

/** @param {string} folder @param {string[]} allowed */
function boundary(folder, allowed) {
  const forbidden = modules.filter((m) => m !== folder && !allowed.includes(m));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${modules.join('|')})/.+`,
      message: 'Import another folder through its index (e.g. "../layers"), never a deep path.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^(\\.\\./)+(${forbidden.join('|')})$`,
      message: `${folder}/ may import only ${allowed.join(', ') || 'no other project folder'} (see DESIGN.md).`,
    });
  }
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', 'map-client/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['map-client/src/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  boundary('sql', []),
  boundary('layers', ['sql']),
  boundary('importers', ['sql', 'layers']),
  boundary('accounts', ['sql']),
  boundary('compliance-rules', ['sql', 'layers']),
  boundary('projects', ['sql', 'layers', 'accounts', 'compliance-rules']),
  boundary('locate', ['sql', 'layers', 'accounts']),
  boundary('prints', ['compliance-rules']),
  boundary('spatial-api', [
    'sql',
    'layers',
    'importers',
    'accounts',
    'compliance-rules',
    'projects',
    'locate',
    'prints',
  ]),
  boundary('map-client', []),
);
