import { inBothLanguages } from '../i18n';
import { checkGeometries, unreadableBoundaryFile, type CheckedBoundaryFile } from './boundaries';
import { createIssue } from './rules';

interface ShpFeatureCollection { type: 'FeatureCollection'; features: unknown[]; fileName?: string }

/**
 * A zipped shapefile (.shp + .dbf, optionally .prj and .cpg) → features with checked geometry.
 * shpjs reprojects with the .prj when there is one, so the result is WGS84 lon/lat.
 * A zip with several layers (several .shp files) is read as one set.
 */
export async function readShapefileZip(bytes: Uint8Array, fileName: string): Promise<CheckedBoundaryFile> {
  const { parseZip } = (await import('shpjs')) as unknown as { parseZip(buffer: Uint8Array): Promise<ShpFeatureCollection | ShpFeatureCollection[]> };
  let collections: ShpFeatureCollection[];
  try {
    const parsed = await parseZip(bytes);
    collections = Array.isArray(parsed) ? parsed : [parsed];
  } catch (error) {
    const message = (error as Error).message;
    return unreadableBoundaryFile(fileName, createIssue(fileName, null, null, 'unsupported_file', null, inBothLanguages((m) => m.data.details.shapefileUnreadable, { message })));
  }
  // Shapefile outer rings are clockwise by specification: rewinding them is routine, not a finding.
  return checkGeometries(collections.flatMap((collection) => collection.features), fileName, true);
}
