// CSV cells the platform writes cannot start a spreadsheet formula (CSV injection).
import { csvCell, neutraliseFormula } from '../../../importers/formats/csv-cell';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://example.com","点击")', '\'=HYPERLINK("http://example.com","点击")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
  ])('prefixes %j with a single quote', (text, safe) => {
    expect(neutraliseFormula(text)).toBe(safe);
  });

  it.each(['-3.5', '+12', '-0.25e3', '-.5', '永久基本农田', 'DK-00001', 'a=b', ''])(
    'leaves %j as it is',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('csvCell', () => {
  it('quotes after neutralising, and writes non-text values as JSON', () => {
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell({ value: '=1+1' })).toBe('"{""value"":""=1+1""}"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('一,二')).toBe('"一,二"');
  });
});
