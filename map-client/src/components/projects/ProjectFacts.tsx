// The project's record at the top of its page: name and code, construction unit, type, district and stage.
import type { ProjectRecord } from '../../api/projects';
import { useI18n } from '../../i18n/I18nProvider';

export function ProjectFacts({ project }: { project: ProjectRecord }) {
  const { t } = useI18n();
  return (
    <>
      <h2 className="ob-projects-name" data-testid="project-name">
        {project.name}
      </h2>
      <dl className="ob-projects-facts">
        <dt>{t('projects.field.code')}</dt>
        <dd data-testid="project-code">{project.code}</dd>
        <dt>{t('projects.field.unit')}</dt>
        <dd>{project.constructionUnit}</dd>
        <dt>{t('projects.field.type')}</dt>
        <dd>
          {project.projectType} ·{' '}
          {t(`projects.investment.${project.investmentType === 'social' ? 'social' : 'government'}`)}
        </dd>
        <dt>{t('projects.field.district')}</dt>
        <dd>{project.districtName ?? project.districtCode}</dd>
        <dt>{t('projects.field.stage')}</dt>
        <dd>{t(`projects.stage.${project.stage}`)}</dd>
        {project.totalInvestmentWanYuan !== null && (
          <>
            <dt>{t('projects.field.investment')}</dt>
            <dd>{t('projects.investmentWanYuan', { amount: project.totalInvestmentWanYuan })}</dd>
          </>
        )}
      </dl>
    </>
  );
}
