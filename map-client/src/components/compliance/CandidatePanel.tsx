// Candidate-site search (选址推荐): the form over POST /api/v1/compliance/candidates (project type, the area
// needed in m², 公顷 or 亩, the district, how many), the ranked results listed with their figures and drawn
// on the map with their rank; 设为用地 makes one the site, to be edited and checked.
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import type OlMap from 'ol/Map.js';
import { createEmpty, extend } from 'ol/extent.js';
import {
  fetchDistricts,
  findCandidates,
  type AreaUnit,
  type Candidate,
  type CandidateSearch,
} from '../../api/complianceCandidates';
import { useI18n } from '../../i18n/I18nProvider';
import { describeError } from '../describeError';
import { StatusBanner } from '../StatusBanner';
import { useResource } from '../useResource';
import { AreaFigures } from './AreaFigures';
import { candidateStyle } from './candidateStyle';
import { toViewGeometry } from '../../map/cgcs2000Geometry';
import { useHighlightLayer, type Highlight } from './useHighlightLayer';

const UNITS: { unit: AreaUnit; key: 'unit.m2' | 'unit.hectare' | 'unit.mu' }[] = [
  { unit: 'areaHa', key: 'unit.hectare' },
  { unit: 'areaMu', key: 'unit.mu' },
  { unit: 'areaM2', key: 'unit.m2' },
];

type SearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'error'; error: unknown }
  | { status: 'done'; search: CandidateSearch };

interface Props {
  map: OlMap | null;
  /** the results are drawn while the tab is open, not over the site being checked */
  showOnMap: boolean;
  projectTypes: string[];
  ruleSetCode: string | null;
  onChoose: (candidate: Candidate, projectType: string) => void;
}

export function CandidatePanel({ map, showOnMap, projectTypes, ruleSetCode, onChoose }: Props) {
  const { t } = useI18n();
  const [projectType, setProjectType] = useState('');
  const [areaText, setAreaText] = useState('2');
  const [unit, setUnit] = useState<AreaUnit>('areaHa');
  const [districtCode, setDistrictCode] = useState('');
  const [limit, setLimit] = useState(10);
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [selected, setSelected] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const { resource: districts, reload: reloadDistricts } = useResource('districts', fetchDistricts);
  const type = projectType || projectTypes[0] || '';
  const area = Number(areaText);
  const valid = type !== '' && Number.isFinite(area) && area > 0;

  const search = useCallback(() => {
    if (!valid) return;
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState({ status: 'searching' });
    setSelected(null);
    findCandidates(
      {
        projectType: type,
        area: { unit, value: area },
        ...(districtCode ? { districtCode } : {}),
        ...(ruleSetCode ? { ruleSet: ruleSetCode } : {}),
        limit,
      },
      own.signal,
    ).then(
      (result) => {
        if (own.signal.aborted) return;
        setState({ status: 'done', search: result });
        if (result.candidates.length > 0 && map) {
          const all = createEmpty();
          for (const c of result.candidates) extend(all, toViewGeometry(c.geometry).getExtent());
          map.getView().fit(all, { padding: [60, 60, 60, 360], maxZoom: 17, duration: 300 });
        }
      },
      (error: unknown) => {
        if (!own.signal.aborted) setState({ status: 'error', error });
      },
    );
  }, [valid, type, unit, area, districtCode, ruleSetCode, limit, map]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search();
  };

  const candidates = state.status === 'done' ? state.search.candidates : null;
  const highlights = useMemo<Highlight[]>(
    () =>
      (showOnMap ? (candidates ?? []) : []).map((c) => ({
        id: `candidate:${c.rank}`,
        geometry: c.geometry,
        properties: { rank: c.rank, selected: c.rank === selected },
      })),
    [candidates, selected, showOnMap],
  );
  useHighlightLayer(map, highlights, candidateStyle, 9_200, 'compliance-candidates');

  const locate = (candidate: Candidate) => {
    setSelected(candidate.rank);
    map?.getView().fit(toViewGeometry(candidate.geometry).getExtent(), {
      padding: [80, 80, 80, 380],
      maxZoom: 18,
      duration: 300,
    });
  };

  return (
    <section className="ob-compliance-section" data-testid="candidate-panel" data-status={state.status}>
      <h3>{t('compliance.candidates.title')}</h3>
      <p className="ob-hint">{t('compliance.candidates.note')}</p>
      <form className="ob-compliance-candidate-form" onSubmit={onSubmit} data-testid="candidate-form">
        <label className="ob-field">
          <span>{t('compliance.projectType')}</span>
          <select
            value={type}
            data-testid="candidate-project-type"
            onChange={(e) => setProjectType(e.target.value)}
          >
            {projectTypes.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <div className="ob-compliance-area-input">
          <label className="ob-field">
            <span>{t('compliance.candidates.area')}</span>
            <input
              type="number"
              min="0"
              step="any"
              value={areaText}
              data-testid="candidate-area"
              aria-invalid={!valid}
              onChange={(e) => setAreaText(e.target.value)}
            />
          </label>
          <label className="ob-field">
            <span>{t('compliance.candidates.unit')}</span>
            <select
              value={unit}
              data-testid="candidate-area-unit"
              onChange={(e) => setUnit(e.target.value as AreaUnit)}
            >
              {UNITS.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {t(u.key)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="ob-field">
          <span>{t('compliance.candidates.district')}</span>
          <select
            value={districtCode}
            data-testid="candidate-district"
            onChange={(e) => setDistrictCode(e.target.value)}
          >
            <option value="">{t('compliance.candidates.anyDistrict')}</option>
            {districts.status === 'ready' &&
              districts.value.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}（{d.code}）
                </option>
              ))}
          </select>
        </label>
        {districts.status === 'error' && (
          <StatusBanner tone="warning" testId="candidate-districts-error">
            <span>
              {t('compliance.candidates.districtsFailed', {
                message: describeError(districts.error).message,
              })}
            </span>
            <button type="button" className="ob-button" onClick={reloadDistricts}>
              {t('compliance.retry')}
            </button>
          </StatusBanner>
        )}
        <label className="ob-field">
          <span>{t('compliance.candidates.limit')}</span>
          <input
            type="number"
            min="1"
            max="50"
            value={limit}
            data-testid="candidate-limit"
            onChange={(e) => setLimit(Math.max(1, Math.min(50, Math.round(Number(e.target.value)) || 1)))}
          />
        </label>
        <button
          type="submit"
          className="ob-button ob-button-primary ob-run-check"
          data-testid="candidate-search"
          disabled={!valid || state.status === 'searching'}
        >
          {state.status === 'searching'
            ? t('compliance.candidates.searching')
            : t('compliance.candidates.search')}
        </button>
      </form>
      {state.status === 'error' && (
        <StatusBanner tone="error" testId="candidate-error">
          <span>{t('compliance.candidates.failed', { message: describeError(state.error).message })}</span>
          <button type="button" className="ob-button" onClick={search} data-testid="candidate-retry">
            {t('compliance.retry')}
          </button>
        </StatusBanner>
      )}
      {state.status === 'done' && (
        <>
          <p className="ob-hint" data-testid="candidate-summary" data-count={state.search.candidates.length}>
            {state.search.candidates.length === 0
              ? t('compliance.candidates.none')
              : t('compliance.candidates.found', {
                  count: state.search.candidates.length,
                  ruleSet: state.search.ruleSet.code,
                  version: state.search.ruleSet.version,
                })}
          </p>
          <ol className="ob-compliance-candidates" data-testid="candidate-list">
            {state.search.candidates.map((c) => (
              <li
                key={c.rank}
                data-testid={`candidate-${c.rank}`}
                data-area-m2={c.areaM2.toFixed(2)}
                className={c.rank === selected ? 'ob-compliance-candidate-selected' : undefined}
              >
                <div className="ob-compliance-candidate-head">
                  <span className="ob-compliance-rank">{c.rank}</span>
                  <span className="ob-compliance-candidate-where">
                    {c.district?.name ?? t('compliance.candidates.noDistrict')} ·{' '}
                    {c.kind === 'merged'
                      ? t('compliance.candidates.merged', { count: c.parcelIds.length })
                      : t('compliance.candidates.parcel')}
                  </span>
                  <span className="ob-compliance-score" title={t('compliance.candidates.scoreHint')}>
                    {t('compliance.candidates.score', { score: c.score.toFixed(3) })}
                  </span>
                </div>
                <AreaFigures areaM2={c.areaM2} />
                <div className="ob-hint">
                  {c.landUse
                    .map((u) => u.name ?? u.code ?? '')
                    .filter(Boolean)
                    .join('、')}
                  {c.warnings.length > 0 &&
                    ` · ${t('compliance.candidates.warnings', { rules: c.warnings.map((w) => w.title).join('、') })}`}
                </div>
                <div className="ob-compliance-candidate-actions">
                  <button
                    type="button"
                    className="ob-link-button"
                    data-testid={`candidate-${c.rank}-locate`}
                    onClick={() => locate(c)}
                  >
                    {t('compliance.showConflict')}
                  </button>
                  <button
                    type="button"
                    className="ob-button"
                    data-testid={`candidate-${c.rank}-choose`}
                    onClick={() => {
                      setSelected(c.rank);
                      onChoose(c, state.search.request.projectType);
                    }}
                  >
                    {t('compliance.candidates.choose')}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
