import fs from 'node:fs';
import path from 'node:path';

/** Writes beside the target and renames, so a failed write never leaves half a file behind. Returns the bytes. */
export function writeFileAtomic(file: string, content: string | Buffer): number {
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return typeof content === 'string' ? Buffer.byteLength(content) : content.length;
}
