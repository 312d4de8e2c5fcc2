// A rule set as a form: its settings, then each rule with the common fields and the fields of its kind.
// Each server complaint appears beside the field of its JSON path; one the form has no field for appears at
// the head of its rule, or at the top.
import type { RuleSetIssue } from '../../../api/admin/ruleSets';
import { useI18n } from '../../../i18n/I18nProvider';
import { getIn, type Draft, type PathPart } from './draftPath';
import { DraftField } from './DraftField';
import { IssueList, issuesAt } from './Issues';
import { KIND_FORMS, kindForm, matrixText, parseMatrix } from './ruleKinds';

interface Props {
  draft: Draft;
  issues: readonly RuleSetIssue[];
  onChange: (path: readonly PathPart[], value: unknown) => void;
}

const SETTINGS = ['name', 'districtCode', 'cityBoundaryLayer', 'maxSiteAreaM2'];
const COMMON = ['id', 'title', 'legalBasis', 'severity', 'kind', 'layers', 'filter'];
const SEVERITIES = ['prohibit', 'warn', 'inform'] as const;

/** Issues no field shows: under rules[i] at the rule, else at the top. */
function unclaimed(issues: readonly RuleSetIssue[], draft: Draft) {
  const rules = getIn(draft, ['rules']);
  const count = Array.isArray(rules) ? rules.length : 0;
  const claimed = (path: string): boolean => {
    if (SETTINGS.includes(path)) return true;
    const match = /^rules\[(\d+)\]\.(\w+)(?:\.(\w+))?/.exec(path);
    if (!match || Number(match[1]) >= count) return false;
    const [, index, field, param] = match;
    if (field !== 'params') return COMMON.includes(field ?? '');
    const form = kindForm(getIn(draft, ['rules', Number(index), 'kind']));
    return form?.fields.some((f) => f.key === param) ?? false;
  };
  return issues.filter((issue) => !claimed(issue.path));
}

export function RuleSetForm({ draft, issues, onChange }: Props) {
  const { t } = useI18n();
  const rules = getIn(draft, ['rules']);
  const ruleList = Array.isArray(rules) ? rules : [];
  const loose = unclaimed(issues, draft);
  const field = (path: readonly PathPart[], label: string, type: 'text' | 'number' | 'list' = 'text') => (
    <DraftField draft={draft} path={path} type={type} label={label} issues={issues} onChange={onChange} />
  );

  const addRule = () =>
    onChange(['rules', ruleList.length], {
      id: `rule_${ruleList.length + 1}`,
      title: '',
      legalBasis: '',
      severity: 'prohibit',
      kind: 'must_not_intersect',
      layers: [],
      params: { toleranceM2: 0 },
    });
  const removeRule = (index: number) =>
    onChange(
      ['rules'],
      ruleList.filter((_, i) => i !== index),
    );

  return (
    <div className="ob-admin-rule-form" data-testid="rule-set-form">
      <IssueList issues={loose.filter((issue) => !issue.path.startsWith('rules['))} />
      <div className="ob-form-grid">
        {field(['name'], t('admin.rules.name'))}
        {field(['districtCode'], t('admin.rules.districtCode'))}
        {field(['cityBoundaryLayer'], t('admin.rules.cityBoundaryLayer'))}
        {field(['maxSiteAreaM2'], t('admin.rules.maxSiteAreaM2'), 'number')}
      </div>
      {ruleList.map((rule, index) => {
        const kind = getIn(rule, ['kind']);
        const form = kindForm(kind);
        const here = loose.filter(
          (issue) => issue.path === `rules[${index}]` || issue.path.startsWith(`rules[${index}].`),
        );
        return (
          <fieldset
            key={index}
            className="ob-admin-rule"
            data-testid={`rule-${index}`}
            aria-invalid={issuesAt(issues, `rules[${index}]`, true).length > 0 || undefined}
          >
            <legend>
              {t('admin.rules.ruleNumber', { n: index + 1 })} {String(getIn(rule, ['title']) ?? '')}
            </legend>
            <IssueList issues={here} />
            <div className="ob-form-grid">
              {field(['rules', index, 'id'], t('admin.rules.id'))}
              {field(['rules', index, 'title'], t('admin.rules.title'))}
              {field(['rules', index, 'legalBasis'], t('admin.rules.legalBasis'))}
              <label className="ob-field">
                <span>{t('admin.rules.severity')}</span>
                <select
                  value={String(getIn(rule, ['severity']) ?? '')}
                  data-testid={`rule-field-rules[${index}].severity`}
                  onChange={(event) => onChange(['rules', index, 'severity'], event.target.value)}
                >
                  {SEVERITIES.map((severity) => (
                    <option key={severity} value={severity}>
                      {t(`compliance.severity.${severity}`)}
                    </option>
                  ))}
                </select>
                <IssueList issues={issuesAt(issues, `rules[${index}].severity`)} />
              </label>
              <label className="ob-field">
                <span>{t('admin.rules.kind')}</span>
                <select
                  value={String(kind ?? '')}
                  data-testid={`rule-field-rules[${index}].kind`}
                  onChange={(event) => {
                    // a new kind starts from its own parameters: the old kind's would be refused
                    const next = kindForm(event.target.value);
                    onChange(['rules', index], {
                      ...(rule as Record<string, unknown>),
                      kind: event.target.value,
                      params: next?.defaults ?? {},
                    });
                  }}
                >
                  {!form && <option value={String(kind ?? '')}>{String(kind ?? '')}</option>}
                  {KIND_FORMS.map((option) => (
                    <option key={option.kind} value={option.kind}>
                      {t(option.label)}
                    </option>
                  ))}
                </select>
                <IssueList issues={issuesAt(issues, `rules[${index}].kind`)} />
              </label>
              <DraftField
                draft={draft}
                path={['rules', index, 'layers']}
                type="list"
                label={t('admin.rules.layers')}
                hint={t('admin.rules.layersHint')}
                issues={issues}
                onChange={onChange}
              />
              <DraftField
                draft={draft}
                path={['rules', index, 'filter']}
                type="json"
                label={t('admin.rules.filter')}
                hint={t('admin.rules.filterHint')}
                issues={issues}
                onChange={onChange}
              />
              {form?.fields.map((param) =>
                param.type === 'matrix' ? (
                  <DraftField
                    key={`${String(kind)}-${param.key}`}
                    draft={draft}
                    path={['rules', index, 'params', param.key]}
                    type="matrix"
                    label={t(param.label)}
                    hint={t('admin.rules.matrixHint')}
                    issues={issues}
                    onChange={onChange}
                    toText={matrixText}
                    fromText={parseMatrix}
                  />
                ) : (
                  <DraftField
                    key={`${String(kind)}-${param.key}`}
                    draft={draft}
                    path={['rules', index, 'params', param.key]}
                    type={param.type}
                    label={t(param.label)}
                    issues={issues}
                    onChange={onChange}
                    {...(param.type === 'number' && param.step ? { step: param.step } : {})}
                  />
                ),
              )}
            </div>
            <div className="ob-form-actions">
              <button type="button" className="ob-link-button" onClick={() => removeRule(index)}>
                {t('admin.rules.remove')}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="ob-form-actions">
        <button type="button" className="ob-button" data-testid="rule-add" onClick={addRule}>
          {t('admin.rules.add')}
        </button>
      </div>
    </div>
  );
}
