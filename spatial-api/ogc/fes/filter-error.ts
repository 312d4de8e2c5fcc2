// Every problem with a FILTER is the client's: an InvalidParameterValue exception located at FILTER,
// worded Chinese first, then English.
import { OgcException } from '../ogc-exception';

export function filterError(chinese: string, english: string): OgcException {
  return new OgcException('InvalidParameterValue', 'FILTER', `${chinese} / ${english}`);
}
