// A banner over the map for loading, errors and warnings.
import type { ReactNode } from 'react';

interface Props {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
  testId?: string;
}

export function StatusBanner({ tone, children, testId }: Props) {
  return (
    <div
      className={`ob-banner ob-banner-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </div>
  );
}
