// An area in m², 公顷 and 亩 on one line.
import { useI18n } from '../../i18n/I18nProvider';
import { formatArea } from '../formatArea';

export function AreaFigures({ areaM2, testId }: { areaM2: number; testId?: string }) {
  const { t, locale } = useI18n();
  const text = formatArea(areaM2, locale, { m2: t('unit.m2'), hectare: t('unit.hectare'), mu: t('unit.mu') });
  return (
    <span className="ob-area-figures" data-testid={testId} data-area-m2={areaM2.toFixed(2)}>
      {text.m2} · {text.hectares} · {text.mu}
    </span>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
