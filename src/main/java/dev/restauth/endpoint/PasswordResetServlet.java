package dev.restauth.endpoint;

import dev.restauth.account.PasswordResets;
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
 * owner is mailed a link to reset the password (see {@link PasswordResets}). Open to anyone.
 *
 * <p>When the link is built from the request's Host ({@code password_reset_url} is a path), a Host not in
 * {@code allowed_hosts} answers 400 {@code {"detail":"Invalid Host header."}} before anything else is looked at.
 */
public class PasswordResetServlet extends ApiServlet {
    private final transient PasswordResetSerializer serializer;
    private final transient PasswordResets resets;
    private final transient LinkTemplate links;

    public PasswordResetServlet(ApiSupport support, PasswordResetSerializer serializer, PasswordResets resets,
                                LinkTemplate links) {
        super(support, Access.ANYONE, "POST");
        this.serializer = serializer;
        this.resets = resets;
        this.links = links;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        String email = serializer.validate(request.data());
        resets.request(email, (uid, token) -> link.expand(Map.of("uid", uid, "token", token)));
        return ApiResponse.detail(Messages.get("password_reset.sent"));
    }
}
