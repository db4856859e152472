/**
 * Hjelp: a short guide for the leder (kull, deltakere, paste, a refused cell) and for the
 * coordinator (the monthly report), the keyboard shortcuts, and where the register is kept.
 * Opened from the tab, Hjelp → Hjelp til Kullregister (F1), or the start screen.
 */
import type { ReactNode } from 'react';
import { useNavigation } from '../navigation';
import './help.css';

const CONTENTS: readonly { id: string; title: string; part: 'leder' | 'koordinator' | 'alle' }[] = [
  { id: 'hjelp-kull', title: 'Lage et kull', part: 'leder' },
  { id: 'hjelp-deltakere', title: 'Legge inn deltakere', part: 'leder' },
  { id: 'hjelp-lim-inn', title: 'Lime inn fra Excel', part: 'leder' },
  { id: 'hjelp-rod-celle', title: 'Når en celle blir rød', part: 'leder' },
  { id: 'hjelp-slutt', title: 'Når en deltaker slutter', part: 'leder' },
  { id: 'hjelp-rapport', title: 'Månedsrapporten', part: 'koordinator' },
  { id: 'hjelp-datakvalitet', title: 'Datakvalitet', part: 'koordinator' },
  { id: 'hjelp-utskrift', title: 'Skrive ut eller lagre som PDF', part: 'koordinator' },
  { id: 'hjelp-tastatur', title: 'Tastatur', part: 'alle' },
  { id: 'hjelp-registeret', title: 'Registerfilen og sikkerheten', part: 'alle' },
];

function Topic(props: { id: string; children: ReactNode }) {
  const title = CONTENTS.find((c) => c.id === props.id)?.title ?? '';
  return (
    <section className="help-topic" aria-labelledby={props.id}>
      <h3 id={props.id} className="help-topic-title">
        {title}
      </h3>
      {props.children}
    </section>
  );
}

const SHORTCUTS: readonly [string, string][] = [
  ['Skriv på en celle', 'Skriv over det som står der'],
  ['Enter / F2', 'Rediger det som står i cellen, og lagre det'],
  ['Tab / Shift+Tab', 'Neste / forrige celle'],
  ['Esc', 'Avbryt redigeringen, tilbake til det som var lagret'],
  ['Ctrl+Enter', 'Ny deltaker eller nytt kull'],
  ['Ctrl+C / Ctrl+X / Ctrl+V', 'Kopier / klipp ut / lim inn'],
  ['Ctrl+D / Ctrl+R', 'Fyll ned / fyll til høyre (eller dra i firkanten nederst til høyre i det merkede)'],
  ['Ctrl+Z / Ctrl+Y', 'Angre / gjør om'],
  ['Ctrl+1 / 2 / 3', 'Deltakere / Kull / Rapport'],
  ['Ctrl+P', 'Skriv ut rapporten'],
  ['Ctrl+N / Ctrl+O', 'Nytt register / åpne et register'],
  ['Ctrl+,', 'Innstillinger'],
  ['F1', 'Denne hjelpen'],
];

export function HelpScreen() {
  const navigation = useNavigation();
  const go = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });

  return (
    <div className="help-screen">
      <div className="help-layout">
        <nav className="help-toc" aria-label="Innhold">
          <h1 className="screen-title">Hjelp</h1>
          {(['leder', 'koordinator', 'alle'] as const).map((part) => (
            <div key={part} className="help-toc-part">
              <div className="help-toc-heading">
                {part === 'leder' ? 'For lederen' : part === 'koordinator' ? 'For koordinatoren' : 'For alle'}
              </div>
              <ul>
                {CONTENTS.filter((c) => c.part === part).map((c) => (
                  <li key={c.id}>
                    <button type="button" className="help-toc-link" onClick={() => go(c.id)}>
                      {c.title}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <button type="button" className="button help-about" onClick={navigation.showAbout}>
            Om Kullregister
          </button>
        </nav>

        <article className="help-article">
          <p className="help-lead">
            Kullregister er registeret over deltakerne i tiltaket: hvem som er henvist, når de startet, hvor de har
            praksis, og hvordan det gikk. Lederen fører registeret, og koordinatoren lager rapporten til kommunen ut fra
            det hver måned.
          </p>

          <h2 className="help-part">For lederen</h2>

          <Topic id="hjelp-kull">
            <ol>
              <li>
                Gå til <b>Kull</b> og trykk <b>Nytt kull</b> (eller <kbd>Ctrl</kbd>+<kbd>Enter</kbd>).
              </li>
              <li>
                Skriv navnet (for eksempel «Kull 14»), startdatoen og antall plasser. Planlagt sluttdato foreslås ut fra
                den vanlige lengden på et kull, som du endrer under <b>Innstillinger</b>.
              </li>
              <li>Lagre. Alt kan endres rett i tabellen etterpå.</li>
            </ol>
            <p className="help-note">
              Har tiltaket løpende opptak, som Mat & prat, trenger du ikke kull. Da vises ikke fanen Kull, og deltakerne
              føres uten kull.
            </p>
          </Topic>

          <Topic id="hjelp-deltakere">
            <ol>
              <li>
                Gå til <b>Deltakere</b>. Velg kullet øverst, så havner nye deltakere i det.
              </li>
              <li>
                Trykk <b>Ny deltaker</b> (<kbd>Ctrl</kbd>+<kbd>Enter</kbd>) og skriv navnet.
              </li>
              <li>
                Gå videre med <kbd>Tab</kbd>. Begynn å skrive, eller trykk <kbd>Enter</kbd>, for å fylle ut en celle;{' '}
                <kbd>Enter</kbd> lagrer. Hver celle lagres med en gang.
              </li>
            </ol>
            <ul>
              <li>
                Datoer skrives som 01.03.2026, 1.3.26 eller 2026-03-01, og vises alltid som <i>dd.mm.åååå</i>.
              </li>
              <li>
                Koder kan skrives som koden eller teksten: «A» eller «arbeid fulltid» for sluttårsak, «KVP» eller
                «kvalifiseringsstønad» for ytelse. Store eller små bokstaver spiller ingen rolle.
              </li>
              <li>
                For henvist fra, brukersted, veileder og årsak til drop-out foreslås verdiene fra listene. Skriver du en
                ny verdi, blir den lagt til i listen. Listene ryddes under <b>Innstillinger</b>.
              </li>
              <li>
                <b>Status</b> (Henvist, Aktiv, Planmessig avsluttet …) regnes ut fra datoene og avslutningen, og skrives
                ikke inn.
              </li>
            </ul>
          </Topic>

          <Topic id="hjelp-lim-inn">
            <p>
              Merk cellene i Excel og kopier dem (<kbd>Ctrl</kbd>+<kbd>C</kbd>). Klikk på cellen i Kullregister der den
              øverste venstre cellen skal havne, og lim inn (<kbd>Ctrl</kbd>+<kbd>V</kbd>). Kolonnene må stå i samme
              rekkefølge som i tabellen.
            </p>
            <p>
              Hver celle kontrolleres som om du hadde skrevet den. Celler som ikke kan tas imot, blir listet med rad,
              kolonne og grunn, så du kan rette dem. Hele innlimingen angres med ett <kbd>Ctrl</kbd>+<kbd>Z</kbd>.
            </p>
          </Topic>

          <Topic id="hjelp-rod-celle">
            <p>
              En <span className="help-red">rød celle</span> betyr at verdien ikke ble lagret, for eksempel en dato som
              ikke finnes (31.02.2026) eller en sluttårsak som ikke er på listen. Det du skrev, står igjen, og grunnen
              står ved cellen. Du kan skrive videre i neste celle; raden får ⚠ og linjen nederst teller de røde cellene
              til du har rettet dem.
            </p>
            <ul>
              <li>
                Klikk på cellen, trykk <kbd>Enter</kbd>, rett teksten og trykk <kbd>Enter</kbd>, eller
              </li>
              <li>
                trykk <kbd>Esc</kbd> for å gå tilbake til verdien som var lagret.
              </li>
            </ul>
            <p>
              Et <span className="help-warning">⚠</span> foran en rad betyr noe annet: raden er lagret, men noe henger
              ikke sammen, for eksempel en sluttdato uten avslutning. Klikk på raden for å se hva. Slike rader står også
              under Datakvalitet i rapporten.
            </p>
          </Topic>

          <Topic id="hjelp-slutt">
            <p>
              Fyll ut <b>sluttdato</b> og <b>avslutning</b>. Er avslutningen «Planmessig avsluttet», skal den ha en{' '}
              <b>sluttårsak</b> (hvor deltakeren gikk videre). Er den «Drop-out», velg <b>årsak til drop-out</b>. Et
              halvt år etter at noen gikk til arbeid, fyller du ut <b>i arbeid etter 6 måneder</b>.
            </p>
          </Topic>

          <h2 className="help-part">For koordinatoren</h2>

          <Topic id="hjelp-rapport">
            <ol>
              <li>
                Gå til <b>Rapport</b>. Forrige hele måned er valgt; velg en annen måned eller et helt år øverst.
              </li>
              <li>Rapporten vises slik den blir på papir, med tallene for måneden og for hittil i år.</li>
              <li>Se over Datakvalitet ved siden av rapporten, og rett det som står der, før du sender den.</li>
              <li>Skriv den ut, eller lagre den som PDF og send den videre.</li>
            </ol>
            <p className="help-note">Rapporten har bare tall, aldri navn på deltakere.</p>
          </Topic>

          <Topic id="hjelp-datakvalitet">
            <p>
              Til høyre for rapporten står <b>Datakvalitet</b>: deltakere som mangler noe rapporten trenger (for
              eksempel fødselsår), eller der datoene ikke henger sammen. Klikk på en linje for å gå rett til deltakeren
              i Deltakere, rett det der, og gå tilbake til <b>Rapport</b>. Tallene oppdateres av seg selv.
            </p>
          </Topic>

          <Topic id="hjelp-utskrift">
            <p>
              <b>Skriv ut</b> (<kbd>Ctrl</kbd>+<kbd>P</kbd>) åpner utskriftsvinduet. <b>Lagre som PDF</b> lagrer
              rapporten som en fil du kan sende på e-post. <b>Lagre som Excel</b> og <b>Lagre som CSV</b> gir de samme
              tallene i et regneark.
            </p>
          </Topic>

          <h2 className="help-part">For alle</h2>

          <Topic id="hjelp-tastatur">
            <table className="help-keys">
              <tbody>
                {SHORTCUTS.map(([keys, what]) => (
                  <tr key={keys}>
                    <th scope="row">{keys}</th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="help-note">På Mac brukes Cmd i stedet for Ctrl.</p>
          </Topic>

          <Topic id="hjelp-registeret">
            <p>
              Registeret er én fil. Kullregister tar en sikkerhetskopi av den hver dag, og du kan hente tilbake en
              tidligere kopi under <b>Register og sikkerhet</b>. Hvor filen og kopiene ligger, står under{' '}
              <button type="button" className="help-inline-link" onClick={navigation.showAbout}>
                Om Kullregister
              </button>
              .
            </p>
            <p>
              Bare én kan endre registeret om gangen. Åpner en kollega det mens du har det åpent, kan de se på det, men
              ikke endre noe. Ligger filen på et fellesområde, kan bare én ha det åpent.
            </p>
            <p>Kullregister sender ingenting over nettet.</p>
          </Topic>
        </article>
      </div>
    </div>
  );
}
