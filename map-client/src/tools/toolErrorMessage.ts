// What a tool says about a failed request, in the user's language: the server's own message (it answers
// in Chinese and English), or that the service could not be reached at all (the browser's words are not).
import { describeError } from '../components/describeError';
import type { MessageKey } from '../i18n/messages';

export function toolErrorMessage(
  error: unknown,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const described = describeError(error);
  return described.unreachable ? t('tools.unreachable') : described.message;
}
