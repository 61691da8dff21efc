export function datasetFingerprint(args: string[]): string;
