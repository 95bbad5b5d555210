import type { Migration } from './migration';

/** Agencies, users, workstations and the append-only audit log (Pack 1 §9.6, §10.3; Pack 3 §2.4). */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  statements: [
    `CREATE TABLE agencies (
       id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
       name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
       kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
       country text NOT NULL CHECK (country IN ('KG', 'AZ', 'KZ')),
       territory text NOT NULL CHECK (territory ~ '^[A-Za-z0-9._-]{1,32}$'),
       tin text NOT NULL CHECK (tin ~ '^[0-9]{10,14}$'),
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (country, tin)
     )`,
    `CREATE TABLE users (
       username text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
       display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
       agency_id text NOT NULL REFERENCES agencies (id),
       role text NOT NULL CHECK (role ~ '^[a-z][a-z0-9_]{1,39}$'),
       password_hash text NOT NULL,
       kdf jsonb NOT NULL,
       valid_until timestamptz NOT NULL,
       disabled boolean NOT NULL DEFAULT false,
       disabled_reason text,
       failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
       locked_until timestamptz,
       must_change_password boolean NOT NULL DEFAULT true,
       password_changed_at timestamptz NOT NULL DEFAULT now(),
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE workstations (
       id text PRIMARY KEY CHECK (id ~ '^ws-[a-z0-9]{4,32}$'),
       name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
       agency_id text NOT NULL REFERENCES agencies (id),
       status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'restricted', 'revoked')),
       reason text,
       status_changed_at timestamptz NOT NULL DEFAULT now(),
       cert_serial text NOT NULL UNIQUE,
       cert_fingerprint text NOT NULL UNIQUE CHECK (cert_fingerprint ~ '^[0-9a-f]{64}$'),
       cert_expires_at timestamptz NOT NULL,
       profile_id uuid NOT NULL UNIQUE,
       profile_expires_at timestamptz NOT NULL,
       issued_at timestamptz NOT NULL DEFAULT now(),
       CHECK (status = 'active' OR reason IS NOT NULL)
     )`,
    `CREATE TABLE workstation_users (
       workstation_id text NOT NULL REFERENCES workstations (id),
       username text NOT NULL REFERENCES users (username),
       PRIMARY KEY (workstation_id, username)
     )`,
    `CREATE INDEX workstation_users_by_user ON workstation_users (username)`,
    // A revoked certificate stays revoked: a new workstation gets a new certificate.
    `CREATE FUNCTION workstation_revocation_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF OLD.status = 'revoked' AND NEW.status <> 'revoked' THEN
         RAISE EXCEPTION 'workstation % is revoked for good', OLD.id USING ERRCODE = 'check_violation';
       END IF;
       RETURN NEW;
     END $$`,
    `CREATE TRIGGER workstations_revocation_is_final BEFORE UPDATE ON workstations
       FOR EACH ROW EXECUTE FUNCTION workstation_revocation_is_final()`,
    `CREATE TABLE audit_log (
       id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       at timestamptz NOT NULL DEFAULT now(),
       actor text NOT NULL,
       action text NOT NULL,
       target text,
       details jsonb NOT NULL DEFAULT '{}'::jsonb
     )`,
    `CREATE INDEX audit_log_by_time ON audit_log (at)`,
    // Append-only, enforced by the database itself: no UPDATE, DELETE or TRUNCATE gets through.
    `CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`,
  ],
};
