// The standard page's compact information panel: the project (name, code, unit, district, approval stage
// and status, site area in m²/公顷/亩, latest compliance verdict), then the layers shown and those withheld.
import { formatArea } from '../components/formatArea';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';
import type { BlueprintData, BlueprintProject } from './blueprintData';
import { localPart } from './localPart';

/** The panel's width, which the map leaves free when it frames the site. */
export const PANEL_WIDTH_PX = 300;

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

function ProjectFacts({ data }: { data: BlueprintProject }) {
  const { t, locale } = useI18n();
  const { project, site, latestCheck, approval } = data;
  const area = site
    ? formatArea(site.areaM2, locale, { m2: t('unit.m2'), hectare: t('unit.hectare'), mu: t('unit.mu') })
    : null;
  const verdictClass = latestCheck ? `ob-blueprint-verdict ob-blueprint-verdict-${latestCheck.verdict}` : '';
  return (
    <>
      <h1 className="ob-blueprint-name" data-testid="blueprint-project-name">
        {project.name}
      </h1>
      <dl className="ob-blueprint-facts">
        <Row label={t('blueprint.project.code')} testId="blueprint-project-code">
          {project.code}
        </Row>
        <Row label={t('blueprint.project.unit')} testId="blueprint-project-unit">
          {project.constructionUnit}
        </Row>
        <Row label={t('blueprint.project.district')} testId="blueprint-project-district">
          {project.districtName ?? project.districtCode}
        </Row>
        <Row label={t('blueprint.project.stage')} testId="blueprint-project-stage">
          {t(`blueprint.stage.${project.stage}` as MessageKey)}
        </Row>
        <Row label={t('blueprint.project.status')} testId="blueprint-project-status">
          {approval
            ? t('blueprint.project.approval', {
                item: approval.item,
                status: t(`blueprint.status.${approval.status}` as MessageKey),
              })
            : t('blueprint.project.noApproval')}
          {approval?.warning && (
            <span className="ob-blueprint-warning">{localPart(approval.warning.message, locale)}</span>
          )}
        </Row>
        <Row label={t('blueprint.project.area')} testId="blueprint-project-area">
          {area ? (
            <>
              <span>{area.m2}</span>
              <span>{area.hectares}</span>
              <span>{area.mu}</span>
            </>
          ) : (
            t('blueprint.project.noSite')
          )}
        </Row>
        <Row label={t('blueprint.project.verdict')} testId="blueprint-project-verdict">
          {latestCheck ? (
            <>
              <strong className={verdictClass}>
                {t(`blueprint.verdict.${latestCheck.verdict}` as MessageKey)}
              </strong>{' '}
              <span className="ob-muted">
                {t('blueprint.project.checkedAt', {
                  date: new Date(latestCheck.createdAt).toLocaleDateString(locale),
                })}
              </span>
            </>
          ) : (
            t('blueprint.project.noCheck')
          )}
        </Row>
      </dl>
    </>
  );
}

export function InfoPanel({ data }: { data: BlueprintData }) {
  const { t } = useI18n();
  return (
    <aside
      className="ob-blueprint-panel"
      aria-label={t('blueprint.panel')}
      data-testid="blueprint-panel"
      tabIndex={0}
    >
      {data.project ? (
        <ProjectFacts data={data.project} />
      ) : (
        <h1 className="ob-blueprint-name">{t('blueprint.title')}</h1>
      )}
      {data.projectWithheld && (
        <p className="ob-blueprint-note" data-testid="blueprint-project-withheld">
          {t('blueprint.project.withheld', { code: data.projectCode ?? '' })}
        </p>
      )}
      <h2 className="ob-blueprint-subtitle">{t('blueprint.layers')}</h2>
      <ul className="ob-blueprint-layers" data-testid="blueprint-layers">
        {[...data.layers].reverse().map((layer) => (
          <li key={layer.code} data-layer={layer.code}>
            {layer.name}
          </li>
        ))}
      </ul>
      {data.withheld.length > 0 && (
        <p className="ob-blueprint-note" data-testid="blueprint-layers-withheld">
          {t('blueprint.layersWithheld', { count: data.withheld.length })}
        </p>
      )}
    </aside>
  );
}
