// The compliance page (route "/compliance", for holders of compliance.run): the map with the layers the rule
// set reads, and a side panel in three tabs. 审查: the site drawn, edited (corners added, removed, undone)
// or read from a file; the live preview of the same rule set evaluated in the browser as the site changes;
// the server's check (authoritative) with its figures, a selected rule's conflicts emphasised on the map and
// where the preview differs; the report and data downloads; the checks already run. 选址推荐: the candidate
// search, its results on the map, one made the site. 多规冲突: the conflicts layer and its figures.
import { useCallback, useMemo, useRef, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { Fill, Stroke, Style } from 'ol/style.js';
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
import type { Candidate } from '../api/complianceCandidates';
import { CandidatePanel } from '../components/compliance/CandidatePanel';
import { CheckResultPanel } from '../components/compliance/CheckResultPanel';
import { CheckRunList } from '../components/compliance/CheckRunList';
import { ConflictPanel } from '../components/compliance/ConflictPanel';
import { conflictStyle } from '../components/compliance/conflictStyle';
import { DownloadButtons } from '../components/compliance/DownloadButtons';
import { PanelTabs } from '../components/compliance/PanelTabs';
import { PreviewPanel } from '../components/compliance/PreviewPanel';
import { RuleSetSection } from '../components/compliance/RuleSetSection';
import { SitePanel } from '../components/compliance/SitePanel';
import { toViewGeometry } from '../map/cgcs2000Geometry';
import { useHighlightLayer, type Highlight } from '../components/compliance/useHighlightLayer';
import { useRuleFeatures } from '../components/compliance/useRuleFeatures';
import { useComplianceLayers } from '../components/compliance/useComplianceLayers';
import { useEditorKeys } from '../components/compliance/useEditorKeys';
import { useSiteEditor } from '../components/compliance/useSiteEditor';
import { useSiteFile } from '../components/compliance/useSiteFile';
import { describeError } from '../components/describeError';
import { CatalogErrorBanner } from '../components/CatalogErrorBanner';
import { Header } from '../components/Header';
import { LayerPanel } from '../components/LayerPanel';
import { MapView } from '../components/MapView';
import { StatusBanner } from '../components/StatusBanner';
import { useResource } from '../components/useResource';
import { useI18n } from '../i18n/I18nProvider';
import { sessionKey } from '../session/canManageLayer';
import { useSession } from '../session/SessionProvider';
import { useCatalog } from './useCatalog';

const NO_LAYERS: LayerSummary[] = [];
const PROJECT_CODE = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

/** the preview's conflict parts: orange, dashed */
const PREVIEW_CONFLICT_STYLE = [
  new Style({
    fill: new Fill({ color: 'rgba(224, 161, 0, 0.18)' }),
    stroke: new Stroke({ color: '#e07b00', width: 2, lineDash: [6, 4] }),
  }),
];

type Polygonal = Polygon | MultiPolygon;
type Tab = 'check' | 'candidates' | 'conflicts';
/** the cross-plan conflicts layer, switched on from the 多规冲突 tab */
const CONFLICTS_LAYER = 'planning_conflicts';
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

export function CompliancePage() {
  const { t } = useI18n();
  const session = useSession();
  const { catalog, retry: retryCatalog } = useCatalog(sessionKey(session));
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
  const { layerState, layersByCode, onToggle, onOpacity, onMove } = useComplianceLayers(
    layers,
    ruleLayerCodes,
  );
  const ignoreClicks = useCallback(() => undefined, []);
  const conflictsLayer = layersByCode.get(CONFLICTS_LAYER);
  const conflictsVisible = layerState.views[CONFLICTS_LAYER]?.visible ?? false;
  const showConflictsLayer = useCallback(
    (visible: boolean) => onToggle(CONFLICTS_LAYER, visible),
    [onToggle],
  );
  const [tab, setTab] = useState<Tab>('check');

  // the site
  const [map, setMap] = useState<OlMap | null>(null);
  const [site, setSite] = useState<Polygonal | null>(null);
  const editor = useSiteEditor(map, setSite);
  const siteBox = useMemo(() => (site ? boxOf(site) : null), [site]);
  const siteAreaM2 = useMemo(() => (site ? ellipsoidAreaM2(site) : null), [site]);
  const [projectType, setProjectType] = useState('');
  const [projectCode, setProjectCode] = useState('');
  const [fileSrs, setFileSrs] = useState('');
  const siteFile = useSiteFile(editor.setSite, fileSrs);

  useEditorKeys(editor);

  const chooseCandidate = useCallback(
    (candidate: Candidate, type: string) => {
      editor.setSite(candidate.geometry);
      setProjectType(type);
      setTab('check');
    },
    [editor],
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

  // conflicts on the map: the server's in red (the selected rule's emphasised), the preview's dashed orange
  const [selectedRule, setSelectedRule] = useState<{ checkId: string; ruleId: string } | null>(null);
  const selectedRuleId = done && selectedRule?.checkId === done.id ? selectedRule.ruleId : null;
  const serverHighlights = useMemo<Highlight[]>(
    () =>
      (done?.rules ?? []).flatMap((r) =>
        r.conflictGeometry && !r.passed
          ? [
              {
                id: `server:${r.ruleId}`,
                geometry: r.conflictGeometry,
                properties: { ruleId: r.ruleId, selected: r.ruleId === selectedRuleId },
              },
            ]
          : [],
      ),
    [done, selectedRuleId],
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
  useHighlightLayer(map, serverHighlights, conflictStyle, 9_000, 'compliance-server-conflicts');
  useHighlightLayer(map, previewHighlights, PREVIEW_CONFLICT_STYLE, 9_500, 'compliance-preview-conflicts');

  const showConflict = useCallback(
    (ruleId: string) => {
      if (!done) return;
      setSelectedRule({ checkId: done.id, ruleId });
      const geometry = done.rules.find((r) => r.ruleId === ruleId)?.conflictGeometry;
      if (map && geometry)
        map.getView().fit(toViewGeometry(geometry).getExtent(), {
          // clear of the layer panel on the map's left
          padding: [80, 80, 80, 380],
          maxZoom: 18,
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
          <PanelTabs
            tabs={[
              { id: 'check', label: t('compliance.tab.check') },
              { id: 'candidates', label: t('compliance.tab.candidates') },
              { id: 'conflicts', label: t('compliance.tab.conflicts') },
            ]}
            active={tab}
            onChange={setTab}
            label={t('compliance.title')}
          />
          <div
            role="tabpanel"
            id="ob-compliance-tabpanel-check"
            aria-labelledby="ob-compliance-tab-check"
            hidden={tab !== 'check'}
          >
            <RuleSetSection
              ruleSets={ruleSets}
              ruleSet={ruleSetResource}
              code={ruleSetCode}
              onChoose={setChosenCode}
              onRetryList={reloadRuleSets}
              onRetrySet={reloadRuleSet}
            />
            <SitePanel
              editor={editor}
              siteAreaM2={siteAreaM2}
              onFile={siteFile.read}
              file={siteFile.state}
              srs={fileSrs}
              onSrs={setFileSrs}
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
                  selectedRuleId={selectedRuleId}
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
          </div>
          <div
            role="tabpanel"
            id="ob-compliance-tabpanel-candidates"
            aria-labelledby="ob-compliance-tab-candidates"
            hidden={tab !== 'candidates'}
          >
            <CandidatePanel
              map={map}
              showOnMap={tab === 'candidates'}
              projectTypes={projectTypes}
              ruleSetCode={ruleSetCode}
              onChoose={chooseCandidate}
            />
          </div>
          <div
            role="tabpanel"
            id="ob-compliance-tabpanel-conflicts"
            aria-labelledby="ob-compliance-tab-conflicts"
            hidden={tab !== 'conflicts'}
          >
            <ConflictPanel
              layerAvailable={Boolean(conflictsLayer?.tiles)}
              visible={conflictsVisible}
              onVisible={showConflictsLayer}
              canRecompute={session.can('rules.manage')}
            />
          </div>
        </aside>
      </main>
    </div>
  );
}
