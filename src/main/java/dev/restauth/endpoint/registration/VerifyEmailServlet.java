package dev.restauth.endpoint.registration;

import dev.restauth.account.ConfirmEmail;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.CharField;
import dev.restauth.serializer.Fields;
import dev.restauth.text.Messages;

/**
 * {@code POST /registration/verify-email/}: dj-rest-auth's {@code VerifyEmailView}. Accepts {@code key} from the
 * confirmation mail and confirms its address: 200 {@code {"detail":"ok"}}. A key that is malformed, tampered with,
 * expired, or of an address confirmed already is 404 {@code {"detail":"Not found."}}.
 */
public class VerifyEmailServlet extends ApiServlet {
    private static final CharField KEY = CharField.required();

    private final ConfirmEmail confirmEmail;

    public VerifyEmailServlet(ConfirmEmail confirmEmail) {
        super(Access.ANYONE, "POST");
        this.confirmEmail = confirmEmail;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Fields fields = new Fields(request.data());
        String key = fields.text("key", KEY);
        fields.throwIfInvalid();
        if (!confirmEmail.run(key, request.client())) {
            throw ApiException.notFound();
        }
        return ApiResponse.detail(Messages.get("registration.ok"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("registration").post(Operation.of("Confirm an e-mail address with the key from its mail")
                .body(Schema.object().field("key", Schema.string()).open().build())
                .answers(200, "Confirmed.", Schema.detail())
                .invalid("Field errors.")
                .refuses(404, "A key that is malformed, expired, or of an address confirmed already."));
    }
}
