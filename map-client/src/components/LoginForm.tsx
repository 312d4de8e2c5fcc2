// The sign-in form: username and password; a refused sign-in is said plainly (wrong password, locked
// with the time to try again, disabled) and the password field is emptied for the next attempt. Once
// signed in, the session changes and the page around the form moves on.
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../session/SessionProvider';
import { signInErrorMessage } from './signInErrorMessage';
import { StatusBanner } from './StatusBanner';

export function LoginForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const shown = error === null ? null : signInErrorMessage(error, i18n);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (failure) {
      setError(failure);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form className="ob-form ob-login-form" data-testid="login-form" onSubmit={(event) => void submit(event)}>
      <label className="ob-field">
        <span>{t('login.username')}</span>
        <input
          name="username"
          value={username}
          required
          autoFocus
          autoComplete="username"
          spellCheck={false}
          data-testid="login-username"
          onChange={(event) => setUsername(event.target.value)}
        />
      </label>
      <label className="ob-field">
        <span>{t('login.password')}</span>
        <input
          type="password"
          name="password"
          value={password}
          required
          autoComplete="current-password"
          aria-invalid={shown?.code === 'bad_credentials' || undefined}
          data-testid="login-password"
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      {shown && (
        <StatusBanner tone="error" testId="login-error">
          <div className="ob-error">
            <strong className="ob-error-title">{t('login.failed')}</strong>
            <span className="ob-error-message" data-testid="login-error-message" data-error-code={shown.code}>
              {shown.message}
            </span>
          </div>
        </StatusBanner>
      )}
      <div className="ob-form-actions">
        <button
          type="submit"
          className="ob-button ob-button-primary"
          disabled={busy}
          data-testid="login-submit"
        >
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </div>
    </form>
  );
}
