package dev.restauth.endpoint.mfa;

import com.google.gson.JsonObject;

import dev.restauth.account.CountRecoveryCodes;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

/**
 * {@code GET|POST /mfa/recovery-codes/}: dj-rest-auth's {@code RecoveryCodesView}, for authenticated users. restauth
 * stores recovery codes hashed, so it cannot list them as the reference does ({@code {"codes":[...]}}); it answers how
 * many are left, {@code {"remaining": 7}} (0 while TOTP is off). Codes are shown only when made: at activation and
 * regeneration.
 */
public class RecoveryCodesServlet extends ApiServlet {
    private final CountRecoveryCodes count;

    public RecoveryCodesServlet(CountRecoveryCodes count) {
        super(Access.AUTHENTICATED, "GET", "POST");
        this.count = count;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        JsonObject body = new JsonObject();
        body.addProperty("remaining", count.run(request.user().id()));
        return ApiResponse.ok(body);
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return get(request);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa")
                .get(Operation.of("How many recovery codes are left").answers(200, "The count.", remaining()))
                .post(Operation.of("How many recovery codes are left").answers(200, "The count.", remaining()));
    }

    private static JsonObject remaining() {
        return Schema.object().field("remaining", Schema.integer()).build();
    }
}
