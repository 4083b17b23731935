package dev.restauth.endpoint.registration;

import com.google.gson.JsonObject;

import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;

/**
 * {@code GET /registration/account-confirm-email/<key>/}: the link in the confirmation mail, when it points at the
 * API itself (set {@code email_confirmation_url} to point it at your app instead). A GET confirms nothing, since
 * mail scanners follow links, so the answer tells the client how to confirm: POST the key to {@code verify-email/}.
 */
public class ConfirmEmailLinkServlet extends ApiServlet {
    public ConfirmEmailLinkServlet() {
        super(Access.ANYONE, "GET");
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        String verifyPath = request.apiPath() + "/registration/verify-email/";
        JsonObject body = new JsonObject();
        body.addProperty("detail", Messages.get("registration.confirm_by_post", verifyPath));
        body.addProperty("key", request.pathParameter());
        return ApiResponse.ok(body);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("registration").get(Operation.of("The confirmation mail's link: says how to confirm")
                .answers(200, "How to confirm: POST the key to verify-email/.", Schema.object()
                        .field("detail", Schema.string()).field("key", Schema.string()).build()));
    }
}
