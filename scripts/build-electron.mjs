// Bundles the Electron main process (ESM) and the preload (CommonJS: a sandboxed preload cannot be
// an ES module) into dist-electron/. better-sqlite3 stays external: its prebuilt Node-API binary is
// loaded from node_modules (unpacked from the asar archive by electron-builder).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: ['electron/app/main.ts'],
  outfile: 'dist-electron/main.js',
  format: 'esm',
  external: ['electron', 'better-sqlite3'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
