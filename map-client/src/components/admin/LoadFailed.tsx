// A failed read on an admin screen: the server's message (or that it could not be reached), with a retry.
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';

interface Props {
  error: unknown;
  title: string;
  onRetry: () => void;
  testId?: string;
}

export function LoadFailed({ error, title, onRetry, testId = 'admin-load-error' }: Props) {
  const { t } = useI18n();
  return (
    <div className="ob-admin-load-failed">
      <ApiErrorNotice error={error} title={title} testId={testId} />
      <button type="button" className="ob-button" data-testid={`${testId}-retry`} onClick={onRetry}>
        {t('admin.retry')}
      </button>
    </div>
  );
}
