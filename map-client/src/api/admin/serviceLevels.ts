// Service levels per city system (API key) and per layer, as GET /api/v1/service-levels reports them.
import { callJson } from '../client';

export interface ServiceLevel {
  name: string;
  requests: number;
  errors: number;
  p50Seconds: number | null;
  p95Seconds: number | null;
  /** p95 over the limit (the seed's 5 seconds) */
  slow: boolean;
}

export interface ServiceLevels {
  windowSeconds: number;
  limitSeconds: number;
  clients: ServiceLevel[];
  layers: ServiceLevel[];
}

export function fetchServiceLevels(signal?: AbortSignal): Promise<ServiceLevels> {
  return callJson<ServiceLevels>('/api/v1/service-levels', { signal });
}
