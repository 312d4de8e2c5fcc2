// The swipe's settings in the layer panel: a layer and an optional date for each side, start and stop.
// The same layer on two dates compares two of its versions.
import { useState } from 'react';
import type { LayerSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { isDisplayable } from '../../state/layerState';
import { isDay, type LayerRef, type SwipeState } from '../../state/viewState';

interface Props {
  layers: LayerSummary[];
  swipe: SwipeState | null;
  onSwipe: (swipe: SwipeState | null) => void;
}

type Side = 'left' | 'right';

function SideFields({
  side,
  value,
  layers,
  disabled,
  onChange,
}: {
  side: Side;
  value: LayerRef;
  layers: LayerSummary[];
  disabled: boolean;
  onChange: (ref: LayerRef) => void;
}) {
  const { t } = useI18n();
  const sideName = t(side === 'left' ? 'workbench.swipe.left' : 'workbench.swipe.right');
  return (
    <fieldset className="ob-workbench-swipe-side" disabled={disabled}>
      <legend>{sideName}</legend>
      <select
        aria-label={t('workbench.swipe.layer', { side: sideName })}
        data-testid={`swipe-${side}-layer`}
        value={value.code}
        onChange={(event) => onChange({ ...value, code: event.target.value })}
      >
        {layers.map((layer) => (
          <option key={layer.code} value={layer.code}>
            {layer.name}
          </option>
        ))}
      </select>
      <input
        type="date"
        aria-label={t('workbench.swipe.date', { side: sideName })}
        title={t('workbench.swipe.date', { side: sideName })}
        data-testid={`swipe-${side}-date`}
        value={value.asOf ?? ''}
        onChange={(event) =>
          onChange({ ...value, asOf: isDay(event.target.value) ? event.target.value : null })
        }
      />
    </fieldset>
  );
}

export function SwipeControl({ layers, swipe, onSwipe }: Props) {
  const { t } = useI18n();
  const drawable = layers.filter(isDisplayable);
  const first = drawable[0]?.code ?? '';
  const [draft, setDraft] = useState<{ left: LayerRef; right: LayerRef }>(() => ({
    left: swipe?.left ?? { code: first, asOf: null },
    right: swipe?.right ?? { code: first, asOf: null },
  }));
  if (drawable.length === 0) return null;
  // While swiping the fields show the swipe of the URL (a link, back and forward), and change it.
  const shown = swipe ?? draft;
  const change = (side: Side, ref: LayerRef) => {
    const next = { ...shown, [side]: ref };
    setDraft(next);
    if (swipe) onSwipe({ ...swipe, ...next });
  };
  return (
    <section
      className="ob-workbench-swipe"
      data-testid="swipe-control"
      aria-label={t('workbench.swipe.title')}
    >
      <h3>{t('workbench.swipe.title')}</h3>
      <p className="ob-muted">{t('workbench.swipe.hint')}</p>
      <SideFields
        side="left"
        value={shown.left}
        layers={drawable}
        disabled={false}
        onChange={(r) => change('left', r)}
      />
      <SideFields
        side="right"
        value={shown.right}
        layers={drawable}
        disabled={false}
        onChange={(r) => change('right', r)}
      />
      <button
        type="button"
        className="ob-button"
        data-testid="swipe-toggle"
        aria-pressed={swipe !== null}
        onClick={() => onSwipe(swipe ? null : { ...shown, position: 0.5 })}
      >
        {swipe ? t('workbench.swipe.stop') : t('workbench.swipe.start')}
      </button>
    </section>
  );
}
