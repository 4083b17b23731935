package dev.restauth.endpoint.registration;

import dev.restauth.account.ResendConfirmation;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.CharField;
import dev.restauth.serializer.Fields;
import dev.restauth.text.Messages;

import java.util.Map;

/**
 * {@code POST /registration/resend-email/}: dj-rest-auth's {@code ResendEmailVerificationView}. Accepts
 * {@code email}; an unconfirmed address (matched in any letter case) gets a new confirmation mail at its stored
 * spelling. The answer is 200 {@code {"detail":"ok"}} for every valid address, known, unknown or confirmed, so it
 * tells nobody which addresses have accounts. An address may ask once per {@code throttle_confirmation_email}
 * (counted by address, known or not, in any letter case); sooner, 429.
 */
public class ResendEmailVerificationServlet extends ApiServlet {
    private static final CharField EMAIL = CharField.required().email();

    private final ResendConfirmation resendConfirmation;
    private final LinkTemplate links;

    public ResendEmailVerificationServlet(ResendConfirmation resendConfirmation, LinkTemplate links) {
        super(Access.ANYONE, "POST");
        this.resendConfirmation = resendConfirmation;
        this.links = links;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        Fields fields = new Fields(request.data());
        String email = fields.text("email", EMAIL);
        fields.throwIfInvalid();
        resendConfirmation.run(request.client(), email, key -> link.expand(Map.of("key", key)));
        return ApiResponse.detail(Messages.get("registration.ok"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("registration").post(Operation.of("Mail the confirmation again")
                .description("Answers the same for every valid address, known or not.")
                .body(Schema.object().field("email", Schema.string("email")).open().build())
                .answers(200, "Sent, if the address awaits confirmation.", Schema.detail())
                .invalid("Field errors.")
                .throttled());
    }
}
