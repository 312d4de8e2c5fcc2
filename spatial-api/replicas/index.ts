export { openReadPool, type ReadPool } from './read-pool';
export type { Replica, ReplicaState } from './replica-set';
