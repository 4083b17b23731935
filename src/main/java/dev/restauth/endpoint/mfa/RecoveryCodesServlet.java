package dev.restauth.endpoint.mfa;

import com.google.gson.JsonObject;

import dev.restauth.account.CountRecoveryCodes;
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
}
