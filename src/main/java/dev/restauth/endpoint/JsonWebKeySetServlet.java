package dev.restauth.endpoint;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

/**
 * {@code GET /jwks/}, restauth's own (dj-rest-auth has none), served in JWT mode with an RSA, ECDSA or EdDSA
 * algorithm: the public keys tokens are signed with, as a JWK Set (RFC 7517) {@code {"keys":[{"kty", "kid", "use":
 * "sig", "alg", ...}]}}, so resource servers check access tokens offline, picking the key by the token's {@code kid}.
 * Lists the signing key and every key of {@code jwt_verifying_key_files}; never a private part. Reads no
 * credentials.
 */
public class JsonWebKeySetServlet extends ApiServlet {
    private final String keySet;

    /** @param keySet the JWK Set document of the public keys */
    public JsonWebKeySetServlet(String keySet) {
        super(Access.PUBLIC, "GET");
        this.keySet = keySet;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        JsonObject body = JsonParser.parseString(keySet).getAsJsonObject();
        return ApiResponse.ok(body);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("jwt").get(Operation.of("The public keys JWTs are signed with (JWK Set)")
                .answers(200, "The JWK Set.", Schema.object().field("keys", Schema.arrayOf(Schema.object()
                        .field("kty", Schema.string()).field("kid", Schema.string()).open().build())).build()));
    }
}
