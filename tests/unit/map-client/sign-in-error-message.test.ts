// What the login page says about a refused sign-in, from the server's error code and Retry-After.
import { ApiError, errorFromResponse } from '../../../map-client/src/api/client';
import { signInErrorMessage } from '../../../map-client/src/components/signInErrorMessage';
import type { I18n } from '../../../map-client/src/i18n/I18nProvider';
import { formatMessage, MESSAGES, type Locale } from '../../../map-client/src/i18n/messages';

function i18n(locale: Locale): I18n {
  return {
    locale,
    setLocale: () => undefined,
    t: (key, params) => formatMessage(MESSAGES[locale][key], params),
  };
}

const lockedBody = {
  error: {
    code: 'account_locked',
    message: '登录失败次数过多，账号已锁定，请15分钟后再试 / too many failed sign-ins: try again in 15 min',
    details: { retryAfterSeconds: 840 },
  },
};

describe('signInErrorMessage', () => {
  const now = new Date(2026, 0, 5, 9, 30, 0);

  it('says a wrong name or password in Chinese, whatever the server wrote', () => {
    const error = new ApiError(
      '用户名或密码错误 / wrong username or password',
      '/api/v1/session',
      401,
      'bad_credentials',
    );
    expect(signInErrorMessage(error, i18n('zh-CN'), now)).toEqual({
      code: 'bad_credentials',
      message: '用户名或密码错误，请重新输入。',
    });
  });

  it('gives the minutes and the clock time to retry a locked account from retryAfterSeconds', () => {
    const error = errorFromResponse('/api/v1/session', 429, 'Too Many Requests', lockedBody);
    expect(signInErrorMessage(error, i18n('zh-CN'), now).message).toBe(
      '登录失败次数过多，账号已锁定，请 14 分钟后（09:44 以后）再试。',
    );
  });

  it('reads the time to retry from the Retry-After header when the body has none', () => {
    const body = { error: { code: 'account_locked', message: 'locked', details: {} } };
    const error = errorFromResponse('/api/v1/session', 429, 'Too Many Requests', body, '90');
    expect(error.retryAfterSeconds).toBe(90);
    expect(signInErrorMessage(error, i18n('en'), now).message).toBe(
      'Too many failed sign-ins: the account is locked. Try again in 2 min (after 09:31).',
    );
  });

  it('says a disabled account is disabled', () => {
    const error = new ApiError('该账号已停用', '/api/v1/session', 401, 'account_disabled');
    expect(signInErrorMessage(error, i18n('zh-CN'), now).message).toBe('该账号已停用，请联系系统管理员。');
  });

  it("keeps the server's words for anything else", () => {
    const error = new ApiError(
      '服务器内部错误 / internal server error',
      '/api/v1/session',
      500,
      'internal_error',
    );
    expect(signInErrorMessage(error, i18n('zh-CN'), now)).toEqual({
      code: 'internal_error',
      message: '服务器内部错误 / internal server error',
    });
  });
});
