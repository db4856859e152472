/** Which deltakere the grid shows: every kull, one kull, or those without a kull. */
import type { KullFilter } from '../../shared/api';
import type { KullRow } from '../../shared/schema/kull';

export function KullFilterSelect(props: {
  kull: readonly KullRow[];
  value: KullFilter;
  onChange: (value: KullFilter) => void;
}) {
  const { kull, value, onChange } = props;
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">Kull</span>
      <select
        className="select"
        value={String(value)}
        onChange={(event) => {
          const v = event.target.value;
          onChange(v === 'alle' || v === 'uten' ? v : Number(v));
        }}
      >
        <option value="alle">Alle kull</option>
        {kull.map((k) => (
          <option key={k.id} value={k.id}>
            {k.navn}
          </option>
        ))}
        <option value="uten">Uten kull</option>
      </select>
    </label>
  );
}
