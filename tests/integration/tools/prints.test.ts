// POST /api/v1/prints: a map image with its title, legend and ground resolution becomes a landscape A4 or
// A3 PDF with the CJK font embedded (pdffonts), the title, legend names and the numeric scale as text
// (pdftotext) and the scale true on paper, for a signed-in user (anonymously: 401); bad input is a 400
// naming the field.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { printScale } from '../../../prints';
import { signIn, type SignedIn } from '../../support/access';
import { useTestServer } from '../../support/test-server';

const server = useTestServer();
const dir = mkdtempSync(path.join(tmpdir(), 'prints-'));
let viewer: SignedIn;

beforeAll(async () => {
  viewer = await signIn(server.url, 'viewer');
});

function mapPng(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#e8efe0';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#d64541';
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.toBuffer('image/png');
}

function form(fields: Record<string, string>, png: Buffer | null): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (png) body.append('map', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'map.png');
  return body;
}

const FIELDS = {
  title: '天山区控制性详细规划图',
  paper: 'A4',
  metresPerPixel: '2.5',
  legend: JSON.stringify([
    { name: '控制性详细规划用地', colour: '#f2c14e' },
    { name: '生态保护红线', colour: '#d64541' },
    { name: '遥感影像', colour: null },
  ]),
  notes: JSON.stringify(['坐标系 CGCS2000', '打印时间 2026-01-01 08:00']),
};

async function print(fields: Record<string, string>, png: Buffer | null) {
  return fetch(`${server.url}/api/v1/prints`, {
    method: 'POST',
    headers: viewer.headers(),
    body: form(fields, png),
  });
}

function pdfText(pdf: Buffer, name: string): { text: string; fonts: string; size: string } {
  const file = path.join(dir, name);
  writeFileSync(file, pdf);
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    size: execFileSync('pdfinfo', [file], { encoding: 'utf8' }),
  };
}

it('prints an A4 landscape page with the CJK font embedded, title, legend and scale', async () => {
  const response = await print(FIELDS, mapPng(1200, 800));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/pdf/);
  const pdf = Buffer.from(await response.arrayBuffer());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text, fonts, size } = pdfText(pdf, 'a4.pdf');
  expect(size).toMatch(/Page size:\s+841\.89 x 595\.28 pts/);
  expect(fonts).toMatch(/NotoSansCJK\S*\s+CID Type 0C\s+Identity-H\s+yes\s+yes/);
  for (const expected of [
    '天山区控制性详细规划图',
    '图例',
    '控制性详细规划用地',
    '生态保护红线',
    '北',
    'CGCS2000',
  ])
    expect(text).toContain(expected);
  const ratio = /比例尺 1:([\d,]+)/.exec(text);
  expect(ratio).not.toBeNull();
  // the image is fitted to the frame: its scale on paper follows from the drawn width, worked out by hand
  const frameWidthPt = 841.89 - 2 * 28 - 170 - 12;
  const frameHeightPt = 595.28 - (28 + 18 * 1.8) - 28 - 58;
  const fit = Math.min(frameWidthPt / 1200, frameHeightPt / 800);
  const expectedN = 2.5 / fit / (0.0254 / 72);
  expect(Number(ratio![1]!.replace(/,/g, ''))).toBeCloseTo(printScale(2.5 / fit, 140).denominator, 0);
  expect(Math.abs(Number(ratio![1]!.replace(/,/g, '')) - expectedN) / expectedN).toBeLessThan(0.005);
});

it('prints on A3 when asked', async () => {
  const response = await print({ ...FIELDS, paper: 'A3' }, mapPng(1600, 900));
  expect(response.status).toBe(200);
  const { size } = pdfText(Buffer.from(await response.arrayBuffer()), 'a3.pdf');
  expect(size).toMatch(/Page size:\s+1190\.55 x 841\.89 pts/);
});

it.each([
  ['no map image', FIELDS, null, 'map'],
  ['a map that is not a PNG', FIELDS, Buffer.from('GIF89a not a png at all, really not'), 'map'],
  ['no title', { ...FIELDS, title: ' ' }, 'png', 'title'],
  ['another paper', { ...FIELDS, paper: 'A0' }, 'png', 'paper'],
  ['no ground resolution', { ...FIELDS, metresPerPixel: 'abc' }, 'png', 'metresPerPixel'],
  ['a legend that is not JSON', { ...FIELDS, legend: '[{' }, 'png', 'legend'],
  [
    'a legend colour that is not #rrggbb',
    { ...FIELDS, legend: '[{"name":"a","colour":"red"}]' },
    'png',
    'legend.0.colour',
  ],
] as const)('refuses %s with a 400 naming the field', async (_what, fields, png, parameter) => {
  const image = png === 'png' ? mapPng(40, 30) : png;
  const response = await print({ ...fields }, image);
  expect(response.status).toBe(400);
  const body = (await response.json()) as { error: { details: { parameter: string } } };
  expect(body.error.details.parameter).toBe(parameter);
});

it('is for signed-in users: anonymously 401', async () => {
  const response = await fetch(`${server.url}/api/v1/prints`, {
    method: 'POST',
    body: form(FIELDS, mapPng(40, 30)),
  });
  expect(response.status).toBe(401);
});

it('refuses a body that is not a form, naming map', async () => {
  const response = await fetch(`${server.url}/api/v1/prints`, {
    method: 'POST',
    headers: viewer.headers({ 'content-type': 'application/json' }),
    body: '{}',
  });
  expect(response.status).toBe(400);
  expect(
    ((await response.json()) as { error: { details: { parameter: string } } }).error.details.parameter,
  ).toBe('map');
});
