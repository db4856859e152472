// Builds the app the smoke test starts (npm run build: the renderer and dist-electron/), once per run.
import { execFileSync } from 'node:child_process';

// biome-ignore lint/style/noDefaultExport: Playwright's globalSetup is a module's default export.
export default function buildApp(): void {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
}
