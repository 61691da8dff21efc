import { createContext, useContext } from 'react';
import type { UserData } from './stored-dataset';

/** What the app shell lets the data loader do: show the user's data, or go back to the demo. */
export interface DataControl {
  /** Swap the user's data in (atomically: on failure the data in use stays) and show it everywhere. */
  activate: (data: UserData) => Promise<void>;
  /** Forget the stored data and show the demo city again. */
  backToDemo: () => Promise<void>;
}

export const DataControlContext = createContext<DataControl | null>(null);

export function useDataControl(): DataControl {
  const control = useContext(DataControlContext);
  if (!control) throw new Error('useDataControl() outside DataControlContext');
  return control;
}
