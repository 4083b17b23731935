package dev.restauth.importer;

import dev.restauth.auth.Tokens;
import dev.restauth.db.Database;
import dev.restauth.db.Dialect;
import dev.restauth.db.DjangoTables;
import dev.restauth.db.DuplicateKeyException;
import dev.restauth.db.ImportDao;
import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code restauth import-django}: takes a Django site's users over into restauth's database, so that nobody has to
 * log in again. Users keep their primary keys (reset links' uids and JWT {@code user_id}s stay what clients know) and
 * their password hashes as Django wrote them (restauth verifies every Django format and upgrades it to argon2id on
 * the first login); allauth's addresses and social accounts follow their users; each DRF token is adopted
 * ({@link Tokens#adopt}), so the same key keeps authenticating and {@code POST /login/} hands it back.
 *
 * <p><b>All or nothing.</b> Everything is written in one transaction: a refusal, a failure or a killed process
 * leaves restauth's database as it was. A dry run does all the work, checks included, and rolls it back.
 *
 * <p><b>Idempotent.</b> A Django user whose pk and username restauth already holds counts as imported and is left as
 * it is, with its addresses, social accounts and token; a second run reports "0 new". A pk or username that
 * restauth holds for another user is a conflict: the import refuses with the list, unless {@link Merge#SKIP} says to
 * keep restauth's user and leave the Django one out.
 *
 * <p><b>Lengths as stored.</b> Django counts a value's length in code points; restauth's database counts it as it
 * stores it (UTF-16 units on H2, {@link Dialect#length}). First and last names too long for restauth are cut to fit,
 * never through a surrogate pair, as social profiles' names are; a username or an address too long for restauth is
 * refused with the list of the Django users holding one, before anything is written.
 *
 * <p><b>Constant memory.</b> Rows are streamed from the source and written in batches; what is kept is a bit per
 * Django pk (which users this run brought) and the list of conflicts. Thread-safe: a run keeps its state to itself.
 */
public final class DjangoImport {
    /** Conflicts listed in a refusal; the rest are counted. */
    private static final int LISTED_CONFLICTS = 50;
    /** Values too long for restauth listed in a refusal; the rest are counted. */
    private static final int LISTED_TOO_LONG = 50;
    /** Source rows looked up against restauth's users at once. */
    private static final int USER_BATCH = 500;

    private final Database database;
    private final Tokens tokens;
    private final boolean uniqueEmail;

    /**
     * @param uniqueEmail restauth's {@code unique_email}: whether an address may belong to one user only
     */
    public DjangoImport(Database database, Tokens tokens, boolean uniqueEmail) {
        this.database = database;
        this.tokens = tokens;
        this.uniqueEmail = uniqueEmail;
    }

    /** What to do with users whose pk or username restauth already holds for someone else; null refuses. */
    public enum Merge {
        /** Keep restauth's user; leave the Django user out, with its addresses, social accounts and token. */
        SKIP
    }

    /** How to run: {@code merge} is null to refuse on conflicts. */
    public record Options(boolean dryRun, Merge merge) {
    }

    /**
     * Imports (or, in a dry run, rehearses importing) the source's users.
     *
     * @throws ImportRefusedException when the source is no Django database, when users collide and no
     *                                {@link Merge} was given, or when restauth cannot hold two rows the source
     *                                holds apart; nothing was written
     */
    public Summary run(DjangoTables source, Options options, Progress progress) {
        if (!source.has(DjangoTables.USERS)) {
            throw new ImportRefusedException("the source has no table auth_user: is it a Django database?");
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        for (String table : List.of(DjangoTables.USERS, DjangoTables.EMAIL_ADDRESSES, DjangoTables.SOCIAL_ACCOUNTS,
                DjangoTables.TOKENS)) {
            totals.put(table, source.count(table));
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        DjangoTables.counted().forEach((table, what) -> {
            long rows = source.count(table);
            if (rows > 0) {
                leftOut.put(what, rows);
            }
        });
        String[] phase = {"users"}; // the kind of row being written, for the refusal's words
        try {
            return database.inTransaction(tx -> {
                Run run = new Run(source, totals, progress, phase);
                try (ImportDao dao = tx.imports()) {
                    run.users(dao, options.merge());
                    run.children(dao);
                    Summary summary = run.summary(leftOut, options.dryRun());
                    if (options.dryRun()) {
                        throw new DryRun(summary);
                    }
                    dao.continueUserIdsAboveMax();
                    return summary;
                }
            });
        } catch (DryRun rehearsed) {
            return rehearsed.summary;
        } catch (DuplicateKeyException e) {
            throw new ImportRefusedException(duplicate(phase[0]) + " Nothing was written.");
        }
    }

    /** One attempt of the transaction: its counters, and which Django pks it brought or left out. */
    private final class Run {
        private final DjangoTables source;
        private final Map<String, Long> totals;
        private final Progress progress;
        private final BitSet brought = new BitSet();
        private final BitSet skipped = new BitSet();
        private final List<String> conflicts = new ArrayList<>();
        private int conflictCount;
        private final Dialect dialect = database.dialect();
        private final List<String> tooLong = new ArrayList<>();
        private int tooLongCount;
        private final Map<String, Summary.Count> counts = new LinkedHashMap<>();
        private final String[] phase;

        Run(DjangoTables source, Map<String, Long> totals, Progress progress, String[] phase) {
            this.source = source;
            this.totals = totals;
            this.progress = progress;
            this.phase = phase;
        }

        void users(ImportDao dao, Merge merge) {
            phase[0] = "users";
            Summary.Count count = new Summary.Count();
            counts.put("users", count);
            progress.begin("users", totals.get(DjangoTables.USERS));
            boolean empty = dao.noUsers(); // the common case: nothing to look up, nothing can collide
            List<DjangoTables.User> batch = new ArrayList<>(USER_BATCH);
            source.users(user -> {
                batch.add(user);
                if (batch.size() == USER_BATCH) {
                    users(dao, batch, count, empty);
                    batch.clear();
                }
            });
            users(dao, batch, count, empty);
            dao.flush();
            progress.end();
            refuseTooLong();
            if (conflictCount > 0 && merge == null) {
                throw new ImportRefusedException(conflictMessage());
            }
            count.skipped = conflictCount;
        }

        private void users(ImportDao dao, List<DjangoTables.User> batch, Summary.Count count, boolean empty) {
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, String> held = empty ? Map.of()
                    : dao.usernameKeysBetween(batch.get(0).id(), batch.get(batch.size() - 1).id());
            for (DjangoTables.User user : batch) {
                int pk = pk(user.id());
                String key = Canonical.key(user.username());
                String heldKey = held.get(user.id());
                if (heldKey != null) {
                    if (heldKey.equals(key)) {
                        count.unchanged++;
                    } else {
                        conflict(pk, "pk " + pk + " ('" + user.username() + "' in Django) is another user in "
                                + "restauth");
                    }
                    continue;
                }
                OptionalLong holder = empty ? OptionalLong.empty() : dao.idOfUsername(user.username());
                if (holder.isPresent()) {
                    conflict(pk, "username '" + user.username() + "' (pk " + pk + " in Django) is pk "
                            + holder.getAsLong() + " in restauth");
                    continue;
                }
                if (!fits(pk, "username", user.username(), User.NAME_LENGTH)
                        | !fits(pk, "email", user.email(), EmailAddress.MAX_LENGTH)) {
                    continue;
                }
                dao.addUser(new DjangoTables.User(user.id(), user.username(), user.email(), user.password(),
                        dialect.cut(user.firstName(), User.NAME_LENGTH), dialect.cut(user.lastName(),
                        User.NAME_LENGTH), user.active(), user.staff(), user.superuser(), user.dateJoined(),
                        user.lastLogin()));
                brought.set(pk);
                count.added++;
            }
            progress.advance(batch.size());
        }

        /**
         * Whether a username or an address fits restauth's column and its key column as restauth's database counts
         * them; when not, the Django user is listed for the refusal.
         */
        private boolean fits(int pk, String field, String value, int max) {
            int length = dialect.length(value);
            int keyLength = dialect.length(Canonical.key(value));
            if (length <= max && keyLength <= Canonical.KEY_LENGTH) {
                return true;
            }
            if (tooLong.size() < LISTED_TOO_LONG) {
                tooLong.add(length > max
                        ? "pk " + pk + ": " + field + " is " + length + " long as restauth's database counts it, "
                                + "which holds " + max
                        : "pk " + pk + ": " + field + " is " + keyLength + " long in lower-case NFKC form, which "
                                + "restauth holds up to " + Canonical.KEY_LENGTH);
            }
            tooLongCount++;
            return false;
        }

        /** Refuses the import when a username or an address of the Django users is too long for restauth. */
        private void refuseTooLong() {
            if (tooLongCount == 0) {
                return;
            }
            StringBuilder text = new StringBuilder("restauth's database cannot hold " + tooLongCount
                    + " of the Django users' usernames or e-mail addresses (" + dialect.name() + " counts "
                    + (dialect == Dialect.H2 ? "UTF-16 units: an emoji counts twice" : "characters") + "):\n");
            tooLong.forEach(line -> text.append("  ").append(line).append('\n'));
            if (tooLongCount > tooLong.size()) {
                text.append("  ... and ").append(tooLongCount - tooLong.size()).append(" more\n");
            }
            throw new ImportRefusedException(text.append("Nothing was written. Shorten them in Django first.")
                    .toString());
        }

        private void conflict(int pk, String description) {
            skipped.set(pk);
            if (conflicts.size() < LISTED_CONFLICTS) {
                conflicts.add(description);
            }
            conflictCount++;
        }

        private String conflictMessage() {
            StringBuilder text = new StringBuilder("restauth's database already holds other users under "
                    + conflictCount + " of the Django users' pks or usernames:\n");
            conflicts.forEach(line -> text.append("  ").append(line).append('\n'));
            if (conflictCount > conflicts.size()) {
                text.append("  ... and ").append(conflictCount - conflicts.size()).append(" more\n");
            }
            return text.append("Nothing was written. Import into a restauth database without users, or run again with "
                    + "--merge skip to keep restauth's users and leave these Django users out.").toString();
        }

        void children(ImportDao dao) {
            if (totals.get(DjangoTables.EMAIL_ADDRESSES) >= 0) {
                Summary.Count count = table(DjangoTables.EMAIL_ADDRESSES, "e-mail addresses");
                source.emailAddresses(address -> {
                    if (tally(count, address.userId())
                            && fits(pk(address.userId()), "e-mail address", address.email(), EmailAddress.MAX_LENGTH)) {
                        dao.addEmailAddress(address, uniqueEmail);
                    }
                });
                dao.flush(); // this kind's last rows, so that a refusal names the kind at fault
                progress.end();
                refuseTooLong();
            }
            if (totals.get(DjangoTables.SOCIAL_ACCOUNTS) >= 0) {
                Summary.Count count = table(DjangoTables.SOCIAL_ACCOUNTS, "social accounts");
                source.socialAccounts(account -> {
                    if (tally(count, account.userId())) {
                        dao.addSocialAccount(account);
                    }
                });
                dao.flush(); // this kind's last rows, so that a refusal names the kind at fault
                progress.end();
            }
            if (totals.get(DjangoTables.TOKENS) >= 0) {
                Summary.Count count = table(DjangoTables.TOKENS, "tokens");
                source.tokens(token -> {
                    if (!Tokens.wellFormed(token.key())) {
                        count.malformed++; // a key DRF did not make: restauth would never accept it
                        progress.advance(1);
                    } else if (tally(count, token.userId())) {
                        dao.addToken(tokens.adopt(token.userId(), token.key(), token.created()));
                    }
                });
                dao.flush(); // this kind's last rows, so that a refusal names the kind at fault
                progress.end();
            }
        }

        private Summary.Count table(String table, String name) {
            Summary.Count count = new Summary.Count();
            counts.put(name, count);
            phase[0] = name;
            progress.begin(name, totals.get(table));
            return count;
        }

        /** Counts a child row by what happened to its user; true when it is to be written. */
        private boolean tally(Summary.Count count, long userId) {
            progress.advance(1);
            int pk = pk(userId);
            if (brought.get(pk)) {
                count.added++;
                return true;
            }
            if (skipped.get(pk)) {
                count.skipped++;
            } else {
                count.unchanged++;
            }
            return false;
        }

        Summary summary(Map<String, Long> leftOut, boolean dryRun) {
            return new Summary(counts, leftOut, conflicts, conflictCount, dryRun);
        }
    }

    /** Why restauth refused a row as a duplicate, by the kind of row being written. */
    private static String duplicate(String phase) {
        switch (phase) {
            case "users":
                return "two Django usernames are one to restauth, which compares them without letter case (and in "
                        + "NFKC form): rename one of them in Django first.";
            case "e-mail addresses":
                return "an address of the Django users is taken: restauth holds it for another user, or two Django "
                        + "users have it in different letter cases (setting unique_email is on: one owner per "
                        + "address).";
            case "social accounts":
                return "a social account (provider and uid) of the Django users is connected to another restauth "
                        + "user already.";
            default:
                return "a DRF key of the Django users is another restauth user's token already.";
        }
    }

    private static int pk(long id) {
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new ImportRefusedException("user pk " + id + " is outside 0.." + Integer.MAX_VALUE
                    + "; restauth imports Django's AutoField pks");
        }
        return (int) id;
    }

    /** Carries a dry run's summary out of the transaction it rolls back. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Summary summary;

        DryRun(Summary summary) {
            super("dry run", null, false, false);
            this.summary = summary;
        }
    }
}
