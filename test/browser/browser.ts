import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '../..');
export const ARTIFACTS = join(ROOT, 'artifacts/browser');
const DOC_IMAGES = join(ROOT, 'docs/images');

/**
 * Real headless Chromium. Playwright gives every launch a fresh temporary profile
 * (user-data-dir), removed when the browser closes.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // French date and time inputs (24 h), as on a French desk.
      '--lang=fr-FR',
    ],
  });
}

export { freePort } from '../support/processes';

/**
 * Saves a screenshot in artifacts/browser/<name>.png (the whole page). Those marked `doc`, with
 * UPDATE_DOC_IMAGES=1, also go to docs/images/ui-<name>.png for the README (the visible part only).
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; doc?: boolean } = {},
): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({
    path: join(ARTIFACTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
  if (options.doc && process.env.UPDATE_DOC_IMAGES === '1') {
    mkdirSync(DOC_IMAGES, { recursive: true });
    await page.screenshot({
      path: join(DOC_IMAGES, `ui-${name}.png`),
      fullPage: false,
      animations: 'disabled',
    });
  }
}

/** Collects console errors and failed requests of a page: a page that logs errors fails the test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

/** Form controls without an accessible name (label, aria-label, aria-labelledby, text), visible ones only. */
export function unlabelledControls(page: Page): Promise<string[]> {
  // A string, evaluated in the page: the DOM types are not part of this (Node) program.
  return page.evaluate(`[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
    .filter((control) => control.offsetParent !== null)
    .filter((control) => !((control.labels && control.labels.length > 0) || control.getAttribute('aria-label')
      || control.getAttribute('aria-labelledby') || (control.tagName === 'BUTTON' && control.textContent.trim())))
    .map((control) => control.outerHTML.slice(0, 160))`);
}
