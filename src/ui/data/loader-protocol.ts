import type { BoundaryMapping, EventFileFormat, EventMapping, Issue, PropertySummary, ReadOptions, RuleId, TextReadReport, ValidationCounts } from '../../ingest';
import type { PreparedDataset } from '../../ingest/pipeline';

/**
 * What the page keeps of an events file read in the loader worker: enough for the mapping
 * step (columns, a sample for the preview and the datum hint) without copying a million
 * rows across threads. The whole table stays in the worker.
 */
export interface TableSummary {
  fileName: string;
  columns: string[];
  rowCount: number;
  encoding?: string;
  format: EventFileFormat;
  /** For CSV and JSON: the encoding guess, the dialect used and sniffed, suspicious characters (ReadOptions.tsx shows them). */
  textRead?: TextReadReport;
  /** File-level findings (row === null): empty file, renamed columns, encoding … */
  fileIssues: Issue[];
  /** The first SAMPLE_ROWS rows as read, for the preview. */
  sample: (string | null)[][];
}

/** Rows sent to the page for the preview (the datum hint is worked out in the worker). */
export const SAMPLE_ROWS = 20;
/** Issues sent to the page as examples; all of them are in the rejected-rows download. */
export const ISSUE_EXAMPLES = 200;

/** A validation as the review step shows it: the counts in full, the issues as examples. */
export interface ValidationSummary {
  counts: ValidationCounts;
  byRule: Partial<Record<RuleId, number>>;
  issues: Issue[];
  issueCount: number;
}

/** A boundary file as the page lists it; the features stay in the worker (a 50 MB file holds 150,000 polygons). */
export interface BoundarySummary {
  fileName: string;
  featureCount: number;
  accepted: number;
  rejectedCount: number;
  /** The first ISSUE_EXAMPLES issues (rejected features and repairs). */
  issues: Issue[];
  /** How the features are keyed now (the suggestion until the user changes it). */
  mapping: BoundaryMapping;
  /** The file's properties with examples, for the boundary mapping step. */
  properties: PropertySummary[];
}

export type PreparedSummary = Omit<PreparedDataset, 'result'> & { result: ValidationSummary };

export type LoaderRequest =
  | { id: number; type: 'read-events'; name: string; bytes: Uint8Array }
  /** The last events file read again with other options (the worker keeps its bytes). */
  | { id: number; type: 'reread-events'; options: ReadOptions }
  | { id: number; type: 'read-boundaries'; name: string; bytes: Uint8Array }
  | { id: number; type: 'map-boundaries'; fileIndex: number; mapping: BoundaryMapping }
  | { id: number; type: 'clear-boundaries' }
  | { id: number; type: 'clear-events' }
  | { id: number; type: 'datum-hint'; mapping: EventMapping }
  | { id: number; type: 'check-mapping'; mapping: EventMapping }
  | { id: number; type: 'prepare'; mapping: EventMapping; rootName: string }
  | { id: number; type: 'rejected-csv' };

export type LoaderReply =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'error'; message: string; zh?: string; en?: string };
