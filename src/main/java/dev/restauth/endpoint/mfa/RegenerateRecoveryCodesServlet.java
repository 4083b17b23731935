package dev.restauth.endpoint.mfa;

import dev.restauth.account.RegenerateRecoveryCodes;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TotpDeactivateSerializer;

/**
 * {@code POST /mfa/recovery-codes/regenerate/}: dj-rest-auth's {@code RegenerateRecoveryCodesView}, for authenticated
 * users, with a current second factor: {@code code} (TOTP or an unused recovery code; the reference asks for none).
 * Answers {@code {"codes":["xxxxx-xxxxx", ...]}}, every earlier code dead; 400 {@code {"detail":"MFA is not
 * enabled."}} or {@code {"code":["Invalid code."]}}; 429 over the second-factor rate limit.
 */
public class RegenerateRecoveryCodesServlet extends ApiServlet {
    private final TotpDeactivateSerializer serializer;
    private final RegenerateRecoveryCodes regenerate;

    public RegenerateRecoveryCodesServlet(TotpDeactivateSerializer serializer, RegenerateRecoveryCodes regenerate) {
        super(Access.AUTHENTICATED, "POST");
        this.serializer = serializer;
        this.regenerate = regenerate;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return ApiResponse.ok(TOTPActivateServlet.codes("codes",
                regenerate.run(request.user(), () -> serializer.validate(request.data()), request.client())));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa").post(Operation.of("New recovery codes")
                .body(serializer.schema())
                .answers(200, "The new codes; every earlier one is dead.", Schema.object()
                        .field("codes", Schema.arrayOf(Schema.string())).build())
                .invalid("MFA is not enabled, a wrong code, or field errors.")
                .throttled());
    }
}
