/** Parse `--name value` and `--flag` arguments; unknown names are an error naming them. */
export function parseArgs(argv: string[], valueNames: string[], flagNames: string[]): { values: Record<string, string | undefined>; flags: Set<string> } {
  const values: Record<string, string | undefined> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`);
    if (flagNames.includes(name)) flags.add(name);
    else if (valueNames.includes(name)) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`Missing value after --${name}`);
      values[name] = value;
    } else throw new Error(`Unknown option --${name}: expected one of ${[...valueNames, ...flagNames].map((n) => `--${n}`).join(', ')}`);
  }
  return { values, flags };
}
