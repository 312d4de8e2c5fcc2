// "As of a date" for one layer: a date input, and which version that date draws (from the layer's
// versions list), or why it cannot be said, with a retry.
import { fetchVersions } from '../../api/layers';
import type { LayerSummary } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { beijingDay, versionAsOf } from '../../state/versionAsOf';
import { isDay } from '../../state/viewState';
import { describeError } from '../describeError';
import { useResource } from '../useResource';

interface Props {
  layer: LayerSummary;
  asOf: string | null;
  onAsOf: (code: string, day: string | null) => void;
}

/** Today in Beijing: no later date can be asked for. */
function today(): string {
  return beijingDay(new Date().toISOString());
}

export function AsOfControl({ layer, asOf, onAsOf }: Props) {
  const { t } = useI18n();
  const { code } = layer;
  const { resource, reload } = useResource(asOf ? `versions:${code}` : null, (signal) =>
    fetchVersions(code, signal),
  );
  let status: { text: string; tone: 'muted' | 'error' } | null = null;
  if (asOf && resource.status === 'loading') status = { text: t('workbench.asOfLoading'), tone: 'muted' };
  if (asOf && resource.status === 'error')
    status = {
      text: t('workbench.asOfFailed', { message: describeError(resource.error).message }),
      tone: 'error',
    };
  if (asOf && resource.status === 'ready') {
    const drawn = versionAsOf(resource.value, asOf);
    status = {
      text: drawn
        ? t('workbench.asOfVersion', {
            date: asOf,
            version: drawn.version,
            published: beijingDay(drawn.publishedAt as string),
          })
        : t('workbench.asOfNone', { date: asOf }),
      tone: 'muted',
    };
  }
  return (
    <div className="ob-workbench-asof">
      <label>
        <span>{t('workbench.asOf')}</span>
        <input
          type="date"
          value={asOf ?? ''}
          max={today()}
          aria-label={t('workbench.asOfLabel', { name: layer.name })}
          data-testid={`layer-asof-${code}`}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') onAsOf(code, null);
            else if (isDay(value)) onAsOf(code, value);
          }}
        />
      </label>
      {asOf ? (
        <button
          type="button"
          className="ob-button"
          data-testid={`layer-asof-clear-${code}`}
          onClick={() => onAsOf(code, null)}
        >
          {t('workbench.asOfClear')}
        </button>
      ) : (
        layer.version !== null && (
          <span className="ob-muted">{t('workbench.currentVersion', { version: layer.version })}</span>
        )
      )}
      {status && (
        <p
          className={status.tone === 'error' ? 'ob-workbench-error' : 'ob-muted'}
          role={status.tone === 'error' ? 'alert' : 'status'}
          data-testid={`layer-asof-version-${code}`}
        >
          {status.text}
          {status.tone === 'error' && (
            <button type="button" className="ob-button" onClick={reload}>
              {t('workbench.retry')}
            </button>
          )}
        </p>
      )}
    </div>
  );
}
