// Any route the client does not know.
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="ob-not-found">
      <h1>{t('app.notFound')}</h1>
      <Link to="/">{t('app.backToMap')}</Link>
    </div>
  );
}
