package dev.restauth.social;

import com.google.gson.JsonObject;

import dev.restauth.http.Json;

/**
 * Who a provider says the user is, after restauth checked the proof. Immutable.
 *
 * @param provider      the configured provider id, e.g. {@code google}
 * @param uid           the provider's stable id of the user (the OpenID Connect {@code sub}); never null or blank
 * @param email         the user's address at the provider, or null when it shared none (or an invalid one)
 * @param emailVerified true only when the provider itself asserts the address verified
 * @param firstName     given name, possibly empty, never null
 * @param lastName      family name, possibly empty, never null
 * @param username      the user's name at the provider (GitHub login, {@code preferred_username}), or null
 * @param profile       the profile as the provider returned it (stored as the account's {@code extra_data})
 */
public record SocialIdentity(String provider, String uid, String email, boolean emailVerified, String firstName,
                             String lastName, String username, JsonObject profile) {

    /** The profile as compact JSON text, as it is stored ({@code extra_data}). */
    public String profileText() {
        return Json.write(profile);
    }

    /** Leaves out the address and names. */
    @Override
    public String toString() {
        return "SocialIdentity{provider=" + provider + ", uid=" + uid + "}";
    }
}
