// The compliance page (route "/compliance", for holders of compliance.run): the map with the layers the rule
// set reads; the site drawn, edited or read from a file; the live preview of the same rule set evaluated in
// the browser as the site changes; the server's check (authoritative) with its figures, the conflicts
// highlighted and where the preview differs; the checks already run; the report and data downloads.
import { useCallback, useMemo, useRef, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { Fill, Stroke, Style } from 'ol/style.js';
import proj4 from 'proj4';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  fetchCheck,
  fetchChecks,
  fetchRuleSet,
  fetchRuleSets,
  runCheck,
  type ComplianceCheck,
  type RuleSetSummary,
} from '../api/compliance';
import type { LayerSummary } from '../api/types';
import { comparePreview } from '../compliance/comparePreview';
import { ellipsoidAreaM2 } from '../compliance/ellipsoidArea';
import { boxOf } from '../compliance/polygonOps';
import { previewRuleSet, type Preview } from '../compliance/preview';
import { reachM, ruleLayers } from '../compliance/ruleSet';
import { sameGeometry } from '../compliance/sameGeometry';
import { decodeSiteText, parseSiteText, toCgcs2000 } from '../compliance/site-file/readSiteFile';
import { SiteFileError } from '../compliance/site-file/siteFileError';
import { CheckResultPanel } from '../components/compliance/CheckResultPanel';
import { CheckRunList } from '../components/compliance/CheckRunList';
import { DownloadButtons } from '../components/compliance/DownloadButtons';
import { PreviewPanel } from '../components/compliance/PreviewPanel';
import { SitePanel } from '../components/compliance/SitePanel';
import { toViewGeometry } from '../components/compliance/siteGeometry';
import { useHighlightLayer, type Highlight } from '../components/compliance/useHighlightLayer';
import { useRuleFeatures } from '../components/compliance/useRuleFeatures';
import { useSiteEditor } from '../components/compliance/useSiteEditor';
import { describeError } from '../components/describeError';
import { CatalogErrorBanner } from '../components/CatalogErrorBanner';
import { Header } from '../components/Header';
import { LayerPanel } from '../components/LayerPanel';
import { MapView } from '../components/MapView';
import { StatusBanner } from '../components/StatusBanner';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { CGCS2000 } from '../map/registerProjections';
import { sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';
import { initialLayerState, move, setOpacity, setVisible, type LayerState } from '../state/layerState';
import { useCatalog } from './useCatalog';

const NO_LAYERS: LayerSummary[] = [];
const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

/** the server's conflict parts: red, hatched look by a dense outline */
const SERVER_CONFLICT_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(214, 69, 65, 0.35)' }),
    stroke: new Stroke({ color: '#b3261e', width: 2 }),
  }),
];
/** the preview's conflict parts: orange, dashed */
const PREVIEW_CONFLICT_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(224, 161, 0, 0.18)' }),
    stroke: new Stroke({ color: '#e07b00', width: 2, lineDash: [6, 4] }),
  }),
];

type Polygonal = Polygon | MultiPolygon;
type CheckState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'done'; check: ComplianceCheck };

/** the set the server applies when none is named: the first citywide one */
function defaultRuleSet(sets: RuleSetSummary[]): string | null {
  return (sets.find((s) => s.districtCode === null) ?? sets[0])?.code ?? null;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function complianceLayerState(layers: LayerSummary[], visible: string[] | null): LayerState {
  let state = initialLayerState(layers);
  if (!visible) return state;
  for (const layer of layers)
    state = setVisible(state, layer.code, visible.includes(layer.code) && Boolean(layer.tiles));
  return state;
}

export function CompliancePage() {
  const { t } = useI18n();
  const { catalog, retry: retryCatalog } = useCatalog(sessionKey(useSession()));
  const layers = catalog.status === 'ready' ? catalog.layers : NO_LAYERS;

  // the rule set: the same definition the server evaluates
  const { resource: ruleSets, reload: reloadRuleSets } = useResource('rule-sets', fetchRuleSets);
  const [chosenCode, setChosenCode] = useState<string | null>(null);
  const ruleSetCode = chosenCode ?? (ruleSets.status === 'ready' ? defaultRuleSet(ruleSets.value) : null);
  const { resource: ruleSetResource, reload: reloadRuleSet } = useResource(
    ruleSetCode ? `rule-set:${ruleSetCode}` : null,
    (signal) => fetchRuleSet(ruleSetCode!, signal),
  );
  const ruleSet = ruleSetResource.status === 'ready' ? ruleSetResource.value : null;
  const ruleLayerCodes = useMemo(() => (ruleSet ? ruleLayers(ruleSet) : null), [ruleSet]);
  const projectTypes = useMemo(
    () => [
      ...new Set(
        (ruleSet?.rules ?? []).flatMap((r) =>
          r.kind === 'land_use_compatibility' ? Object.keys(r.params.matrix) : [],
        ),
      ),
    ],
    [ruleSet],
  );

  // the map shows the layers the rules read
  const [layerState, setLayerState] = useState<LayerState>(() =>
    complianceLayerState(layers, ruleLayerCodes),
  );
  const [stateFor, setStateFor] = useState<{ layers: LayerSummary[]; rules: string[] | null }>({
    layers,
    rules: ruleLayerCodes,
  });
  if (stateFor.layers !== layers || stateFor.rules !== ruleLayerCodes) {
    setStateFor({ layers, rules: ruleLayerCodes });
    setLayerState(complianceLayerState(layers, ruleLayerCodes));
  }
  const layersByCode = useMemo(() => new Map(layers.map((layer) => [layer.code, layer])), [layers]);
  const onToggle = useCallback(
    (code: string, visible: boolean) => setLayerState((s) => setVisible(s, code, visible)),
    [],
  );
  const onOpacity = useCallback(
    (code: string, opacity: number) => setLayerState((s) => setOpacity(s, code, opacity)),
    [],
  );
  const onMove = useCallback(
    (code: string, direction: 'up' | 'down') => {
      const kind = layersByCode.get(code)?.kind;
      setLayerState((s) => move(s, code, direction, (other) => layersByCode.get(other)?.kind === kind));
    },
    [layersByCode],
  );
  const ignoreClicks = useCallback(() => undefined, []);

  // the site
  const [map, setMap] = useState<OlMap | null>(null);
  const [site, setSite] = useState<Polygonal | null>(null);
  const editor = useSiteEditor(map, setSite);
  const siteBox = useMemo(() => (site ? boxOf(site) : null), [site]);
  const siteAreaM2 = useMemo(() => (site ? ellipsoidAreaM2(site) : null), [site]);
  const [projectType, setProjectType] = useState('');
  const [projectCode, setProjectCode] = useState('');
  const [fileMessage, setFileMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const onFile = useCallback(
    (file: File) => {
      void (async () => {
        try {
          const parsed = parseSiteText(file.name, decodeSiteText(await file.arrayBuffer()));
          const geometry = toCgcs2000(parsed, (crs, position) => {
            if (!proj4.defs(crs)) throw new SiteFileError(`不支持的坐标系 ${crs} / unsupported CRS ${crs}`);
            return proj4(crs, CGCS2000, position);
          });
          editor.setSite(geometry);
          setFileMessage({ tone: 'info', text: t('compliance.fileLoaded', { name: file.name }) });
        } catch (error) {
          setFileMessage({
            tone: 'error',
            text: t('compliance.fileError', {
              message: error instanceof Error ? error.message : String(error),
            }),
          });
        }
      })();
    },
    [editor, t],
  );

  // the live preview
  const { load, retry: retryLoad } = useRuleFeatures(
    map,
    ruleLayerCodes,
    siteBox,
    ruleSet ? reachM(ruleSet) : 0,
  );
  const previewState = useMemo(():
    { status: 'none' } | { status: 'error'; message: string } | { status: 'ready'; preview: Preview } => {
    if (!site || !ruleSet || load.status !== 'ready') return { status: 'none' };
    try {
      return {
        status: 'ready',
        preview: previewRuleSet(ruleSet, site, load.layers, {
          projectType: projectType || null,
          checkedOn: today(),
        }),
      };
    } catch (error) {
      return { status: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }, [site, ruleSet, load, projectType]);
  const preview = previewState.status === 'ready' ? previewState.preview : null;

  // the server's check
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const thisSession = useRef(new Set<string>());
  const listCode = PROJECT_CODE.test(projectCode) ? projectCode : '';
  const { resource: runs, reload: reloadRuns } = useResource(`runs:${listCode}`, (signal) =>
    fetchChecks({ ...(listCode ? { projectCode: listCode } : {}), limit: 20 }, signal),
  );

  const run = useCallback(() => {
    if (!site || !ruleSet) return;
    setCheck({ status: 'running' });
    runCheck({
      geometry: site,
      ruleSet: ruleSet.code,
      ...(projectType ? { projectType } : {}),
      ...(PROJECT_CODE.test(projectCode) ? { projectCode } : {}),
    }).then(
      (result) => {
        thisSession.current.add(result.id);
        setCheck({ status: 'done', check: result });
        reloadRuns();
      },
      (error: unknown) => setCheck({ status: 'error', error, retry: run }),
    );
  }, [site, ruleSet, projectType, projectCode, reloadRuns]);

  const openRun = useCallback(
    (id: string) => {
      setCheck({ status: 'running' });
      fetchCheck(id).then(
        (stored) => {
          setCheck({ status: 'done', check: stored });
          editor.setSite(stored.siteGeometry);
        },
        (error: unknown) => setCheck({ status: 'error', error, retry: () => openRun(id) }),
      );
    },
    [editor],
  );

  const done = check.status === 'done' ? check.check : null;
  const stale = Boolean(done && (!site || !sameGeometry(site, done.siteGeometry)));
  const disagreements = useMemo(
    () => (done && preview && !stale ? comparePreview(preview, done) : null),
    [done, preview, stale],
  );

  // conflicts on the map: the server's in red, the preview's in dashed orange
  const serverHighlights = useMemo<Highlight[]>(
    () =>
      (done?.rules ?? []).flatMap((r) =>
        r.conflictGeometry && !r.passed ? [{ id: `server:${r.ruleId}`, geometry: r.conflictGeometry }] : [],
      ),
    [done],
  );
  const previewHighlights = useMemo<Highlight[]>(
    () =>
      (preview?.rules ?? []).flatMap((r) =>
        r.conflict && !r.passed && r.severity !== 'inform'
          ? [{ id: `preview:${r.ruleId}`, geometry: r.conflict }]
          : [],
      ),
    [preview],
  );
  useHighlightLayer(map, serverHighlights, SERVER_CONFLICT_STYLE, 9_000);
  useHighlightLayer(map, previewHighlights, PREVIEW_CONFLICT_STYLE, 9_500);

  const showConflict = useCallback(
    (ruleId: string) => {
      const geometry = done?.rules.find((r) => r.ruleId === ruleId)?.conflictGeometry;
      if (map && geometry)
        map.getView().fit(toViewGeometry(geometry).getExtent(), {
          padding: [80, 80, 80, 380],
          maxZoom: 19,
          duration: 300,
        });
    },
    [map, done],
  );

  return (
    <div className="ob-page">
      <Header />
      <main className="ob-main ob-compliance-main" data-testid="compliance-page">
        <div className="ob-compliance-map">
          <MapView
            layers={catalog.status === 'ready' ? catalog.layers : null}
            layerState={layerState}
            onFeaturesClicked={ignoreClicks}
            onMap={setMap}
          />
          {catalog.status === 'ready' && (
            <LayerPanel
              layers={layers}
              layerState={layerState}
              onToggle={onToggle}
              onOpacity={onOpacity}
              onMove={onMove}
            />
          )}
          <div className="ob-banners">
            {catalog.status === 'error' && <CatalogErrorBanner error={catalog} onRetry={retryCatalog} />}
          </div>
        </div>
        <aside className="ob-compliance-panel" aria-label={t('compliance.title')}>
          <h2 className="ob-compliance-title">{t('compliance.title')}</h2>
          <section
            className="ob-compliance-section"
            data-testid="rule-set"
            data-status={ruleSetResource.status}
          >
            <h3>{t('compliance.ruleSet')}</h3>
            {(ruleSets.status === 'loading' || ruleSetResource.status === 'loading') && (
              <p className="ob-hint">{t('compliance.ruleSetLoading')}</p>
            )}
            {(ruleSets.status === 'error' || ruleSetResource.status === 'error') && (
              <StatusBanner tone="error" testId="rule-set-error">
                <span>
                  {t('compliance.ruleSetFailed', {
                    message: describeError(
                      ruleSets.status === 'error'
                        ? ruleSets.error
                        : (ruleSetResource as { error: unknown }).error,
                    ).message,
                  })}
                </span>
                <button
                  type="button"
                  className="ob-button"
                  onClick={ruleSets.status === 'error' ? reloadRuleSets : reloadRuleSet}
                >
                  {t('compliance.retry')}
                </button>
              </StatusBanner>
            )}
            {ruleSets.status === 'ready' && ruleSets.value.length > 1 && (
              <select
                value={ruleSetCode ?? ''}
                data-testid="rule-set-select"
                onChange={(e) => setChosenCode(e.target.value)}
              >
                {ruleSets.value.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.name}（{s.code}）
                  </option>
                ))}
              </select>
            )}
            {ruleSet && (
              <p className="ob-hint" data-testid="rule-set-name" data-version={ruleSet.version}>
                {t('compliance.ruleSetVersion', {
                  name: ruleSet.name,
                  version: ruleSet.version,
                  count: ruleSet.rules.length,
                })}
              </p>
            )}
          </section>
          <SitePanel
            editor={editor}
            siteAreaM2={siteAreaM2}
            onFile={onFile}
            fileMessage={fileMessage}
            projectTypes={projectTypes}
            projectType={projectType}
            onProjectType={setProjectType}
            projectCode={projectCode}
            onProjectCode={setProjectCode}
          />
          <PreviewPanel preview={previewState} load={load} onRetryLoad={retryLoad} />
          <section className="ob-compliance-section">
            <button
              type="button"
              className="ob-button ob-button-primary ob-run-check"
              data-testid="run-check"
              disabled={!site || !ruleSet || check.status === 'running'}
              onClick={run}
            >
              {check.status === 'running' ? t('compliance.running') : t('compliance.run')}
            </button>
            {check.status === 'error' && (
              <StatusBanner tone="error" testId="check-error">
                <span>{t('compliance.runFailed', { message: describeError(check.error).message })}</span>
                <button type="button" className="ob-button" onClick={check.retry} data-testid="check-retry">
                  {t('compliance.retry')}
                </button>
              </StatusBanner>
            )}
          </section>
          {done && (
            <>
              <CheckResultPanel
                check={done}
                disagreements={disagreements}
                stale={stale}
                previewRuleSetVersion={ruleSet?.code === done.ruleSet.code ? ruleSet.version : null}
                onShowConflict={showConflict}
              />
              <DownloadButtons checkId={done.id} />
            </>
          )}
          <CheckRunList
            runs={runs}
            thisSession={thisSession.current}
            openId={done?.id ?? null}
            onOpen={openRun}
            onRetry={reloadRuns}
          />
        </aside>
      </main>
    </div>
  );
}
