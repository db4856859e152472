/**
 * The window: a top bar with the register's name and one tab per screen. A screen is a folder
 * (deltakere/, kull/ …) and one line in SCREENS; nothing else needs to change to add one.
 */
import { type ComponentType, useEffect, useMemo, useRef, useState } from 'react';
import { invoke } from './bridge';
import { DeltakereScreen } from './deltakere/DeltakereScreen';
import { KullScreen } from './kull/KullScreen';
import { type Navigation, NavigationContext } from './navigation';
import { RapportScreen } from './rapport/RapportScreen';

type Screen = { key: string; label: string; Component: ComponentType };

const SCREENS: readonly Screen[] = [
  { key: 'deltakere', label: 'Deltakere', Component: DeltakereScreen },
  { key: 'kull', label: 'Kull', Component: KullScreen },
  { key: 'rapport', label: 'Rapport', Component: RapportScreen },
];

export function App() {
  const [active, setActive] = useState(SCREENS[0]!.key);
  const [tiltak, setTiltak] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const deltakerRequest = useRef<number | null>(null);
  const navigation = useMemo(
    (): Navigation => ({
      openDeltaker: (id) => {
        deltakerRequest.current = id;
        setActive('deltakere');
      },
      takeDeltakerRequest: () => {
        const id = deltakerRequest.current;
        deltakerRequest.current = null;
        return id;
      },
    }),
    [],
  );

  // Read again on every screen change: a settings screen may have renamed the tiltak.
  useEffect(() => {
    if (!active) return;
    void invoke('settings:get', {}).then((result) => {
      if (result.ok) setTiltak(result.value.tiltak);
    });
    void invoke('register:info', {}).then((result) => {
      if (result.ok) setReadOnly(result.value.readOnly);
    });
  }, [active]);

  const screen = SCREENS.find((s) => s.key === active) ?? SCREENS[0]!;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Kullregister</span>
          {tiltak && <span className="brand-tiltak">{tiltak}</span>}
        </div>
        <div className="tabs" role="tablist" aria-label="Skjermbilder">
          {SCREENS.map((s) => (
            <button
              key={s.key}
              type="button"
              role="tab"
              id={`tab-${s.key}`}
              aria-selected={s.key === active}
              aria-controls={`panel-${s.key}`}
              className="tab"
              onClick={() => setActive(s.key)}
            >
              {s.label}
            </button>
          ))}
        </div>
        {readOnly && <span className="readonly-badge">Skrivebeskyttet</span>}
      </header>
      <main className="screen" role="tabpanel" id={`panel-${screen.key}`} aria-labelledby={`tab-${screen.key}`}>
        <NavigationContext value={navigation}>
          <screen.Component key={screen.key} />
        </NavigationContext>
      </main>
    </div>
  );
}
