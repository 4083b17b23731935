-- Second factors and passkeys (mfa_enabled, passkeys_enabled): TOTP authenticators, recovery codes, passkeys, and
-- the short-lived challenges of their ceremonies. ${id}, ${datetime} and ${table_options} are filled in per database
-- (see dev.restauth.db.Dialect). Nothing here yields a usable factor on its own: the TOTP secret is sealed with
-- AES-GCM under a key derived from the secret key, recovery codes and challenge tokens are stored as keyed hashes,
-- and a passkey's row holds only its public key.

-- One TOTP authenticator per user. last_step is the RFC 6238 time step of the last code accepted (the activation's
-- included): a code is accepted only for a greater step, so no code works twice, on any node.
CREATE TABLE restauth_totp (
    user_id BIGINT NOT NULL PRIMARY KEY,
    sealed_secret VARCHAR(255) NOT NULL,
    last_step BIGINT NOT NULL,
    created ${datetime} NOT NULL,
    last_used ${datetime},
    CONSTRAINT restauth_totp_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};

-- Recovery codes, each a keyed hash; used is set once, by the one use that spends it.
CREATE TABLE restauth_recovery_code (
    user_id BIGINT NOT NULL,
    code_hash CHAR(64) NOT NULL,
    created ${datetime} NOT NULL,
    used ${datetime},
    PRIMARY KEY (user_id, code_hash),
    CONSTRAINT restauth_recovery_code_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};

-- What a ceremony begun on one node needs to finish on another: a login waiting for its second factor (the
-- ephemeral token), a TOTP activation (the proposed secret, sealed), a passkey registration or assertion (the
-- challenge). key_hash is a keyed hash of the token, session id or challenge the client holds. failures counts wrong
-- codes. Single use (deleted by the step that finishes it) and deleted by the sweeper once expired.
CREATE TABLE restauth_mfa_challenge (
    key_hash CHAR(64) NOT NULL PRIMARY KEY,
    purpose VARCHAR(32) NOT NULL,
    user_id BIGINT,
    payload VARCHAR(255),
    failures INT NOT NULL,
    expires ${datetime} NOT NULL,
    CONSTRAINT restauth_mfa_challenge_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_mfa_challenge_expires ON restauth_mfa_challenge (expires);

-- WebAuthn credentials (passkeys). credential_id is base64url, unique across users through credential_hash (a
-- plain SHA-256, short enough for every database's unique index); credential_data is webauthn4j's attested
-- credential data (AAGUID, id, COSE public key) in base64url; transports a JSON array.
CREATE TABLE restauth_passkey (
    id ${id} NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    name VARCHAR(255) NOT NULL,
    credential_id VARCHAR(1400) NOT NULL,
    credential_hash CHAR(64) NOT NULL,
    credential_data VARCHAR(4000) NOT NULL,
    sign_count BIGINT NOT NULL,
    transports VARCHAR(255) NOT NULL,
    discoverable BOOLEAN NOT NULL,
    created ${datetime} NOT NULL,
    last_used ${datetime},
    CONSTRAINT restauth_passkey_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE UNIQUE INDEX restauth_passkey_credential_hash ON restauth_passkey (credential_hash);
CREATE INDEX restauth_passkey_user ON restauth_passkey (user_id);
