package dev.restauth.endpoint;

import com.google.gson.JsonObject;

import dev.restauth.account.VerifyToken;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.TokenVerifySerializer;

/**
 * {@code POST /token/verify/}: simplejwt's {@code TokenVerifyView}. Takes {@code token}, an access or a refresh
 * token, and answers {@code {}} when it is valid; 401 {@code {"detail": ..., "code": "token_not_valid"}} with
 * {@code WWW-Authenticate: Bearer realm="api"} when not, and 400 {@code {"non_field_errors":["Token is
 * blacklisted"]}} for a revoked one (see {@link VerifyToken}). Reads no credentials, as simplejwt's token views.
 */
public class TokenVerifyServlet extends ApiServlet {
    private final TokenVerifySerializer serializer;
    private final VerifyToken verifyToken;

    public TokenVerifyServlet(TokenVerifySerializer serializer, VerifyToken verifyToken) {
        super(Access.PUBLIC, "POST");
        this.serializer = serializer;
        this.verifyToken = verifyToken;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        verifyToken.run(serializer.validate(request.data()));
        return ApiResponse.ok(new JsonObject());
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("jwt").post(Operation.of("Check a JWT")
                .body(serializer.schema())
                .answers(200, "The token is valid.", Schema.object().build())
                .invalid("A blacklisted token, or field errors.")
                .answers(401, "The token is not valid.", Schema.credentialsRefused(),
                        java.util.Map.of("WWW-Authenticate", "`Bearer realm=\"api\"`")));
    }
}
