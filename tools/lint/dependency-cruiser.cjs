// The import layering of issue 22 (section 3), checked by `npm run lint:layers`. dependency-cruiser reads
// the TypeScript sources with tools/lint's TypeScript 6 and counts type-only imports too (they couple
// modules as much as value imports do; ESLint's import plugins skip them).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'composition-root',
      comment: 'src/convert.ts (the composition root: it lists the passes and the presets) is the only module of src/ ' + 'that imports transforms/ or templates/; passes and presets import from src/, never the other way round',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/convert[.]ts$' },
      to: { path: '^(transforms|templates)/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycle, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
