package dev.restauth.endpoint.registration;

import dev.restauth.account.Registrations;
import dev.restauth.auth.SessionService;
import dev.restauth.auth.TokenService;
import dev.restauth.config.EmailVerification;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.RegisterSerializer;
import dev.restauth.serializer.TokenSerializer;
import dev.restauth.text.Messages;
import dev.restauth.throttle.Action;
import dev.restauth.throttle.Throttle;
import dev.restauth.user.User;

import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /registration/}: dj-rest-auth's {@code RegisterView}. Accepts {@code username}, {@code email},
 * {@code password1}, {@code password2}, creates the account and queues the confirmation mail. Answers, as
 * dj-rest-auth does for each configuration:
 * <ul>
 * <li>mandatory verification: 201 {@code {"detail":"Verification e-mail sent."}}, nobody logged in;</li>
 * <li>optional or no verification with session login: 204, logged in by a new session (cookies);</li>
 * <li>optional or no verification without session login: 201 {@code {"key": "<40 hex>"}}.</li>
 * </ul>
 * Sign-ups count against {@code throttle_signup} per IP; over it, 429. With {@code prevent_enumeration} (and
 * mandatory verification) a taken address answers as a new one does (see {@link Registrations#register}).
 */
public class RegisterServlet extends ApiServlet {
    private final transient RegisterSerializer serializer;
    private final transient TokenSerializer tokenSerializer;
    private final transient Registrations registrations;
    private final transient LinkTemplate links;
    private final transient TokenService tokens;
    private final transient SessionService sessions;
    private final transient Throttle throttle;
    private final EmailVerification verification;
    private final boolean sessionLogin;

    public RegisterServlet(ApiSupport support, RegisterSerializer serializer, TokenSerializer tokenSerializer,
                           Registrations registrations, LinkTemplate links, TokenService tokens,
                           SessionService sessions, Throttle throttle, EmailVerification verification,
                           boolean sessionLogin) {
        super(support, Access.ANYONE, "POST");
        this.throttle = throttle;
        this.serializer = serializer;
        this.tokenSerializer = tokenSerializer;
        this.registrations = registrations;
        this.links = links;
        this.tokens = tokens;
        this.sessions = sessions;
        this.verification = verification;
        this.sessionLogin = sessionLogin;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        // Counted before validation: validation itself says whether a username or address is taken.
        throttle.begin(Action.SIGNUP, request.clientAddress(), null);
        LinkTemplate.Bound link = links.bind(request);
        RegisterSerializer.SignUp signUp = serializer.validate(request.data());
        Optional<User> created = registrations.register(signUp, key -> link.expand(Map.of("key", key)));
        if (verification == EmailVerification.MANDATORY) {
            // Also when prevent_enumeration created nothing for a taken address: the answer must not differ.
            return ApiResponse.created(ApiResponse.detailBody(Messages.get("registration.verification_sent")));
        }
        User user = created.orElseThrow();
        if (sessionLogin) {
            ApiResponse response = ApiResponse.noContent();
            sessions.cookies(sessions.open(user)).forEach(response::cookie);
            return response;
        }
        return ApiResponse.created(tokenSerializer.render(tokens.issue(user.id()), user));
    }
}
