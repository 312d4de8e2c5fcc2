// The construction conditions of an opinion form: one row per condition, its kind from the catalogue, then
// the figure with its unit (and the layer a setback is measured from) or the wording of a free condition.
import type { ConditionKind } from '../../api/planning';
import type { LayerSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { emptyCondition, type ConditionDraft } from './conditionDraft';

interface Props {
  rows: ConditionDraft[];
  onRows: (rows: ConditionDraft[]) => void;
  kinds: ConditionKind[];
  layers: LayerSummary[];
  disabled: boolean;
}

export function ConditionRows({ rows, onRows, kinds, layers, disabled }: Props) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<ConditionDraft>) =>
    onRows(rows.map((row, j) => (j === i ? { ...row, ...change } : row)));
  const vectorLayers = layers.filter((l) => l.geometryType !== 'Raster');
  return (
    <fieldset className="ob-projects-fieldset" data-testid="opinion-conditions-form" disabled={disabled}>
      <legend>{t('projects.form.conditions')}</legend>
      {rows.map((row, i) => {
        const kind = kinds.find((k) => k.code === row.kind);
        return (
          <div key={i} className="ob-projects-condition" data-testid={`condition-${i}`}>
            <select
              aria-label={t('projects.form.conditionKind')}
              value={row.kind}
              data-testid={`condition-kind-${i}`}
              onChange={(e) => set(i, { kind: e.target.value })}
            >
              {kinds.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
            {kind?.needsLayer && (
              <select
                aria-label={t('projects.form.conditionLayer')}
                value={row.layer}
                data-testid={`condition-layer-${i}`}
                onChange={(e) => set(i, { layer: e.target.value })}
              >
                <option value="">{t('projects.form.chooseLayer')}</option>
                {vectorLayers.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            )}
            {kind && kind.unit !== null && (
              <span className="ob-projects-value">
                {kind.comparison}
                <input
                  type="number"
                  inputMode="decimal"
                  aria-label={t('projects.form.conditionValue')}
                  value={row.value}
                  min={kind.range?.[0]}
                  max={kind.range?.[1]}
                  step="any"
                  data-testid={`condition-value-${i}`}
                  onChange={(e) => set(i, { value: e.target.value })}
                />
                {kind.unit}
              </span>
            )}
            <input
              type="text"
              className="ob-projects-condition-text"
              aria-label={t('projects.form.conditionText')}
              placeholder={t(
                kind?.unit === null ? 'projects.form.conditionTextRequired' : 'projects.form.conditionNote',
              )}
              value={row.text}
              data-testid={`condition-text-${i}`}
              onChange={(e) => set(i, { text: e.target.value })}
            />
            <button
              type="button"
              className="ob-icon-button"
              aria-label={t('projects.form.removeCondition')}
              onClick={() => onRows(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="ob-button"
        data-testid="condition-add"
        disabled={kinds.length === 0}
        onClick={() => onRows([...rows, emptyCondition(kinds[0]?.code ?? '')])}
      >
        {t('projects.form.addCondition')}
      </button>
    </fieldset>
  );
}
