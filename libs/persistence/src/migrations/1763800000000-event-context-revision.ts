import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `event.context_revision`: moves on whenever anything a wish list is validated against changes —
 * the event row itself (status, settings, …), its participants (added, removed, availability) or
 * the directory entry of one of them (name, region, kind). The API keeps that context in memory
 * and writes a list only if the revision it validated against is still the current one, in the
 * same statement (see participant.repository.ts): a stale copy can cost a retry, never a wrong
 * acceptance. Triggers keep it, so that no code path can forget to.
 */
export class EventContextRevision1763800000000 implements MigrationInterface {
  name = 'EventContextRevision1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE event ADD COLUMN context_revision bigint NOT NULL DEFAULT 0`);
    // Any update of the event row (never done by a wish replacement).
    await db.query(`
      CREATE FUNCTION event_context_revision_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.context_revision := OLD.context_revision + 1;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER event_context_revision BEFORE UPDATE ON event
      FOR EACH ROW EXECUTE FUNCTION event_context_revision_bump()`);
    // Participants added or removed: one update per event and statement.
    await db.query(`
      CREATE FUNCTION participation_added_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE event SET updated_at = updated_at WHERE id IN (SELECT DISTINCT event_id FROM changed);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER participation_added_revision AFTER INSERT ON participation
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participation_added_revision()`);
    await db.query(`
      CREATE TRIGGER participation_removed_revision AFTER DELETE ON participation
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION participation_added_revision()`);
    // A participant's availability (or identity) changed; not its version, token or position.
    await db.query(`
      CREATE FUNCTION participation_changed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE event SET updated_at = updated_at WHERE id IN (OLD.event_id, NEW.event_id);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER participation_changed_revision
      AFTER UPDATE OF availability, cluster_id, event_id ON participation
      FOR EACH ROW WHEN (OLD.availability IS DISTINCT FROM NEW.availability
                         OR OLD.cluster_id IS DISTINCT FROM NEW.cluster_id
                         OR OLD.event_id IS DISTINCT FROM NEW.event_id)
      EXECUTE FUNCTION participation_changed_revision()`);
    // A directory entry renamed or moved: every event it takes part in.
    await db.query(`
      CREATE FUNCTION cluster_changed_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE event SET updated_at = updated_at WHERE id IN (
          SELECT DISTINCT p.event_id
          FROM new_cluster n JOIN old_cluster o ON o.id = n.id
          JOIN participation p ON p.cluster_id = n.id
          WHERE (n.name, n.region, n.kind) IS DISTINCT FROM (o.name, o.region, o.kind));
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER cluster_changed_revision AFTER UPDATE ON cluster
      REFERENCING NEW TABLE AS new_cluster OLD TABLE AS old_cluster
      FOR EACH STATEMENT EXECUTE FUNCTION cluster_changed_revision()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER cluster_changed_revision ON cluster`);
    await db.query(`DROP FUNCTION cluster_changed_revision()`);
    await db.query(`DROP TRIGGER participation_changed_revision ON participation`);
    await db.query(`DROP FUNCTION participation_changed_revision()`);
    await db.query(`DROP TRIGGER participation_removed_revision ON participation`);
    await db.query(`DROP TRIGGER participation_added_revision ON participation`);
    await db.query(`DROP FUNCTION participation_added_revision()`);
    await db.query(`DROP TRIGGER event_context_revision ON event`);
    await db.query(`DROP FUNCTION event_context_revision_bump()`);
    await db.query(`ALTER TABLE event DROP COLUMN context_revision`);
  }
}
