// One search box for the whole city: projects by name, code or construction unit, districts, place names,
// and coordinates typed as lon/lat (decimal or 度分秒) or Gauss-Krüger X/Y. The results list is a listbox
// (arrow keys, Enter, Escape); choosing one zooms to it and highlights it, and a project becomes the
// address's `project=`.
import { useCallback, useEffect, useId, useState } from 'react';
import type OlMap from 'ol/Map.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import type { Geometry } from 'geojson';
import { fetchProjectByCode } from '../../api/locate';
import { useI18n } from '../../i18n/I18nProvider';
import { VIEW_PROJECTION } from '../../map/registerProjections';
import { useSession } from '../../session/SessionProvider';
import { fromGaussKruger, zoneOf } from '../coordinates/gaussKruger';
import { toolErrorMessage } from '../toolErrorMessage';
import { locateItems, type LocateItem } from './locateItems';
import { toView, useLocateHighlight } from './useLocateHighlight';
import { useLocateResults } from './useLocateResults';

/** left: room for the layer panel; top: room for the tool bar */
const FIT_PADDING: [number, number, number, number] = [90, 60, 60, 360];
const POINT_ZOOM = 17;
const MAX_FIT_ZOOM = 18;

interface Props {
  map: OlMap | null;
  /** the catalog has loaded and the map has taken its first view */
  ready: boolean;
  /** the address's `project=` */
  project: string | null;
  /** whether the address named a view (then a linked project is highlighted, not zoomed to) */
  urlHasView: boolean;
  onProject: (code: string | null) => void;
}

type Message = { tone: 'info' | 'error'; text: string } | null;

export function LocateBox({ map, ready, project, urlHasView, onProject }: Props) {
  const { t } = useI18n();
  const session = useSession();
  const canReadProjects = session.can('projects.read');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [highlight, setHighlight] = useState<Geometry | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const listId = useId();
  const results = useLocateResults(text, canReadProjects);
  const items = locateItems(results);
  useLocateHighlight(map, highlight);

  const fitGeometry = useCallback(
    (geometry: Geometry) => {
      if (!map) return;
      map.getView().fit(toView(geometry).getExtent(), { padding: FIT_PADDING, maxZoom: MAX_FIT_ZOOM });
    },
    [map],
  );

  const pointOf = useCallback((): [number, number] | null | 'no-zone' => {
    const typed = results.coordinates;
    if (!typed || !map) return null;
    if (typed.kind === 'lonlat') return [typed.lon, typed.lat];
    const centre = map.getView().getCenter();
    const zone = typed.zone ?? (centre ? zoneOf(toLonLat(centre, VIEW_PROJECTION)[0]!) : null);
    if (zone === null) return 'no-zone';
    const easting = typed.zone === null ? zone * 1_000_000 + typed.y : typed.y;
    return fromGaussKruger(zone, typed.x, easting) ?? 'no-zone';
  }, [results.coordinates, map]);

  const choose = useCallback(
    (item: LocateItem) => {
      if (!map) return;
      setOpen(false);
      setMessage(null);
      if (item.kind === 'coordinates') {
        const point = pointOf();
        if (point === null) return;
        if (point === 'no-zone') {
          setMessage({ tone: 'error', text: t('tools.locateNoZone') });
          return;
        }
        const view = map.getView();
        view.setCenter(fromLonLat(point, VIEW_PROJECTION));
        view.setZoom(Math.max(view.getZoom() ?? 0, POINT_ZOOM));
        setHighlight({ type: 'Point', coordinates: point });
        return;
      }
      if (item.kind === 'project') {
        onProject(item.project.code);
        setText(item.project.name);
        if (!item.project.geometry) {
          setHighlight(null);
          setMessage({ tone: 'info', text: t('tools.locateNoSite', { name: item.project.name }) });
          return;
        }
        setHighlight(item.project.geometry);
        fitGeometry(item.project.geometry);
        return;
      }
      setText(item.place.name);
      setHighlight(item.place.geometry);
      map.getView().fit(transformExtent(item.place.bbox, 'EPSG:4326', VIEW_PROJECTION), {
        padding: FIT_PADDING,
        maxZoom: MAX_FIT_ZOOM,
      });
    },
    [map, pointOf, onProject, fitGeometry, t],
  );

  // a link naming a project: highlight it, and go to it unless the link also names the view
  const [linked, setLinked] = useState<string | null>(null);
  useEffect(() => {
    if (!ready || !map || !project || project === linked || !canReadProjects) return;
    const controller = new AbortController();
    fetchProjectByCode(project, controller.signal).then(
      (found) => {
        setLinked(project);
        if (!found?.geometry) return;
        setHighlight(found.geometry);
        if (!urlHasView) fitGeometry(found.geometry);
      },
      (error: unknown) => {
        if (!controller.signal.aborted)
          setMessage({
            tone: 'error',
            text: t('tools.locateFailed', { message: toolErrorMessage(error, t) }),
          });
      },
    );
    return () => controller.abort();
  }, [ready, map, project, linked, canReadProjects, urlHasView, fitGeometry, t]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (items.length > 0)
        setActive((i) =>
          event.key === 'ArrowDown' ? (i + 1) % items.length : (i - 1 + items.length) % items.length,
        );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const item = items[Math.min(active, items.length - 1)];
      if (item) choose(item);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const clear = () => {
    setText('');
    setHighlight(null);
    setMessage(null);
    onProject(null);
  };

  const trimmed = text.trim();
  // idle while typing settles, loading while asked; an error is shown as such, not as searching
  const searching =
    !results.coordinates &&
    trimmed.length > 0 &&
    (results.places.status === 'idle' ||
      results.places.status === 'loading' ||
      (canReadProjects && results.projects.status === 'loading'));
  const showList = open && trimmed.length > 0;
  const activeItem = items[Math.min(active, items.length - 1)];

  const itemText = (item: LocateItem) => {
    if (item.kind === 'coordinates') {
      const typed = results.coordinates!;
      return typed.kind === 'lonlat'
        ? t('tools.locateLonLat', { lon: typed.lon.toFixed(6), lat: typed.lat.toFixed(6) })
        : typed.zone === null
          ? t('tools.locateGkNoZone', { x: typed.x, y: typed.y })
          : t('tools.locateGk', { x: typed.x, y: typed.y, zone: typed.zone });
    }
    if (item.kind === 'project') return item.project.name;
    return item.place.name;
  };
  const itemDetail = (item: LocateItem) => {
    if (item.kind === 'coordinates') return t('tools.locateKindCoordinates');
    if (item.kind === 'project')
      return `${t('tools.locateKindProject')} · ${item.project.code}${item.project.districtName ? ` · ${item.project.districtName}` : ''}`;
    const kind = item.place.kind === 'district' ? t('tools.locateKindDistrict') : t('tools.locateKindPlace');
    return item.place.featureCount > 1
      ? `${kind} · ${item.place.layerName} · ${t('tools.locateFeatures', { count: item.place.featureCount })}`
      : `${kind} · ${item.place.layerName}`;
  };
  const failure = (label: string, error: unknown, retry: () => void) => (
    <li className="ob-tools-locate-error" role="alert">
      {t('tools.locateSearchFailed', { what: label, message: toolErrorMessage(error, t) })}{' '}
      <button type="button" className="ob-button" onMouseDown={(e) => e.preventDefault()} onClick={retry}>
        {t('tools.retry')}
      </button>
    </li>
  );

  return (
    <div className="ob-tools-locate" data-testid="locate">
      <div className="ob-tools-locate-input">
        <input
          type="text"
          role="combobox"
          aria-label={t('tools.locate')}
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && activeItem ? `${listId}-${activeItem.id}` : undefined}
          placeholder={canReadProjects ? t('tools.locatePlaceholder') : t('tools.locatePlaceholderPublic')}
          value={text}
          data-testid="locate-input"
          onChange={(e) => {
            setText(e.target.value);
            setMessage(null);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {text && (
          <button
            type="button"
            className="ob-icon-button"
            aria-label={t('tools.locateClear')}
            onClick={clear}
          >
            ×
          </button>
        )}
      </div>
      {showList && (
        <ul id={listId} role="listbox" className="ob-tools-locate-list" data-testid="locate-results">
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`${listId}-${item.id}`}
              role="option"
              aria-selected={item === activeItem}
              className="ob-tools-locate-item"
              data-testid="locate-result"
              data-kind={item.kind === 'place' ? item.place.kind : item.kind}
              data-code={item.kind === 'project' ? item.project.code : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(item)}
            >
              <span className="ob-tools-locate-name">{itemText(item)}</span>
              <span className="ob-tools-muted">{itemDetail(item)}</span>
            </li>
          ))}
          {results.projects.status === 'error' &&
            failure(t('tools.locateKindProject'), results.projects.error, results.retryProjects)}
          {results.places.status === 'error' &&
            failure(t('tools.locateKindPlace'), results.places.error, results.retryPlaces)}
          {searching && <li className="ob-tools-muted ob-tools-locate-note">{t('tools.locateSearching')}</li>}
          {!searching && items.length === 0 && results.places.status !== 'error' && (
            <li className="ob-tools-muted ob-tools-locate-note" data-testid="locate-empty">
              {t('tools.locateNone')}
            </li>
          )}
        </ul>
      )}
      {message && (
        <p
          className={`ob-tools-locate-message ob-tools-locate-${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
          data-testid="locate-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
