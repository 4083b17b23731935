-- Tokens taken over from another system (a Django site's DRF tokens, brought by `restauth import-django`). Their
-- keys were chosen by that system and cannot be re-derived from the secret key and the salt as restauth's own are, so
-- the key is kept sealed with AES-256-GCM under a key derived from the secret key, bound to its user; key_hash still
-- serves the lookups. NULL for every token restauth issued itself. A dump of this table still yields no usable token.
ALTER TABLE restauth_token ADD COLUMN sealed_key VARCHAR(255);
