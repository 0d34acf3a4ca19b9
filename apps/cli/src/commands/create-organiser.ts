import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, ConfigModule, loadConfig } from '@app/config';
import { DomainError, OrganiserService } from '@app/core';
import { PersistenceModule, runMigrations } from '@app/persistence';
import { parseCommandArgs, type ParsedArgs } from '../args';
import { UserError } from '../errors';
import { EXIT, type CliIo } from '../io';
import { usageError } from '../usage';

export const usage = `Usage: interclustering create-organiser EMAIL [--password PASSWORD]

Adds an organiser account to the database of DATABASE_URL (pending migrations are applied first).
The password comes from --password, else the ORGANISER_PASSWORD environment variable, else the
first line of standard input (e.g. \`echo "$PASSWORD" | interclustering create-organiser EMAIL\`).
It must be at least 8 characters.

Options:
  --password PASSWORD  the password (visible in the process list: prefer stdin or the environment)
  -h, --help           show this help

Exit codes: 0 created, 2 usage or input error (bad email, short password, email taken).
`;

/** Reads standard input to the end (the password's first line is used). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function run(
  args: string[],
  io: CliIo,
  stdin: () => Promise<string> = readStdin,
): Promise<number> {
  let parsed: ParsedArgs;
  try {
    parsed = parseCommandArgs(args, { password: { type: 'string' } }, { min: 1, max: 1, names: 'EMAIL' });
  } catch (error) {
    if (error instanceof UserError) return usageError('create-organiser', error, usage, io);
    throw error;
  }
  if (parsed.values.help) {
    io.stdout(usage);
    return EXIT.ok;
  }
  const [email] = parsed.positionals;
  const password =
    (parsed.values.password as string | undefined) ??
    (io.env.ORGANISER_PASSWORD || undefined) ??
    (await stdin()).split(/\r?\n/)[0];
  if (!password) throw new UserError('no password: give --password, ORGANISER_PASSWORD or a line on stdin');

  let config;
  try {
    config = loadConfig({ ...io.env, ORGANISER_EMAIL: undefined, ORGANISER_PASSWORD: undefined });
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError('the configuration is not valid:', error.problems);
    throw error;
  }
  await runMigrations(config.databaseUrl);

  @Module({
    imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot()],
    providers: [OrganiserService],
  })
  class CreateOrganiserModule {}

  const app = await NestFactory.createApplicationContext(CreateOrganiserModule, { logger: ['error'] });
  try {
    const organiser = await app.get(OrganiserService).create(email, password);
    io.stderr(`Organiser ${organiser.email} created.\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DomainError) {
      throw new UserError(
        error.message,
        (error.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`),
      );
    }
    throw error;
  } finally {
    await app.close();
  }
}
