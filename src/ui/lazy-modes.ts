import { lazy } from 'react';

/**
 * The modes other than the map, loaded when their tab is first opened (issue #18): the SQL
 * console brings CodeMirror, the wall ECharts, the briefing and the data loader their own
 * code. A leader opening a link to the map downloads and parses none of it before the
 * first screen. Each import is its own chunk (Vite splits at dynamic imports).
 */
export const BriefingPage = lazy(() => import('./briefing/BriefingPage').then((m) => ({ default: m.BriefingPage })));
export const DataLoader = lazy(() => import('./data/DataLoader').then((m) => ({ default: m.DataLoader })));
export const WallMode = lazy(() => import('./wall/WallMode').then((m) => ({ default: m.WallMode })));
export const Workbench = lazy(() => import('./workbench/Workbench').then((m) => ({ default: m.Workbench })));
