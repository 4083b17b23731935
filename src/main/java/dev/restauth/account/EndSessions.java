package dev.restauth.account;

import dev.restauth.auth.Client;
import dev.restauth.auth.Identity;
import dev.restauth.db.Database;
import dev.restauth.user.AccountSession;

import java.util.List;
import java.util.Set;

/**
 * Ends some of the ways the caller is signed in ({@code DELETE /sessions/}), in one transaction with its
 * security-log row: a token is deleted (DRF's one token per user: every client holding it is signed out), a session
 * ends, a JWT refresh family is revoked (its refresh tokens fail at once; access tokens already issued live on until
 * they expire, minutes). Ending any but the current one needs a recent re-authentication; ending the current one is a logout. Ids that
 * name nothing (ended meanwhile, on any node) are passed over. Thread-safe.
 */
public final class EndSessions {
    private final Database database;
    private final Devices devices;
    private final Reauthentications reauthentications;
    private final SecurityLog log;

    EndSessions(Database database, Devices devices, Reauthentications reauthentications, SecurityLog log) {
        this.database = database;
        this.devices = devices;
        this.reauthentications = reauthentications;
        this.log = log;
    }

    /**
     * @param ids the ids {@link ListSessions} showed
     * @return what is left, as {@link ListSessions} lists it
     * @throws dev.restauth.error.ReauthenticationRequiredException 401 when another session is among them and the
     *                                                              caller has not re-authenticated recently
     */
    public List<AccountSession> run(Identity identity, Client client, List<String> ids) {
        Set<String> wanted = Set.copyOf(ids);
        long userId = identity.user().id();
        return database.inTransaction(tx -> {
            List<Devices.Device> chosen = devices.list(tx, identity).stream()
                    .filter(d -> wanted.contains(d.shown().id())).toList();
            if (chosen.stream().anyMatch(d -> !d.shown().current())) {
                reauthentications.require(tx, identity);
            }
            for (Devices.Device device : chosen) {
                switch (device.shown().kind()) {
                    case Devices.TOKEN -> {
                        // the user's one token, or with token_per_device one of them: its hash names it in either
                        tx.deviceTokens().delete(device.storedHash());
                        tx.tokens().findDevice(userId).filter(t -> t.keyHash().equals(device.storedHash()))
                                .ifPresent(t -> tx.tokens().deleteByUser(userId));
                    }
                    case Devices.JWT -> tx.refreshFamilies().revoke(device.storedHash());
                    default -> tx.sessions().delete(device.storedHash());
                }
            }
            if (!chosen.isEmpty()) {
                log.record(tx, userId, SecurityLog.Event.SESSIONS_ENDED, SecurityLog.Outcome.OK, client,
                        String.join(",", chosen.stream().map(d -> d.shown().kind()).toList()));
            }
            return devices.list(tx, identity).stream().map(Devices.Device::shown).toList();
        });
    }
}
