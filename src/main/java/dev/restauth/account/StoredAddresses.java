package dev.restauth.account;

import dev.restauth.db.Transaction;
import dev.restauth.user.Canonical;
import dev.restauth.user.EmailAddress;
import dev.restauth.user.User;

/**
 * Where mail about an account goes: the user's own spelling of the address a request matched, never the spelling
 * typed in the request (Django's fix for CVE-2019-19844: a look-alike address that matches case-insensitively must
 * not receive the owner's mail).
 */
final class StoredAddresses {
    private StoredAddresses() {
    }

    /** The user's address whose {@link Canonical#key key} is {@code key}: the account's e-mail or one of its addresses. */
    static String of(Transaction tx, User user, String key) {
        if (Canonical.key(user.email()).equals(key)) {
            return user.email();
        }
        for (EmailAddress address : tx.emailAddresses().findByUser(user.id())) {
            if (Canonical.key(address.email()).equals(key)) {
                return address.email();
            }
        }
        return user.email();
    }
}
