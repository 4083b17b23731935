package dev.restauth.account;

import com.google.gson.JsonElement;

/**
 * What {@code passkeys/register/complete/} presents.
 *
 * @param credential the {@code PublicKeyCredential} from {@code navigator.credentials.create()}, as JSON
 * @param name       the name the user gives it, or null for the default
 */
public record NewPasskey(JsonElement credential, String name) {
}
