// "修改密码": the current password and the new one twice. The server checks the current password and its
// password rule; this session stays signed in, the user's other sessions end.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { changePassword } from '../api/session';
import { useI18n } from '../i18n/I18nProvider';
import { ApiErrorNotice } from './ApiErrorNotice';
import { describeError } from './describeError';

export function ChangePasswordForm() {
  const { t } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mismatch = confirmation !== '' && confirmation !== newPassword;
  const blamed = error === null ? null : describeError(error).parameter;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    setChanged(false);
    try {
      await changePassword(currentPassword, newPassword);
      setChanged(true);
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const newBlamed = blamed === 'newPassword' || (error instanceof ApiError && error.code === 'weak_password');
  return (
    <form className="ob-form" data-testid="password-form" onSubmit={(event) => void submit(event)}>
      <label className="ob-field">
        <span>{t('password.current')}</span>
        <input
          type="password"
          name="currentPassword"
          value={currentPassword}
          required
          autoComplete="current-password"
          aria-invalid={blamed === 'currentPassword' || undefined}
          data-testid="password-current"
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
      </label>
      <label className="ob-field">
        <span>{t('password.new')}</span>
        <input
          type="password"
          name="newPassword"
          value={newPassword}
          required
          autoComplete="new-password"
          aria-invalid={newBlamed || undefined}
          aria-describedby="password-hint"
          data-testid="password-new"
          onChange={(event) => setNewPassword(event.target.value)}
        />
        <small id="password-hint" className="ob-muted">
          {t('password.hint')}
        </small>
      </label>
      <label className="ob-field">
        <span>{t('password.confirm')}</span>
        <input
          type="password"
          name="confirmation"
          value={confirmation}
          required
          autoComplete="new-password"
          aria-invalid={mismatch || undefined}
          data-testid="password-confirm"
          onChange={(event) => setConfirmation(event.target.value)}
        />
        {mismatch && (
          <small className="ob-error-text" data-testid="password-mismatch">
            {t('password.mismatch')}
          </small>
        )}
      </label>
      {error !== null && (
        <ApiErrorNotice error={error} title={t('password.failed')} testId="password-error" />
      )}
      <div className="ob-form-actions">
        <button
          type="submit"
          className="ob-button ob-button-primary"
          disabled={busy || mismatch}
          data-testid="password-submit"
        >
          {busy ? t('password.submitting') : t('password.submit')}
        </button>
        {changed && (
          <span className="ob-ok-text" role="status" data-testid="password-changed">
            {t('password.changed')}
          </span>
        )}
      </div>
    </form>
  );
}
