// Boundary-coordinate files (国土TXT) declare each parcel's area: the declared and the computed area side
// by side, in m², 公顷 and 亩, with the difference in percent.
import type { AreaCheck } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { formatArea, type AreaUnits } from './formatArea';

function AreaCell({ areaM2, units }: { areaM2: number | null; units: AreaUnits }) {
  const { locale } = useI18n();
  if (areaM2 === null) return <td className="ob-number">—</td>;
  const area = formatArea(areaM2, locale, units);
  return (
    <td className="ob-number" title={`${area.hectares} · ${area.mu}`}>
      {area.m2}
      <br />
      <span className="ob-muted">
        {area.hectares} · {area.mu}
      </span>
    </td>
  );
}

export function AreaChecksTable({ checks }: { checks: AreaCheck[] }) {
  const { t, locale } = useI18n();
  const units = { m2: t('unit.m2'), hectare: t('unit.hectare'), mu: t('unit.mu') };
  return (
    <div className="ob-table-scroll">
      <table className="ob-table ob-table-compact" data-testid="area-checks">
        <thead>
          <tr>
            <th scope="col">{t('areaChecks.col.parcel')}</th>
            <th scope="col" className="ob-number">
              {t('areaChecks.col.declared')}
            </th>
            <th scope="col" className="ob-number">
              {t('areaChecks.col.computed')}
            </th>
            <th scope="col" className="ob-number">
              {t('areaChecks.col.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.parcelNo}>
              <td className="ob-code">{check.parcelNo}</td>
              <AreaCell areaM2={check.declaredM2} units={units} />
              <AreaCell areaM2={check.computedM2} units={units} />
              <td className="ob-number">
                {check.differencePct === null
                  ? '—'
                  : `${check.differencePct.toLocaleString(locale, { maximumFractionDigits: 2 })} %`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
