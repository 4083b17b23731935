package dev.restauth.standalone;

import com.google.gson.JsonObject;

import dev.restauth.http.ResponseWriter;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /healthz} on the standalone server: liveness. It answers {@code 200 {"status":"ok"}} while the process
 * serves HTTP at all, and looks at nothing else: a database outage is readiness's business
 * ({@code <mount>/health/}), and restarting the process would not cure it.
 */
public final class LivenessServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("status", "ok");
        ResponseWriter.write(response, 200, Map.of(), List.of(), body, false);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("status", "ok");
        ResponseWriter.write(response, 200, Map.of(), List.of(), body, true);
    }
}
