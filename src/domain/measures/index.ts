export * from './types';
export * from './registry';
export * from './uses';
export * from './availability';
export * from './unit-measures';
