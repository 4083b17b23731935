package dev.restauth.endpoint.social;

import com.google.gson.JsonObject;

import dev.restauth.account.DisconnectSocialAccount;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

/**
 * {@code POST /socialaccounts/<pk>/disconnect/}: dj-rest-auth's {@code SocialAccountDisconnectView}, for
 * authenticated users. Disconnects one of the user's accounts; 404 for an id the user has no account under. The last
 * account stays while it is the only way in: 400 "Your account has no password set up." (or, under mandatory
 * verification, "Your account has no verified e-mail address."), where the reference answers a 500. Answers
 * {@code 200 {}}, as the reference's serializer renders a disconnected account.
 */
public class SocialAccountDisconnectServlet extends ApiServlet {
    private final DisconnectSocialAccount disconnect;

    public SocialAccountDisconnectServlet(DisconnectSocialAccount disconnect) {
        super(Access.AUTHENTICATED, "POST");
        this.disconnect = disconnect;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        long id;
        try {
            id = Long.parseLong(request.pathParameter());
        } catch (NumberFormatException e) {
            throw ApiException.notFound(); // Django's <int:pk> converter matches digits only
        }
        disconnect.run(request.user().id(), id, request.client());
        return ApiResponse.ok(new JsonObject());
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("social").post(Operation.of("Disconnect a social account")
                .answers(200, "Disconnected.", Schema.object().build())
                .invalid("The account is the only way in.")
                .refuses(404, "The user has no account of that id."));
    }
}
