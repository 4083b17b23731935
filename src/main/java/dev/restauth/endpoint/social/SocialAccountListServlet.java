package dev.restauth.endpoint.social;

import com.google.gson.JsonArray;

import dev.restauth.account.ListSocialAccounts;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.SocialAccountSerializer;
import dev.restauth.user.SocialAccount;

/**
 * {@code GET /socialaccounts/}: dj-rest-auth's {@code SocialAccountListView}, for authenticated users. A list, oldest
 * first, of the user's connected accounts as the social account serializer renders them (by default
 * {@code [{"id":1,"provider":"google","uid":"...","last_login":"...Z","date_joined":"...Z"}]}).
 */
public class SocialAccountListServlet extends ApiServlet {
    private final SocialAccountSerializer serializer;
    private final ListSocialAccounts listSocialAccounts;

    public SocialAccountListServlet(SocialAccountSerializer serializer, ListSocialAccounts listSocialAccounts) {
        super(Access.AUTHENTICATED, "GET");
        this.serializer = serializer;
        this.listSocialAccounts = listSocialAccounts;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        JsonArray list = new JsonArray();
        for (SocialAccount account : listSocialAccounts.run(request.user().id())) {
            list.add(serializer.render(account));
        }
        return ApiResponse.ok(list);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("social").get(Operation.of("The user's connected social accounts")
                .answers(200, "The accounts, oldest first.", Schema.arrayOf(serializer.schema())));
    }
}
