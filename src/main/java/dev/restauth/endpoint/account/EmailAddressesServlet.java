package dev.restauth.endpoint.account;

import dev.restauth.account.AddEmailAddress;
import dev.restauth.account.ListEmailAddresses;
import dev.restauth.account.MakeEmailPrimary;
import dev.restauth.account.RemoveEmailAddress;
import dev.restauth.account.ResendAddressConfirmation;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.http.LinkTemplate;
import dev.restauth.serializer.CharField;
import dev.restauth.serializer.Fields;
import dev.restauth.text.Messages;
import dev.restauth.user.EmailAddress;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * {@code /emails/}, for authenticated users: the account's e-mail addresses as allauth headless lists them,
 * {@code [{"email", "verified", "primary"}, ...]}, oldest first. Every body is {@code {"email": "..."}}:
 * <ul>
 * <li>GET: the list;</li>
 * <li>POST adds the address and mails its confirmation link (answer: the list); needs a recent
 * {@code reauthenticate/};</li>
 * <li>PUT mails the confirmation link of an unconfirmed address again ({@code {"detail": "ok"}}; 429 too soon);</li>
 * <li>PATCH {@code {"email", "primary": true}} makes a confirmed address the primary one (the list); needs a recent
 * re-authentication;</li>
 * <li>DELETE removes an address, never the primary or the last confirmed one (the list); needs a recent
 * re-authentication.</li>
 * </ul>
 * Without the re-authentication: 401 {@code {"detail": "Reauthentication required.", "code":
 * "reauthentication_required"}}. Refusals name the field: {@code {"email": ["..."]}}.
 */
public class EmailAddressesServlet extends ApiServlet {
    private static final CharField EMAIL = CharField.required().email().maxLength(254);

    private final ListEmailAddresses list;
    private final AddEmailAddress add;
    private final ResendAddressConfirmation resend;
    private final MakeEmailPrimary makePrimary;
    private final RemoveEmailAddress remove;
    private final LinkTemplate links;

    public EmailAddressesServlet(ListEmailAddresses list, AddEmailAddress add, ResendAddressConfirmation resend,
                                 MakeEmailPrimary makePrimary, RemoveEmailAddress remove, LinkTemplate links) {
        super(Access.AUTHENTICATED, "GET", "POST", "PUT", "PATCH", "DELETE");
        this.list = list;
        this.add = add;
        this.resend = resend;
        this.makePrimary = makePrimary;
        this.remove = remove;
        this.links = links;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        return render(list.run(request.user().id()));
    }

    @Override
    protected ApiResponse post(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        String email = email(request.data(), false);
        return render(add.run(request.identity().orElseThrow(), request.client(), email,
                key -> link.expand(Map.of("key", key))));
    }

    @Override
    protected ApiResponse put(ApiRequest request) {
        LinkTemplate.Bound link = links.bind(request);
        String email = email(request.data(), false);
        resend.run(request.user(), request.client(), email, key -> link.expand(Map.of("key", key)));
        return ApiResponse.detail(Messages.get("registration.ok"));
    }

    @Override
    protected ApiResponse patch(ApiRequest request) {
        String email = email(request.data(), true);
        return render(makePrimary.run(request.identity().orElseThrow(), request.client(), email));
    }

    @Override
    protected ApiResponse delete(ApiRequest request) {
        String email = email(request.data(), false);
        return render(remove.run(request.identity().orElseThrow(), request.client(), email));
    }

    /** The body's address; with {@code primary}, the body must also say {@code "primary": true}. */
    private static String email(JsonObject data, boolean primary) {
        Fields fields = new Fields(data);
        String email = fields.text("email", EMAIL);
        if (primary) {
            JsonElement flag = data.get("primary");
            if (flag == null) {
                fields.reject("primary", Messages.get("field.required"));
            } else if (!flag.isJsonPrimitive() || !flag.getAsJsonPrimitive().isBoolean() || !flag.getAsBoolean()) {
                fields.reject("primary", Messages.get("emails.primary_true"));
            }
        }
        fields.throwIfInvalid();
        return email;
    }

    private static ApiResponse render(List<EmailAddress> addresses) {
        JsonArray items = new JsonArray();
        for (EmailAddress address : addresses) {
            JsonObject item = new JsonObject();
            item.addProperty("email", address.email());
            item.addProperty("verified", address.verified());
            item.addProperty("primary", address.primary());
            items.add(item);
        }
        return ApiResponse.ok(items);
    }

    @Override
    public EndpointDoc describe() {
        JsonObject list = Schema.arrayOf(Schema.object().field("email", Schema.string("email"))
                .field("verified", Schema.bool()).field("primary", Schema.bool()).build());
        JsonObject address = Schema.object().field("email", Schema.string("email")).build();
        String reauthenticate = "Needs a recent `reauthenticate/`, else 401 `reauthentication_required`.";
        return EndpointDoc.of("account")
                .get(Operation.of("The user's e-mail addresses").answers(200, "The addresses, oldest first.", list))
                .post(Operation.of("Add an address and mail its confirmation link").description(reauthenticate)
                        .body(address).answers(200, "The addresses.", list).invalid("Field errors."))
                .put(Operation.of("Mail an unconfirmed address's confirmation link again").body(address)
                        .answers(200, "Sent.", Schema.detail()).invalid("Field errors.").throttled())
                .patch(Operation.of("Make a confirmed address the primary one").description(reauthenticate)
                        .body(Schema.object().field("email", Schema.string("email"))
                                .field("primary", Schema.bool()).build())
                        .answers(200, "The addresses.", list).invalid("Field errors."))
                .delete(Operation.of("Remove an address (never the primary or the last confirmed one)")
                        .description(reauthenticate).body(address)
                        .answers(200, "The addresses left.", list).invalid("Field errors."));
    }
}
