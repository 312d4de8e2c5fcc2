// What changed between two versions: features added, removed, changed and unchanged, with the areas
// (ellipsoidal) in m², 公顷 and 亩.
import type { AreaChange, LayerDiff } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { formatArea } from './formatArea';

const CHANGES = ['added', 'removed', 'changed'] as const;

export function DiffResult({ diff }: { diff: LayerDiff }) {
  const { t, locale } = useI18n();
  const units = { m2: t('unit.m2'), hectare: t('unit.hectare'), mu: t('unit.mu') };
  const areaCells = (change: AreaChange) => {
    const area = formatArea(change.areaM2, locale, units);
    return (
      <>
        <td className="ob-number">{area.m2}</td>
        <td className="ob-number">{area.hectares}</td>
        <td className="ob-number">{area.mu}</td>
      </>
    );
  };
  return (
    <div data-testid="diff-result" data-from={diff.from} data-to={diff.to}>
      <table className="ob-table ob-table-compact">
        <thead>
          <tr>
            <th scope="col">{t('diff.col.change')}</th>
            <th scope="col" className="ob-number">
              {t('diff.col.count')}
            </th>
            <th scope="col" className="ob-number">
              {t('diff.col.areaM2')}
            </th>
            <th scope="col" className="ob-number">
              {t('diff.col.areaHectare')}
            </th>
            <th scope="col" className="ob-number">
              {t('diff.col.areaMu')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CHANGES.map((change) => (
            <tr key={change} data-change={change}>
              <th scope="row">{t(`diff.${change}`)}</th>
              <td className="ob-number">{diff[change].count.toLocaleString(locale)}</td>
              {areaCells(diff[change])}
            </tr>
          ))}
          <tr data-change="unchanged">
            <th scope="row">{t('diff.unchanged')}</th>
            <td className="ob-number">{diff.unchanged.count.toLocaleString(locale)}</td>
            <td className="ob-number">—</td>
            <td className="ob-number">—</td>
            <td className="ob-number">—</td>
          </tr>
        </tbody>
      </table>
      <p className="ob-muted ob-note">{t('diff.note')}</p>
    </div>
  );
}
