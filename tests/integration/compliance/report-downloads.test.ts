// The exportable report of a check on a conflicting site: the PDF (rendered with poppler's pdftoppm, its text
// read back with pdftotext, its fonts listed by pdffonts), the DOCX (word/document.xml unzipped), the
// conflicts as GeoJSON and CSV, each download recorded as an export, and who may download.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { signIn, type SignedIn } from '../../support/access';
import { postCheck, projectSite, type CheckBody } from '../../support/compliance-checks';
import { docxParts, wordText } from '../../support/docx-text';
import { useTestServer } from '../../support/test-server';
import { SAMPLE_RULE_SET } from '../../../compliance-rules';

const run = promisify(execFile);

describe('compliance report downloads', () => {
  const server = useTestServer();
  let reviewer: SignedIn;
  let check: CheckBody;
  let dir: string;
  beforeAll(async () => {
    reviewer = await signIn(server.url, 'reviewer');
    const project = await projectSite(server.pool, '矿泉水生产线');
    const posted = await postCheck(server.url, reviewer, {
      geometry: project.geometry,
      projectCode: project.code,
    });
    expect(posted.status).toBe(201);
    check = posted.body;
    dir = await mkdtemp(path.join(os.tmpdir(), 'compliance-report-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const download = async (suffix: string, user: SignedIn | null = reviewer) => {
    const res = await fetch(`${server.url}/api/v1/compliance/checks/${check.id}/${suffix}`, {
      headers: user?.headers() ?? {},
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: Buffer.from(await res.arrayBuffer()),
    };
  };

  /** the figures of the check as the JSON answered them, which both reports must repeat */
  const figures = () => [
    String(check.siteAreaM2),
    String(check.siteAreaHa),
    String(check.siteAreaMu),
    ...check.rules
      .filter((r) => r.areaM2 !== null)
      .flatMap((r) => [String(r.areaM2), String(r.areaHa), String(r.areaMu)]),
  ];

  it('answers an A4 PDF whose text carries the title, verdict, figures, rule titles and verification code', async () => {
    expect(check.verdict).toBe('不通过');
    const pdf = await download('report.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const file = path.join(dir, 'report.pdf');
    await writeFile(file, pdf.body);

    const info = (await run('pdfinfo', [file])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);

    const text = (await run('pdftotext', ['-layout', file, '-'])).stdout.replace(/[ \t]+/g, ' ');
    expect(text).toContain('建设项目选址合规性审查报告');
    expect(text).toContain(`审查结论：${check.verdict}`);
    expect(text).toContain(check.projectCode!);
    for (const figure of figures()) expect(text).toContain(figure);
    for (const rule of check.rules) expect(text).toContain(rule.title);
    expect(text).toContain(check.verificationCode);
    expect(text).toContain(`${server.url}/api/v1/compliance/verify/`);
    expect(text).toContain(`${check.ruleSet.code}）第 ${check.ruleSet.version} 版`);

    const fonts = (await run('pdffonts', [file])).stdout;
    // a subset (tag+name), embedded (emb yes) and with a ToUnicode map (uni yes)
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it("draws the first page's map with the conflicts in the highlight colour", async () => {
    const file = path.join(dir, 'map.pdf');
    await writeFile(file, (await download('report.pdf')).body);
    await run('pdftoppm', [
      '-png',
      '-r',
      '50',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      file,
      path.join(dir, 'page'),
    ]);
    const image = await loadImage(await readFile(path.join(dir, 'page.png')));
    const ctx = createCanvas(image.width, image.height).getContext('2d');
    ctx.drawImage(image, 0, 0);
    const { data } = ctx.getImageData(0, 0, image.width, image.height);
    let highlight = 0;
    let notWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (r < 70 && g > 200 && b > 200) highlight += 1;
      if (r + g + b < 700) notWhite += 1;
    }
    const pixels = image.width * image.height;
    expect(notWhite / pixels).toBeGreaterThan(0.2); // the map covers a good part of the page
    expect(highlight).toBeGreaterThan(30);
  });

  it('answers a DOCX with the same title, verdict, figures and code, and its maps embedded', async () => {
    const docx = await download('report.docx');
    expect(docx.status).toBe(200);
    expect(docx.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { xml, images } = await docxParts(docx.body);
    const text = wordText(xml);
    expect(text).toContain('建设项目选址合规性审查报告');
    expect(text).toContain(`审查结论：${check.verdict}`);
    for (const figure of figures()) expect(text).toContain(figure);
    for (const rule of check.rules) expect(text).toContain(rule.title);
    expect(text).toContain(check.verificationCode);
    // the site map and one per rule, drawn from PNG images inside the file (identical ones stored once)
    expect(xml.match(/<pic:pic\b/g)?.length).toBe(check.rules.length + 1);
    expect(images.some((name) => /^word\/media\/[^/]+\.png$/.test(name))).toBe(true);
  });

  it('exports the conflict geometries as GeoJSON and as CSV, and refuses another format', async () => {
    const failed = check.rules.filter((r) => r.conflictGeometry !== null);
    expect(failed.length).toBeGreaterThan(0);
    const geojson = await download('export?format=geojson');
    expect(geojson.status).toBe(200);
    const collection = JSON.parse(geojson.body.toString('utf8')) as {
      features: { id: string; properties: { areaM2: number | null }; geometry: { type: string } }[];
    };
    expect(collection.features.map((f) => f.id)).toEqual(failed.map((r) => r.ruleId));
    expect(collection.features.map((f) => f.properties.areaM2)).toEqual(failed.map((r) => r.areaM2));
    expect(collection.features.map((f) => f.geometry.type)).toEqual(
      failed.map((r) => r.conflictGeometry!.type),
    );

    const csv = await download('export?format=csv');
    expect(csv.status).toBe(200);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'check_id,rule_id,title,severity,passed,area_m2,area_ha,area_mu,ratio,distance_m,features,geometry',
    );
    expect(lines).toHaveLength(failed.length + 1);
    expect(lines[1]!.startsWith(`${check.id},${failed[0]!.ruleId},${failed[0]!.title},`)).toBe(true);

    const bad = await download('export?format=xlsx');
    expect(bad.status).toBe(400);
    expect(
      (JSON.parse(bad.body.toString('utf8')) as { error: { details: { parameter: string } } }).error.details
        .parameter,
    ).toBe('format');
  });

  it('neutralises a rule title that a spreadsheet would read as a formula in the CSV', async () => {
    const admin = await signIn(server.url, 'admin');
    const code = `report_csv_${process.pid}`;
    const set = JSON.parse(JSON.stringify({ ...SAMPLE_RULE_SET, code })) as typeof SAMPLE_RULE_SET;
    const failing = set.rules.find(
      (r) => r.id === check.rules.find((c) => c.conflictGeometry && !c.passed)!.ruleId,
    )!;
    failing.title = '=HYPERLINK("http://example.invalid","打开")';
    const put = await fetch(`${server.url}/api/v1/compliance/rule-sets/${code}`, {
      method: 'PUT',
      headers: admin.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(set),
    });
    expect(put.status).toBe(200);
    const project = await projectSite(server.pool, '矿泉水生产线');
    const posted = await postCheck(server.url, reviewer, { geometry: project.geometry, ruleSet: code });
    expect(posted.status).toBe(201);
    const res = await fetch(`${server.url}/api/v1/compliance/checks/${posted.body.id}/export?format=csv`, {
      headers: reviewer.headers(),
    });
    const csv = await res.text();
    expect(csv).toContain(`,${failing.id},"'=HYPERLINK(""http://example.invalid"",""打开"")",`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });

  it('records each download as an export in the audit log', async () => {
    const since = new Date();
    await download('report.pdf');
    await download('report.docx');
    await download('export?format=geojson');
    // the trail is written after the response is sent
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { rows } = await server.pool.query<{ format: string; path: string }>(
      `SELECT details ->> 'format' AS format, details ->> 'path' AS path FROM audit_log
       WHERE action = 'export' AND target_type = 'compliance_check' AND target_id = $1 AND at >= $2 ORDER BY id`,
      [check.id, since],
    );
    expect(rows).toEqual([
      { format: 'pdf', path: `/api/v1/compliance/checks/${check.id}/report.pdf` },
      { format: 'docx', path: `/api/v1/compliance/checks/${check.id}/report.docx` },
      { format: 'geojson', path: `/api/v1/compliance/checks/${check.id}/export` },
    ]);
  });

  it('refuses anonymous callers (401) and viewers (403), and answers 404 for an unknown check', async () => {
    const viewer = await signIn(server.url, 'viewer');
    for (const suffix of ['report.pdf', 'report.docx', 'export?format=csv']) {
      expect((await download(suffix, null)).status).toBe(401);
      expect((await download(suffix, viewer)).status).toBe(403);
    }
    const missing = await fetch(`${server.url}/api/v1/compliance/checks/99999999/report.pdf`, {
      headers: reviewer.headers(),
    });
    expect(missing.status).toBe(404);
  });
});
