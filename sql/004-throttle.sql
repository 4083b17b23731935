-- Rate-limit and lockout counters, shared by every node (see dev.restauth.throttle.Throttle).
-- ${datetime} and ${table_options} are filled in per database.
--
-- One row per limit and key: name is the limit (login, login_failed, ...), key_hash an HMAC of what it is
-- counted per (client IP, login, address, uid), so the table names no user, address or IP. A window opens with
-- the first hit after the last one ended and runs until window_end; hits counts the hits in it. Every hit is one
-- atomic upsert; rows whose window ended are deleted now and then by the nodes themselves.
CREATE TABLE restauth_throttle (
    name VARCHAR(64) NOT NULL,
    key_hash CHAR(64) NOT NULL,
    hits INT NOT NULL,
    window_end ${datetime} NOT NULL,
    PRIMARY KEY (name, key_hash)
)${table_options};
CREATE INDEX restauth_throttle_window_end ON restauth_throttle (window_end);
