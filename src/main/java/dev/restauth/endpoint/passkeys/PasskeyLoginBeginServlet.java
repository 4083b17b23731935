package dev.restauth.endpoint.passkeys;

import dev.restauth.account.BeginPasskeyLogin;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasskeyLoginBeginSerializer;

/**
 * {@code POST /passkeys/login/begin/}: dj-rest-auth's {@code PasskeyLoginBeginView}. Takes an optional
 * {@code username} or {@code email}; answers the {@code PublicKeyCredentialRequestOptions} for
 * {@code navigator.credentials.get()} and the {@code session_id} that {@code complete/} takes:
 * {@code {"challenge","timeout","rpId","allowCredentials":[...],"userVerification","session_id":"<32 hex>"}}.
 */
public class PasskeyLoginBeginServlet extends ApiServlet {
    private final PasskeyLoginBeginSerializer serializer;
    private final BeginPasskeyLogin begin;

    public PasskeyLoginBeginServlet(PasskeyLoginBeginSerializer serializer, BeginPasskeyLogin begin) {
        super(Access.ANYONE, "POST");
        this.serializer = serializer;
        this.begin = begin;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return ApiResponse.ok(begin.run(serializer.validate(request.data())));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("passkeys").post(Operation.of("Start a passkey login")
                .body(serializer.schema())
                .answers(200, "PublicKeyCredentialRequestOptions for navigator.credentials.get(), and the "
                        + "session_id complete/ takes.", Schema.object().field("challenge", Schema.string())
                        .field("session_id", Schema.string()).open().build())
                .invalid("Field errors.")
                .throttled());
    }
}
