package dev.restauth.endpoint.passkeys;

import com.google.gson.JsonArray;

import dev.restauth.account.ListPasskeys;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasskeySerializer;
import dev.restauth.user.Passkey;

/**
 * {@code GET /passkeys/}: dj-rest-auth's {@code PasskeyListView}, for authenticated users: the user's passkeys,
 * newest first, unpaginated, as {@code PASSKEY_LIST_SERIALIZER} renders them.
 */
public class PasskeyListServlet extends ApiServlet {
    private final PasskeySerializer serializer;
    private final ListPasskeys list;

    public PasskeyListServlet(PasskeySerializer serializer, ListPasskeys list) {
        super(Access.AUTHENTICATED, "GET");
        this.serializer = serializer;
        this.list = list;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        JsonArray body = new JsonArray();
        for (Passkey passkey : list.run(request.user().id())) {
            body.add(serializer.render(passkey));
        }
        return ApiResponse.ok(body);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("passkeys").get(Operation.of("The user's passkeys")
                .answers(200, "The passkeys, newest first.", Schema.arrayOf(serializer.schema())));
    }
}
