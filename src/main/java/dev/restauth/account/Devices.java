package dev.restauth.account;

import dev.restauth.auth.Identity;
import dev.restauth.auth.Keyring;
import dev.restauth.auth.RecentUses;
import dev.restauth.auth.Sessions;
import dev.restauth.db.RefreshFamilyDao;
import dev.restauth.db.SessionDao;
import dev.restauth.db.TokenDao;
import dev.restauth.db.Transaction;
import dev.restauth.user.AccountSession;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The ways a user is signed in (the token, each live session, each live JWT refresh family), read in the caller's
 * transaction, each with an id that names it to its owner: a keyed hash of its stored hash, so the list gives away
 * neither the credential nor the value it is looked up by. Thread-safe.
 */
final class Devices {
    static final String TOKEN = "token";
    static final String SESSION = "session";
    static final String JWT = "jwt";

    private final Keyring keyring;
    private final Sessions sessions;
    private final RecentUses recentUses;
    private final Clock clock;

    Devices(Keyring keyring, Sessions sessions, RecentUses recentUses, Clock clock) {
        this.keyring = keyring;
        this.sessions = sessions;
        this.recentUses = recentUses;
        this.clock = clock;
    }

    /** One listed way in, with the stored hash it is ended by. */
    record Device(AccountSession shown, String storedHash) {
    }

    List<Device> list(Transaction tx, Identity identity) {
        long userId = identity.user().id();
        List<Device> devices = new ArrayList<>();
        List<TokenDao.Device> tokens = new ArrayList<>();
        tx.tokens().findDevice(userId).ifPresent(tokens::add);
        tokens.addAll(tx.deviceTokens().findDevices(userId));
        for (TokenDao.Device t : tokens) {
            devices.add(new Device(new AccountSession(id(TOKEN, t.keyHash()), TOKEN, t.created(),
                    recentUses.latest(t.keyHash(), t.lastSeen()),
                    text(t.ip()), text(t.userAgent()), t.keyHash().equals(identity.tokenHash())), t.keyHash()));
        }
        String currentSession = identity.scheme() == Identity.Scheme.SESSION
                ? sessions.idHashOf(identity.sessionId()) : null;
        for (SessionDao.Device s : tx.sessions().findDevices(userId, clock.instant())) {
            devices.add(new Device(new AccountSession(id(SESSION, s.idHash()), SESSION, s.created(),
                    recentUses.latest(s.idHash(), s.lastSeen()),
                    text(s.ip()), text(s.userAgent()), s.idHash().equals(currentSession)), s.idHash()));
        }
        for (RefreshFamilyDao.Device f : tx.refreshFamilies().findDevices(userId, clock.instant())) {
            // An access token does not name its family, so no family is known to be the request's own.
            devices.add(new Device(new AccountSession(id(JWT, f.id()), JWT, f.created(), f.lastSeen(),
                    text(f.ip()), text(f.userAgent()), false), f.id()));
        }
        return devices;
    }

    private String id(String kind, String storedHash) {
        return keyring.hash("device.id", kind + "|" + storedHash).substring(0, 32);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
