/**
 * What Electronegativity's scanner returns, and the rule that gates CI: any finding of severity
 * HIGH fails, and so does a file the scanner could not read (its checks never ran on it).
 */
export type Finding = {
  id: string;
  severity: { name: string };
  confidence: { name: string };
  file: string;
  location: { line: number; column: number };
  description?: string;
  manualReview?: boolean;
};

export type ScanResult = { issues: Finding[]; errors: { file: string; message: string }[] };

export type Verdict = { ok: boolean; lines: string[] };

export function judgeScan(result: ScanResult): Verdict {
  const lines = result.issues.map(
    (f) =>
      `${f.severity.name.padEnd(13)} ${f.confidence.name.padEnd(9)} ${f.id}  ${f.file}:${f.location.line}:${f.location.column}${f.manualReview ? '  (manuell vurdering)' : ''}`,
  );
  const high = result.issues.filter((f) => f.severity.name.toUpperCase() === 'HIGH');
  for (const error of result.errors) lines.push(`Kunne ikke lese ${error.file}: ${error.message}`);
  if (result.errors.length > 0)
    lines.push('Electronegativity kunne ikke lese alle filene: skanningen er ufullstendig.');
  if (high.length > 0) lines.push(`${high.length} funn med alvorlighet HIGH. Rett dem før koden slippes inn.`);
  const ok = high.length === 0 && result.errors.length === 0;
  if (ok) lines.push(`Ingen funn med alvorlighet HIGH (${result.issues.length} funn totalt).`);
  return { ok, lines };
}
