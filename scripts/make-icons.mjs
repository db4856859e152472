// Renders resources/icons/icon.svg (drawn by hand) to the app icons electron-builder uses:
// PNGs 16…1024 (Linux), icon.ico (Windows, installer too) and icon.icns (macOS). Run after changing
// the SVG: `node scripts/make-icons.mjs`. Uses Debian's Chromium (CHROMIUM_PATH to use another) and
// @shockpkg/icon-encoder; the generated files are committed, so building installers needs neither.
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';

const DIR = path.resolve(import.meta.dirname, '..', 'resources', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const svg = await fs.readFile(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const png = {};
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    png[size] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
  }
} finally {
  await browser.close();
}

await fs.mkdir(path.join(DIR, 'png'), { recursive: true });
for (const size of SIZES) await fs.writeFile(path.join(DIR, 'png', `${size}x${size}.png`), png[size]);
// electron-builder's `icon` for Linux (and the fallback everywhere) is the largest PNG.
await fs.writeFile(path.join(DIR, 'icon.png'), png[1024]);

// Windows: BMP for the small sizes (what older shell code expects), PNG for 256 (the ICO default).
const ico = new IconIco();
for (const size of [256, 64, 48, 32, 24, 16]) await ico.addFromPng(png[size], null);
await fs.writeFile(path.join(DIR, 'icon.ico'), ico.encode());

// macOS: the iconutil set (16…512 at 1× and 2×).
const icns = new IconIcns();
icns.toc = true;
const ICNS = [
  [64, 'ic12'],
  [128, 'ic07'],
  [256, 'ic13'],
  [256, 'ic08'],
  [16, 'ic04'],
  [512, 'ic14'],
  [512, 'ic09'],
  [32, 'ic05'],
  [1024, 'ic10'],
  [32, 'ic11'],
];
for (const [size, type] of ICNS) await icns.addFromPng(png[size], [type]);
await fs.writeFile(path.join(DIR, 'icon.icns'), icns.encode());

console.log(
  `Laget ikonene i ${path.relative(process.cwd(), DIR)}: png/ (${SIZES.join(', ')}), icon.png, icon.ico, icon.icns.`,
);
