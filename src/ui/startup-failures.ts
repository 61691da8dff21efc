import type { EngineStartReason } from '../engine/start-error';
import { MESSAGES, type Language } from '../i18n';

/** What a person in front of the screen needs when a part of the page cannot start. */
export interface FailureExplanation { title: string; explanation: string; tryThis: readonly string[] }

/** Why the map could not start: no WebGL at all, or WebGL present but the map failed to create its context. */
export type MapStartReason = 'no-webgl' | 'map-failed';

// The texts are in the dictionary (src/i18n, `failures`); the types make it name every reason.
export const engineFailure = (reason: EngineStartReason, language: Language): FailureExplanation => {
  const failures: Record<EngineStartReason, FailureExplanation> = MESSAGES[language].failures.engine;
  return failures[reason];
};
export const mapFailure = (reason: MapStartReason, language: Language): FailureExplanation => {
  const failures: Record<MapStartReason, FailureExplanation> = MESSAGES[language].failures.map;
  return failures[reason];
};
