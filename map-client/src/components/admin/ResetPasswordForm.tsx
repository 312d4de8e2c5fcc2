// An admin sets a new password for a user (who has forgotten theirs); the user's sessions go on until they
// sign out, as the server decides.
import { useState, type FormEvent } from 'react';
import { resetPassword, type AdminUser } from '../../api/admin/accounts';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';
import { StatusBanner } from '../StatusBanner';
import { FieldError } from './FieldError';

export function ResetPasswordForm({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await resetPassword(user.id, password);
      setDone(true);
      setPassword('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="ob-form ob-admin-form"
      data-testid="reset-password-form"
      onSubmit={(e) => void submit(e)}
    >
      <h4>{t('admin.users.resetTitle', { username: user.username })}</h4>
      <label className="ob-field">
        <span>{t('admin.users.newPassword')}</span>
        <input
          type="password"
          value={password}
          required
          autoComplete="new-password"
          data-testid="reset-password-input"
          onChange={(event) => setPassword(event.target.value)}
        />
        <FieldError error={error} field="password" />
      </label>
      {error !== null && <ApiErrorNotice error={error} title={t('admin.users.resetFailed')} />}
      {done && (
        <StatusBanner tone="info" testId="reset-password-done">
          {t('admin.users.resetDone')}
        </StatusBanner>
      )}
      <div className="ob-form-actions">
        <button type="submit" className="ob-button ob-button-primary" disabled={busy}>
          {busy ? t('admin.saving') : t('admin.users.resetSubmit')}
        </button>
        <button type="button" className="ob-button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
