package dev.restauth.endpoint.social;

import com.google.gson.JsonObject;

import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.social.SocialLogins;

/**
 * {@code POST /socialaccounts/<pk>/disconnect/}: dj-rest-auth's {@code SocialAccountDisconnectView}, for
 * authenticated users. Disconnects one of the user's accounts; 404 for an id the user has no account under. The last
 * account stays while it is the only way in: 400 "Your account has no password set up." (or, under mandatory
 * verification, "Your account has no verified e-mail address."), where the reference answers a 500. Answers
 * {@code 200 {}}, as the reference's serializer renders a disconnected account.
 */
public class SocialAccountDisconnectServlet extends ApiServlet {
    private final transient SocialLogins logins;

    public SocialAccountDisconnectServlet(ApiSupport support, SocialLogins logins) {
        super(support, Access.AUTHENTICATED, "POST");
        this.logins = logins;
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        long id;
        try {
            id = Long.parseLong(request.pathParameter());
        } catch (NumberFormatException e) {
            throw ApiException.notFound(); // Django's <int:pk> converter matches digits only
        }
        logins.disconnect(request.user().id(), id);
        return ApiResponse.ok(new JsonObject());
    }
}
