// The swipe's divider over the map: dragged with the pointer, or moved with the arrow keys (Home / End
// for the edges). While dragging the map follows at once and the URL is written when the drag ends.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  /** where it stands, 0..1 of the map's width */
  position: number;
  /** every move, for the map */
  onMove: (position: number) => void;
  /** the final place (drag end, a key), for the URL */
  onCommit: (position: number) => void;
}

const KEY_STEP = 0.02;
const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function SwipeDivider({ position, onMove, onCommit }: Props) {
  const { t } = useI18n();
  const trackRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const shown = position;
  // Keys pressed faster than the page re-renders each step from the last place asked for, not from a
  // position prop that has not caught up yet: while a step is on its way, positions arriving that are not
  // it (earlier steps, late) are passed over; one from elsewhere (a link, back/forward) counts otherwise.
  const latest = useRef(position);
  const awaited = useRef<number | null>(null);
  useEffect(() => {
    if (awaited.current !== null && Math.abs(position - awaited.current) > 0.005) return;
    awaited.current = null;
    latest.current = position;
  }, [position]);

  const at = (event: PointerEvent<HTMLDivElement>) => {
    const box = trackRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? clamp((event.clientX - box.left) / box.width) : shown;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
    const from = latest.current;
    const next =
      event.key === 'ArrowLeft'
        ? from - step
        : event.key === 'ArrowRight'
          ? from + step
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? 1
              : null;
    if (next === null) return;
    event.preventDefault();
    latest.current = clamp(next);
    awaited.current = latest.current;
    onCommit(latest.current);
  };

  return (
    <div className="ob-workbench-swipe-track" ref={trackRef}>
      <div
        className="ob-workbench-divider"
        style={{ left: `${shown * 100}%` }}
        role="slider"
        tabIndex={0}
        aria-label={t('workbench.swipe.divider')}
        aria-orientation="horizontal"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown * 100)}
        data-testid="swipe-divider"
        onKeyDown={onKeyDown}
        onBlur={() => (awaited.current = null)}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          setDragging(true);
          onMove(at(event));
        }}
        onPointerMove={(event) => {
          if (dragging) onMove(at(event));
        }}
        onPointerUp={(event) => {
          if (!dragging) return;
          setDragging(false);
          onCommit(at(event));
        }}
      >
        <span className="ob-workbench-divider-grip" aria-hidden="true">
          ⇔
        </span>
      </div>
    </div>
  );
}
