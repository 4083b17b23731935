package dev.restauth.endpoint.social;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.db.SocialAccountDao.SocialAccount;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.social.SocialLogins;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /socialaccounts/}: dj-rest-auth's {@code SocialAccountListView}, for authenticated users. A list, oldest
 * first, of the user's connected accounts as dj-rest-auth's {@code SocialAccountSerializer} writes them:
 * {@code [{"id":1,"provider":"google","uid":"...","last_login":"...Z","date_joined":"...Z"}]}, times in UTC as
 * DRF's ISO 8601 ({@code 2026-11-29T00:16:13.123456Z}, no fraction when it is zero).
 */
public class SocialAccountListServlet extends ApiServlet {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final transient SocialLogins logins;

    public SocialAccountListServlet(ApiSupport support, SocialLogins logins) {
        super(support, Access.AUTHENTICATED, "GET");
        this.logins = logins;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        JsonArray list = new JsonArray();
        for (SocialAccount account : logins.accounts(request.user().id())) {
            list.add(render(account));
        }
        return ApiResponse.ok(list);
    }

    static JsonObject render(SocialAccount account) {
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
}
