import type { UnitsDirectory } from '../units-directory';

/** Placeholder until this mode is built. */
export function Workbench(_props: { units: UnitsDirectory }) {
  return <div className="mode-placeholder" data-testid="mode-placeholder">Workbench</div>;
}
