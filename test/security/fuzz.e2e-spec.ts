import fc from 'fast-check';
import { parseEventFile } from '@app/scheduling';
import { sql } from '../support/database';
import { eventDocument, sampleEvent } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { bearer, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(180_000);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values that break assumptions: wrong types, huge and odd numbers, long strings, odd unicode. */
const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    Number.MAX_SAFE_INTEGER,
    2 ** 31,
    '',
    ' ',
    'x'.repeat(100_000),
    '\u0000',
    'a\u0000b',
    '\ud800',
    '😀'.repeat(300),
    '\u202eevil',
    'é'.repeat(201),
    '<script>alert(1)</script>',
    "'; DROP TABLE event; --",
    '{{constructor}}',
    '__proto__',
    [],
    {},
    [null],
    { __proto__: { polluted: true } } as unknown as Json,
    '2015-02-30',
    '25:00',
    'Europe/Nowhere',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Every path of a JSON document: ['event', 'tables'], ['clusters', 2, 'id'], … */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const own = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [...own, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  }
  return own;
}

function setAt(document: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = JSON.parse(JSON.stringify(document)) as Json;
  let node = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** `['clusters', 2, 'id']` → `clusters[2].id`, as the API names fields. */
const pathName = (path: (string | number)[]) =>
  path.reduce<string>(
    (name, step) => (typeof step === 'number' ? `${name}[${step}]` : name ? `${name}.${step}` : step),
    '',
  );

type Mutation = { kind: string; path: (string | number)[]; value?: Json };

/** A mutation of a document: a field replaced by a nasty value, removed, duplicated, or an unknown field added. */
function mutationOf(document: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(document);
  const arrays = paths.filter((p) => {
    let node = document as Json;
    for (const step of p) node = (node as Record<string | number, Json>)[step];
    return Array.isArray(node) && node.length > 0;
  });
  const objects = paths.filter((p) => {
    let node = document as Json;
    for (const step of p) node = (node as Record<string | number, Json>)[step];
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({ kind: fc.constant('replace'), path: fc.constantFrom(...paths), value: nasty }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove'), path: fc.constantFrom(...paths) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate'), path: fc.constantFrom(...arrays) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('unknown field'),
        path: fc.constantFrom([] as (string | number)[], ...objects),
        value: nasty,
      }),
    },
  );
}

function apply(document: Json, mutation: Mutation): { document: Json; named: string } {
  switch (mutation.kind) {
    case 'replace':
      return {
        document: setAt(document, mutation.path, mutation.value as Json),
        named: pathName(mutation.path),
      };
    case 'remove':
      return {
        document: setAt(document, mutation.path, undefined),
        named: pathName(mutation.path.slice(0, -1)),
      };
    case 'duplicate': {
      let node = document;
      for (const step of mutation.path) node = (node as Record<string | number, Json>)[step];
      const items = node as Json[];
      return {
        document: setAt(document, mutation.path, [...items, items[0]]),
        named: pathName(mutation.path),
      };
    }
    default: {
      const path = [...mutation.path, 'unexpectedField'];
      return { document: setAt(document, path, mutation.value as Json), named: pathName(path) };
    }
  }
}

/**
 * Property-based fuzzing of the two endpoints that take the most user input: the event import and the
 * wish list. Whatever arrives — random JSON, malformed JSON, wrong types, huge numbers, very long
 * strings, odd unicode, duplicates, unknown fields — the answer is a 4xx naming a field (never a
 * 500), and the database is unchanged (row counts compared).
 */
describe('fuzzing the event import and the wish list', () => {
  let service: TestService;
  let auth: { Authorization: string };
  let eventId: string;
  let manager: { Authorization: string };

  beforeAll(async () => {
    service = await startService();
    auth = await organiserAuth(service);
    eventId = await importEvent(
      service,
      auth,
      eventDocument({ clusters: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }),
      'open',
    );
    manager = bearer((await issueInvites(service, auth, eventId)).get('a') as string);
  });

  afterAll(async () => {
    await service?.close();
  });

  const counts = async () =>
    (
      await sql(
        service.database,
        `SELECT (SELECT count(*) FROM event)::int AS events, (SELECT count(*) FROM cluster)::int AS clusters,
                (SELECT count(*) FROM participation)::int AS participations, (SELECT count(*) FROM wish)::int AS wishes,
                (SELECT count(*) FROM pair_exclusion)::int AS exclusions,
                (SELECT coalesce(sum(version), 0)::int FROM participation) AS versions`,
      )
    )[0];

  /** A refusal naming at least one field, with nothing but `{statusCode, code, message, errors}`. */
  function expectNamedRefusal(response: { status: number; body: Record<string, unknown> }, what: string) {
    expect({ what, status: response.status }).toEqual({ what, status: 400 });
    expect(Object.keys(response.body).sort()).toEqual(['code', 'errors', 'message', 'statusCode']);
    const errors = response.body.errors as { path: string; message: string }[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(typeof error.path).toBe('string');
      expect(error.path.length).toBeGreaterThan(0);
      expect(typeof error.message).toBe('string');
    }
    return errors.map((e) => e.path);
  }

  it('import: a mutated event file is refused with the validator’s errors, or stored whole when valid', async () => {
    const base = sampleEvent('clermont') as Json;
    await fc.assert(
      fc.asyncProperty(mutationOf(base), async (mutation) => {
        const { document, named } = apply(base, mutation);
        const before = await counts();
        const response = await service
          .http()
          .post('/api/events/import')
          .set(auth)
          .send(document as object);
        const what = `${mutation.kind} ${named}`;
        const expected = parseEventFile(JSON.parse(JSON.stringify(document)));
        if (expected.ok) {
          // Still a valid file: stored whole (or refused by a later check, then nothing stored).
          expect({ what, status: response.status }).toEqual({ what, status: 201 });
          return;
        }
        const paths = expectNamedRefusal(response, what);
        expect(paths).toEqual(expected.errors.map((e) => e.path));
        expect(await counts()).toEqual(before);
      }),
      { numRuns: 100 },
    );
  });

  it('import: random JSON bodies and malformed JSON are refused with 400 naming the place', async () => {
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const response = await service
          .http()
          .post('/api/events/import')
          .set(auth)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(value));
        expectNamedRefusal(response, JSON.stringify(value).slice(0, 80));
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return text.trim() !== '';
          }
        }),
        async (text) => {
          const response = await service
            .http()
            .post('/api/events/import')
            .set(auth)
            .set('Content-Type', 'application/json')
            .send(text);
          expect(response.status).toBe(400);
          expect(response.body).toMatchObject({ code: 'INVALID_JSON', errors: [{ path: '(root)' }] });
        },
      ),
      { numRuns: 100 },
    );
    expect(await counts()).toEqual(before);
  });

  it('wishes: a mutated list is refused naming the field, and nothing of it is stored', async () => {
    const valid: Json = {
      wishes: [
        { to: 'b', rank: 1 },
        { to: 'c', rank: 2 },
        { to: 'd', rank: 3 },
      ],
    };
    await service
      .http()
      .put(`/api/events/${eventId}/participants/a/wishes`)
      .set(manager)
      .send(valid)
      .expect(200);
    await fc.assert(
      fc.asyncProperty(mutationOf(valid), fc.boolean(), async (mutation, asOrganiser) => {
        const { document, named } = apply(valid, mutation);
        const before = await counts();
        const stored = (await service.http().get(`/api/events/${eventId}/participants/a/wishes`).set(manager))
          .body;
        const response = await service
          .http()
          .put(`/api/events/${eventId}/participants/a/wishes`)
          .set(asOrganiser ? auth : manager)
          .send(document as object);
        const what = `${mutation.kind} ${named}`;
        if (response.status === 200) {
          // The mutation left a valid list (e.g. a rank replaced by another free rank): stored whole.
          const again = await service.http().get(`/api/events/${eventId}/participants/a/wishes`).set(manager);
          expect(again.body.wishes).toEqual(response.body.wishes);
          await service
            .http()
            .put(`/api/events/${eventId}/participants/a/wishes`)
            .set(manager)
            .send(valid)
            .expect(200);
          return;
        }
        if (JSON.stringify(document).length > 64 * 1024) {
          // Above the body limit (a 100 000-character string): 413, before anything is read.
          expect({ what, status: response.status, code: response.body.code }).toEqual({
            what,
            status: 413,
            code: 'PAYLOAD_TOO_LARGE',
          });
          expect(await counts()).toEqual(before);
          return;
        }
        const paths = expectNamedRefusal(response as never, what);
        const root = named.split(/[.[]/)[0] || 'wishes';
        expect({ what, named: paths.some((p) => p.startsWith(root)) }).toEqual({ what, named: true });
        expect(await counts()).toEqual(before);
        const after = (await service.http().get(`/api/events/${eventId}/participants/a/wishes`).set(manager))
          .body;
        expect(after).toEqual(stored);
      }),
      { numRuns: 100 },
    );
  });

  it('wishes and paths with a NUL character are refused naming the place, never a 500 (found by this fuzzing)', async () => {
    const before = await counts();
    const list = {
      wishes: [
        { to: 'b', rank: 1 },
        { to: 'a\u0000b', rank: 2 },
      ],
    };
    for (const who of [manager, auth]) {
      const response = await service
        .http()
        .put(`/api/events/${eventId}/participants/a/wishes`)
        .set(who)
        .send(list);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain('wishes[1].to');
    }
    const path = await service.http().get(`/api/events/${eventId}/participants/a%00b/wishes`).set(auth);
    expect(path.status).toBeGreaterThanOrEqual(400);
    expect(path.status).toBeLessThan(500);
    expect(await counts()).toEqual(before);
  });

  it('wishes: random bodies are refused with 400 naming the place, never a 500', async () => {
    const valid = { wishes: [{ to: 'b', rank: 1 }] };
    await service
      .http()
      .put(`/api/events/${eventId}/participants/a/wishes`)
      .set(manager)
      .send(valid)
      .expect(200);
    const before = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ wishes: fc.jsonValue({ maxDepth: 3 }) })),
        async (value) => {
          const response = await service
            .http()
            .put(`/api/events/${eventId}/participants/a/wishes`)
            .set(manager)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(value));
          if (response.status === 200) {
            // {wishes: []} is a valid (empty) list: put the list back.
            await service
              .http()
              .put(`/api/events/${eventId}/participants/a/wishes`)
              .set(manager)
              .send(valid)
              .expect(200);
            return;
          }
          expectNamedRefusal(response, JSON.stringify(value).slice(0, 80));
        },
      ),
      { numRuns: 100 },
    );
    const after = await counts();
    expect({ ...after, versions: before.versions }).toEqual(before);
  });

  it('limits body sizes (413 above 64 kB, 5 MB for imports; configurable), 400 for bad JSON, plain 404s', async () => {
    const before = await counts();
    const long = { wishes: [{ to: 'b'.repeat(70 * 1024), rank: 1 }] };
    const tooLarge = await service
      .http()
      .put(`/api/events/${eventId}/participants/a/wishes`)
      .set(manager)
      .send(long);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is too large (limit 65536 bytes).',
    });
    const hugeImport = await service
      .http()
      .post('/api/events/import')
      .set(auth)
      .send({ ...sampleEvent('lyon'), padding: 'p'.repeat(5 * 1024 * 1024) });
    expect(hugeImport.status).toBe(413);
    expect(await counts()).toEqual(before);

    for (const [method, path] of [
      ['get', '/api/nowhere'],
      ['post', '/api/events/x/y/z'],
      ['delete', '/api'],
      ['get', '/api/events/../../etc/passwd'],
      ['patch', '/api/health'],
    ] as const) {
      const response = await service.http()[method](path).set(auth);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(Object.keys(response.body).sort()).toEqual(['code', 'message', 'statusCode']);
      expect(response.text).not.toMatch(/node_modules|at .*\.js|Nest|express|stack/i);
    }

    const small = await startService({ env: { BODY_LIMIT: '1kb', BODY_LIMIT_IMPORT: '2kb' } });
    try {
      const smallAuth = await organiserAuth(small);
      const event = { name: 'x'.repeat(1500) };
      expect((await small.http().post('/api/events').set(smallAuth).send(event)).status).toBe(413);
      const file = eventDocument({ clusters: Array.from({ length: 40 }, (_, i) => `cluster-${i}`) });
      expect(JSON.stringify(file).length).toBeGreaterThan(2048);
      expect((await small.http().post('/api/events/import').set(smallAuth).send(file)).status).toBe(413);
      expect(
        (await small.http().post('/api/events/import').set(smallAuth).send(eventDocument())).status,
      ).toBe(201);
    } finally {
      await small.close();
    }
  });
});
