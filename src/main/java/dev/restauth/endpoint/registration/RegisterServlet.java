package dev.restauth.endpoint.registration;

import com.google.gson.JsonObject;

import dev.restauth.account.Register;
import dev.restauth.account.SignedIn;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.endpoint.LoginResponse;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.RegisterSerializer;
import dev.restauth.text.Messages;

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
 * mandatory verification) a taken address answers as a new one does (see {@link Register}).
 */
public class RegisterServlet extends ApiServlet {
    private final RegisterSerializer serializer;
    private final Register register;
    private final LinkTemplate links;
    private final LoginResponse response;

    public RegisterServlet(RegisterSerializer serializer, Register register, LinkTemplate links,
                           LoginResponse response) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.register = register;
        this.links = links;
        this.response = response;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        Optional<SignedIn> signedIn = register.run(request.client(), () -> serializer.validate(request.data()),
                key -> link.expand(Map.of("key", key)));
        return signedIn.map(response::created).orElseGet(() ->
                ApiResponse.created(ApiResponse.detailBody(Messages.get("registration.verification_sent"))));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("registration").post(Operation.of("Sign up")
                .description("Mandatory verification: 201 with a detail; otherwise logged in at once: 201 with "
                        + "the token (or the JWTs), or 204 with the session's cookies.")
                .body(serializer.schema())
                .answers(201, "Signed up.", anyOf(response.createdSchema(), Schema.detail()),
                        LoginResponse.cookieHeaders())
                .answersNoContent("Signed up and logged in by a session (cookies).")
                .invalid("Field errors.")
                .throttled()
                .refuses(503, "Too many passwords are being checked at once; try again."));
    }

    private static JsonObject anyOf(JsonObject first, JsonObject second) {
        com.google.gson.JsonArray either = new com.google.gson.JsonArray();
        either.add(first);
        either.add(second);
        JsonObject schema = new JsonObject();
        schema.add("anyOf", either);
        return schema;
    }
}
