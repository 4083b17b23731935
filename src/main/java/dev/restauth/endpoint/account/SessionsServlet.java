package dev.restauth.endpoint.account;

import dev.restauth.account.EndSessions;
import dev.restauth.account.ListSessions;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ValidationException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;
import dev.restauth.user.AccountSession;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /sessions/}, for authenticated users: every way the user is signed in, {@code [{"id", "kind", "created_at",
 * "last_seen_at", "ip", "user_agent", "is_current"}, ...]} ({@code kind}: {@code token} or {@code session};
 * {@code last_seen_at} to the minute). DELETE {@code {"sessions": [ids]}} ends those and answers the rest; ending any
 * but the current one needs a recent {@code reauthenticate/} (else 401 {@code reauthentication_required}).
 */
public class SessionsServlet extends ApiServlet {
    private final ListSessions listSessions;
    private final EndSessions endSessions;

    public SessionsServlet(ListSessions listSessions, EndSessions endSessions) {
        super(Access.AUTHENTICATED, "GET", "DELETE");
        this.listSessions = listSessions;
        this.endSessions = endSessions;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        return render(listSessions.run(request.identity().orElseThrow()));
    }

    @Override
    protected ApiResponse delete(ApiRequest request) {
        JsonElement raw = request.data().get("sessions");
        if (raw == null) {
            throw ValidationException.of("sessions", Messages.get("field.required"));
        }
        if (!raw.isJsonArray()) {
            throw ValidationException.of("sessions", Messages.get("sessions.not_a_list"));
        }
        List<String> ids = new ArrayList<>();
        for (JsonElement id : raw.getAsJsonArray()) {
            if (!id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString() || id.getAsString().length() > 64) {
                throw ValidationException.of("sessions", Messages.get("sessions.not_a_list"));
            }
            ids.add(id.getAsString());
        }
        return render(endSessions.run(request.identity().orElseThrow(), request.client(), ids));
    }

    private static ApiResponse render(List<AccountSession> sessions) {
        JsonArray items = new JsonArray();
        for (AccountSession session : sessions) {
            JsonObject item = new JsonObject();
            item.addProperty("id", session.id());
            item.addProperty("kind", session.kind());
            item.addProperty("created_at", Times.drf(session.created()));
            item.addProperty("last_seen_at", Times.drf(session.lastSeen()));
            item.addProperty("ip", session.ip());
            item.addProperty("user_agent", session.userAgent());
            item.addProperty("is_current", session.current());
            items.add(item);
        }
        return ApiResponse.ok(items);
    }

    @Override
    public EndpointDoc describe() {
        JsonObject list = Schema.arrayOf(Schema.object().field("id", Schema.string()).field("kind", Schema.string())
                .field("created_at", Schema.nullable(Schema.string("date-time")))
                .field("last_seen_at", Schema.nullable(Schema.string("date-time")))
                .field("ip", Schema.nullable(Schema.string())).field("user_agent", Schema.nullable(Schema.string()))
                .field("is_current", Schema.bool()).build());
        return EndpointDoc.of("account")
                .get(Operation.of("Every way the user is signed in").answers(200, "The sessions.", list))
                .delete(Operation.of("End some sessions")
                        .description("Ending any but the current one needs a recent `reauthenticate/`, else 401 "
                                + "`reauthentication_required`; ending the current one is a logout.")
                        .body(Schema.object().field("sessions", Schema.arrayOf(Schema.string())).build())
                        .answers(200, "The sessions left.", list).invalid("Field errors."));
    }
}
