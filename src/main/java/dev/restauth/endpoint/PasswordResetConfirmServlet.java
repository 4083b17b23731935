package dev.restauth.endpoint;

import dev.restauth.account.PasswordResets;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasswordResetConfirmSerializer;
import dev.restauth.text.Messages;

/**
 * {@code POST /password/reset/confirm/}: dj-rest-auth's {@code PasswordResetConfirmView}. Accepts
 * {@code new_password1}, {@code new_password2}, {@code uid} and {@code token} from the reset link, sets the
 * password and answers {@code {"detail":"Password has been reset with the new password."}}. Open to anyone.
 *
 * <p>The token dies with the change, and so does every other token issued for the user. The user's sessions end;
 * the API token survives, as in dj-rest-auth, unless {@code logout_on_password_reset} is on.
 */
public class PasswordResetConfirmServlet extends ApiServlet {
    private final transient PasswordResetConfirmSerializer serializer;
    private final transient PasswordResets resets;

    public PasswordResetConfirmServlet(ApiSupport support, PasswordResetConfirmSerializer serializer,
                                       PasswordResets resets) {
        super(support, Access.ANYONE, "POST");
        this.serializer = serializer;
        this.resets = resets;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        PasswordResetConfirmSerializer.Confirmation confirmation = serializer.validate(request.data());
        resets.complete(confirmation.user(), confirmation.newPassword());
        return ApiResponse.detail(Messages.get("password_reset.done"));
    }
}
