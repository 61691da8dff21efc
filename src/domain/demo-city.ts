/**
 * The demo dataset's city, Lishui (丽水市). The app never assumes it: the root unit comes
 * from the loaded data (the `units` row without a parent). It is here for what has no data
 * to ask, such as the benchmark's questions about the demo and the tests' fixtures.
 */
export const DEMO_CITY_CODE = '331100';
