// The tabs of the compliance page's side panel (审查 / 选址推荐 / 多规冲突), as an ARIA tab list: arrow keys
// move between tabs, and each tab's panel stays mounted while hidden so its work is kept.
import type { KeyboardEvent } from 'react';

export interface PanelTab<T extends string> {
  id: T;
  label: string;
}

interface Props<T extends string> {
  tabs: PanelTab<T>[];
  active: T;
  onChange: (id: T) => void;
  label: string;
}

export function PanelTabs<T extends string>({ tabs, active, onChange, label }: Props<T>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((tab) => tab.id === active);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length]!;
    onChange(next.id);
    document.getElementById(`ob-compliance-tab-${next.id}`)?.focus();
    event.preventDefault();
  };
  return (
    <div className="ob-compliance-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          id={`ob-compliance-tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === active}
          aria-controls={`ob-compliance-tabpanel-${tab.id}`}
          tabIndex={tab.id === active ? 0 : -1}
          data-testid={`compliance-tab-${tab.id}`}
          className="ob-compliance-tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
