// The frame of the pages other than the map: the header, then one scrolling column of sections.
import type { ReactNode } from 'react';
import { Header } from './Header';

export function ContentPage({ children }: { children: ReactNode }) {
  return (
    <div className="ob-page ob-page-document">
      <Header />
      <main className="ob-content">
        <div className="ob-content-inner">{children}</div>
      </main>
    </div>
  );
}
