/**
 * The window: a top bar with the register's name and one tab per screen. A screen is a folder
 * (deltakere/, kull/ …) and one line in SCREENS; nothing else needs to change to add one. Before
 * any register is open, the start screen shows instead (start/RegisterGate.tsx).
 */
import { type ComponentType, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand } from '../shared/menu';
import type { Settings } from '../shared/schema/settings';
import { ArsrapportScreen } from './arsrapport/ArsrapportScreen';
import { invoke } from './bridge';
import { DeltakereScreen } from './deltakere/DeltakereScreen';
import { GridStateProvider } from './grid/gridState';
import { HelpScreen } from './help/HelpScreen';
import { ImportScreen } from './import/ImportScreen';
import { KullScreen } from './kull/KullScreen';
import { type DeltakerRequest, leaveScreen, type Navigation, NavigationContext } from './navigation';
import { OppfolgingScreen } from './oppfolging/OppfolgingScreen';
import { useDueCount } from './oppfolging/useDueCount';
import { RapportScreen } from './rapport/RapportScreen';
import { RegisterScreen } from './register/RegisterScreen';
import { ReadOnlyBanner } from './safety/ReadOnlyBanner';
import { SafetyProvider, useSafety } from './safety/SafetyContext';
import { SingleUserNotice } from './safety/SingleUserNotice';
import { SamlerapportScreen } from './samlerapport/SamlerapportScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { RegisterGate, useMenuCommands, useShell } from './start/RegisterGate';

/** What decides whether a screen is shown: Kull is left out for continuous intake (docs/decisions.md). */
type RegisterKind = { opptak: Settings['opptak']; hasKull: boolean };

type Screen = {
  key: string;
  label: string;
  Component: ComponentType;
  /** At the right end of the top bar: the screens that are not the daily work. */
  end?: boolean;
  shownFor?: (register: RegisterKind) => boolean;
};

const SCREENS: readonly Screen[] = [
  { key: 'deltakere', label: 'Deltakere', Component: DeltakereScreen },
  { key: 'kull', label: 'Kull', Component: KullScreen, shownFor: (r) => r.opptak === 'kull' || r.hasKull },
  { key: 'oppfolging', label: 'Å følge opp', Component: OppfolgingScreen },
  { key: 'rapport', label: 'Rapport', Component: RapportScreen },
  { key: 'arsrapport', label: 'Årsrapport', Component: ArsrapportScreen },
  { key: 'importer', label: 'Importer', Component: ImportScreen, end: true },
  { key: 'samlerapport', label: 'Samlerapport', Component: SamlerapportScreen, end: true },
  { key: 'register', label: 'Register og sikkerhet', Component: RegisterScreen, end: true },
  { key: 'innstillinger', label: 'Innstillinger', Component: SettingsScreen, end: true },
  { key: 'hjelp', label: 'Hjelp', Component: HelpScreen, end: true },
];

const MENU_SCREENS: Partial<Record<MenuCommand, string>> = {
  'vis-deltakere': 'deltakere',
  'vis-kull': 'kull',
  'vis-rapport': 'rapport',
  importer: 'importer',
  'skriv-ut': 'rapport',
  innstillinger: 'innstillinger',
  register: 'register',
  hjelp: 'hjelp',
};

export function App() {
  return (
    <RegisterGate>
      {(opened) => (
        // Another register opened: everything starts afresh.
        <SafetyProvider key={opened}>
          <AppWindow />
        </SafetyProvider>
      )}
    </RegisterGate>
  );
}

function AppWindow() {
  const [active, showScreen] = useState(SCREENS[0]!.key);
  // Every way to another screen first commits what an open grid editor holds (navigation.ts).
  const setActive = useCallback((key: string) => void leaveScreen().then(() => showScreen(key)), []);
  const [tiltak, setTiltak] = useState('');
  const [kind, setKind] = useState<RegisterKind>({ opptak: 'kull', hasKull: true });
  const [settingsVersion, setSettingsVersion] = useState(0);
  // Ctrl+P: a new navigation object makes the Rapport screen look for the request (takePrintRequest).
  const printRequest = useRef(false);
  const [printTick, setPrintTick] = useState(0);
  const shell = useShell();
  // After a restore or a lock take-over every screen reads the register again (renderer/safety/).
  const { generation, unsavedGeneration } = useSafety();
  const deltakerRequest = useRef<DeltakerRequest | null>(null);
  const [dueTick, setDueTick] = useState(0);
  const dueCount = useDueCount(`${active}-${generation}-${dueTick}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `printTick` is the signal to look for a print request.
  const navigation = useMemo(
    (): Navigation => ({
      openDeltaker: (id, rule) => {
        deltakerRequest.current = rule ? { id, rule } : { id };
        setActive('deltakere');
      },
      takeDeltakerRequest: () => {
        const asked = deltakerRequest.current;
        deltakerRequest.current = null;
        return asked;
      },
      openScreen: (key) => {
        if (SCREENS.some((s) => s.key === key)) setActive(key);
      },
      hasScreen: (key) => SCREENS.some((s) => s.key === key && (s.shownFor?.(kind) ?? true)),
      showAbout: shell.showAbout,
      settingsChanged: () => setSettingsVersion((v) => v + 1),
      takePrintRequest: () => {
        const asked = printRequest.current;
        printRequest.current = false;
        return asked;
      },
      dueCountChanged: () => setDueTick((t) => t + 1),
    }),
    [kind, shell.showAbout, printTick, setActive],
  );

  useMenuCommands((command) => {
    const key = MENU_SCREENS[command];
    const print = command === 'skriv-ut';
    if (key && navigation.hasScreen(key)) {
      void leaveScreen().then(() => {
        showScreen(key);
        if (print) {
          printRequest.current = true;
          setPrintTick((t) => t + 1);
        }
      });
    }
  });

  // Read again on every screen change (a settings screen may have renamed the tiltak) and reload.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` and `settingsVersion` are signals to read again.
  useEffect(() => {
    if (!active) return;
    void invoke('settings:get', {}).then(async (result) => {
      if (!result.ok) return;
      setTiltak(result.value.tiltak);
      const { opptak } = result.value;
      // Continuous intake hides Kull, unless the register has kull anyway (none is ever hidden away).
      const kull = opptak === 'lopende' ? await invoke('kull:list', {}) : null;
      setKind({ opptak, hasKull: kull === null || !kull.ok || kull.value.length > 0 });
    });
  }, [active, generation, settingsVersion]);

  const shown = SCREENS.filter((s) => s.shownFor?.(kind) ?? true);
  const screen = shown.find((s) => s.key === active) ?? shown[0]!;
  const tab = (s: Screen) => (
    <button
      key={s.key}
      type="button"
      role="tab"
      id={`tab-${s.key}`}
      aria-selected={s.key === screen.key}
      aria-controls={`panel-${s.key}`}
      className="tab"
      onClick={() => setActive(s.key)}
    >
      {s.label}
      {s.key === 'oppfolging' && dueCount !== null && dueCount > 0 && (
        <span className="tab-count" title={`${dueCount} å følge opp nå`}>
          {dueCount}
        </span>
      )}
    </button>
  );

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Kullregister</span>
          {tiltak && <span className="brand-tiltak">{tiltak}</span>}
        </div>
        <div className="tabs" role="tablist" aria-label="Skjermbilder">
          {shown.filter((s) => !s.end).map(tab)}
          <span className="tabs-gap" />
          {shown.filter((s) => s.end).map(tab)}
        </div>
      </header>
      <ReadOnlyBanner />
      <SingleUserNotice />
      <main className="screen" role="tabpanel" id={`panel-${screen.key}`} aria-labelledby={`tab-${screen.key}`}>
        <NavigationContext value={navigation}>
          {/* The grids' red cells belong to this register (and this restore of it; a take-over keeps them). */}
          <GridStateProvider key={unsavedGeneration}>
            <screen.Component key={`${screen.key}-${generation}`} />
          </GridStateProvider>
        </NavigationContext>
      </main>
    </div>
  );
}
