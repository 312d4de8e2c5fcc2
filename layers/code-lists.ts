// Code lists as data: the 2023 land-use classification and the control-line types.
import controlLineTypes from './code-lists/control-line-types.json';
import landUse2023 from './code-lists/land-use-2023.json';

export interface CodeListEntry {
  code: string;
  name: string;
  color: string;
  level?: number;
  parent?: string;
  gb50137?: string | null;
}

export interface CodeList {
  code: string;
  name: string;
  entries: CodeListEntry[];
}

export const CODE_LISTS: CodeList[] = [landUse2023 as CodeList, controlLineTypes as CodeList];

export function codeList(code: string): CodeList {
  const list = CODE_LISTS.find((l) => l.code === code);
  if (!list) throw new Error(`unknown code list ${code}`);
  return list;
}

export function codeEntry(listCode: string, code: string): CodeListEntry | undefined {
  return codeList(listCode).entries.find((e) => e.code === code);
}
