// The national project code (投资项目统一代码): year-district-industry-type-serial, e.g.
// 2024-650102-83-01-000100. Checked beyond its pattern: a plausible year, the district part naming the
// project's district, a non-zero industry, type and serial.
import { invalid } from './project-error';
import { PROJECT_CODE_PATTERN } from './models';

const EARLIEST_YEAR = 2000;

export function checkProjectCode(code: string, districtCode: string, now = new Date()): void {
  if (!PROJECT_CODE_PATTERN.test(code))
    throw invalid(
      `项目代码格式不正确，应为“年份-区县代码-行业-类型-序号”，如2024-650102-83-01-000100 / code must look like 2024-650102-83-01-000100`,
      { parameter: 'code', value: code },
    );
  const [year, district, industry, type, serial] = code.split('-') as [
    string,
    string,
    string,
    string,
    string,
  ];
  const latest = now.getUTCFullYear() + 1;
  if (Number(year) < EARLIEST_YEAR || Number(year) > latest)
    throw invalid(
      `项目代码的年份${year}不在${EARLIEST_YEAR}至${latest}之间 / the year ${year} of the code is implausible`,
      {
        parameter: 'code',
        value: code,
      },
    );
  if (industry === '00' || type === '00' || serial === '000000')
    throw invalid(
      '项目代码的行业、类型和序号不能为0 / the industry, type and serial of the code cannot be zero',
      {
        parameter: 'code',
        value: code,
      },
    );
  if (district !== districtCode)
    throw invalid(
      `项目代码中的区县代码${district}与所属区县${districtCode}不一致 / the district part ${district} of the code differs from districtCode ${districtCode}`,
      { parameter: 'code', value: code, districtCode },
    );
}
