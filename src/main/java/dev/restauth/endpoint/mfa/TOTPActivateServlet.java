package dev.restauth.endpoint.mfa;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.account.ActivateTotp;
import dev.restauth.account.StartTotpActivation;
import dev.restauth.account.TotpProposal;
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
                activate.run(request.user(), () -> serializer.validate(request.data()))));
    }

    /** {@code {name: [codes]}}. */
    static JsonObject codes(String name, List<String> codes) {
        JsonArray list = new JsonArray();
        codes.forEach(list::add);
        JsonObject body = new JsonObject();
        body.add(name, list);
        return body;
    }
}
