// Departments (委办局): the list with their user counts, a new one (code and name) and renaming.
import { useState, type FormEvent } from 'react';
import { createDepartment, renameDepartment, type Department } from '../../api/admin/accounts';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';
import { blames, FieldError } from './FieldError';

interface Props {
  departments: Department[];
  canManage: boolean;
  onChanged: () => void;
}

function RenameCell({ department, onChanged }: { department: Department; onChanged: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (name === null)
    return (
      <button
        type="button"
        className="ob-link-button"
        data-testid={`department-rename-${department.code}`}
        onClick={() => setName(department.name)}
      >
        {t('admin.edit')}
      </button>
    );
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    try {
      await renameDepartment(department.id, name);
      setName(null);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="ob-admin-inline" onSubmit={(event) => void save(event)}>
      <input
        value={name}
        aria-label={t('admin.departments.name')}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="ob-button ob-button-primary">
        {t('admin.save')}
      </button>
      <button type="button" className="ob-button" onClick={() => setName(null)}>
        {t('admin.cancel')}
      </button>
      {error !== null && <ApiErrorNotice error={error} title={t('admin.departments.saveFailed')} />}
    </form>
  );
}

export function DepartmentsSection({ departments, canManage, onChanged }: Props) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createDepartment(code.trim(), name.trim());
      setCode('');
      setName('');
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ob-section" aria-labelledby="departments-heading" data-testid="departments">
      <h3 id="departments-heading">{t('admin.departments.title')}</h3>
      <div className="ob-table-scroll">
        <table className="ob-table ob-table-compact">
          <thead>
            <tr>
              <th>{t('admin.departments.code')}</th>
              <th>{t('admin.departments.name')}</th>
              <th className="ob-number">{t('admin.departments.users')}</th>
              {canManage && <th />}
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.id} data-testid={`department-${d.code}`}>
                <td className="ob-code">{d.code}</td>
                <td>{d.name}</td>
                <td className="ob-number">{d.userCount}</td>
                {canManage && (
                  <td>
                    <RenameCell department={d} onChanged={onChanged} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage && (
        <form className="ob-admin-inline" data-testid="department-new-form" onSubmit={(e) => void create(e)}>
          <label className="ob-field">
            <span>{t('admin.departments.code')}</span>
            <input
              value={code}
              required
              spellCheck={false}
              placeholder="urban_management"
              aria-invalid={blames(error, 'code') || undefined}
              data-testid="department-new-code"
              onChange={(event) => setCode(event.target.value)}
            />
            <FieldError error={error} field="code" />
          </label>
          <label className="ob-field">
            <span>{t('admin.departments.name')}</span>
            <input
              value={name}
              required
              aria-invalid={blames(error, 'name') || undefined}
              data-testid="department-new-name"
              onChange={(event) => setName(event.target.value)}
            />
            <FieldError error={error} field="name" />
          </label>
          <button type="submit" className="ob-button ob-button-primary" disabled={busy}>
            {t('admin.departments.create')}
          </button>
          {error !== null && !blames(error, 'code') && !blames(error, 'name') && (
            <ApiErrorNotice error={error} title={t('admin.departments.saveFailed')} />
          )}
        </form>
      )}
    </section>
  );
}
