package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.user.SocialAccount;

/** {@code SOCIAL_ACCOUNT_SERIALIZER}: one connected social account as {@code GET /socialaccounts/} lists it. */
public interface SocialAccountSerializer {
    JsonObject render(SocialAccount account);
}
