// The projects domain's public face.
export { openRecordStore } from './record-store';
export type { RecordStore } from './record-store';
export * from './models';
export * from './approvals';
export * from './statistics';
export * from './planning';
