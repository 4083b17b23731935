package dev.restauth.endpoint.mfa;

import com.google.gson.JsonObject;

import dev.restauth.account.MfaStatus;
import dev.restauth.account.ShowMfaStatus;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code GET /mfa/status/}: dj-rest-auth's {@code MFAStatusView}, for authenticated users:
 * {@code {"mfa_enabled":true,"created_at":"2026-02-15T12:00:00.123456Z","last_used_at":null}}, times as DRF writes
 * them; all off: {@code {"mfa_enabled":false,"created_at":null,"last_used_at":null}}.
 */
public class MFAStatusServlet extends ApiServlet {
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ShowMfaStatus status;

    public MFAStatusServlet(ShowMfaStatus status) {
        super(Access.AUTHENTICATED, "GET");
        this.status = status;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        MfaStatus shown = status.run(request.user().id());
        JsonObject body = new JsonObject();
        body.addProperty("mfa_enabled", shown.enabled());
        body.addProperty("created_at", drfDateTime(shown.created()));
        body.addProperty("last_used_at", drfDateTime(shown.lastUsed()));
        return ApiResponse.ok(body);
    }

    /** DRF's {@code DateTimeField}: ISO 8601 in UTC with {@code Z}, microseconds when there are any; null stays. */
    private static String drfDateTime(Instant instant) {
        if (instant == null) {
            return null;
        }
        int micros = instant.getNano() / 1000;
        return SECONDS.format(instant) + (micros == 0 ? "" : String.format(".%06d", micros)) + "Z";
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa").get(Operation.of("Whether second factors are on")
                .answers(200, "The status.", Schema.object().field("mfa_enabled", Schema.bool())
                        .field("created_at", Schema.nullable(Schema.string("date-time")))
                        .field("last_used_at", Schema.nullable(Schema.string("date-time"))).build()));
    }
}
