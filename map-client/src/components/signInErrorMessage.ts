// What the login page says about a refused sign-in, in the user's language: a wrong name or password, a
// lockout with when to try again (from the error's retryAfterSeconds or Retry-After), a disabled account;
// anything else in the server's own words.
import { ApiError } from '../api/client';
import type { I18n } from '../i18n/I18nProvider';
import { describeError } from './describeError';

export interface SignInErrorMessage {
  message: string;
  code: string | null;
}

function clockTime(date: Date, locale: string): string {
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hour12: false });
}

export function signInErrorMessage(
  error: unknown,
  { t, locale }: I18n,
  now = new Date(),
): SignInErrorMessage {
  const code = error instanceof ApiError ? error.code : null;
  if (code === 'bad_credentials') return { code, message: t('login.badCredentials') };
  if (code === 'account_disabled') return { code, message: t('login.disabled') };
  if (code === 'account_locked' && error instanceof ApiError && error.retryAfterSeconds !== null) {
    const seconds = error.retryAfterSeconds;
    return {
      code,
      message: t('login.locked', {
        minutes: Math.max(1, Math.ceil(seconds / 60)),
        time: clockTime(new Date(now.getTime() + seconds * 1000), locale),
      }),
    };
  }
  const { message, unreachable } = describeError(error);
  return { code, message: unreachable ? t('error.unreachable', { message }) : message };
}
