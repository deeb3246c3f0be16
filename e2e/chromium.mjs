// Which Chromium the browser journeys drive: CHROMIUM_PATH when set, else Debian's headless shell
// (the same engine without the browser's own interface: about a fifth less CPU a journey), else
// Debian's full Chromium.
import fs from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** The path to use; the first candidate when none is installed (callers then say so). */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return CHROMIUM_CANDIDATES.find((p) => fs.existsSync(p)) ?? CHROMIUM_CANDIDATES[0];
}

export const INSTALL_HINT = 'apt-get install -y chromium-headless-shell (or chromium), or set CHROMIUM_PATH';
