/**
 * The line between a grid and its status bar. It is always there, so the grid does not jump: the
 * focused row's warnings when it has some, otherwise the keys that work in the grid.
 */
export function DetailLine(props: {
  warnings?: { name: string; messages: readonly string[] } | null;
  newRowLabel: string;
}) {
  const { warnings, newRowLabel } = props;
  if (warnings && warnings.messages.length > 0) {
    return (
      <div className="detail-line row-warnings" role="status">
        <span className="row-warnings-icon" aria-hidden="true">
          ⚠
        </span>
        <span className="row-warnings-name">{warnings.name}:</span>
        <span className="row-warnings-text">{warnings.messages.join(' ')}</span>
      </div>
    );
  }
  return (
    <div className="detail-line key-hints">
      <kbd>Enter</kbd> rediger og lagre · <kbd>Tab</kbd> neste celle · <kbd>Esc</kbd> avbryt · <kbd>Shift+piler</kbd>{' '}
      merk · <kbd>Ctrl+V</kbd> lim inn · <kbd>Ctrl+Shift+V</kbd> lim inn som nye rader · <kbd>Ctrl+D</kbd> fyll ned ·{' '}
      <kbd>Ctrl+Z</kbd> angre · <kbd>Ctrl+Enter</kbd> {newRowLabel}
    </div>
  );
}
