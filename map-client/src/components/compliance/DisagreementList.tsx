// Where the preview and the server's check differ, said plainly (the server decides).
import type { Disagreement } from '../../compliance/comparePreview';
import { useI18n } from '../../i18n/I18nProvider';

export function DisagreementList({ disagreements }: { disagreements: Disagreement[] }) {
  const { t } = useI18n();
  const passText = (passed: boolean) => (passed ? t('compliance.passed') : t('compliance.failed'));
  const area = (m2: number) => `${m2.toFixed(2)} ${t('unit.m2')}`;
  const distance = (m: number) => t('compliance.distanceValue', { value: m.toFixed(2) });
  if (disagreements.length === 0)
    return (
      <p className="ob-agreement" data-testid="check-agreement">
        {t('compliance.noDifferences')}
      </p>
    );
  return (
    <div
      className="ob-disagreements"
      role="alert"
      data-testid="check-disagreements"
      data-count={disagreements.length}
    >
      <strong>{t('compliance.differences')}</strong>
      <ul>
        {disagreements.map((d, i) => (
          <li key={i} data-kind={d.kind}>
            {d.kind === 'verdict' && t('compliance.diff.verdict', { preview: d.preview, server: d.server })}
            {d.kind === 'passed' &&
              t('compliance.diff.passed', {
                title: d.title,
                preview: passText(d.preview),
                server: passText(d.server),
              })}
            {d.kind === 'area' &&
              t('compliance.diff.area', { title: d.title, preview: area(d.preview), server: area(d.server) })}
            {d.kind === 'distance' &&
              t('compliance.diff.distance', {
                title: d.title,
                preview: distance(d.preview),
                server: distance(d.server),
              })}
            {d.kind === 'missing' &&
              t('compliance.diff.missing', { title: d.title, side: t(`compliance.diff.side.${d.side}`) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
