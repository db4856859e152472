import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes beside the target and renames, so a failed write never leaves half a file behind. Returns
 * the bytes. `personal`: the file holds names, so it is readable by the owner only (0600) from its first byte.
 */
export function writeFileAtomic(file: string, content: string | Buffer, options: { personal?: boolean } = {}): number {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(partial, content, options.personal ? { mode: 0o600 } : {});
    if (options.personal && process.platform !== 'win32') fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}
