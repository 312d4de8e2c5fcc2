// The rule set editor's pure parts: the line of a JSON path in text as the user wrote it (also when they
// reformatted it, or the path names a property they left out), the line of a syntax error, the draft's
// path updates, and zod's default wording said in Chinese.
import { issueMessage } from '../../../../map-client/src/components/admin/rule-set/issueMessage';
import {
  lineOfPath,
  pathLines,
  syntaxErrorLine,
} from '../../../../map-client/src/components/admin/rule-set/jsonPathLines';
import { getIn, setIn } from '../../../../map-client/src/components/admin/rule-set/draftPath';

describe('rule set JSON lines', () => {
  const text = [
    '{',
    '  "name": "规则集 \\"甲\\"",',
    '  "rules": [',
    '    { "id": "a", "params": { "toleranceM2": 0 } },',
    '    {',
    '      "id": "b",',
    '      "layers": ["x", "y"],',
    '      "params": {',
    '        "distanceM": -5',
    '      }',
    '    }',
    '  ]',
    '}',
  ].join('\n');

  it('finds the line of each path as the server names it', () => {
    const lines = pathLines(text);
    expect(lines.get('name')).toBe(2);
    expect(lines.get('rules')).toBe(3);
    expect(lines.get('rules[0].params.toleranceM2')).toBe(4);
    expect(lines.get('rules[1]')).toBe(5);
    expect(lines.get('rules[1].layers[1]')).toBe(7);
    expect(lines.get('rules[1].params.distanceM')).toBe(9);
  });

  it('puts a missing property on its nearest written parent, and the root on line 1', () => {
    const lines = pathLines(text);
    expect(lineOfPath(lines, 'rules[1].params.maxRatio')).toBe(8);
    expect(lineOfPath(lines, 'rules[1].legalBasis')).toBe(5);
    expect(lineOfPath(lines, 'rules[7].id')).toBe(3);
    expect(lineOfPath(lines, '$')).toBe(1);
  });

  it('finds the line where a text stops being JSON, as JSON.parse judges it', () => {
    const cases: [string, number | null][] = [
      ['{\n  "a": 1,\n  "b": ,\n}', 3],
      ['{\n  "a": [1, 2,]\n}', 2],
      ['{\n  "a": 1\n  "b": 2\n}', 3],
      ['{\n  "a": "x\\q"\n}', 2],
      ['{\n  "a": 01\n}', 2],
      ['{"a": 1}\n\nx', 3],
      ['{\n  "a": "\\u00e9", "b": [true, false, null, -1.5e3]\n}', null],
      [text, null],
    ];
    for (const [input, line] of cases) {
      expect(syntaxErrorLine(input)).toBe(line);
      // the judgement agrees with the browser's own parser
      expect(line === null).toBe(
        (() => {
          try {
            JSON.parse(input);
            return true;
          } catch {
            return false;
          }
        })(),
      );
    }
  });
});

describe('rule set draft paths', () => {
  it('replaces one value without touching the rest, and removes one set to undefined', () => {
    const draft = { rules: [{ id: 'a', params: { distanceM: 5 } }], name: 'n' };
    const next = setIn(draft, ['rules', 0, 'params', 'distanceM'], 30);
    expect(getIn(next, ['rules', 0, 'params', 'distanceM'])).toBe(30);
    expect(getIn(draft, ['rules', 0, 'params', 'distanceM'])).toBe(5);
    expect(getIn(next, ['name'])).toBe('n');
    expect(Array.isArray(getIn(next, ['rules']))).toBe(true);
    expect(getIn(setIn(next, ['name'], undefined), ['name'])).toBeUndefined();
    expect(Object.keys(setIn(next, ['name'], undefined) as object)).toEqual(['rules']);
  });
});

describe('schema messages in Chinese', () => {
  it('says zod’s default messages in Chinese, leaves others and English as they are', () => {
    expect(issueMessage('Too small: expected number to be >0', 'zh-CN')).toBe('数值过小：应大于 0');
    expect(issueMessage('Too big: expected number to be <=1', 'zh-CN')).toBe('数值过大：应不大于 1');
    expect(issueMessage('Invalid input: expected number, received string', 'zh-CN')).toBe(
      '类型不正确：应为数字，实际为文字',
    );
    expect(issueMessage('规则编号重复 / duplicate rule id "a"', 'zh-CN')).toBe(
      '规则编号重复 / duplicate rule id "a"',
    );
    expect(issueMessage('Too small: expected number to be >0', 'en')).toBe(
      'Too small: expected number to be >0',
    );
  });
});
