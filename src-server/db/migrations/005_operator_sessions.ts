import type { Migration } from './migration';

/**
 * Who acts (issue 12, docs/security.md). Users gain the public halves of their account keys
 * (null for accounts made before: derived at their next online sign-in, or by a password reset);
 * operator sessions bound to a workstation and an operator (only the SHA-256 of a token is
 * kept); one-time proofs (session resumes, offline password changes); who pushed each revision
 * beside who wrote it; and the data folder a workstation's profile was activated in.
 */
export const operatorSessions: Migration = {
  version: 5,
  name: 'operator_sessions',
  statements: [
    `ALTER TABLE users ADD COLUMN account_kdf jsonb`,
    `ALTER TABLE users ADD COLUMN sign_pub text CHECK (sign_pub ~ '^[A-Za-z0-9+/]{43}=$')`,
    `ALTER TABLE users ADD COLUMN wrap_pub text CHECK (wrap_pub ~ '^[A-Za-z0-9+/]{43}=$')`,
    // All three or none: an account has keys, or (made before this migration) not yet.
    `ALTER TABLE users ADD CONSTRAINT users_account_keys_whole CHECK ((account_kdf IS NULL) = (sign_pub IS NULL) AND (sign_pub IS NULL) = (wrap_pub IS NULL))`,
    `CREATE TABLE operator_sessions (
       token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
       workstation_id text NOT NULL REFERENCES workstations (id),
       username text NOT NULL REFERENCES users (username),
       credential_id text NOT NULL CHECK (credential_id ~ '^[0-9a-f]{32}$'),
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       ended_at timestamptz,
       CHECK (expires_at > created_at)
     )`,
    `CREATE INDEX operator_sessions_live_by_user ON operator_sessions (username) WHERE ended_at IS NULL`,
    // SHA-256 of the signed message of each accepted proof: a second use is a replay.
    `CREATE TABLE used_proofs (
       proof_hash text PRIMARY KEY CHECK (proof_hash ~ '^[0-9a-f]{64}$'),
       kind text NOT NULL CHECK (kind IN ('resume', 'passwordChange')),
       username text NOT NULL,
       used_at timestamptz NOT NULL
     )`,
    `ALTER TABLE record_revisions ADD COLUMN pushed_by text`,
    `ALTER TABLE workstations ADD COLUMN install_id text CHECK (install_id ~ '^[A-Za-z0-9_-]{16,64}$')`,
    `ALTER TABLE workstations ADD COLUMN install_seen_at timestamptz`,
  ],
};
