-- JWT mode (use_jwt): refresh tokens, their families, and the instant before which a user's access tokens stop
-- counting. ${datetime} and ${table_options} are filled in per database (see dev.restauth.db.Dialect).
--
-- Access tokens are never stored: they are checked by their signature alone, and against the user's
-- tokens_valid_after, which logout, a password change or reset and deactivation move forward (NULL: never moved).
ALTER TABLE restauth_user ADD COLUMN tokens_valid_after ${datetime};

-- One family per login: the refresh token the login issued and every token rotated out of it. revoked ends them all
-- at once (logout, a password reset, or a rotated-away token coming back, which means it was stolen). expires is the
-- latest expiry of its tokens; the row is deleted after it.
CREATE TABLE restauth_refresh_family (
    id CHAR(32) NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    revoked BOOLEAN NOT NULL,
    expires ${datetime} NOT NULL,
    CONSTRAINT restauth_refresh_family_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_refresh_family_user ON restauth_refresh_family (user_id);
CREATE INDEX restauth_refresh_family_expires ON restauth_refresh_family (expires);

-- One row per refresh token issued, by its jti (the token itself is not kept: without the signing key a jti is
-- worth nothing). state is active, rotated (exchanged for a successor) or blacklisted (logged out). Rows stay until
-- the token expires, so a rotated-away token that comes back is recognised.
CREATE TABLE restauth_refresh_token (
    jti CHAR(32) NOT NULL PRIMARY KEY,
    family CHAR(32) NOT NULL,
    state VARCHAR(16) NOT NULL,
    expires ${datetime} NOT NULL,
    CONSTRAINT restauth_refresh_token_family FOREIGN KEY (family) REFERENCES restauth_refresh_family (id)
        ON DELETE CASCADE
)${table_options};
CREATE INDEX restauth_refresh_token_family ON restauth_refresh_token (family);
CREATE INDEX restauth_refresh_token_expires ON restauth_refresh_token (expires);
