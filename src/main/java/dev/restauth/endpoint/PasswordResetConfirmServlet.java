package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.account.ResetPassword;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.Fields;
import dev.restauth.serializer.PasswordResetConfirmSerializer;
import dev.restauth.text.Messages;

/**
 * {@code POST /password/reset/confirm/}: dj-rest-auth's {@code PasswordResetConfirmView}. Accepts
 * {@code new_password1}, {@code new_password2}, {@code uid} and {@code token} from the reset link, sets the
 * password and answers {@code {"detail":"Password has been reset with the new password."}}. Open to anyone.
 *
 * <p>The token dies with the change, and so does every other token issued for the user. The user's sessions end;
 * the API token survives, as in dj-rest-auth, unless {@code logout_on_password_reset} is on. Confirmations count
 * against {@code throttle_password_reset_confirm} per IP, and a refused {@code uid} or {@code token} against
 * {@code throttle_password_reset_confirm_failed} per IP and uid; over either, 429 (see {@link ResetPassword}).
 */
public class PasswordResetConfirmServlet extends ApiServlet {
    private final PasswordResetConfirmSerializer serializer;
    private final ResetPassword resetPassword;

    public PasswordResetConfirmServlet(PasswordResetConfirmSerializer serializer, ResetPassword resetPassword) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.resetPassword = resetPassword;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        JsonObject data = request.data();
        resetPassword.run(request.client(), Fields.textOrEmpty(data, "uid"), () -> serializer.validate(data));
        return ApiResponse.detail(Messages.get("password_reset.done"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth").post(Operation.of("Set a new password with a reset link's uid and token")
                .body(serializer.schema())
                .answers(200, "Password reset.", Schema.detail())
                .invalid("A refused uid or token, or field errors.")
                .throttled()
                .refuses(503, "Too many passwords are being checked at once; try again."));
    }
}
