package dev.restauth.endpoint.mfa;

import dev.restauth.account.DeactivateTotp;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TotpDeactivateSerializer;
import dev.restauth.text.Messages;

/**
 * {@code POST /mfa/totp/deactivate/}: dj-rest-auth's {@code TOTPDeactivateView}, for authenticated users. Takes
 * {@code code} (a TOTP code, or in restauth an unused recovery code too); answers
 * {@code {"detail":"TOTP has been deactivated."}}, 400 {@code {"detail":"MFA is not enabled."}} or
 * {@code {"code":["Invalid code."]}}, 429 over the second-factor rate limit.
 */
public class TOTPDeactivateServlet extends ApiServlet {
    private final TotpDeactivateSerializer serializer;
    private final DeactivateTotp deactivate;

    public TOTPDeactivateServlet(TotpDeactivateSerializer serializer, DeactivateTotp deactivate) {
        super(Access.AUTHENTICATED, "POST");
        this.serializer = serializer;
        this.deactivate = deactivate;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        deactivate.run(request.user(), () -> serializer.validate(request.data()), request.client());
        return ApiResponse.detail(Messages.get("mfa.deactivated"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa").post(Operation.of("Deactivate TOTP")
                .body(serializer.schema())
                .answers(200, "Deactivated.", Schema.detail())
                .invalid("MFA is not enabled, a wrong code, or field errors.")
                .throttled());
    }
}
