package dev.restauth.error;

import dev.restauth.text.Messages;

import com.google.gson.JsonObject;

/**
 * 401 {@code {"detail": "Reauthentication required.", "code": "reauthentication_required"}}: the act needs the caller
 * to have proven the password or a second factor again, at {@code reauthenticate/}, within
 * {@code reauthentication_timeout}. Unlike a missing credential, it is a 401 under every authentication order: the
 * credential is good, only not fresh.
 */
public final class ReauthenticationRequiredException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ReauthenticationRequiredException() {
        super(401, Messages.get("reauthentication.required"));
    }

    @Override
    public JsonObject body() {
        JsonObject body = super.body();
        body.addProperty("code", "reauthentication_required");
        return body;
    }
}
