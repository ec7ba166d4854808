/**
 * Locate the system Chromium the end-to-end tests drive through playwright-core. Tests never
 * download a browser build (that step fails on these machines); they use Debian's `chromium`,
 * installed with apt when missing and when we are allowed to (root + apt-get).
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

/** Searched in order after $CHROMIUM_PATH. */
export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const NOT_FOUND =
  'Chromium not found: install Debian\'s chromium (apt-get install -y chromium) or set CHROMIUM_PATH';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first usable Chromium, or null. A CHROMIUM_PATH that does not exist is an error, not a fallback. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file. ${NOT_FOUND}`);
    return fromEnv;
  }
  return CANDIDATES.find(executable) ?? null;
}

function aptAvailable(): boolean {
  return existsSync('/usr/bin/apt-get') || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Run one apt-get step with its output streamed (apt prints its own progress), prefixed by what we do. */
function apt(args: string[], log: (line: string) => void): Promise<void> {
  log(`[e2e] $ apt-get ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('apt-get', args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    // apt can sit silent for a while (downloads, triggers): say we are still alive.
    const tick = setInterval(() => log(`[e2e]   apt-get ${args[0]} still running (${Math.round((Date.now() - started) / 1000)} s)…`), 30_000);
    child.on('error', (e) => {
      clearInterval(tick);
      reject(e);
    });
    child.on('exit', (code) => {
      clearInterval(tick);
      if (code === 0) {
        log(`[e2e]   apt-get ${args[0]} done in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else reject(new Error(`apt-get ${args.join(' ')} exited with ${code}. ${NOT_FOUND}`));
    });
  });
}

/**
 * The path of a Chromium to drive, installing Debian's package with apt when none is found and
 * we run as root with apt-get available. Otherwise throws the one-line NOT_FOUND message.
 */
export async function ensureChromium(log: (line: string) => void = (l) => console.log(l)): Promise<string> {
  const found = findChromium();
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !aptAvailable()) throw new Error(NOT_FOUND);
  log('[e2e] No Chromium found: installing Debian\'s chromium with apt-get (this takes a few minutes)…');
  await apt(['update'], log);
  await apt(['install', '-y', 'chromium'], log);
  const installed = findChromium();
  if (!installed) throw new Error(NOT_FOUND);
  log(`[e2e] Chromium installed at ${installed}`);
  return installed;
}
