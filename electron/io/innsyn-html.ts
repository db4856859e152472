/**
 * The innsyn document as the person can read it (issue 16, item 13): one self-contained HTML page
 * beside the JSON — Norwegian labels, dates dd.mm.yyyy, codes as their labels, the kull by name, the
 * change log as «fra → til». It opens in any browser and prints on A4. No script, no outside
 * resource. The JSON stays the complete, machine-readable copy.
 */

import { formatDate, formatTimestamp } from '../../shared/dates';
import { formatFieldValue } from '../../shared/display';
import { deltakerField, type FieldValue } from '../../shared/fields';
import type { InnsynDocument } from '../store/privacy';

const SCRUBBED = '(fjernet)';

function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A logged value (text, as store/changelog.ts keeps it) as the grid would show it. */
function loggedValue(felt: string, text: string | null, kullName: (id: number) => string): string {
  if (text === null) return '';
  if (text === SCRUBBED) return text;
  const def = deltakerField(felt);
  if (!def) return text;
  if (def.kind.type === 'kull') {
    const id = Number(text);
    return Number.isInteger(id) ? kullName(id) : text;
  }
  let value: FieldValue = text;
  if (def.kind.type === 'yesno') value = text === 'ja' ? true : text === 'nei' ? false : text;
  return formatFieldValue(def, value, kullName) || text;
}

export function innsynHtml(doc: InnsynDocument): string {
  const kullId = doc.deltaker.opplysninger.find((o) => o.felt === 'kull_id')?.verdi;
  const kullName = (id: number) => (doc.kull && id === kullId ? doc.kull.navn : `kull nr. ${id}`);
  const rows = doc.deltaker.opplysninger
    .map((o) => {
      const def = deltakerField(o.felt);
      const shown = def ? formatFieldValue(def, o.verdi, kullName) : String(o.verdi ?? '');
      return `<tr><th scope="row">${html(o.etikett)}</th><td>${shown === '' ? '<span class="tom">ikke fylt ut</span>' : html(shown)}</td></tr>`;
    })
    .join('\n');
  const kull = doc.kull
    ? `<table><tbody>
<tr><th scope="row">Navn</th><td>${html(doc.kull.navn)}</td></tr>
<tr><th scope="row">Startdato</th><td>${html(formatDate(doc.kull.startdato))}</td></tr>
<tr><th scope="row">Planlagt sluttdato</th><td>${html(formatDate(doc.kull.planlagt_sluttdato)) || '<span class="tom">ikke fylt ut</span>'}</td></tr>
</tbody></table>`
    : '<p>Deltakeren er ikke knyttet til noe kull.</p>';
  const log =
    doc.endringslogg.length === 0
      ? '<p>Ingen endringer er logget.</p>'
      : `<table class="logg"><thead><tr><th scope="col">Tidspunkt</th><th scope="col">Hvem</th><th scope="col">Opplysning</th><th scope="col">Fra</th><th scope="col">Til</th></tr></thead><tbody>
${doc.endringslogg
  .map((e) => {
    const label = deltakerField(e.felt)?.label ?? e.felt;
    const from = loggedValue(e.felt, e.gammel, kullName);
    const to = loggedValue(e.felt, e.ny, kullName);
    return `<tr><td>${html(formatTimestamp(e.tid))}</td><td>${html(e.bruker)}</td><td>${html(label)}</td><td>${html(from) || '<span class="tom">tom</span>'}</td><td>${html(to) || '<span class="tom">tom</span>'}</td></tr>`;
  })
  .join('\n')}
</tbody></table>`;
  return `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Innsyn – deltaker nr. ${doc.deltaker.id}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
  .om { color: #4f5968; margin: 0 0 1rem; }
  .advarsel { border: 1px solid #e5c76b; background: #fffbee; border-radius: 6px; padding: .6rem .9rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid #e1e5eb; }
  tbody th { width: 16rem; font-weight: 600; }
  thead th { font-size: .85rem; color: #4f5968; border-bottom: 2px solid #c9d0da; }
  .logg td { font-size: .9rem; }
  .tom { color: #7b8494; font-style: italic; }
  @media print { body { margin: 0; max-width: none; } .advarsel { break-inside: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>Innsyn: dette er lagret om deg i Kullregister</h1>
<p class="om">Laget ${html(formatTimestamp(doc.laget))} fra registeret «${html(doc.register)}». Deltaker nr. ${doc.deltaker.id}.</p>
<p class="advarsel">${html(doc.advarsel)}</p>
<h2>Opplysninger</h2>
<table><tbody>
${rows}
</tbody></table>
<h2>Kull</h2>
${kull}
<h2>Endringer</h2>
<p class="om">Hver gang en opplysning om deg er lagt inn eller endret, eldste først.</p>
${log}
</body>
</html>
`;
}
