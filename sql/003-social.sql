-- Social login: allauth's SocialAccount, one row per account at a provider that is connected to a local user.
-- ${id}, ${datetime} and ${table_options} are filled in per database (see dev.restauth.db.Dialect).
--
-- An account is found by (provider, uid) only: provider is the configured provider id (facebook, google, keycloak,
-- ...) and uid the provider's own stable user id (the OpenID Connect sub, the Facebook or GitHub numeric id), never
-- an e-mail address or a name, which the user can change at the provider. uid is compared exactly (MariaDB tables
-- use a binary collation). extra_data keeps the profile the provider returned at the last login, as JSON.
--
-- No provider tokens are stored: restauth reads the profile once per login and never calls a provider on the
-- user's behalf afterwards, so a copy of the database holds no live Facebook, Google or GitHub credential.
CREATE TABLE restauth_social_account (
    id ${id} NOT NULL PRIMARY KEY,
    user_id BIGINT NOT NULL,
    provider VARCHAR(200) NOT NULL,
    uid VARCHAR(255) NOT NULL,
    last_login ${datetime} NOT NULL,
    date_joined ${datetime} NOT NULL,
    extra_data TEXT NOT NULL,
    CONSTRAINT restauth_social_account_user FOREIGN KEY (user_id) REFERENCES restauth_user (id) ON DELETE CASCADE
)${table_options};
CREATE UNIQUE INDEX restauth_social_account_provider_uid ON restauth_social_account (provider, uid);
CREATE INDEX restauth_social_account_user ON restauth_social_account (user_id);
