/**
 * Around the whole window: with no register open (the first run, or the last register could not be
 * opened) the start screen shows (and from it Hjelp and the Samlerapport, which need no register); once one is open, the app (`children`), remounted whenever
 * another register is opened. Also the menus' commands (preload `onMenu`): «Nytt register» and
 * «Om» are handled here, Angre / Gjør om by renderer/grid/editCommands.ts, the rest go to the
 * screen that subscribed (useMenuCommands).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/menu';
import { invoke } from '../bridge';
import { runEditCommand } from '../grid/editCommands';
import { AboutDialog } from '../help/AboutDialog';
import { HelpScreen } from '../help/HelpScreen';
import { leaveScreen, type Navigation, NavigationContext } from '../navigation';
import { SamlerapportScreen } from '../samlerapport/SamlerapportScreen';
import { StartScreen } from './StartScreen';

type Shell = {
  showAbout: () => void;
  /** The start screen's «Lag et nytt register» over the open register (Fil → Nytt register). */
  newRegister: () => void;
  /** Menu commands the gate does not handle itself; returns the unsubscribe. */
  subscribe: (handler: (command: MenuCommand) => void) => () => void;
};

const ShellContext = createContext<Shell>({ showAbout: () => {}, newRegister: () => {}, subscribe: () => () => {} });

export function useShell(): Shell {
  return useContext(ShellContext);
}

/** Calls `handler` for the menu commands meant for the open register's window. */
export function useMenuCommands(handler: (command: MenuCommand) => void): void {
  const { subscribe } = useShell();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => subscribe((command) => latest.current(command)), [subscribe]);
}

type Phase = 'checking' | 'start' | 'open';

export function RegisterGate(props: { children: (generation: number) => ReactNode }) {
  const [phase, setPhase] = useState<Phase>('checking');
  const [generation, setGeneration] = useState(0);
  const [page, setPage] = useState<'nytt-register' | 'hjelp' | 'samlerapport' | null>(null);
  const [about, setAbout] = useState(false);
  const listeners = useRef(new Set<(command: MenuCommand) => void>());
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  useEffect(() => {
    void invoke('register:info', {}).then((result) => {
      // Any other failure: show the app, whose screens say what went wrong.
      setPhase(!result.ok && result.error.code === 'not_open' ? 'start' : 'open');
    });
  }, []);

  useEffect(() => {
    const run = (command: MenuCommand) => {
      if (command === 'angre' || command === 'gjor-om') runEditCommand(command);
      else if (command === 'om') setAbout(true);
      // The open grid's editor is committed while its register is still the open one.
      else if (command === 'nytt-register') void leaveScreen().then(() => setPage('nytt-register'));
      else if (phaseRef.current !== 'open') {
        if (command === 'hjelp') setPage('hjelp');
      } else {
        setPage(null);
        for (const listener of listeners.current) listener(command);
      }
    };
    const off = window.kullregister.onMenu?.(run);
    // F1 from the page too (Electron's menu has it as well; where the menu took the key, the page never sees it).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1' || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      run('hjelp');
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off?.();
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  const opened = useCallback(() => {
    setPage(null);
    setPhase('open');
    setGeneration((g) => g + 1);
  }, []);

  const shell = useMemo(
    (): Shell => ({
      showAbout: () => setAbout(true),
      newRegister: () => void leaveScreen().then(() => setPage('nytt-register')),
      subscribe: (handler) => {
        listeners.current.add(handler);
        return () => listeners.current.delete(handler);
      },
    }),
    [],
  );

  const start = (
    <StartScreen
      onOpened={opened}
      onHelp={() => setPage('hjelp')}
      onAbout={() => setAbout(true)}
      {...(phase === 'start' ? { onSamlerapport: () => setPage('samlerapport') } : {})}
      {...(phase === 'open' ? { onCancel: () => setPage(null) } : {})}
    />
  );

  return (
    <ShellContext value={shell}>
      {phase === 'start' &&
        (page === 'hjelp' ? (
          <StartPage onBack={() => setPage(null)}>
            <HelpScreen />
          </StartPage>
        ) : page === 'samlerapport' ? (
          <StartPage onBack={() => setPage(null)}>
            <SamlerapportScreen />
          </StartPage>
        ) : (
          start
        ))}
      {phase === 'open' && (
        <>
          {page === 'nytt-register' && start}
          {/* Kept mounted under the start screen, so nothing in an open grid is lost. */}
          <div className="app-frame" hidden={page === 'nytt-register'}>
            {props.children(generation)}
          </div>
        </>
      )}
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </ShellContext>
  );
}

/** Hjelp or the Samlerapport before any register is open: the same page, with the way back. */
function StartPage(props: { onBack: () => void; children: ReactNode }) {
  const { showAbout } = useShell();
  const navigation = useMemo(
    (): Navigation => ({
      openDeltaker: () => {},
      takeDeltakerRequest: () => null,
      openScreen: () => {},
      hasScreen: () => false,
      dueCountChanged: () => {},
      showAbout,
      settingsChanged: () => {},
      takePrintRequest: () => false,
    }),
    [showAbout],
  );
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Kullregister</span>
        </div>
        <div className="topbar-end">
          <button type="button" className="topbar-link" onClick={props.onBack}>
            ← Tilbake
          </button>
        </div>
      </header>
      <main className="screen">
        <NavigationContext value={navigation}>{props.children}</NavigationContext>
      </main>
    </div>
  );
}
