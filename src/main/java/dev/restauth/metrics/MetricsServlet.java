package dev.restauth.metrics;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** {@code GET /metrics} on the standalone server: {@link Metrics} in Prometheus's text format. */
public final class MetricsServlet extends HttpServlet {
    private final transient Metrics metrics;

    public MetricsServlet(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        metrics.write(text);
        response.setStatus(200);
        response.setContentType(Metrics.contentType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(text.size());
        try (OutputStream out = response.getOutputStream()) {
            text.writeTo(out);
        }
    }
}
