// Compares two versions of a layer: pick "from" and "to" (by default the one before the newest and the
// newest) and the difference is fetched from the server.
import { useState } from 'react';
import { fetchDiff } from '../api/layers';
import type { LayerDiff, VersionSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ApiErrorNotice } from './ApiErrorNotice';
import { DiffResult } from './DiffResult';
import { useResource } from './useResource';

interface Props {
  layerCode: string;
  /** newest first */
  versions: VersionSummary[];
}

export function DiffPicker({ layerCode, versions }: Props) {
  const { t } = useI18n();
  const [chosenFrom, setFrom] = useState<number | null>(null);
  const [chosenTo, setTo] = useState<number | null>(null);
  const from = chosenFrom ?? versions[1]?.version ?? null;
  const to = chosenTo ?? versions[0]?.version ?? null;
  const key = from !== null && to !== null && from !== to ? `diff:${layerCode}:${from}:${to}` : null;
  const { resource } = useResource<LayerDiff>(key, (signal) =>
    fetchDiff(layerCode, from ?? 0, to ?? 0, signal),
  );

  if (versions.length < 2) return <p className="ob-muted">{t('diff.needTwo')}</p>;

  const select = (
    label: string,
    value: number | null,
    onChange: (version: number) => void,
    testId: string,
  ) => (
    <label className="ob-inline-field">
      <span>{label}</span>
      <select
        value={value ?? ''}
        data-testid={testId}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {versions.map((version) => (
          <option key={version.version} value={version.version}>
            {t('diff.versionOption', { version: version.version })}
            {version.current ? ` · ${t('versions.current')}` : ''}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="ob-diff">
      <div className="ob-toolbar">
        {select(t('diff.from'), from, setFrom, 'diff-from')}
        <span aria-hidden="true">→</span>
        {select(t('diff.to'), to, setTo, 'diff-to')}
      </div>
      {key === null && <p className="ob-muted">{t('diff.same')}</p>}
      {resource.status === 'loading' && <p className="ob-muted">{t('common.loading')}</p>}
      {resource.status === 'error' && <ApiErrorNotice error={resource.error} testId="diff-error" />}
      {resource.status === 'ready' && <DiffResult diff={resource.value} />}
    </div>
  );
}
