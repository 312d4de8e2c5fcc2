// The validation report keeps the first issues of a file with very many, and still counts them all.
import { emptyReport, reportToCsv } from '../../../importers';
import { addIssue, MAX_REPORTED_ISSUES, sortIssues } from '../../../importers/pipeline/validation-report';

const report = () => emptyReport({ fileName: 'a.geojson', format: 'GeoJSON', crs: null, encoding: null });

describe('the validation report', () => {
  it('keeps the first issues, counts the rest and every error by code, and says so in its CSV', () => {
    const r = report();
    for (let feature = 1; feature <= MAX_REPORTED_ISSUES + 5; feature++) {
      addIssue(r, {
        feature,
        key: null,
        severity: 'error',
        code: feature % 2 ? 'missing_geometry' : 'out_of_range',
        message: '…',
        details: {},
      });
    }
    expect(r.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(r).toMatchObject({
      truncated: true,
      omittedIssues: 5,
      errorsByCode: { missing_geometry: 503, out_of_range: 502 },
    });
    const lines = reportToCsv(r).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + MAX_REPORTED_ISSUES + 1);
    expect(lines.at(-1)).toContain('issues_omitted');
    expect(lines.at(-1)).toContain('另有5条问题未列出');
  });

  it('puts issues in file order, keeping the order of one feature’s issues', () => {
    const r = report();
    const issue = (feature: number, code: string) =>
      addIssue(r, { feature, key: null, severity: 'error', code, message: '', details: {} });
    issue(7, 'out_of_range');
    issue(2, 'missing_geometry');
    issue(7, 'missing_attribute');
    issue(0, 'whole_file');
    sortIssues(r);
    expect(r.issues.map((i) => [i.feature, i.code])).toEqual([
      [0, 'whole_file'],
      [2, 'missing_geometry'],
      [7, 'out_of_range'],
      [7, 'missing_attribute'],
    ]);
  });
});
