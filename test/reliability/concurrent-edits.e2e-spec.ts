import fc from 'fast-check';
import { eventDocument } from '../support/factories';
import { importEvent, issueInvites } from '../support/flows';
import { bearer, organiserAuth, startService, type TestService } from '../support/service';

jest.setTimeout(120_000);

type WishInput = { to: string; rank: number };

/**
 * Two tabs of one manager submit different lists at the same moment. The list is replaced whole in
 * one transaction, under a row lock: the result is one of the two lists, never a mix.
 * With If-Match (the version of the list the tab loaded), the later write is REFUSED (412
 * VERSION_MISMATCH) and learns the current version; without If-Match the last write wins, and the
 * versions in the answers tell which write came last.
 */
describe('concurrent edits of one wish list', () => {
  let service: TestService;
  let eventId: string;
  let manager: { Authorization: string };
  const clusters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const partners = clusters.filter((c) => c !== 'a');

  beforeAll(async () => {
    service = await startService();
    const auth = await organiserAuth(service);
    eventId = await importEvent(service, auth, eventDocument({ clusters }), 'open');
    manager = bearer((await issueInvites(service, auth, eventId)).get('a') as string);
  });

  afterAll(async () => {
    await service?.close();
  });

  const path = () => `/api/events/${eventId}/participants/a/wishes`;
  const put = (wishes: WishInput[], ifMatch?: string) => {
    const request = service.http().put(path()).set(manager);
    if (ifMatch !== undefined) request.set('If-Match', ifMatch);
    return request.send({ wishes });
  };
  const stored = async () => {
    const response = await service.http().get(path()).set(manager).expect(200);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    const { clusterId, ...list } = response.body as {
      clusterId: string;
      wishes: WishInput[];
      version: number;
    };
    expect(clusterId).toBe('a');
    return list;
  };

  /** A valid list: 0–5 distinct partners with ranks 1..n in order. */
  const list = fc
    .shuffledSubarray(partners, { minLength: 0, maxLength: 5 })
    .map((tos) => tos.map((to, i) => ({ to, rank: i + 1 })));
  const twoDifferentLists = fc.tuple(list, list).filter(([x, y]) => JSON.stringify(x) !== JSON.stringify(y));

  it('without If-Match: both succeed, the last write wins whole, and its answer has the highest version', async () => {
    await fc.assert(
      fc.asyncProperty(twoDifferentLists, async ([first, second]) => {
        const before = (await stored()).version;
        const [one, two] = await Promise.all([put(first), put(second)]);
        expect([one.status, two.status]).toEqual([200, 200]);
        expect([one.body.version, two.body.version].sort((x, y) => x - y)).toEqual([before + 1, before + 2]);
        const last = one.body.version > two.body.version ? first : second;
        expect(await stored()).toEqual({ wishes: last, version: before + 2 });
      }),
      { numRuns: 15 },
    );
  });

  it('with If-Match: one write wins, the other is refused with 412 and nothing of it is stored', async () => {
    await fc.assert(
      fc.asyncProperty(twoDifferentLists, async ([first, second]) => {
        const { version } = await stored();
        const etag = `"${version}"`;
        const [one, two] = await Promise.all([put(first, etag), put(second, etag)]);
        expect([one.status, two.status].sort()).toEqual([200, 412]);
        const [winner, loser] = one.status === 200 ? [first, two] : [second, one];
        expect(loser.body).toEqual({
          statusCode: 412,
          code: 'VERSION_MISMATCH',
          message: `The list changed meanwhile: version ${version + 1}, not ${version}. Reload and try again.`,
        });
        expect(await stored()).toEqual({ wishes: winner, version: version + 1 });
      }),
      { numRuns: 15 },
    );
  });

  it('a tab that reloads after the 412 can replace the list with the new version', async () => {
    const { version } = await stored();
    await put([{ to: 'b', rank: 1 }], `"${version}"`).expect(200);
    await put([{ to: 'c', rank: 1 }], `"${version}"`).expect(412);
    const reloaded = await stored();
    const retried = await put([{ to: 'c', rank: 1 }], `"${reloaded.version}"`).expect(200);
    expect(retried.headers.etag).toBe(`"${version + 2}"`);
    expect(await stored()).toEqual({ wishes: [{ to: 'c', rank: 1 }], version: version + 2 });
  });

  it('many managers replacing their lists at once do not block each other (no deadlock, all whole)', async () => {
    const auth = await organiserAuth(service);
    const invites = await issueInvites(service, auth, eventId);
    const lists = new Map(
      clusters.map((c, i) => {
        const others = clusters.filter((x) => x !== c);
        return [c, [0, 1, 2, 3, 4].map((k) => ({ to: others[(i + k) % others.length], rank: k + 1 }))];
      }),
    );
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        [...lists].map(([from, wishes]) =>
          service
            .http()
            .put(`/api/events/${eventId}/participants/${from}/wishes`)
            .set(bearer(invites.get(from) as string))
            .send({
              wishes: round % 2 === 0 ? wishes : [...wishes].reverse().map((w, k) => ({ ...w, rank: k + 1 })),
            }),
        ),
      );
      expect(answers.map((r) => r.status)).toEqual(clusters.map(() => 200));
    }
    for (const [from, wishes] of lists) {
      const { body } = await service
        .http()
        .get(`/api/events/${eventId}/participants/${from}/wishes`)
        .set(bearer(invites.get(from) as string))
        .expect(200);
      expect(body.wishes).toEqual(wishes);
    }
  });
});
