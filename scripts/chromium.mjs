// Finds the system Chromium for browser tests and benchmarks, installing Debian's package
// when we are root on a Debian machine. Never downloads a browser build of its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const PACKAGES = ['chromium', 'libegl-mesa0', 'libgl1-mesa-dri', 'fonts-noto-cjk'];

export function findChromium() {
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** The path of a usable Chromium, or throws with what to do. */
export function ensureChromium() {
  const found = findChromium();
  if (found && hasCjkFont()) return found;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    throw new Error(`Chromium ${found ? 'is there but the CJK font is missing' : 'was not found'} (looked at ${CANDIDATES.join(', ')}). Install it with: sudo apt-get install -y ${PACKAGES.join(' ')}  (or set CHROMIUM_PATH)`);
  }
  console.log(`[chromium] Installing Debian packages: ${PACKAGES.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-q', ...PACKAGES], { stdio: 'inherit', env });
  const path = findChromium();
  if (install.status !== 0 || !path) throw new Error(`Installing Chromium failed (apt-get exit ${install.status}). Install it by hand: apt-get install -y ${PACKAGES.join(' ')}`);
  return path;
}

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim().length > 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try { console.log(ensureChromium()); } catch (error) { console.error(String(error.message)); process.exit(1); }
}
