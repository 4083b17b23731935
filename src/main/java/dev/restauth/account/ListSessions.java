package dev.restauth.account;

import dev.restauth.auth.Identity;
import dev.restauth.db.Database;
import dev.restauth.user.AccountSession;

import java.util.List;

/** The ways the caller is signed in ({@code GET /sessions/}): the token, then the live sessions, oldest first. */
public final class ListSessions {
    private final Database database;
    private final Devices devices;

    ListSessions(Database database, Devices devices) {
        this.database = database;
        this.devices = devices;
    }

    public List<AccountSession> run(Identity identity) {
        return database.read(tx -> devices.list(tx, identity).stream().map(Devices.Device::shown).toList());
    }
}
