package dev.restauth.endpoint.account;

import dev.restauth.account.Reauthenticate;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.CharField;
import dev.restauth.serializer.Fields;
import dev.restauth.text.Messages;

/**
 * {@code POST /reauthenticate/}, for authenticated users: {@code {"password": "..."}}, or with {@code mfa_enabled}
 * {@code {"code": "..."}} (a TOTP code or an unused recovery code), marks the credential the request came with as
 * recently authenticated for {@code reauthentication_timeout} seconds. Answers {@code {"detail": "Reauthenticated."}};
 * 400 {@code {"password": ["Invalid password."]}} or {@code {"code": ["Invalid code."]}}; 429 over the rate limit.
 */
public class ReauthenticateServlet extends ApiServlet {
    private static final CharField PASSWORD = CharField.optional().maxLength(4096);
    private static final CharField CODE = CharField.optional().maxLength(32);

    private final Reauthenticate reauthenticate;

    public ReauthenticateServlet(Reauthenticate reauthenticate) {
        super(Access.AUTHENTICATED, "POST");
        this.reauthenticate = reauthenticate;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        Fields fields = new Fields(request.data());
        String password = fields.text("password", PASSWORD);
        String code = fields.text("code", CODE);
        fields.throwIfInvalid();
        reauthenticate.run(request.identity().orElseThrow(), request.client(), password, code);
        return ApiResponse.detail(Messages.get("reauthentication.done"));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("account").post(Operation.of("Re-authenticate the credential of this request")
                .description("`password`, or with `mfa_enabled` a second factor's `code`; the request's token or "
                        + "session then counts as recently authenticated for `reauthentication_timeout` seconds.")
                .body(Schema.object().optional("password", Schema.string()).optional("code", Schema.string())
                        .build())
                .answers(200, "Re-authenticated.", Schema.detail()).invalid("A wrong password or code.")
                .throttled());
    }
}
