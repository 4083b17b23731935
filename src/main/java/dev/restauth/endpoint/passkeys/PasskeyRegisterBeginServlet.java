package dev.restauth.endpoint.passkeys;

import dev.restauth.account.BeginPasskeyRegistration;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

/**
 * {@code POST /passkeys/register/begin/}: dj-rest-auth's {@code PasskeyRegisterBeginView}, for authenticated users.
 * Answers the {@code PublicKeyCredentialCreationOptions} for {@code navigator.credentials.create()}:
 * {@code {"rp":{"name","id"},"user":{"id","name","displayName"},"challenge","pubKeyCredParams":[...],"timeout",
 * "excludeCredentials":[...],"authenticatorSelection":{...},"attestation":"none"}}. The body is not read (the
 * reference ignores its {@code name}; give the name at {@code complete/}).
 */
public class PasskeyRegisterBeginServlet extends ApiServlet {
    private final BeginPasskeyRegistration begin;

    public PasskeyRegisterBeginServlet(BeginPasskeyRegistration begin) {
        super(Access.AUTHENTICATED, "POST");
        this.begin = begin;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return ApiResponse.ok(begin.run(request.user()));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("passkeys").post(Operation.of("Start registering a passkey")
                .answers(200, "PublicKeyCredentialCreationOptions for navigator.credentials.create().",
                        Schema.object().field("challenge", Schema.string()).field("rp", Schema.anyObject())
                                .field("user", Schema.anyObject()).open().build()));
    }
}
