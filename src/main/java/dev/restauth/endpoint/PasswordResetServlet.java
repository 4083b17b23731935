package dev.restauth.endpoint;

import dev.restauth.account.RequestPasswordReset;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.PasswordResetSerializer;
import dev.restauth.text.Messages;

import java.util.Map;

/**
 * {@code POST /password/reset/}: dj-rest-auth's {@code PasswordResetView}. Accepts {@code email} and answers
 * {@code {"detail":"Password reset e-mail has been sent."}} whether or not anyone owns the address; each active
 * owner is mailed a link to reset the password (see {@link RequestPasswordReset}). Open to anyone.
 *
 * <p>When the link is built from the request's Host ({@code password_reset_url} is a path), a Host not in
 * {@code allowed_hosts} answers 400 {@code {"detail":"Invalid Host header."}} before anything else is looked at.
 * Requests count against {@code throttle_password_reset} per IP and {@code throttle_password_reset_email} per
 * address, known or not (so the limit tells nothing either); over either, 429.
 */
public class PasswordResetServlet extends ApiServlet {
    private final PasswordResetSerializer serializer;
    private final RequestPasswordReset requestPasswordReset;
    private final LinkTemplate links;

    public PasswordResetServlet(PasswordResetSerializer serializer, RequestPasswordReset requestPasswordReset,
                                LinkTemplate links) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.requestPasswordReset = requestPasswordReset;
        this.links = links;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        String email = serializer.validate(request.data());
        requestPasswordReset.run(request.client(), email,
                (uid, token) -> link.expand(Map.of("uid", uid, "token", token)));
        return ApiResponse.detail(Messages.get("password_reset.sent"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth").post(Operation.of("Mail a password reset link")
                .description("Answers the same whether or not anyone owns the address.")
                .body(serializer.schema())
                .answers(200, "Sent, if anyone owns the address.", Schema.detail())
                .invalid("Field errors, or `{\"detail\": \"Invalid Host header.\"}`.")
                .throttled());
    }
}
