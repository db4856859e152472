/** A file size as people read it: `840 kB`, `12,4 MB` (decimal comma). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('nb-NO')} kB`;
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('nb-NO', { maximumFractionDigits: mb < 100 ? 1 : 0 })} MB`;
}
