import { useEffect } from 'react';
import type * as maplibregl from 'maplibre-gl';
import type { UnitLevel } from '../../domain/units';
import { drillLayerChanges } from '../../map/boundary-layers';
import { fillColorExpression, type Choropleth } from '../../map/choropleth';
import type { UnitEntry } from '../units-directory';

/**
 * Shows the current unit's outline and its children's boundaries, filled by the choropleth
 * when one is on (nearly transparent otherwise, so that they still take clicks).
 * `onChanged` is called after each change, for the "drawn" state to wait for the map's repaint.
 */
export function useDrillLayers(map: maplibregl.Map | null, loaded: boolean, unit: UnitEntry, children: UnitLevel | null, choropleth: Choropleth | null, onChanged: () => void): void {
  useEffect(() => {
    if (!map || !loaded) return;
    const fill = choropleth ? fillColorExpression(choropleth.colors, '#ffffff') : '#ffffff';
    for (const change of drillLayerChanges(unit, children, fill, choropleth ? 0.78 : 0.01)) {
      map.setLayoutProperty(change.id, 'visibility', change.visible ? 'visible' : 'none');
      if (change.filter) map.setFilter(change.id, change.filter as maplibregl.FilterSpecification);
      for (const [name, value] of Object.entries(change.paint ?? {})) map.setPaintProperty(change.id, name as 'fill-color', value as maplibregl.DataDrivenPropertyValueSpecification<string>);
    }
    onChanged();
  }, [map, loaded, unit, children, choropleth, onChanged]);
}
