// One independently loaded part of a page: a loading line, or the failure in Chinese with a retry, or the
// content once the request answered. A failed part never blanks the rest of the page.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { describeError } from '../describeError';
import { StatusBanner } from '../StatusBanner';
import type { Resource } from '../useResource';

interface Props<T> {
  resource: Resource<T>;
  onRetry: () => void;
  /** the failure's message, with `{message}` for the server's words */
  failed: MessageKey;
  testId: string;
  children: (value: T) => ReactNode;
}

export function ResourceSection<T>({ resource, onRetry, failed, testId, children }: Props<T>) {
  const { t } = useI18n();
  if (resource.status === 'ready') return <>{children(resource.value)}</>;
  if (resource.status === 'error') {
    const { message, unreachable } = describeError(resource.error);
    return (
      <StatusBanner tone="error" testId={`${testId}-error`}>
        <span>{t(failed, { message: unreachable ? t('error.unreachable', { message }) : message })}</span>
        <button type="button" className="ob-button" data-testid={`${testId}-retry`} onClick={onRetry}>
          {t('projects.retry')}
        </button>
      </StatusBanner>
    );
  }
  return (
    <p className="ob-hint" data-testid={`${testId}-loading`}>
      {t('common.loading')}
    </p>
  );
}
