// The page header: platform title, service status and the language toggle.
import { useI18n } from '../i18n/I18nProvider';
import { HealthStatus } from './HealthStatus';

export function Header() {
  const { t, locale, setLocale } = useI18n();
  return (
    <header className="ob-header">
      <h1 className="ob-title">{t('app.title')}</h1>
      <div className="ob-header-tools">
        <HealthStatus />
        <button
          type="button"
          className="ob-language"
          data-testid="language-toggle"
          title={t('header.languageTitle')}
          onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
        >
          {t('header.language')}
        </button>
      </div>
    </header>
  );
}
