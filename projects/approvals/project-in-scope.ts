// A project found by its code, within the caller's district scope.
import { inDistrictScope, type Principal } from '../../accounts';
import type { Project } from '../models';
import type { RecordStore } from '../record-store';
import { ApprovalError } from './approval-error';

export async function projectInScope(
  store: RecordStore,
  code: string,
  principal: Principal,
): Promise<Project> {
  const project = await store.models.Project.findOne({ where: { code } });
  if (!project) {
    throw new ApprovalError('not_found', 'project_not_found', `项目不存在：${code} / no project ${code}`, {
      parameter: 'code',
      value: code,
    });
  }
  requireDistrict(principal, project.districtCode, code);
  return project;
}

export function requireDistrict(principal: Principal, districtCode: string, what: string): void {
  if (!inDistrictScope(principal, districtCode)) {
    throw new ApprovalError(
      'forbidden',
      'out_of_district_scope',
      `“${what}”所在行政区 ${districtCode} 不在您的管辖区域内 / ${what} lies in district ${districtCode}, outside your districts`,
      { districtCode },
    );
  }
}

/** A district filter the principal's scope must cover. */
export function requireDistrictFilter(principal: Principal, districtCode: string): void {
  if (!inDistrictScope(principal, districtCode)) {
    throw new ApprovalError(
      'forbidden',
      'out_of_district_scope',
      `行政区 ${districtCode} 不在您的管辖区域内 / district ${districtCode} lies outside your districts`,
      { parameter: 'district', value: districtCode },
    );
  }
}

/** The districts a principal is limited to; null: the whole city. */
export function districtScope(principal: Principal): readonly string[] | null {
  return principal.districts === null || principal.districts.length === 0 ? null : principal.districts;
}
