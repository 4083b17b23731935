package dev.restauth.endpoint.account;

import dev.restauth.account.ListSecurityEvents;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.error.ApiException;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;
import dev.restauth.text.Messages;
import dev.restauth.user.SecurityEvent;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /security-log/?page=N}: the authenticated user's own security log, newest first, paged as DRF's
 * {@code PageNumberPagination}: {@code {"count", "next", "previous", "results": [{"id", "event", "outcome", "ip",
 * "user_agent", "detail", "created_at"}]}}. {@code next} and {@code previous} are the path with its page (no scheme
 * or host, so no {@code Host} header shapes them), or null. A page past the last, or not a number, answers 404
 * {@code {"detail": "Invalid page."}}.
 */
public class SecurityLogServlet extends ApiServlet {
    private final ListSecurityEvents listSecurityEvents;

    public SecurityLogServlet(ListSecurityEvents listSecurityEvents) {
        super(Access.AUTHENTICATED, "GET");
        this.listSecurityEvents = listSecurityEvents;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        ListSecurityEvents.Page page = listSecurityEvents.run(request.user().id(), page(request));
        String path = request.raw().getRequestURI();
        JsonObject body = new JsonObject();
        body.addProperty("count", page.count());
        body.addProperty("next", page.hasNext() ? path + "?page=" + (page.page() + 1) : null);
        body.addProperty("previous", !page.hasPrevious() ? null
                : page.page() == 2 ? path : path + "?page=" + (page.page() - 1));
        JsonArray results = new JsonArray();
        for (SecurityEvent event : page.events()) {
            results.add(render(event));
        }
        body.add("results", results);
        return ApiResponse.ok(body);
    }

    private static int page(ApiRequest request) {
        String raw = queryParameter(request.raw().getQueryString(), "page");
        if (raw == null) {
            return 1;
        }
        if (raw.isEmpty() || raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ApiException.notFound(Messages.get("pagination.invalid_page"));
        }
        return Integer.parseInt(raw);
    }

    /**
     * A parameter of the query string, read from the query string alone: the container's {@code getParameter} would
     * also parse a form body, and fail on a malformed one.
     */
    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ApiException.notFound(Messages.get("pagination.invalid_page"));
                }
            }
        }
        return null;
    }

    private static JsonObject render(SecurityEvent event) {
        JsonObject item = new JsonObject();
        item.addProperty("id", event.id());
        item.addProperty("event", event.event());
        item.addProperty("outcome", event.outcome());
        item.addProperty("ip", event.ip());
        item.addProperty("user_agent", event.userAgent());
        item.addProperty("detail", event.detail());
        item.addProperty("created_at", Times.drf(event.created()));
        return item;
    }

    @Override
    public EndpointDoc describe() {
        JsonObject event = Schema.object().field("id", Schema.integer()).field("event", Schema.string())
                .field("outcome", Schema.string()).field("ip", Schema.nullable(Schema.string()))
                .field("user_agent", Schema.nullable(Schema.string()))
                .field("detail", Schema.nullable(Schema.string()))
                .field("created_at", Schema.string("date-time")).build();
        JsonObject page = Schema.object().field("count", Schema.integer())
                .field("next", Schema.nullable(Schema.string())).field("previous", Schema.nullable(Schema.string()))
                .field("results", Schema.arrayOf(event)).build();
        return EndpointDoc.of("account").get(Operation.of("The user's security log, newest first")
                .description("Paged by `?page=N`, 50 events a page.")
                .answers(200, "One page of events.", page).refuses(404, "A page past the last, or not a number."));
    }
}
