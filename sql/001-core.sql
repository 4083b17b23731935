-- Users, their e-mail addresses, API tokens and sessions.
-- ${id}, ${datetime} and ${table_options} are filled in per database (see dev.restauth.db.Dialect).
-- Times are UTC. *_key columns hold the NFKC-normalised, lower-cased spelling that uniqueness and lookups use;
-- the value as typed is kept beside it.

-- Django's auth_user, column for column, so the rows stay readable by a Django project.
CREATE TABLE restauth_user (
    id ${id} NOT NULL PRIMARY KEY,
    username VARCHAR(150) NOT NULL,
    username_key VARCHAR(600) NOT NULL,
    email VARCHAR(254) NOT NULL,
    email_key VARCHAR(600) NOT NULL,
    password VARCHAR(255) NOT NULL,
    first_name VARCHAR(150) NOT NULL,
    last_name VARCHAR(150) NOT NULL,
    is_active BOOLEAN NOT NULL,
    is_staff BOOLEAN NOT NULL,
    is_superuser BOOLEAN NOT NULL,
    date_joined ${datetime} NOT NULL,
    last_login ${datetime}
)${table_options};
CREATE UNIQUE INDEX restauth_user_username_key ON restauth_user (username_key);
CREATE INDEX restauth_user_email_key ON restauth_user (email_key);

-- allauth's EmailAddress. unique_key equals email_key while unique e-mail addresses are required and is NULL
-- otherwise, so the database itself refuses a second owner of an address even when two sign-ups race.
CREATE TABLE restauth_email_address (
    id ${id} NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    email VARCHAR(254) NOT NULL,
    email_key VARCHAR(600) NOT NULL,
    unique_key VARCHAR(600),
    verified BOOLEAN NOT NULL,
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT restauth_email_address_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE UNIQUE INDEX restauth_email_address_unique_key ON restauth_email_address (unique_key);
CREATE UNIQUE INDEX restauth_email_address_user_email ON restauth_email_address (user_id, email_key);
CREATE INDEX restauth_email_address_email_key ON restauth_email_address (email_key);

-- DRF's authtoken, one per user, without the key: key_hash is HMAC-SHA256(secret, key) for lookups, and the key
-- is re-derived from the secret and salt when the user logs in again. A dump of this table yields no usable token.
CREATE TABLE restauth_token (
    user_id BIGINT NOT NULL PRIMARY KEY,
    key_hash CHAR(64) NOT NULL,
    salt CHAR(32) NOT NULL,
    created ${datetime} NOT NULL,
    CONSTRAINT restauth_token_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE UNIQUE INDEX restauth_token_key_hash ON restauth_token (key_hash);

-- Sessions opened by login when session login is on, shared by every node. The session id and CSRF token are
-- stored as keyed hashes; auth_hash is a keyed hash of the password hash at login, so a password change ends the
-- user's other sessions.
CREATE TABLE restauth_session (
    id_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    auth_hash CHAR(64) NOT NULL,
    csrf_hash CHAR(64) NOT NULL,
    created ${datetime} NOT NULL,
    expires ${datetime} NOT NULL,
    CONSTRAINT restauth_session_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_session_user ON restauth_session (user_id);
CREATE INDEX restauth_session_expires ON restauth_session (expires);
