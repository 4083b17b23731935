package dev.restauth.serializer;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.Schema;
import dev.restauth.user.SocialAccount;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * dj-rest-auth's {@code SocialAccountSerializer}:
 * {@code {"id":1,"provider":"google","uid":"...","last_login":"...Z","date_joined":"...Z"}}, times in UTC as DRF's
 * ISO 8601 ({@code 2026-11-29T00:16:13.123456Z}, no fraction when it is zero). {@code extra_data} stays out: it holds
 * the user's profile at the provider.
 */
public class DefaultSocialAccountSerializer implements SocialAccountSerializer {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public JsonObject render(SocialAccount account) {
        JsonObject body = new JsonObject();
        body.addProperty("id", account.id());
        body.addProperty("provider", account.provider());
        body.addProperty("uid", account.uid());
        body.addProperty("last_login", drfDateTime(account.lastLogin()));
        body.addProperty("date_joined", drfDateTime(account.dateJoined()));
        return body;
    }

    /** Python's {@code isoformat()} of a UTC time with DRF's {@code Z}: microseconds only when there are any. */
    static String drfDateTime(Instant instant) {
        int micros = instant.getNano() / 1000;
        return SECONDS.format(instant) + (micros == 0 ? "" : String.format(".%06d", micros)) + "Z";
    }

    @Override
    public JsonObject schema() {
        return Schema.object().field("id", Schema.integer()).field("provider", Schema.string())
                .field("uid", Schema.string()).field("last_login", Schema.nullable(Schema.string("date-time")))
                .field("date_joined", Schema.string("date-time")).build();
    }
}
