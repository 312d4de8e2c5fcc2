// Creating a user or editing one: name, department, roles, district scope (empty: the whole city) and,
// when editing, whether the account is active. The server checks the input; its message is shown beside
// the field it named.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AdminUser, Department, Role, UserFields } from '../../api/admin/accounts';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';
import { blamedField, blames, FieldError } from './FieldError';

interface Props {
  /** the user being edited, or none for a new one */
  user: AdminUser | null;
  departments: Department[];
  roles: Role[];
  onSubmit: (fields: UserFields & { username?: string; password?: string }) => Promise<void>;
  onCancel: () => void;
}

/** "650102, 650103" or "650102 650103" → the codes; empty → the whole city. */
function districtCodes(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

export function UserForm({ user, departments, roles, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [department, setDepartment] = useState(user?.department?.code ?? '');
  const [chosenRoles, setChosenRoles] = useState<string[]>(user?.roles ?? []);
  const [districts, setDistricts] = useState((user?.districts ?? []).join(', '));
  const [active, setActive] = useState(user?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  // opened from a row far down the list: bring the form into view and put the cursor in it
  useEffect(() => {
    form.current?.scrollIntoView({ block: 'nearest' });
    form.current?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, []);
  const prefix = user ? 'user-edit' : 'user-new';
  const known = ['username', 'password', 'displayName', 'department', 'roles', 'districts', 'active'];
  const blamed = blamedField(error);
  const elsewhere = error !== null && !known.some((field) => blames(error, field));

  const toggleRole = (code: string, on: boolean) =>
    setChosenRoles((current) => (on ? [...current, code] : current.filter((r) => r !== code)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({
        ...(user ? { active } : { username: username.trim(), password }),
        displayName: displayName.trim(),
        department: department || null,
        roles: chosenRoles,
        districts: districtCodes(districts),
      });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      className="ob-form ob-admin-form"
      data-testid={`${prefix}-form`}
      data-blamed={blamed ?? undefined}
      onSubmit={(event) => void submit(event)}
    >
      <h4>{user ? t('admin.users.editTitle', { username: user.username }) : t('admin.users.newTitle')}</h4>
      <div className="ob-form-grid">
        {!user && (
          <label className="ob-field">
            <span>{t('admin.users.username')}</span>
            <input
              value={username}
              required
              autoComplete="off"
              spellCheck={false}
              aria-invalid={blames(error, 'username') || undefined}
              data-testid={`${prefix}-username`}
              onChange={(event) => setUsername(event.target.value)}
            />
            <small className="ob-muted">{t('admin.users.usernameHint')}</small>
            <FieldError error={error} field="username" />
          </label>
        )}
        {!user && (
          <label className="ob-field">
            <span>{t('admin.users.password')}</span>
            <input
              type="password"
              value={password}
              required
              autoComplete="new-password"
              aria-invalid={blames(error, 'password') || undefined}
              data-testid={`${prefix}-password`}
              onChange={(event) => setPassword(event.target.value)}
            />
            <FieldError error={error} field="password" />
          </label>
        )}
        <label className="ob-field">
          <span>{t('admin.users.displayName')}</span>
          <input
            value={displayName}
            required
            aria-invalid={blames(error, 'displayName') || undefined}
            data-testid={`${prefix}-display-name`}
            onChange={(event) => setDisplayName(event.target.value)}
          />
          <FieldError error={error} field="displayName" />
        </label>
        <label className="ob-field">
          <span>{t('admin.users.department')}</span>
          <select
            value={department}
            aria-invalid={blames(error, 'department') || undefined}
            data-testid={`${prefix}-department`}
            onChange={(event) => setDepartment(event.target.value)}
          >
            <option value="">{t('admin.users.noDepartment')}</option>
            {departments.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
          <FieldError error={error} field="department" />
        </label>
        <label className="ob-field">
          <span>{t('admin.users.districts')}</span>
          <input
            value={districts}
            spellCheck={false}
            placeholder={t('admin.users.districtsPlaceholder')}
            aria-invalid={blames(error, 'districts') || undefined}
            data-testid={`${prefix}-districts`}
            onChange={(event) => setDistricts(event.target.value)}
          />
          <small className="ob-muted">{t('admin.users.districtsHint')}</small>
          <FieldError error={error} field="districts" />
        </label>
        {user && (
          <label className="ob-admin-check">
            <input
              type="checkbox"
              checked={active}
              data-testid={`${prefix}-active`}
              onChange={(event) => setActive(event.target.checked)}
            />
            <span>{t('admin.users.active')}</span>
          </label>
        )}
      </div>
      <fieldset className="ob-admin-roles" aria-invalid={blames(error, 'roles') || undefined}>
        <legend>{t('admin.users.roles')}</legend>
        {roles.map((role) => (
          <label key={role.code} className="ob-admin-check" title={role.permissions.join(', ')}>
            <input
              type="checkbox"
              checked={chosenRoles.includes(role.code)}
              data-testid={`${prefix}-role-${role.code}`}
              onChange={(event) => toggleRole(role.code, event.target.checked)}
            />
            <span>
              {role.name} <span className="ob-code ob-muted">{role.code}</span>
            </span>
          </label>
        ))}
        <FieldError error={error} field="roles" />
      </fieldset>
      {elsewhere && (
        <ApiErrorNotice error={error} title={t('admin.users.saveFailed')} testId={`${prefix}-error`} />
      )}
      <div className="ob-form-actions">
        <button
          type="submit"
          className="ob-button ob-button-primary"
          disabled={busy}
          data-testid={`${prefix}-submit`}
        >
          {busy ? t('admin.saving') : user ? t('admin.save') : t('admin.users.create')}
        </button>
        <button type="button" className="ob-button" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
