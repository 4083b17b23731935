package dev.restauth.endpoint.mfa;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.account.ActivateTotp;
import dev.restauth.account.StartTotpActivation;
import dev.restauth.account.TotpProposal;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TotpActivateConfirmSerializer;

import java.util.List;

/**
 * {@code /mfa/totp/activate/}: dj-rest-auth's {@code TOTPActivateView}, for authenticated users.
 * <ul>
 * <li>{@code GET}: a new proposal, {@code {"secret":"<32 base32>","totp_url":"otpauth://totp/...",
 * "qr_code_data_uri":"data:image/png;base64,...","activation_token":"..."}}.</li>
 * <li>{@code POST {"activation_token", "code"}}: activates it; {@code {"recovery_codes":["xxxxx-xxxxx", ...]}}, shown
 * this once. 400 {@code {"detail":"MFA is already enabled. Deactivate it before activating again."}}, or the field
 * errors of {@link ActivateTotp}.</li>
 * </ul>
 */
public class TOTPActivateServlet extends ApiServlet {
    private final StartTotpActivation start;
    private final ActivateTotp activate;
    private final TotpActivateConfirmSerializer serializer;

    public TOTPActivateServlet(StartTotpActivation start, ActivateTotp activate,
                               TotpActivateConfirmSerializer serializer) {
        super(Access.AUTHENTICATED, "GET", "POST");
        this.start = start;
        this.activate = activate;
        this.serializer = serializer;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        TotpProposal proposal = start.run(request.user());
        JsonObject body = new JsonObject();
        body.addProperty("secret", proposal.secret());
        body.addProperty("totp_url", proposal.uri());
        body.addProperty("qr_code_data_uri", QrCode.dataUri(proposal.uri()));
        body.addProperty("activation_token", proposal.activationToken());
        return ApiResponse.ok(body);
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return ApiResponse.ok(codes("recovery_codes",
                activate.run(request.user(), () -> serializer.validate(request.data()), request.client())));
    }

    /** {@code {name: [codes]}}. */
    static JsonObject codes(String name, List<String> codes) {
        JsonArray list = new JsonArray();
        codes.forEach(list::add);
        JsonObject body = new JsonObject();
        body.add(name, list);
        return body;
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("mfa")
                .get(Operation.of("Propose a TOTP secret").answers(200, "The proposal.", Schema.object()
                        .field("secret", Schema.string()).field("totp_url", Schema.string())
                        .field("qr_code_data_uri", Schema.string()).field("activation_token", Schema.string())
                        .build())
                        .invalid("MFA is already enabled."))
                .post(Operation.of("Activate TOTP").body(serializer.schema())
                        .answers(200, "Activated; the recovery codes, shown this once.", Schema.object()
                                .field("recovery_codes", Schema.arrayOf(Schema.string())).build())
                        .invalid("MFA is already enabled, a wrong code, or field errors.")
                        .throttled());
    }
}
