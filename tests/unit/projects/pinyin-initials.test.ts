// The pinyin initials a project's name and unit are searched by: Chinese characters by their reading in
// context, Latin letters and digits kept in lower case (full-width ones too), the rest left out.
import { mayBeInitials, pinyinInitials } from '../../../projects';

describe('pinyinInitials', () => {
  it.each([
    ['新疆道路改扩建工程', 'xjdlgkjgc'],
    ['乌鲁木齐市水务局', 'wlmqsswj'],
    ['G216国道（乌鲁木齐段）改建', 'g216gdwlmqdgj'],
    ['ＡＢＣ１２３小区', 'abc123xq'],
    ['重庆路 长江路 交叉口', 'cqlcjljck'],
    ['', ''],
  ])('gives %s as %s', (text, initials) => {
    expect(pinyinInitials(text)).toBe(initials);
  });
});

describe('mayBeInitials', () => {
  it.each([
    ['xjdl', true],
    ['XJDL', true],
    ['g216', true],
    ['2024', false],
    ['新疆', false],
    ['xj dl', false],
    ['650102-83', false],
  ])('%s: %s', (q, expected) => {
    expect(mayBeInitials(q)).toBe(expected);
  });
});
