import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import Supercluster from 'supercluster';
import type { MapPoint } from '../../src/server/views';
import { EVENT_TYPES, PRECISIONS } from '../../src/server/views';
import { api, useDataVersion } from './api';
import { type Admin1Lines, decodeAdmin1Lines, unwrapGeometry } from './basemap';
import { apiQuery, TYPE_COLOURS, TYPE_SHORT } from './filters';
import { type Location, navigate, withQuery } from './router';

interface PointProps {
  id: string;
  type: number;
  best: number;
  precision: number;
}

/** Radius grows with the square root of the best fatality figure, so area ∝ deaths; capped so a massacre stays readable. */
function radiusFor(best: number): number {
  return best < 0 ? 5 : Math.min(6 + 2.2 * Math.sqrt(best), 24);
}

/**
 * Admin-1 borders appear from this zoom: at zoom 4 a province is a few pixels wide and the lines would only be
 * noise; from zoom 5 (1 px ≈ 5 km) the provinces of Ukraine, Syria or Nigeria read clearly.
 */
export const ADMIN1_MIN_ZOOM = 5;

export function MapView({ loc }: { loc: Location }) {
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const layerRef = useRef<L.LayerGroup | null>(null);
  const indexRef = useRef<Supercluster<PointProps> | null>(null);
  const locRef = useRef(loc);
  locRef.current = loc;
  const fitted = useRef(false);
  /** Bounds of the first fit, re-applied when the map is resized until the analyst moves the map themself. */
  const autoFit = useRef<L.LatLngBounds | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const query = apiQuery(loc.query, ['bbox']).toString();
  const version = useDataVersion();
  const selected = loc.path.startsWith('/incidents/') ? decodeURIComponent(loc.path.split('/')[2] ?? '') : null;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    if (!el.current) return;
    const renderer = L.canvas({ padding: 0.3 });
    const map = L.map(el.current, {
      renderer,
      preferCanvas: true,
      worldCopyJump: true,
      minZoom: 2,
      maxZoom: 13,
      zoomSnap: 0.5,
      // No zoom/fade animations: calmer, and the canvas renderer is never redrawn mid-animation.
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
      attributionControl: true,
    }).setView([30, 30], 3);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Basemap: Natural Earth (public domain), offline');
    mapRef.current = map;
    // Panes from the bottom: countries (canvas), admin-1 borders (SVG, so each country's lines are one <path>),
    // then the incident markers in Leaflet's overlay pane (z-index 400) on top of both.
    map.createPane('basemap').style.zIndex = '200';
    const admin1Pane = map.createPane('admin1');
    admin1Pane.style.zIndex = '250';
    admin1Pane.style.pointerEvents = 'none';
    layerRef.current = L.layerGroup().addTo(map);

    // The basemap is bundled (world-atlas, Natural Earth 1:50m): no tile server, nothing fetched from the network.
    Promise.all([import('world-atlas/countries-50m.json'), import('topojson-client')]).then(([topo, client]) => {
      const world = (topo.default ?? topo) as unknown as Parameters<typeof client.feature>[0];
      const objects = (world as unknown as { objects: Record<string, unknown> }).objects;
      const raw = client.feature(world, objects.countries as never) as unknown as GeoJSON.FeatureCollection;
      const countries = { ...raw, features: raw.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })) };
      L.geoJSON(countries, {
        pane: 'basemap',
        renderer: L.canvas({ pane: 'basemap', padding: 0.3 }),
        interactive: false,
        style: { color: '#b8b2a6', weight: 0.7, fillColor: '#f4f1ea', fillOpacity: 1 },
      } as L.GeoJSONOptions).addTo(map);
    });

    // Admin-1 borders (Natural Earth 1:10m, generated into a bundled chunk of ~1 MB): loaded the first time the
    // analyst zooms in to ADMIN1_MIN_ZOOM, shown only from there.
    let admin1: L.LayerGroup | null = null;
    let admin1Loading = false;
    const syncAdmin1 = () => {
      const show = map.getZoom() >= ADMIN1_MIN_ZOOM;
      if (admin1) {
        if (show && !map.hasLayer(admin1)) admin1.addTo(map);
        else if (!show && map.hasLayer(admin1)) admin1.remove();
        return;
      }
      if (!show || admin1Loading) return;
      admin1Loading = true;
      import('./admin1-lines.generated.json').then((m) => {
        const renderer = L.svg({ pane: 'admin1', padding: 0.3 });
        const group = L.layerGroup();
        for (const [country, lines] of decodeAdmin1Lines((m.default ?? m) as unknown as Admin1Lines)) {
          const line = L.polyline(lines, {
            pane: 'admin1',
            renderer,
            interactive: false,
            // Lighter, thinner and dashed beside the country borders (#b8b2a6, 0.7 px solid) so they never compete.
            color: '#c4bcad',
            weight: 0.6,
            opacity: 1,
            dashArray: '3 3',
            smoothFactor: 1.5,
            className: `admin1 admin1-${country}`,
          });
          group.addLayer(line);
        }
        admin1 = group;
        syncAdmin1();
      });
    };
    map.on('zoomend', syncAdmin1);
    syncAdmin1();
    // The zoom, for tests and for anyone reading the DOM (Leaflet keeps it to itself).
    const node = el.current;
    const showZoom = () => {
      node.dataset.zoom = String(map.getZoom());
    };
    map.on('zoomend', showZoom);
    showZoom();

    const onMove = () => draw();
    map.on('moveend', onMove);
    const bboxRequest = () => {
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(3)).join(',');
      navigate(withQuery(locRef.current, { bbox }), true);
    };
    window.addEventListener('sitrep:bbox', bboxRequest);
    const refit = () => {
      if (autoFit.current) {
        map.fitBounds(autoFit.current, {
          paddingTopLeft: [50, 40],
          paddingBottomRight: [40, 90],
          maxZoom: 7,
          animate: false,
        });
      }
    };
    const stopAutoFit = () => {
      autoFit.current = null;
    };
    map.on('dragstart', stopAutoFit);
    el.current.addEventListener('wheel', stopAutoFit, { passive: true });
    el.current.addEventListener('dblclick', stopAutoFit);
    map.zoomControl.getContainer()?.addEventListener('click', stopAutoFit);
    window.addEventListener('sitrep:fit', refit);
    const resize = new ResizeObserver(() => {
      map.invalidateSize();
      refit();
    });
    resize.observe(el.current);
    return () => {
      resize.disconnect();
      window.removeEventListener('sitrep:bbox', bboxRequest);
      window.removeEventListener('sitrep:fit', refit);
      map.remove();
    };
  }, []);

  // While the list follows the map, moving the map updates the bbox filter.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loc.query.has('bbox')) return;
    const update = () => window.dispatchEvent(new CustomEvent('sitrep:bbox'));
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
    };
  }, [loc.query.has('bbox')]);

  useEffect(() => {
    let live = true;
    api<{ points: MapPoint[]; truncated: boolean }>('GET', `/api/incidents/points?${query}`).then((r) => {
      if (!live) return;
      const index = new Supercluster<PointProps>({ radius: 48, maxZoom: 9, minPoints: 3 });
      index.load(
        r.points.map(([id, lat, lon, type, best, precision]) => ({
          type: 'Feature',
          properties: { id, type, best, precision },
          geometry: { type: 'Point', coordinates: [lon, lat] },
        })),
      );
      indexRef.current = index;
      setCount(r.points.length);
      const map = mapRef.current;
      if (map && !fitted.current && r.points.length > 0 && !locRef.current.query.has('bbox')) {
        fitted.current = true;
        // Keep points clear of the legend (bottom) and the zoom buttons (top left).
        autoFit.current = L.latLngBounds(r.points.map((p) => [p[1], p[2]] as [number, number]));
        map.invalidateSize();
        window.dispatchEvent(new CustomEvent('sitrep:fit'));
      }
      draw();
    });
    return () => {
      live = false;
    };
  }, [query, version]);

  useEffect(() => draw(), [selected]);

  function draw() {
    const map = mapRef.current;
    const layer = layerRef.current;
    const index = indexRef.current;
    if (!map || !layer || !index) return;
    layer.clearLayers();
    const b = map.getBounds();
    const zoom = Math.round(map.getZoom());
    let selectedMarker: L.CircleMarker | null = null;
    const clusters = index.getClusters([b.getWest() - 1, b.getSouth() - 1, b.getEast() + 1, b.getNorth() + 1], zoom);
    for (const c of clusters) {
      const [lon, lat] = c.geometry.coordinates as [number, number];
      const props = c.properties as PointProps & { cluster?: boolean; point_count?: number; cluster_id?: number };
      if (props.cluster) {
        const n = props.point_count ?? 0;
        const size = Math.round(26 + Math.min(Math.log10(n) * 10, 26));
        const icon = L.divIcon({
          className: 'cluster',
          html: '',
          iconSize: [size, size],
        });
        const marker = L.marker([lat, lon], { icon, title: `${n} incidents`, keyboard: true });
        marker.on('add', () => {
          const node = marker.getElement();
          if (node) node.textContent = n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n);
        });
        marker.on('click', () => {
          const z = Math.min(index.getClusterExpansionZoom(props.cluster_id ?? 0), 13);
          map.setView([lat, lon], z);
        });
        layer.addLayer(marker);
        continue;
      }
      const type = EVENT_TYPES[props.type] ?? 'Strategic developments';
      const precision = PRECISIONS[props.precision] ?? 'exact';
      const area = precision !== 'exact' && precision !== 'near';
      const colour = TYPE_COLOURS[type] ?? '#475569';
      const isSelected = props.id === selectedRef.current;
      const marker = L.circleMarker([lat, lon], {
        // An area-only place is drawn larger and hollow: the incident is somewhere in that region, not at the dot.
        radius: radiusFor(props.best) + (area ? 8 : 0),
        color: isSelected ? '#111827' : area ? colour : '#ffffff',
        weight: isSelected ? 3 : area ? 1.5 : 1,
        dashArray: area ? '3 3' : undefined,
        fillColor: colour,
        fillOpacity: area ? 0.22 : 0.85,
      });
      marker.bindTooltip(
        `${TYPE_SHORT[type] ?? type} · ${props.best >= 0 ? `${props.best} killed` : 'no count'} · ${precision}`,
      );
      marker.on('click', () => navigate(withQuery(locRef.current, {}, `/incidents/${encodeURIComponent(props.id)}`)));
      // The selected incident is drawn last, above any other incident at the same place.
      if (isSelected) selectedMarker = marker;
      else layer.addLayer(marker);
    }
    if (selectedMarker) layer.addLayer(selectedMarker);
  }

  return (
    <div class="map-wrap">
      <div ref={el} class="map" data-testid="map" data-points={count ?? ''} />
      <section class="legend" aria-label="Map legend">
        {EVENT_TYPES.map((t) => (
          <span key={t} class="legend-item">
            <span class="dot" style={{ background: TYPE_COLOURS[t] }} />
            {TYPE_SHORT[t]}
          </span>
        ))}
        <span class="legend-item">
          <span class="dot solid" /> exact place
        </span>
        <span class="legend-item">
          <span class="dot hollow" /> area only
        </span>
        <span class="legend-item muted">size = deaths</span>
        {count !== null && <span class="legend-item muted">{count.toLocaleString()} on map</span>}
      </section>
    </div>
  );
}
