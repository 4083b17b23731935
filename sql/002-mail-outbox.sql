-- The durable mail outbox: a mail is inserted in the same transaction as the change that causes it, and delivered
-- afterwards by any node's sender. ${id}, ${datetime} and ${table_options} are filled in per database.
--
-- next_attempt is when the mail is due; NULL once it was sent or given up, so the index holds only pending mail.
-- A sender claims a due row by setting claim (a random token of its own) and claimed_until with an UPDATE that only
-- one node can win; the claim lapses at claimed_until if that node dies while sending. The body holds reset links
-- and keys: it is blanked once the mail was sent or given up.
CREATE TABLE restauth_mail_outbox (
    id ${id} NOT NULL PRIMARY KEY,
    recipient VARCHAR(320) NOT NULL,
    subject VARCHAR(998) NOT NULL,
    body TEXT NOT NULL,
    created ${datetime} NOT NULL,
    attempts INT NOT NULL,
    next_attempt ${datetime},
    claim CHAR(32),
    claimed_until ${datetime},
    sent ${datetime},
    given_up ${datetime},
    last_error VARCHAR(1000)
)${table_options};
CREATE INDEX restauth_mail_outbox_due ON restauth_mail_outbox (next_attempt);
