// The header's status dot: green when spatial-api and its database answer, red otherwise.
import { useI18n } from '../i18n/I18nProvider';
import { useHealth } from './useHealth';

export function HealthStatus() {
  const { t } = useI18n();
  const health = useHealth();
  const label =
    health.status === 'checking'
      ? t('health.checking')
      : health.status === 'ok'
        ? t('health.ok', { layers: health.layers })
        : health.status === 'error'
          ? t('health.error')
          : t('health.unreachable');
  const title = health.status === 'unreachable' ? `${label}: ${health.message}` : label;
  return (
    <span className="ob-health" data-testid="health-status" data-status={health.status} title={title}>
      <span className={`ob-health-dot ob-health-${health.status}`} aria-hidden="true" />
      <span className="ob-health-label">{label}</span>
    </span>
  );
}
