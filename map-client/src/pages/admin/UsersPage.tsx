// 用户与部门 (/admin/users, accounts.manage): the users with their department, roles, district scope and
// state; creating and editing a user, resetting a password; the departments below.
import { useState } from 'react';
import {
  createUser,
  fetchDepartments,
  fetchRoles,
  fetchUsers,
  updateUser,
  type AdminUser,
  type NewUser,
} from '../../api/admin/accounts';
import { DepartmentsSection } from '../../components/admin/DepartmentsSection';
import { LoadFailed } from '../../components/admin/LoadFailed';
import { ResetPasswordForm } from '../../components/admin/ResetPasswordForm';
import { UserForm } from '../../components/admin/UserForm';
import { formatDateTime } from '../../components/formatDateTime';
import { scopeLabel } from '../../components/scopeLabel';
import { StatusBanner } from '../../components/StatusBanner';
import { useResource } from '../../components/useResource';
import { useI18n } from '../../i18n/I18nProvider';

type Editing = { kind: 'new' } | { kind: 'edit'; user: AdminUser } | { kind: 'password'; user: AdminUser };

export function UsersPage() {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { resource, reload } = useResource('admin-users', (signal) =>
    Promise.all([fetchUsers(signal), fetchDepartments(signal), fetchRoles(signal)]),
  );

  if (resource.status === 'error')
    return <LoadFailed error={resource.error} title={t('admin.users.loadFailed')} onRetry={reload} />;
  if (resource.status !== 'ready') return <StatusBanner tone="info">{t('common.loading')}</StatusBanner>;
  const [users, departments, roles] = resource.value;
  const roleName = (code: string) => roles.find((r) => r.code === code)?.name ?? code;

  return (
    <div className="ob-admin-page" data-testid="admin-users">
      <h2 className="ob-page-title">{t('admin.users.title')}</h2>
      {notice && (
        <StatusBanner tone="info" testId="admin-users-notice">
          {notice}
        </StatusBanner>
      )}
      <section className="ob-section" aria-labelledby="users-heading">
        <div className="ob-section-header">
          <h3 id="users-heading">{t('admin.users.list', { count: users.length })}</h3>
          <button
            type="button"
            className="ob-button ob-button-primary"
            data-testid="user-new"
            onClick={() => setEditing({ kind: 'new' })}
          >
            {t('admin.users.new')}
          </button>
        </div>
        {editing?.kind === 'new' && (
          <UserForm
            user={null}
            departments={departments}
            roles={roles}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              const created = await createUser(fields as NewUser);
              setEditing(null);
              setNotice(t('admin.users.created', { username: created.username }));
              reload();
            }}
          />
        )}
        {editing?.kind === 'edit' && (
          <UserForm
            key={editing.user.id}
            user={editing.user}
            departments={departments}
            roles={roles}
            onCancel={() => setEditing(null)}
            onSubmit={async (fields) => {
              const saved = await updateUser(editing.user.id, fields);
              setEditing(null);
              setNotice(t('admin.users.saved', { username: saved.username }));
              reload();
            }}
          />
        )}
        {editing?.kind === 'password' && (
          <ResetPasswordForm key={editing.user.id} user={editing.user} onClose={() => setEditing(null)} />
        )}
        <div className="ob-table-scroll">
          <table className="ob-table" data-testid="users-table">
            <thead>
              <tr>
                <th>{t('admin.users.username')}</th>
                <th>{t('admin.users.displayName')}</th>
                <th>{t('admin.users.department')}</th>
                <th>{t('admin.users.roles')}</th>
                <th>{t('admin.users.scope')}</th>
                <th>{t('admin.users.state')}</th>
                <th>{t('admin.users.lastLogin')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-testid={`user-row-${user.username}`} data-active={user.active}>
                  <td className="ob-code">{user.username}</td>
                  <td>{user.displayName}</td>
                  <td className="ob-admin-wrap">{user.department?.name ?? t('session.noDepartment')}</td>
                  <td>{user.roles.map(roleName).join('、') || t('common.none')}</td>
                  <td>{scopeLabel(user.districts, i18n)}</td>
                  <td>
                    {user.active ? (
                      <span className="ob-admin-state-ok">{t('admin.users.activeState')}</span>
                    ) : (
                      <span className="ob-admin-state-off">{t('admin.users.disabledState')}</span>
                    )}
                  </td>
                  <td>{formatDateTime(user.lastLoginAt, locale)}</td>
                  <td className="ob-admin-row-actions">
                    <button
                      type="button"
                      className="ob-link-button"
                      data-testid={`user-edit-${user.username}`}
                      onClick={() => setEditing({ kind: 'edit', user })}
                    >
                      {t('admin.edit')}
                    </button>
                    <button
                      type="button"
                      className="ob-link-button"
                      data-testid={`user-password-${user.username}`}
                      onClick={() => setEditing({ kind: 'password', user })}
                    >
                      {t('admin.users.reset')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <DepartmentsSection departments={departments} canManage onChanged={reload} />
    </div>
  );
}
