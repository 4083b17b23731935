package dev.restauth.endpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.account.CheckReadiness;
import dev.restauth.apidoc.EndpointDoc;
import dev.restauth.apidoc.Operation;
import dev.restauth.apidoc.Schema;
import dev.restauth.http.ApiRequest;
import dev.restauth.http.ApiResponse;
import dev.restauth.http.ApiServlet;

/**
 * {@code GET /health/}: readiness, for a load balancer or an orchestrator (restauth's own). 200 when the database
 * answers, the migrations are current and the outbox's backlog is within {@code health_outbox_backlog}; 503 otherwise,
 * with the same body naming what failed: {@code {"status":"ok","database":"ok","migrations":{"pending":[]},
 * "outbox":{"waiting":0,"oldest_seconds":null}}}. Reads no credentials.
 */
public class HealthServlet extends ApiServlet {
    private final CheckReadiness checkReadiness;

    public HealthServlet(CheckReadiness checkReadiness) {
        super(Access.PUBLIC, "GET");
        this.checkReadiness = checkReadiness;
    }

    @Override
    protected ApiResponse get(ApiRequest request) {
        CheckReadiness.Readiness readiness = checkReadiness.run();
        JsonObject body = new JsonObject();
        body.addProperty("status", readiness.ready() ? "ok" : "unavailable");
        body.addProperty("database", readiness.database() ? "ok" : "unreachable");
        JsonObject migrations = new JsonObject();
        JsonArray pending = new JsonArray();
        readiness.pendingMigrations().forEach(pending::add);
        migrations.add("pending", pending);
        body.add("migrations", migrations);
        JsonObject outbox = new JsonObject();
        outbox.addProperty("waiting", readiness.outboxWaiting());
        outbox.addProperty("oldest_seconds", readiness.oldestWaiting() == null ? null
                : readiness.oldestWaiting().toSeconds());
        outbox.addProperty("backlog_too_long", readiness.backlogTooLong());
        body.add("outbox", outbox);
        return readiness.ready() ? ApiResponse.ok(body) : ApiResponse.of(503, body);
    }

    @Override
    public EndpointDoc describe() {
        JsonObject body = Schema.object()
                .field("status", Schema.string())
                .field("database", Schema.string())
                .field("migrations", Schema.object().field("pending", Schema.arrayOf(Schema.string())).build())
                .field("outbox", Schema.object().field("waiting", Schema.integer())
                        .field("oldest_seconds", Schema.nullable(Schema.integer()))
                        .field("backlog_too_long", Schema.bool()).build())
                .build();
        return EndpointDoc.of("operations").get(Operation.of("Readiness: database, migrations, outbox backlog")
                .answers(200, "Ready.", body)
                .answers(503, "Not ready; the body names what failed.", body));
    }
}
