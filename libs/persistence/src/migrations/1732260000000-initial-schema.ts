import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisers, the cluster directory, events, participations, wishes, exclusions, schedule versions. */
export class InitialSchema1732260000000 implements MigrationInterface {
  name = 'InitialSchema1732260000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organiser (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organiser_email UNIQUE (email),
        CONSTRAINT ck_organiser_email_lowercase CHECK (email = lower(email))
      )`);
    await db.query(`
      CREATE TABLE cluster (
        id varchar(64) PRIMARY KEY,
        name varchar(200) NOT NULL,
        region text NULL,
        kind text NULL,
        contact_email varchar(254) NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_cluster_id CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$')
      )`);
    await db.query(`
      CREATE TABLE event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(16) NOT NULL DEFAULT 'draft',
        settings jsonb NOT NULL,
        fixed jsonb NOT NULL DEFAULT '[]'::jsonb,
        published_version int NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_event_status CHECK (status IN ('draft', 'open', 'closed', 'scheduled', 'published')),
        CONSTRAINT ck_event_settings CHECK (jsonb_typeof(settings) = 'object'),
        CONSTRAINT ck_event_fixed CHECK (jsonb_typeof(fixed) = 'array')
      )`);
    await db.query(`
      CREATE TABLE participation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        cluster_id varchar(64) NOT NULL REFERENCES cluster (id) ON DELETE RESTRICT,
        position int NOT NULL,
        availability jsonb NULL,
        version int NOT NULL DEFAULT 0,
        invite_token_hash bytea NULL,
        invite_issued_at timestamptz NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_participation_event_cluster UNIQUE (event_id, cluster_id),
        CONSTRAINT ck_participation_invite_hash CHECK (invite_token_hash IS NULL OR length(invite_token_hash) = 32)
      )`);
    await db.query(`CREATE INDEX ix_participation_cluster ON participation (cluster_id)`);
    await db.query(`
      CREATE UNIQUE INDEX uq_participation_invite ON participation (invite_token_hash)
      WHERE invite_token_hash IS NOT NULL`);
    await db.query(`
      CREATE TABLE wish (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        to_participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        rank int NOT NULL,
        CONSTRAINT uq_wish_participation_rank UNIQUE (participation_id, rank),
        CONSTRAINT uq_wish_participation_to UNIQUE (participation_id, to_participation_id),
        CONSTRAINT ck_wish_rank CHECK (rank >= 1),
        CONSTRAINT ck_wish_not_self CHECK (participation_id <> to_participation_id)
      )`);
    await db.query(`CREATE INDEX ix_wish_to ON wish (to_participation_id)`);
    await db.query(`
      CREATE TABLE pair_exclusion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL,
        first_participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        second_participation_id uuid NOT NULL REFERENCES participation (id) ON DELETE CASCADE,
        position int NOT NULL,
        CONSTRAINT ck_pair_exclusion_kind CHECK (kind IN ('avoid', 'already-met')),
        CONSTRAINT uq_pair_exclusion_position UNIQUE (event_id, kind, position)
      )`);
    await db.query(`CREATE INDEX ix_pair_exclusion_first ON pair_exclusion (first_participation_id)`);
    await db.query(`CREATE INDEX ix_pair_exclusion_second ON pair_exclusion (second_participation_id)`);
    await db.query(`
      CREATE TABLE schedule_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        version int NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'queued',
        progress real NOT NULL DEFAULT 0,
        message text NULL,
        failure_reason text NULL,
        job_id varchar(200) NULL,
        attempts int NOT NULL DEFAULT 0,
        snapshot jsonb NOT NULL,
        stats jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        CONSTRAINT uq_schedule_version_event_version UNIQUE (event_id, version),
        CONSTRAINT ck_schedule_version_state CHECK (state IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT ck_schedule_version_progress CHECK (progress >= 0 AND progress <= 1),
        CONSTRAINT ck_schedule_version_number CHECK (version >= 1)
      )`);
    await db.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_version_id uuid NOT NULL REFERENCES schedule_version (id) ON DELETE CASCADE,
        slot int NOT NULL,
        table_number int NOT NULL,
        first_cluster varchar(64) NOT NULL,
        second_cluster varchar(64) NOT NULL,
        CONSTRAINT uq_meeting_slot_table UNIQUE (schedule_version_id, slot, table_number),
        CONSTRAINT ck_meeting_slot CHECK (slot >= 0),
        CONSTRAINT ck_meeting_table CHECK (table_number >= 1),
        CONSTRAINT ck_meeting_pair CHECK (first_cluster <> second_cluster)
      )`);
    await db.query(`
      CREATE TABLE unmet_wish (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_version_id uuid NOT NULL REFERENCES schedule_version (id) ON DELETE CASCADE,
        position int NOT NULL,
        from_cluster varchar(64) NOT NULL,
        to_cluster varchar(64) NOT NULL,
        rank int NOT NULL,
        reason text NOT NULL,
        code varchar(32) NULL,
        CONSTRAINT uq_unmet_wish_position UNIQUE (schedule_version_id, position)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'unmet_wish',
      'meeting',
      'schedule_version',
      'pair_exclusion',
      'wish',
      'participation',
      'event',
      'cluster',
      'organiser',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
