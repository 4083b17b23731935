package dev.restauth.account;

import com.google.gson.JsonElement;

/**
 * An assertion for a passkey login challenge: what {@code passkeys/login/complete/} presents, and one of the ways to
 * remove a last passkey.
 *
 * @param credential the {@code PublicKeyCredential} from {@code navigator.credentials.get()}, as JSON
 * @param sessionId  the {@code session_id} {@code passkeys/login/begin/} answered
 */
public record PasskeyAssertion(JsonElement credential, String sessionId) {
}
