export { parseCsv, parseCsvRecords } from '../../scripts/lib/csv';
