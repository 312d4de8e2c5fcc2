// The five figures of a data-quality report: features read, loaded, repaired, rejected, and warnings.
import type { ReportCounts as Counts } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

const FIGURES = ['read', 'loaded', 'repaired', 'rejected', 'warnings'] as const;

export function ReportCounts({ counts, testId }: { counts: Counts; testId?: string }) {
  const { t, locale } = useI18n();
  return (
    <dl className="ob-counts" data-testid={testId}>
      {FIGURES.map((figure) => (
        <div
          key={figure}
          className={`ob-count ob-count-${figure}`}
          data-count={figure}
          data-value={counts[figure]}
        >
          <dt>{t(`counts.${figure}`)}</dt>
          <dd>{counts[figure].toLocaleString(locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
