// The versions of a layer, newest first.
import type { VersionSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { VersionRow } from './VersionRow';

interface Props {
  versions: VersionSummary[];
  openReport: number | null;
  rollingBack: number | null;
  onReport: (version: number) => void;
  /** null: the user may not roll back, no rollback buttons */
  onRollback: ((version: number) => void) | null;
}

export function VersionList({ versions, openReport, rollingBack, onReport, onRollback }: Props) {
  const { t } = useI18n();
  if (versions.length === 0) return <p className="ob-muted">{t('versions.empty')}</p>;
  return (
    <div className="ob-table-scroll">
      <table className="ob-table" data-testid="version-list">
        <thead>
          <tr>
            <th scope="col" className="ob-number">
              {t('versions.col.version')}
            </th>
            <th scope="col" className="ob-number">
              {t('versions.col.featureCount')}
            </th>
            <th scope="col">{t('versions.col.source')}</th>
            <th scope="col">{t('versions.col.note')}</th>
            <th scope="col">{t('versions.col.created')}</th>
            <th scope="col">{t('versions.col.published')}</th>
            <th scope="col">{t('versions.col.status')}</th>
            <th scope="col">{t('versions.col.quality')}</th>
            <th scope="col">{t('versions.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <VersionRow
              key={version.version}
              version={version}
              reportOpen={openReport === version.version}
              rollingBack={rollingBack === version.version}
              locked={rollingBack !== null}
              onReport={onReport}
              onRollback={onRollback}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
