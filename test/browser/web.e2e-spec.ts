import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  checkSchedule,
  deriveSlots,
  parseEventFile,
  type EventFile,
  type ScheduleFile,
} from '@app/scheduling';
import { sampleEvent } from '../support/factories';
import { ORGANISER, bearer, organiserAuth, startService, type TestService } from '../support/service';
import { ARTIFACTS, freePort, launchChromium, screenshot, unlabelledControls, watchErrors } from './browser';

jest.setTimeout(240_000);

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESK = { viewport: { width: 1280, height: 900 } };

function parsed(document: unknown): EventFile {
  const result = parseEventFile(document);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

/** The event as a set-like value: clusters and wishes sorted (registration order is not part of it). */
function comparable(file: EventFile) {
  return {
    ...file,
    clusters: [...file.clusters].sort((a, b) => a.id.localeCompare(b.id)),
    wishes: [...file.wishes].sort((a, b) => `${a.from}|${a.rank}`.localeCompare(`${b.from}|${b.rank}`)),
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The Clermont day run from the pages alone, in French: an organiser creates the event, registers
 * the clusters (directory and CSV), sets an availability, opens wishes and copies an invite link; a
 * manager opens it on a phone-sized window, ranks its wishes (search, filter, buttons, keyboard) and
 * submits; another ranks by drag and drop; the organiser sees the wishes, solves twice, compares,
 * publishes and prints the agendas; the manager reads its agenda. Every main page is screenshotted.
 */
describe('web pages: the Clermont day from an empty database to printed agendas', () => {
  let service: TestService;
  let browser: Browser;
  let desk: BrowserContext;
  let phone: BrowserContext;
  let organiser: Page;
  let manager: Page;
  let base: string;
  let eventId: string;
  const errors: string[] = [];
  const invites = new Map<string, string>();
  const example = parsed(sampleEvent('clermont'));

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    service = await startService({ worker: true, env: { PUBLIC_URL: base } });
    await service.app.listen(port, '127.0.0.1');
    browser = await launchChromium();
    desk = await browser.newContext({ ...DESK, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    await desk.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    phone = await browser.newContext({ ...PHONE, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    organiser = await desk.newPage();
    errors.push(...watchErrors(organiser));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function expectLabelled(page: Page) {
    expect(await unlabelledControls(page)).toEqual([]);
  }

  it('serves the pages in French, and lets the organiser log in', async () => {
    await organiser.goto(`${base}/`);
    await organiser.waitForURL(`${base}/login`);
    expect(await organiser.getAttribute('html', 'lang')).toBe('fr');
    await organiser.getByRole('heading', { name: 'Connexion organisateur' }).waitFor();
    await expectLabelled(organiser);

    await organiser.getByLabel('Adresse e-mail').fill(ORGANISER.email);
    await organiser.getByLabel('Mot de passe').fill('not the password');
    await organiser.getByRole('button', { name: 'Se connecter' }).click();
    await organiser.locator('main').getByText('E-mail ou mot de passe incorrect.').waitFor();
    await screenshot(organiser, 'login');

    await organiser.getByLabel('Mot de passe').fill(ORGANISER.password);
    await organiser.getByRole('button', { name: 'Se connecter' }).click();
    await organiser.waitForURL(`${base}/events`);
    await organiser.locator('main').getByText('Aucun événement pour l’instant', { exact: false }).waitFor();
  });

  it('creates the event with the slots shown live, naming a bad field next to it', async () => {
    await organiser.getByRole('link', { name: 'Nouvel événement' }).click();
    await organiser.getByRole('heading', { name: 'Nouvel événement' }).waitFor();
    const preview = organiser.locator('.preview-summary');
    // The defaults: 14:00–17:30, 20 + 5 minutes → 8 slots.
    await expect(preview.textContent()).resolves.toContain('8 créneaux');
    await organiser.getByLabel('Durée d’un rendez-vous (minutes)').fill('25');
    await expect(preview.textContent()).resolves.toContain('7 créneaux');
    await organiser.getByLabel('Durée d’un rendez-vous (minutes)').fill('20');
    expect(await organiser.locator('.slot-chips li').allTextContents()).toEqual(
      deriveSlots({ ...example.event }).map((slot, i) => `${i + 1} ${slot.start}–${slot.end}`),
    );

    // Submitting without a name: the server's error shows next to the name field.
    await organiser.getByLabel('Date').fill(example.event.date);
    await organiser.getByRole('button', { name: 'Créer l’événement' }).click();
    const nameError = organiser.locator('[data-path="name"] .field-error');
    await nameError.waitFor();
    expect(await organiser.getByLabel('Nom de l’événement').getAttribute('aria-invalid')).toBe('true');
    // Translated from the issue's code, not the server's English message.
    expect(await nameError.textContent()).toBe('Ce champ ne doit pas être vide.');
    await screenshot(organiser, 'event-form-error');

    // The same error in English after the switch (the form is drawn again, empty).
    await organiser.getByRole('button', { name: 'Switch to English' }).click();
    await organiser.getByLabel('Date').fill(example.event.date);
    await organiser.getByRole('button', { name: 'Create the event' }).click();
    await nameError.waitFor();
    expect(await organiser.getByLabel('Event name').getAttribute('aria-invalid')).toBe('true');
    expect(await nameError.textContent()).toBe('This field must not be empty.');
    await organiser.getByRole('button', { name: 'Passer en français' }).click();
    await organiser.getByLabel('Date').fill(example.event.date);

    await organiser.getByLabel('Nom de l’événement').fill(example.event.name);
    await organiser.getByLabel('Lieu').fill(example.event.venue as string);
    await organiser.getByLabel('Nombre de tables').fill(String(example.event.tables));
    expect(await nameError.isHidden()).toBe(true);
    await expectLabelled(organiser);
    await screenshot(organiser, 'event-form', { doc: true });
    await organiser.getByRole('button', { name: 'Créer l’événement' }).click();
    await organiser.waitForURL(/\/events\/[0-9a-f-]{36}\/participants$/);
    eventId = /events\/([0-9a-f-]{36})/.exec(organiser.url())?.[1] as string;
    await organiser.getByRole('heading', { name: example.event.name }).waitFor();
  });

  it('registers clusters from the directory and from a CSV file, and sets an availability', async () => {
    // Two clusters are in the directory already (from an earlier event).
    const auth = await organiserAuth(service);
    for (const id of ['mbi', 'thesame']) {
      const cluster = example.clusters.find((c) => c.id === id)!;
      await service
        .http()
        .post('/api/clusters')
        .set(auth)
        .send({ id, name: cluster.name, region: cluster.region, kind: cluster.kind })
        .expect(201);
    }
    await organiser.reload();
    await organiser.getByLabel(/^Mont-Blanc Industries/).check();
    await organiser.getByLabel(/^Thésame/).check();
    await organiser.getByRole('button', { name: 'Inscrire la sélection' }).click();
    await organiser.locator('main').getByText('2 clusters inscrits.').waitFor();

    const rows = example.clusters
      .filter((c) => !['mbi', 'thesame'].includes(c.id))
      .map((c) => [c.id, c.name, c.region ?? '', c.kind ?? ''].map(csvCell).join(','));
    await organiser.getByLabel('Fichier CSV').setInputFiles({
      name: 'clusters.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['id,name,region,kind', ...rows].join('\n'), 'utf8'),
    });
    await organiser.getByRole('button', { name: 'Importer le CSV' }).click();
    await organiser.locator('main').getByText('38 clusters inscrits', { exact: false }).waitFor();
    expect(await organiser.locator('tr[data-cluster]').count()).toBe(40);

    // aei is there 14:00–16:00 only: untick the last three slots.
    const aei = organiser.locator('tr[data-cluster="aei"]');
    await aei.getByRole('button', { name: 'Disponibilités' }).click();
    const editor = organiser.locator('tr.details-row:not([hidden])');
    for (const slot of ['16:05–16:25', '16:30–16:50', '16:55–17:15']) await editor.getByLabel(slot).uncheck();
    await editor.getByRole('button', { name: 'Enregistrer les disponibilités' }).click();
    await editor.getByText('Disponibilités enregistrées.').waitFor();
    await expectLabelled(organiser);
  });

  it('opens wishes, issues the invite links and copies one', async () => {
    await organiser.getByRole('button', { name: 'Ouvrir les souhaits' }).click();
    await organiser.locator('.badge--open').first().waitFor();
    await organiser.getByRole('button', { name: 'Créer les liens de tous les participants' }).click();
    await organiser.locator('main').getByText('40 liens créés', { exact: false }).waitFor();
    await organiser
      .getByRole('button', { name: 'Copier le lien de Auvergne Efficience Industrielle' })
      .click();
    await organiser
      .locator('main')
      .getByText('Lien de Auvergne Efficience Industrielle copié.')
      .first()
      .waitFor();
    const copied = (await organiser.evaluate('navigator.clipboard.readText()')) as string;
    expect(copied).toMatch(new RegExp(`^${base}/invite#inv_[A-Za-z0-9_-]{43}$`));
    for (const row of await organiser.locator('tr[data-cluster]').all()) {
      const id = (await row.getAttribute('data-cluster')) as string;
      invites.set(id, await row.locator('input.invite-url').inputValue());
    }
    expect(invites.get('aei')).toBe(copied);
    expect(new Set(invites.values()).size).toBe(40);
    await screenshot(organiser, 'participants', { doc: true });
  });

  const token = (id: string) => (invites.get(id) as string).split('#')[1];

  it('lets a manager rank its wishes on a phone and submit them', async () => {
    manager = await phone.newPage();
    errors.push(...watchErrors(manager));
    await manager.goto(invites.get('aei') as string);
    await manager.waitForURL(`${base}/manager`);
    await manager.getByRole('heading', { name: 'Votre journée Interclustering' }).waitFor();
    await manager.locator('main').getByText('jeudi 9 juillet 2015').waitFor();
    await screenshot(manager, 'manager-event');

    // A cluster registered late, then removed before the manager submits: the error names it.
    const auth = await organiserAuth(service);
    await service
      .http()
      .post(`/api/events/${eventId}/participants`)
      .set(auth)
      .send({ clusters: [{ name: 'Cluster Temporaire', region: 'Auvergne', kind: 'cluster' }] })
      .expect(201);

    await manager.getByRole('link', { name: 'Mes souhaits' }).click();
    await manager.getByRole('heading', { name: 'Vos souhaits de rendez-vous' }).waitFor();
    await expectLabelled(manager);
    const search = manager.getByLabel('Rechercher');
    await search.fill('thés');
    await manager.getByRole('button', { name: 'Ajouter Thésame à mes souhaits' }).click();
    await search.fill('mont-blanc');
    await manager.getByRole('button', { name: 'Ajouter Mont-Blanc Industries à mes souhaits' }).click();
    // Keyboard: Alt+↑ on a focused item moves it up.
    await manager.locator('.wish-item[data-id="mbi"]').focus();
    await manager.keyboard.press('Alt+ArrowUp');
    await search.fill('');
    await manager.getByLabel('Région').selectOption('Auvergne');
    await manager.getByRole('button', { name: 'Ajouter Auvergne Numérique à mes souhaits' }).click();
    await manager.getByLabel('Région').selectOption('');
    await search.fill('cluster');
    await manager.getByRole('button', { name: 'Ajouter Cluster Temporaire à mes souhaits' }).click();
    await manager.getByRole('button', { name: 'Ajouter Cluster Éco-Bâtiment à mes souhaits' }).click();
    // Five wishes: the list is full.
    expect(
      await manager.getByRole('button', { name: 'Ajouter Cluster Lumière à mes souhaits' }).isDisabled(),
    ).toBe(true);

    await service
      .http()
      .delete(`/api/events/${eventId}/participants/cluster-temporaire`)
      .set(auth)
      .expect(204);
    await manager.getByRole('button', { name: 'Enregistrer ma liste' }).click();
    const itemError = manager.locator('.wish-item[data-id="cluster-temporaire"] .field-error');
    await itemError.waitFor();
    expect(await itemError.textContent()).toBe(
      'Cluster inconnu : « cluster-temporaire » ne participe pas (ou plus) à l’événement.',
    );
    await screenshot(manager, 'manager-wishes-error');
    await manager.getByRole('button', { name: 'Retirer Cluster Temporaire' }).click();
    await manager.getByRole('button', { name: 'Ajouter Cluster Lumière à mes souhaits' }).click();
    // Buttons: Cluster Lumière up one place.
    await manager.getByRole('button', { name: 'Monter Cluster Lumière' }).click();

    expect(
      await manager.locator('.wish-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-id'))),
    ).toEqual(example.wishes.filter((w) => w.from === 'aei').map((w) => w.to));
    await manager.getByRole('button', { name: 'Enregistrer ma liste' }).click();
    await manager.locator('main').getByText('C’est enregistré', { exact: false }).waitFor();
    await manager.evaluate('window.scrollTo(0, 0)');
    await screenshot(manager, 'manager-wishes', { doc: true });

    const saved = await service
      .http()
      .get(`/api/events/${eventId}/participants/aei/wishes`)
      .set(bearer(token('aei')))
      .expect(200);
    expect(saved.body.wishes).toEqual(
      example.wishes.filter((w) => w.from === 'aei').map(({ to, rank }) => ({ to, rank })),
    );

    // Changed elsewhere meanwhile: a clear message, and the latest list on demand.
    await service
      .http()
      .put(`/api/events/${eventId}/participants/aei/wishes`)
      .set(bearer(token('aei')))
      .send({ wishes: saved.body.wishes })
      .expect(200);
    await manager.getByRole('button', { name: 'Enregistrer ma liste' }).click();
    await manager
      .locator('main')
      .getByText('Votre liste a été modifiée ailleurs', { exact: false })
      .waitFor();
    await manager.getByRole('button', { name: 'Recharger la dernière version' }).click();
    await manager
      .locator('main')
      .getByText('La dernière version enregistrée de votre liste est affichée.')
      .waitFor();
    await manager.getByRole('button', { name: 'Enregistrer ma liste' }).click();
    await manager.locator('main').getByText('C’est enregistré', { exact: false }).waitFor();

    // In English, a per-wish error in English: a cluster registered late, put in the list in place
    // of the fifth wish, then removed before the manager saves (the saved list stays as it was).
    await service
      .http()
      .post(`/api/events/${eventId}/participants`)
      .set(auth)
      .send({ clusters: [{ name: 'Cluster Provisoire', region: 'Auvergne', kind: 'cluster' }] })
      .expect(201);
    await manager.getByRole('button', { name: 'Switch to English' }).click();
    await manager.getByRole('button', { name: 'Save my list' }).waitFor();
    const fifth = example.wishes.find((w) => w.from === 'aei' && w.rank === 5) as { to: string };
    const fifthName = example.clusters.find((c) => c.id === fifth.to)?.name as string;
    await manager.getByRole('button', { name: `Remove ${fifthName}` }).click();
    await manager.getByLabel('Search').fill('provisoire');
    await manager.getByRole('button', { name: 'Add Cluster Provisoire to my wishes' }).click();
    await service
      .http()
      .delete(`/api/events/${eventId}/participants/cluster-provisoire`)
      .set(auth)
      .expect(204);
    await manager.getByRole('button', { name: 'Save my list' }).click();
    const itemErrorEn = manager.locator('.wish-item[data-id="cluster-provisoire"] .field-error');
    await itemErrorEn.waitFor();
    expect(await itemErrorEn.textContent()).toBe(
      'Unknown cluster: "cluster-provisoire" is not (or no longer) taking part in the event.',
    );
    await screenshot(manager, 'manager-wishes-error-en');
    await manager.getByRole('button', { name: 'Passer en français' }).click();
    await manager.getByRole('button', { name: 'Enregistrer ma liste' }).waitFor();

    await manager.getByRole('link', { name: 'Disponibilités' }).click();
    await manager.getByRole('heading', { name: 'Vos disponibilités' }).waitFor();
    expect(await manager.getByLabel('16:05–16:25').isChecked()).toBe(false);
    expect(await manager.getByLabel('14:00–14:20').isChecked()).toBe(true);
    await screenshot(manager, 'manager-availability');
  });

  it('lets another manager order its wishes by drag and drop (invite path /m/<token>)', async () => {
    const page = await desk.newPage();
    errors.push(...watchErrors(page));
    await page.goto(`${base}/m/${token('mbi')}`);
    await page.waitForURL(`${base}/manager`);
    await page.getByRole('link', { name: 'Mes souhaits' }).click();
    for (const name of ['ViaMéca', 'Medicalps', 'Auvergne Efficience Industrielle']) {
      await page.getByRole('button', { name: `Ajouter ${name} à mes souhaits` }).click();
    }
    // Drag the third onto the first, then the (now) third onto the second.
    await page.locator('.wish-item[data-id="aei"]').dragTo(page.locator('.wish-item[data-id="viameca"]'));
    await page
      .locator('.wish-item[data-id="viameca"]')
      .dragTo(page.locator('.wish-item[data-id="medicalps"]'));
    expect(
      await page.locator('.wish-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-id'))),
    ).toEqual(['aei', 'medicalps', 'viameca']);
    await screenshot(page, 'manager-wishes-desk');
    await page.getByRole('button', { name: 'Enregistrer ma liste' }).click();
    await page.locator('main').getByText('C’est enregistré', { exact: false }).waitFor();
    await page.close();
  });

  it('shows the wishes at a glance once every manager has answered', async () => {
    // The other managers answer through the API with their own links (as their pages would).
    for (const cluster of example.clusters) {
      if (cluster.id === 'aei' || cluster.id === 'mbi') continue;
      const wishes = example.wishes
        .filter((w) => w.from === cluster.id)
        .map(({ to, rank }) => ({ to, rank }));
      const manager = bearer(token(cluster.id));
      await service
        .http()
        .put(`/api/events/${eventId}/participants/${cluster.id}/wishes`)
        .set(manager)
        .send({ wishes })
        .expect(200);
      if (cluster.availability) {
        await service
          .http()
          .put(`/api/events/${eventId}/participants/${cluster.id}/availability`)
          .set(manager)
          .send({ availability: cluster.availability })
          .expect(200);
      }
    }
    await organiser.getByRole('link', { name: 'Souhaits', exact: true }).click();
    await organiser.getByRole('heading', { name: 'Qui souhaite qui' }).waitFor();
    const figures = await organiser.locator('.figures .figure-value').allTextContents();
    expect(figures[0]).toBe(String(example.wishes.length));
    expect(await organiser.locator('td.wish').count()).toBe(example.wishes.length);
    await organiser.getByRole('heading', { name: 'Qui souhaite qui' }).scrollIntoViewIfNeeded();
    await screenshot(organiser, 'wishes', { doc: true });

    // The event built from the pages is the Clermont sample.
    const download = organiser.waitForEvent('download');
    await organiser.getByRole('button', { name: 'Exporter le fichier' }).click();
    const file = await (await download).path();
    expect(comparable(parsed(JSON.parse(readFileSync(file as string, 'utf8'))))).toEqual(comparable(example));
  });

  it('closes wishes: the manager sees its list read-only', async () => {
    await organiser.getByRole('button', { name: 'Clore les souhaits' }).click();
    await organiser.locator('.badge--closed').first().waitFor();
    await manager.getByRole('link', { name: 'Mes souhaits' }).click();
    await manager.locator('main').getByText('lecture seule', { exact: false }).waitFor();
    expect(await manager.getByRole('button', { name: 'Enregistrer ma liste' }).count()).toBe(0);
    expect(await manager.locator('.wish-item').count()).toBe(5);
  });

  it('solves with live progress, shows the result, compares two versions and publishes', async () => {
    await organiser.getByRole('link', { name: 'Planning' }).click();
    await organiser.getByRole('button', { name: 'Lancer le calcul' }).click();
    await organiser.locator('progress').waitFor();
    await organiser.getByRole('heading', { name: 'Planning, version 1' }).waitFor({ timeout: 120_000 });
    await organiser.locator('main').getByText('La version 1 est calculée.').waitFor();

    const schedule = (
      await service
        .http()
        .get(`/api/events/${eventId}/schedule?version=1`)
        .set(await organiserAuth(service))
        .expect(200)
    ).body as ScheduleFile;
    expect(checkSchedule(example, schedule).valid).toBe(true);
    const served = organiser.locator('[data-figure="servedClusters"] .figure-value');
    expect(await served.textContent()).toContain(
      `${schedule.stats.servedClusters} / ${schedule.stats.bound?.servedClusters}`,
    );
    expect(await organiser.locator('table.grid tbody tr').count()).toBe(schedule.slots.length);
    expect(await organiser.locator('table.grid td.meeting').count()).toBe(schedule.meetings.length);
    expect(await organiser.locator('table.unmet tbody tr').count()).toBe(schedule.unmetWishes.length);
    await organiser.getByLabel('Cluster', { exact: true }).selectOption('aei');
    await organiser.locator('article.agenda[data-cluster="aei"]').waitFor();
    await organiser.getByRole('heading', { name: 'Planning, version 1' }).scrollIntoViewIfNeeded();
    await screenshot(organiser, 'schedule', { doc: true });

    await organiser.getByRole('button', { name: 'Lancer le calcul' }).click();
    await organiser.getByRole('heading', { name: 'Planning, version 2' }).waitFor({ timeout: 120_000 });
    await organiser.getByLabel('Comparer la v2 avec').selectOption('1');
    await organiser.locator('main').getByText('rencontres communes', { exact: false }).waitFor();
    await screenshot(organiser, 'compare');

    await organiser.getByRole('button', { name: 'Publier la version 2' }).click();
    await organiser.locator('main').getByText('Version 2 publiée', { exact: false }).waitFor();
    await organiser.locator('.badge--published').first().waitFor();
    await expectLabelled(organiser);
  });

  it('prints every agenda, one page per cluster, in French', async () => {
    await organiser.getByRole('link', { name: 'Impression' }).click();
    await organiser.getByRole('button', { name: 'Imprimer' }).waitFor();
    expect(await organiser.locator('.print-area .sheet').count()).toBe(40);
    await screenshot(organiser, 'print', { fullPage: false, doc: true });
    await organiser.emulateMedia({ media: 'print' });
    const pdfPath = join(ARTIFACTS, 'agendas.pdf');
    writeFileSync(pdfPath, await organiser.pdf({ format: 'A4', printBackground: true }));
    await organiser.emulateMedia({ media: 'screen' });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(40);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(40);
    for (const page of pages) {
      expect(page).toContain('jeudi 9 juillet 2015');
      expect(page).toContain(example.event.name);
    }
    expect(pages.some((page) => page.includes('Auvergne Efficience Industrielle'))).toBe(true);
    expect(text).not.toContain('Lancer le calcul');

    // The printing library's documents, downloaded from the page (with the organiser's token).
    const download = organiser.waitForEvent('download');
    await organiser.getByRole('button', { name: 'Agendas, un par page (PDF)' }).click();
    const saved = join(ARTIFACTS, 'agendas-download.pdf');
    await (await download).saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    const downloaded = execFileSync('pdftotext', [saved, '-'], { encoding: 'utf8' });
    expect(downloaded.split('\f').filter((page) => page.trim() !== '')).toHaveLength(40);
    expect(downloaded).toContain('jeudi 9 juillet 2015');
    await organiser.locator('main').getByText('téléchargé', { exact: false }).waitFor();
  });

  it('shows the manager its agenda once published, on the phone, and switches to English', async () => {
    await manager.getByRole('link', { name: 'Mon agenda' }).click();
    await manager.getByRole('heading', { name: 'Votre agenda' }).waitFor();
    const agenda = (
      await service
        .http()
        .get(`/api/events/${eventId}/participants/aei/agenda`)
        .set(bearer(token('aei')))
        .expect(200)
    ).body as { meetings: { table: number; partner: { name: string } }[] };
    expect(agenda.meetings.length).toBeGreaterThan(0);
    expect(await manager.locator('.agenda-table td.table-no').count()).toBe(agenda.meetings.length);
    for (const meeting of agenda.meetings)
      await manager.locator('main').getByText(meeting.partner.name, { exact: true }).first().waitFor();
    await screenshot(manager, 'manager-agenda', { doc: true });
    const calendar = manager.waitForEvent('download');
    await manager.getByRole('button', { name: 'Ajouter à mon calendrier (.ics)' }).click();
    const ics = readFileSync((await (await calendar).path()) as string, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(agenda.meetings.length);

    await manager.getByRole('button', { name: 'Switch to English' }).click();
    await manager.getByRole('heading', { name: 'Your agenda' }).waitFor();
    expect(await manager.getAttribute('html', 'lang')).toBe('en');
    await manager.reload();
    await manager.getByRole('heading', { name: 'Your agenda' }).waitFor();
    await screenshot(manager, 'manager-agenda-en');
    await manager.getByRole('button', { name: 'Passer en français' }).click();
    await manager.getByRole('heading', { name: 'Votre agenda' }).waitFor();
  });

  it('computes the same slots in the browser as the server', async () => {
    const settings = fc.record({
      sessions: fc
        .uniqueArray(fc.integer({ min: 0, max: 23 * 60 }), { minLength: 2, maxLength: 6 })
        .map((bounds) => [...bounds].sort((a, b) => a - b))
        .map((bounds) => {
          const sessions = [];
          for (let i = 0; i + 1 < bounds.length; i += 2)
            sessions.push({ start: clock(bounds[i]), end: clock(bounds[i + 1]) });
          return sessions;
        }),
      meetingMinutes: fc.integer({ min: 5, max: 180 }),
      changeoverMinutes: fc.integer({ min: 0, max: 60 }),
    });
    const samples = fc.sample(settings, { numRuns: 200, seed: 20150709 });
    const browserSlots = (await organiser.evaluate(
      `import('/slots.mjs').then((m) => ${JSON.stringify(samples)}.map((s) => m.deriveSlots(s)))`,
    )) as unknown[];
    expect(browserSlots).toEqual(samples.map((sample) => deriveSlots(sample)));
  });

  it('has every message in French and in English', async () => {
    const modules = ['app', 'ui', 'api', 'dom', 'slots'].map((m) => `/${m}.mjs`);
    const pages = (await organiser.evaluate(
      `Promise.all(${JSON.stringify(['availability', 'downloads', 'event-form', 'event', 'events', 'login', 'manager', 'participants', 'print', 'schedule-views', 'schedule', 'wish-list', 'wishes'].map((m) => `/pages/${m}.mjs`).concat(modules))}.map((path) => fetch(path).then((r) => r.text())))`,
    )) as string[];
    const used = new Set(
      pages.flatMap((source) => [...source.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1])),
    );
    const dictionaries = (await organiser.evaluate(
      `import('/i18n.mjs').then((m) => ({ fr: Object.keys(m.DICTIONARIES.fr), en: Object.keys(m.DICTIONARIES.en) }))`,
    )) as { fr: string[]; en: string[] };
    expect(used.size).toBeGreaterThan(100);
    expect([...dictionaries.en].sort()).toEqual([...dictionaries.fr].sort());
    expect([...used].filter((key) => !dictionaries.fr.includes(key))).toEqual([]);
  });

  it('logged no error in any page', () => {
    // Chromium logs the answers the pages expect and handle (400, 401, 412) as console errors.
    expect(
      errors.filter(
        (error) =>
          !/Failed to load resource: the server responded with a status of (400|401|412)/.test(error),
      ),
    ).toEqual([]);
  });
});

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
