// The catalog could not be read: why (the server unreachable, or its answer), with a retry.
import { useI18n } from '../i18n/I18nProvider';
import { StatusBanner } from './StatusBanner';

interface Props {
  error: { path: string; message: string; httpStatus: number | null };
  onRetry: () => void;
}

export function CatalogErrorBanner({ error, onRetry }: Props) {
  const { t } = useI18n();
  return (
    <StatusBanner tone="error" testId="api-error">
      <span>
        {error.httpStatus === null
          ? t('catalog.unreachable', { path: error.path, message: error.message })
          : t('catalog.failed', { path: error.path, status: error.httpStatus, message: error.message })}
      </span>
      <button type="button" className="ob-button" onClick={onRetry}>
        {t('catalog.retry')}
      </button>
    </StatusBanner>
  );
}
