import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, ConfigModule, loadConfig } from '@app/config';
import { EventService, OrganiserService, SYSTEM_ACTOR } from '@app/core';
import { PersistenceModule, runMigrations } from '@app/persistence';

/**
 * `npm run seed`: applies the migrations, makes sure an organiser exists (ORGANISER_EMAIL /
 * ORGANISER_PASSWORD, else organiser@example.org with a generated password, printed once) and
 * imports the sample events of examples/ (SEED_DIR) that are not there yet (same name).
 */
async function seed(): Promise<void> {
  const config = loadConfig(process.env);
  await runMigrations(config.databaseUrl);

  @Module({
    imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot()],
    providers: [OrganiserService, EventService],
  })
  class SeedModule {}

  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const organisers = app.get(OrganiserService);
    const email = config.organiserEmail ?? 'organiser@example.org';
    const password = config.organiserPassword ?? randomBytes(12).toString('base64url');
    const outcome = await organisers.ensureFirstOrganiser(email, password);
    if (outcome === 'created') {
      console.log(
        config.organiserPassword
          ? `Organiser ${email} created.`
          : `Organiser ${email} created with the password ${password} (shown once).`,
      );
    } else {
      console.log('An organiser already exists.');
    }

    const events = app.get(EventService);
    const existing = new Set((await events.list(SYSTEM_ACTOR)).map((event) => event.settings.name));
    const directory = process.env.SEED_DIR ?? join(process.cwd(), 'examples');
    const files = readdirSync(directory)
      .filter((name) => name.endsWith('.event.json'))
      .sort();
    for (const file of files) {
      const document = JSON.parse(readFileSync(join(directory, file), 'utf8')) as {
        event?: { name?: string };
      };
      const name = document.event?.name ?? file;
      if (existing.has(name)) {
        console.log(`${file}: "${name}" is already there.`);
        continue;
      }
      const id = await events.importEvent(document);
      console.log(`${file}: imported "${name}" as event ${id}.`);
    }
  } finally {
    await app.close();
  }
}

seed().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
