// The live preview: the verdict the browser computes as the site is drawn and edited, and each rule's
// figures; says plainly when the data around the site is incomplete or the preview cannot be computed.
import type { Preview } from '../../compliance/preview';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { StatusBanner } from '../StatusBanner';
import type { FeatureLoad } from './useRuleFeatures';
import { RuleFigures } from './RuleFigures';
import { VerdictBadge } from './VerdictBadge';

interface Props {
  preview: { status: 'none' } | { status: 'error'; message: string } | { status: 'ready'; preview: Preview };
  load: FeatureLoad;
  onRetryLoad: () => void;
}

export function PreviewPanel({ preview, load, onRetryLoad }: Props) {
  const { t } = useI18n();
  return (
    <section className="ob-compliance-section" data-testid="preview-panel" data-load={load.status}>
      <h3>{t('compliance.preview')}</h3>
      <p className="ob-hint">{t('compliance.previewNote')}</p>
      {load.status === 'loading' && (
        <StatusBanner tone="info" testId="preview-loading">
          {t('compliance.previewLoading')}
        </StatusBanner>
      )}
      {load.status === 'idle' && <p className="ob-hint">{t('compliance.previewZoomIn')}</p>}
      {load.status === 'error' && (
        <StatusBanner tone="error" testId="preview-load-error">
          <span>{t('compliance.previewFeaturesFailed', { message: describeError(load.error).message })}</span>
          <button type="button" className="ob-button" onClick={onRetryLoad} data-testid="preview-retry">
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {preview.status === 'error' && (
        <StatusBanner tone="warning" testId="preview-error">
          {t('compliance.previewFailed', { message: preview.message })}
        </StatusBanner>
      )}
      {preview.status === 'ready' && (
        <>
          <div className="ob-verdict-line">
            <span>{t('compliance.verdict')}</span>
            <VerdictBadge verdict={preview.preview.verdict} testId="preview-verdict" />
          </div>
          {preview.preview.rules.some((r) => r.partial) && (
            <StatusBanner tone="warning" testId="preview-partial">
              {t('compliance.previewPartial', {
                rules: preview.preview.rules
                  .filter((r) => r.partial)
                  .map((r) => r.title)
                  .join('、'),
              })}
            </StatusBanner>
          )}
          {preview.preview.skipped.length > 0 && (
            <StatusBanner tone="warning">
              {t('compliance.previewUnknownKinds', { rules: preview.preview.skipped.join('、') })}
            </StatusBanner>
          )}
          <ul className="ob-rules" data-testid="preview-rules">
            {preview.preview.rules.map((rule) => (
              <RuleFigures key={rule.ruleId} rule={rule} testId={`preview-rule-${rule.ruleId}`} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
