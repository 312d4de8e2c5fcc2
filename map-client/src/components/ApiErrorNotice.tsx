// A failed request shown in place: what went wrong in the server's words, its error code and the
// parameter it named, so a user can fix the input or quote the code to an administrator.
import { useI18n } from '../i18n/I18nProvider';
import { describeError } from './describeError';
import { StatusBanner } from './StatusBanner';

interface Props {
  error: unknown;
  /** what the user was trying to do, e.g. 图层创建失败 */
  title?: string;
  testId?: string;
}

export function ApiErrorNotice({ error, title, testId }: Props) {
  const { t } = useI18n();
  const { message, code, parameter, unreachable } = describeError(error);
  return (
    <StatusBanner tone="error" testId={testId}>
      <div className="ob-error">
        {title && <strong className="ob-error-title">{title}</strong>}
        <span className="ob-error-message" data-testid={testId ? `${testId}-message` : undefined}>
          {unreachable ? t('error.unreachable', { message }) : message}
        </span>
        {(code || parameter) && (
          <span className="ob-error-meta">
            {code && <span data-error-code={code}>{t('error.code', { code })}</span>}
            {parameter && <span data-error-parameter={parameter}>{t('error.parameter', { parameter })}</span>}
          </span>
        )}
      </div>
    </StatusBanner>
  );
}
