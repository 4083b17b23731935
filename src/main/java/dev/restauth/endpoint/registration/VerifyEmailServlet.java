package dev.restauth.endpoint.registration;

import dev.restauth.account.EmailConfirmations;
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

    private final transient EmailConfirmations confirmations;

    public VerifyEmailServlet(ApiSupport support, EmailConfirmations confirmations) {
        super(support, Access.ANYONE, "POST");
        this.confirmations = confirmations;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Fields fields = new Fields(request.data());
        String key = fields.text("key", KEY);
        fields.throwIfInvalid();
        if (!confirmations.confirm(key)) {
            throw ApiException.notFound();
        }
        return ApiResponse.detail(Messages.get("registration.ok"));
    }
}
