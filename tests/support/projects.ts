// Helpers of the projects suites: fresh project codes, projects created over REST as a signed-in user, and
// sites set by drawing.
import { randomInt } from 'node:crypto';
import { requestJson, type SignedIn } from './access';

/** A national project code no other test uses: year-district-industry-type-serial. */
export function freshProjectCode(districtCode = '650103', year = 2025): string {
  return `${year}-${districtCode}-83-01-${String(randomInt(100_000, 999_999))}`;
}

export interface NewProjectBody {
  code: string;
  name: string;
  constructionUnit: string;
  investmentType: 'government' | 'social';
  projectType: string;
  districtCode: string;
  stage?: string;
  totalInvestmentWanYuan?: number | null;
}

export function projectBody(overrides: Partial<NewProjectBody> = {}): NewProjectBody {
  const districtCode = overrides.districtCode ?? '650103';
  return {
    code: freshProjectCode(districtCode),
    name: '测试路综合管廊建设工程',
    constructionUnit: '乌鲁木齐市测试建设有限公司',
    investmentType: 'government',
    projectType: '市政基础设施工程',
    districtCode,
    totalInvestmentWanYuan: 12000.5,
    ...overrides,
  };
}

export async function createProject(
  baseUrl: string,
  user: SignedIn,
  overrides: Partial<NewProjectBody> = {},
): Promise<{ code: string; lockVersion: number }> {
  const body = projectBody(overrides);
  const res = await requestJson(`${baseUrl}/api/v1/projects`, {
    method: 'POST',
    headers: user.headers(),
    body,
  });
  if (res.status !== 201) throw new Error(`creating ${body.code}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.project as { code: string; lockVersion: number };
}

export async function putSite(baseUrl: string, user: SignedIn, code: string, body: Record<string, unknown>) {
  return requestJson(`${baseUrl}/api/v1/projects/${code}/site`, {
    method: 'PUT',
    headers: user.headers(),
    body,
  });
}
