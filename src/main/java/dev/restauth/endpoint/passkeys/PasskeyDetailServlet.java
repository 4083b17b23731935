package dev.restauth.endpoint.passkeys;

import com.google.gson.JsonObject;

import dev.restauth.account.ListPasskeys;
import dev.restauth.account.RemovePasskey;
import dev.restauth.account.RenamePasskey;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.serializer.PasskeyRemoveSerializer;
import dev.restauth.serializer.PasskeySerializer;
import dev.restauth.serializer.PasskeyUpdateSerializer;
import dev.restauth.text.Messages;

/**
 * {@code /passkeys/<id>/}: dj-rest-auth's {@code PasskeyDetailView}, for authenticated users, on their own passkeys.
 * {@code GET}: the passkey as the list shows it. {@code PATCH}/{@code PUT {"name"}}: renames it, {@code {"name":"..."}}.
 * {@code DELETE}: 204; the user's last passkey only with a current second factor in the body (see
 * {@link RemovePasskey}). Another user's or an unknown id: 404 {@code {"detail":"No WebAuthnCredential matches the
 * given query."}}; an id that is not a number: 404 {@code {"detail":"Not found."}}.
 */
public class PasskeyDetailServlet extends ApiServlet {
    private final PasskeySerializer passkeys;
    private final PasskeyUpdateSerializer update;
    private final PasskeyRemoveSerializer removal;
    private final ListPasskeys list;
    private final RenamePasskey rename;
    private final RemovePasskey remove;

    public PasskeyDetailServlet(PasskeySerializer passkeys, PasskeyUpdateSerializer update,
                                PasskeyRemoveSerializer removal, ListPasskeys list, RenamePasskey rename,
                                RemovePasskey remove) {
        super(Access.AUTHENTICATED, "GET", "PUT", "PATCH", "DELETE");
        this.passkeys = passkeys;
        this.update = update;
        this.removal = removal;
        this.list = list;
        this.rename = rename;
        this.remove = remove;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        long id = id(request);
        return ApiResponse.ok(list.run(request.user().id()).stream().filter(p -> p.id() == id).findFirst()
                .map(passkeys::render).orElseThrow(() -> ApiException.notFound(Messages.get("passkey.no_match"))));
    }

    @Override
    protected ApiResponse patch(ApiRequest request) {
        long id = id(request);
        String name = update.validate(request.data());
        rename.run(request.user().id(), id, name);
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        return ApiResponse.ok(body);
    }

    @Override
    protected ApiResponse put(ApiRequest request) {
        return patch(request);
    }

    @Override
    protected ApiResponse delete(ApiRequest request) {
        remove.run(request.user(), id(request), () -> removal.validate(request.data()), request.client());
        return ApiResponse.noContent();
    }

    /** Django's {@code <int:pk>} matches digits only. */
    private static long id(ApiRequest request) {
        String raw = request.pathParameter();
        if (raw == null || raw.isEmpty() || raw.length() > 18 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.notFound();
        }
        return Long.parseLong(raw);
    }

    @Override
    public EndpointDoc describe() {
        return EndpointDoc.of("passkeys")
                .get(Operation.of("One passkey").answers(200, "The passkey.", passkeys.schema())
                        .refuses(404, "The user has no passkey of that id."))
                .put(Operation.of("Rename a passkey").body(update.schema())
                        .answers(200, "The new name.", Schema.object().field("name", Schema.string()).build())
                        .invalid("Field errors.").refuses(404, "The user has no passkey of that id."))
                .patch(Operation.of("Rename a passkey").body(update.schema())
                        .answers(200, "The new name.", Schema.object().field("name", Schema.string()).build())
                        .invalid("Field errors.").refuses(404, "The user has no passkey of that id."))
                .delete(Operation.of("Remove a passkey")
                        .description("The user's last passkey only with a current second factor in the body.")
                        .body(removal.schema())
                        .answersNoContent("Removed.")
                        .invalid("A second factor is needed, or it was wrong.")
                        .refuses(404, "The user has no passkey of that id.")
                        .throttled());
    }
}
