// typescript-eslint, resolved from this folder so that its `require('typescript')` finds the
// TypeScript 6 nested here (see package.json) instead of the project's TypeScript 7.
export { default } from 'typescript-eslint';
export { version as typescriptVersion } from 'typescript';
