// A user's district scope (数据分级访问) in words: 全市 for the whole city, else the district codes.
import type { I18n } from '../i18n/I18nProvider';

export function scopeLabel(districts: readonly string[], { t }: Pick<I18n, 't'>): string {
  return districts.length === 0
    ? t('session.scopeCity')
    : t('session.scopeDistricts', { districts: districts.join('、') });
}
