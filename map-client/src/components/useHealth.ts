// Polls /api/v1/health so the header can show whether the service and its database are up.
import { useEffect, useState } from 'react';
import { fetchHealth } from '../api/client';

export type HealthState =
  | { status: 'checking' }
  | { status: 'ok'; layers: number }
  | { status: 'error' }
  | { status: 'unreachable'; message: string };

const POLL_INTERVAL_MS = 30_000;

export function useHealth(): HealthState {
  const [health, setHealth] = useState<HealthState>({ status: 'checking' });

  useEffect(() => {
    const controller = new AbortController();
    const check = async () => {
      try {
        const body = await fetchHealth(controller.signal);
        setHealth(body.status === 'ok' ? { status: 'ok', layers: body.layers } : { status: 'error' });
      } catch (error) {
        if (controller.signal.aborted) return;
        setHealth({ status: 'unreachable', message: error instanceof Error ? error.message : String(error) });
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), POLL_INTERVAL_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, []);

  return health;
}
