import type { ComponentChildren } from 'preact';
import { FiltersBar } from './filters-bar';
import { IncidentList } from './incident-list';
import type { Me } from './main';
import { MapView } from './map-view';
import type { Location } from './router';
import { Timeline } from './timeline';

/** Map and timeline on the left, the list (or the open incident) on the right; stacked on a phone. */
export function Workbench({ loc, me, children }: { loc: Location; me: Me; children?: ComponentChildren }) {
  return (
    <div class="workbench">
      <FiltersBar loc={loc} />
      <div class="workbench-body">
        <section class="map-column">
          <MapView loc={loc} />
          <Timeline loc={loc} />
        </section>
        <aside class="side-panel">{children ?? <IncidentList loc={loc} me={me} />}</aside>
      </div>
    </div>
  );
}
