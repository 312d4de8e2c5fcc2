// The schema's default messages (zod's, in English) said in Chinese; the rule set's own messages are already
// bilingual and pass through. Unknown wording is shown as the server sent it.
import type { Locale } from '../../../i18n/messages';

const TYPES: Record<string, string> = {
  number: '数字',
  string: '文字',
  array: '数组',
  object: '对象',
  boolean: '布尔值',
  undefined: '空',
  null: 'null',
};
const type = (name: string) => TYPES[name] ?? name;

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Too small: expected number to be (>=?)(.+)$/,
    (m) => `数值过小：应${m[1] === '>' ? '大于' : '不小于'} ${m[2]}`,
  ],
  [
    /^Too big: expected number to be (<=?)(.+)$/,
    (m) => `数值过大：应${m[1] === '<' ? '小于' : '不大于'} ${m[2]}`,
  ],
  [/^Too small: expected string to have >=?(\d+) characters?$/, (m) => `文字过短：至少 ${m[1]} 个字符`],
  [/^Too big: expected string to have <=?(\d+) characters?$/, (m) => `文字过长：至多 ${m[1]} 个字符`],
  [/^Too small: expected array to have >=?(\d+) items?$/, (m) => `至少需要 ${m[1]} 项`],
  [/^Too big: expected array to have <=?(\d+) items?$/, (m) => `至多 ${m[1]} 项`],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (m) => `类型不正确：应为${type(m[1]!)}，实际为${type(m[2]!)}`,
  ],
  [/^Invalid option: expected one of (.+)$/, (m) => `取值不正确：应为 ${m[1]} 之一`],
  [/^Unrecognized keys?: (.+)$/, (m) => `不认识的字段：${m[1]}`],
  [/^Invalid string: must match pattern (.+)$/, (m) => `格式不正确：应符合 ${m[1]}`],
  [/^Invalid input$/, () => '输入不正确（如规则类型不在可选范围内）'],
  [/^Required$/, () => '必填'],
];

export function issueMessage(message: string, locale: Locale): string {
  if (locale !== 'zh-CN') return message;
  for (const [pattern, say] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  return message;
}
