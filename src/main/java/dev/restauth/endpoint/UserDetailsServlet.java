package dev.restauth.endpoint;

import dev.restauth.account.ProfileChange;
import dev.restauth.account.UpdateProfile;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.UserDetailsSerializer;
import dev.restauth.user.User;

/**
 * {@code GET/PUT/PATCH /user/}: dj-rest-auth's {@code UserDetailsView}. Shows the authenticated user
 * ({@code pk, username, email, first_name, last_name} by default) and changes the writable fields: {@code PUT}
 * sends them all ({@code username} required), {@code PATCH} only those to change. Answers with the user as stored.
 */
public class UserDetailsServlet extends ApiServlet {
    private final UserDetailsSerializer serializer;
    private final UpdateProfile updateProfile;

    public UserDetailsServlet(UserDetailsSerializer serializer, UpdateProfile updateProfile) {
        super(Access.AUTHENTICATED, "GET", "PUT", "PATCH");
        this.serializer = serializer;
        this.updateProfile = updateProfile;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        return ApiResponse.ok(serializer.render(request.user()));
    }

    @Override
    protected ApiResponse put(ApiRequest request) {
        return update(request, false);
    }

    @Override
    protected ApiResponse patch(ApiRequest request) {
        return update(request, true);
    }

    private ApiResponse update(ApiRequest request, boolean partial) {
        User user = request.user();
        ProfileChange change = serializer.validate(request.data(), user, partial);
        return ApiResponse.ok(serializer.render(updateProfile.run(user, change)));
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("auth")
                .get(Operation.of("Show the user").answers(200, "The user.", serializer.schema()))
                .put(Operation.of("Change the user (every writable field)").body(serializer.changeSchema())
                        .answers(200, "The user as stored.", serializer.schema()).invalid("Field errors."))
                .patch(Operation.of("Change some fields of the user").body(serializer.changeSchema())
                        .answers(200, "The user as stored.", serializer.schema()).invalid("Field errors."));
    }
}
