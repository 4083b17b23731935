package dev.restauth.account;

/** The writable profile fields of a user after a validated change, complete (see {@link UpdateProfile}). */
public record ProfileChange(String username, String firstName, String lastName) {
}
