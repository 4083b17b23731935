package dev.restauth.endpoint.mfa;

import dev.restauth.account.VerifySecondFactor;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.auth.Sessions;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.MfaVerifySerializer;

/**
 * {@code POST /mfa/verify/}: dj-rest-auth's {@code MFAVerifyView}. Takes {@code ephemeral_token} (from a login that
 * answered {@code "mfa_required": true}) and {@code code} (a TOTP code or an unused recovery code) and finishes that
 * login: the answer is login's, whatever the configuration makes it ({@code {"key"}}, the JWT body and cookies, the
 * session cookies). Answers 400 {@code {"ephemeral_token":["Invalid or expired token."]}} (unknown, expired, used,
 * or after five wrong codes), {@code {"detail":["User account is disabled."]}}, {@code {"code":["Invalid code."]}};
 * 429 when the user's wrong codes reached {@code throttle_mfa_failed} (see {@link VerifySecondFactor}).
 */
public class MFAVerifyServlet extends ApiServlet {
    private final MfaVerifySerializer serializer;
    private final VerifySecondFactor verify;
    private final LoginResponse response;

    public MFAVerifyServlet(MfaVerifySerializer serializer, VerifySecondFactor verify, LoginResponse response) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.verify = verify;
        this.response = response;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return response.ok(verify.run(serializer.validate(request.data()), request.client(),
                request.cookie(Sessions.SESSION_COOKIE)));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa").post(Operation.of("Finish a login with its second factor")
                .body(serializer.schema())
                .answers(200, "Logged in.", response.schema(), LoginResponse.cookieHeaders())
                .invalid("An invalid or expired ephemeral token, a wrong code, or field errors.")
                .throttled());
    }
}
