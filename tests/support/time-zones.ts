/** Zones far apart, with and without daylight saving time, and one at a 45-minute offset. */
export const TEST_TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Chatham'];

/**
 * Run `produce` once per time zone (Node applies a changed process.env.TZ at once) and
 * return what each gave; the machine's zone is restored even when `produce` throws.
 */
export async function underTimeZones(zones: readonly string[], produce: () => Promise<string>): Promise<string[]> {
  const original = process.env.TZ;
  const outputs: string[] = [];
  try {
    for (const zone of zones) {
      process.env.TZ = zone;
      outputs.push(await produce());
    }
  } finally {
    // Assigning undefined would set the text "undefined"; an unset zone must stay unset.
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
  return outputs;
}
