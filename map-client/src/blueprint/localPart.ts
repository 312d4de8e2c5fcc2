// The server's messages come in both languages, "中文 / English": the page shows the reader's half.
import type { Locale } from '../i18n/messages';

export function localPart(message: string, locale: Locale): string {
  const parts = message.split(' / ');
  if (parts.length < 2) return message;
  return (locale === 'en' ? parts.slice(1).join(' / ') : parts[0]!).trim();
}
