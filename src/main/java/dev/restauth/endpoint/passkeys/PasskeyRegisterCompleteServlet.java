package dev.restauth.endpoint.passkeys;

import dev.restauth.account.RegisterPasskey;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasskeyRegisterCompleteSerializer;
import dev.restauth.serializer.PasskeySerializer;

/**
 * {@code POST /passkeys/register/complete/}: dj-rest-auth's {@code PasskeyRegisterCompleteView}, for authenticated
 * users. Takes {@code credential} (the {@code PublicKeyCredential} {@code navigator.credentials.create()} made, as
 * its {@code toJSON()}) and an optional {@code name}; answers 201 with the new passkey as the list shows it. 400
 * {@code non_field_errors}: "Registration challenge has expired. Please start over.", "Registration verification
 * failed." (for anything malformed too), "This credential is already registered.".
 */
public class PasskeyRegisterCompleteServlet extends ApiServlet {
    private final PasskeyRegisterCompleteSerializer serializer;
    private final RegisterPasskey register;
    private final PasskeySerializer passkeys;

    public PasskeyRegisterCompleteServlet(PasskeyRegisterCompleteSerializer serializer, RegisterPasskey register,
                                          PasskeySerializer passkeys) {
        super(Access.AUTHENTICATED, "POST");
        this.serializer = serializer;
        this.register = register;
        this.passkeys = passkeys;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        return ApiResponse.created(passkeys.render(register.run(request.user(), serializer.validate(request.data()),
                request.client())));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("passkeys").post(Operation.of("Finish registering a passkey")
                .body(serializer.schema())
                .answers(201, "The new passkey.", passkeys.schema())
                .invalid("An expired challenge, a failed verification, or a credential registered already."));
    }
}
