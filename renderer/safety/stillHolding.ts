/** The files an erasure could not reach (a read-only backup folder): the user must have them removed. */
export function stillHoldingText(files: readonly string[]): string {
  if (files.length === 0) return '';
  return ` Disse filene kunne ikke renses og inneholder fortsatt opplysningene: ${files.map((f) => `«${f}»`).join(', ')}. Be IT slette dem eller gi skrivetilgang, og gjør det samme en gang til.`;
}
