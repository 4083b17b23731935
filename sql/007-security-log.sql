-- The security log: one row per authentication event of an account (logins, logouts, password changes and resets,
-- address and social account changes, re-authentication, sessions ended), written in the transaction of the change
-- it records. ${id}, ${datetime} and ${table_options} are filled in per database (see dev.restauth.db.Dialect).
-- No row holds a secret: no password, token, code or session id, and no login as typed (a password typed into the
-- login field would land here). user_id is NULL for an attempt on an unknown login. Rows older than
-- audit_retention_days are deleted by the sweeper.
CREATE TABLE restauth_audit_event (
    id ${id} NOT NULL PRIMARY KEY,
    user_id BIGINT,
    event VARCHAR(40) NOT NULL,
    outcome VARCHAR(20) NOT NULL,
    ip VARCHAR(64) NOT NULL,
    user_agent VARCHAR(255) NOT NULL,
    detail VARCHAR(255) NOT NULL,
    created ${datetime} NOT NULL,
    CONSTRAINT restauth_audit_event_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_audit_event_user ON restauth_audit_event (user_id, created);
CREATE INDEX restauth_audit_event_created ON restauth_audit_event (created);

-- Re-authentication: a credential (the token, a session, a user's JWTs) whose holder proved the password or a second
-- factor again recently, until expires. credential_hash is a keyed hash naming the credential, never the credential.
-- Deleted by the sweeper once expired.
CREATE TABLE restauth_reauthentication (
    credential_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    expires ${datetime} NOT NULL,
    CONSTRAINT restauth_reauthentication_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_reauthentication_expires ON restauth_reauthentication (expires);

-- Sessions and devices: where each token and session was opened (IP, user agent) and when it was last used.
-- last_seen is written at most once a minute per credential, not on every request.
ALTER TABLE restauth_token ADD COLUMN last_seen ${datetime};
ALTER TABLE restauth_token ADD COLUMN ip VARCHAR(64);
ALTER TABLE restauth_token ADD COLUMN user_agent VARCHAR(255);
ALTER TABLE restauth_session ADD COLUMN last_seen ${datetime};
ALTER TABLE restauth_session ADD COLUMN ip VARCHAR(64);
ALTER TABLE restauth_session ADD COLUMN user_agent VARCHAR(255);
ALTER TABLE restauth_refresh_family ADD COLUMN created ${datetime};
ALTER TABLE restauth_refresh_family ADD COLUMN last_seen ${datetime};
ALTER TABLE restauth_refresh_family ADD COLUMN ip VARCHAR(64);
ALTER TABLE restauth_refresh_family ADD COLUMN user_agent VARCHAR(255);

-- token_per_device: one API token per login instead of DRF's one per user. The key is random and shown once;
-- key_hash is its keyed hash, as restauth_token's.
CREATE TABLE restauth_device_token (
    key_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    created ${datetime} NOT NULL,
    last_seen ${datetime},
    ip VARCHAR(64),
    user_agent VARCHAR(255),
    CONSTRAINT restauth_device_token_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_device_token_user ON restauth_device_token (user_id);
