// custom-elements.json, generated at build from the class comments (the contract of each element).
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/internal/**', 'components/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
