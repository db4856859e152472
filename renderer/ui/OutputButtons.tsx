/** The report screens' toolbar buttons: «Skriv ut» first (the primary action), then one per file format. */
export function OutputButtons<F extends string>(props: {
  formats: readonly { format: F; label: string }[];
  disabled: boolean;
  onPrint: () => void;
  onSave: (format: F) => void;
}) {
  const { formats, disabled, onPrint, onSave } = props;
  return (
    <div className="toolbar-actions">
      <button type="button" className="button button-primary" disabled={disabled} onClick={onPrint}>
        Skriv ut
      </button>
      {formats.map((b) => (
        <button key={b.format} type="button" className="button" disabled={disabled} onClick={() => onSave(b.format)}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
