// The message catalogue: every UI string, Simplified Chinese first, English second, one file per part of
// the client under catalogues/ (each with the same keys in both languages). Layer names, kind names and
// attribute labels are data and come from the server in Chinese.
import type { LayerKind } from '../api/types';
import * as admin from './catalogues/admin';
import * as blueprint from './catalogues/blueprint';
import * as compliance from './catalogues/compliance';
import * as core from './catalogues/core';
import * as projects from './catalogues/projects';
import * as workbench from './catalogues/workbench';
import * as tools from './catalogues/tools';

export type Locale = 'zh-CN' | 'en';

const zh = {
  ...core.zh,
  ...compliance.zh,
  ...admin.zh,
  ...projects.zh,
  ...workbench.zh,
  ...tools.zh,
  ...blueprint.zh,
};

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  ...core.en,
  ...compliance.en,
  ...admin.en,
  ...projects.en,
  ...workbench.en,
  ...tools.en,
  ...blueprint.en,
};

export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, en };

export function kindMessageKey(kind: LayerKind): MessageKey {
  return `kind.${kind}`;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
