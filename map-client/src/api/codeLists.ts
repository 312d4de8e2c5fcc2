// The code lists (land-use classes, control-line types) that attribute schemas refer to.
import { callJson } from './client';
import type { CodeList } from './types';

export async function fetchCodeLists(signal?: AbortSignal): Promise<CodeList[]> {
  const body = await callJson<{ codeLists: CodeList[] }>('/api/v1/code-lists', { signal });
  return body.codeLists;
}
