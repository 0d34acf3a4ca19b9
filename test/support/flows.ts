import type { TestService } from './service';

type Auth = { Authorization: string };

/** Imports an event file and moves it to `status` (draft → open → closed); returns its id. */
export async function importEvent(
  service: TestService,
  auth: Auth,
  document: object,
  status: 'draft' | 'open' | 'closed' = 'closed',
): Promise<string> {
  const { body } = await service.http().post('/api/events/import').set(auth).send(document).expect(201);
  const id = body.id as string;
  for (const next of ['open', 'closed'] as const) {
    if (status === 'draft' || (status === 'open' && next === 'closed')) break;
    await service.http().post(`/api/events/${id}/status`).set(auth).send({ status: next }).expect(200);
  }
  return id;
}

/** Issues invite links for every participant; cluster id → token. */
export async function issueInvites(
  service: TestService,
  auth: Auth,
  eventId: string,
): Promise<Map<string, string>> {
  const { body } = await service
    .http()
    .post(`/api/events/${eventId}/participants/invites`)
    .set(auth)
    .expect(201);
  return new Map((body as { clusterId: string; token: string }[]).map((i) => [i.clusterId, i.token]));
}
