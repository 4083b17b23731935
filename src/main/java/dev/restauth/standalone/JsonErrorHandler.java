package dev.restauth.standalone;

import com.google.gson.JsonObject;

import dev.restauth.http.ContainerErrors;
import dev.restauth.http.Json;
import dev.restauth.http.SecurityHeaders;
import dev.restauth.text.Messages;

import jakarta.servlet.RequestDispatcher;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jetty's error answers in restauth's shape: every error Jetty raises itself (a request line, header or path it
 * refuses, a path no servlet serves, an exception that escaped) is answered {@code {"detail": "..."}} as
 * {@code application/json}, for every method, never with Jetty's HTML page. Registered on the server, for what fails
 * before a request reaches a context, and on the servlet context, for what fails inside it.
 *
 * <p>The detail follows the status ({@link ContainerErrors}); a 400 is told apart by the reason Jetty gives, so a
 * client learns whether its Host header, its framing or its path was refused.
 */
public final class JsonErrorHandler extends ErrorHandler {
    /** Where Jetty's servlet layer records the reason of an error it raised. */
    private static final String SERVLET_MESSAGE = RequestDispatcher.ERROR_MESSAGE;
    /** A Content-Length a long holds. */
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = reason(request);
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refused) {
            status = refused.getCode();
            response.setStatus(status);
            if (reason == null) {
                reason = refused.getReason();
            }
        }
        if (status < 400) { // an error without a status of its own is the server's
            status = 500;
            response.setStatus(status);
        }
        JsonObject body = new JsonObject();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        body.addProperty("detail", status == 400 ? badRequest(request, reason)
                : ContainerErrors.detail(status, request.getMethod(), contentType));
        byte[] bytes = Json.bytes(body);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
        headers.put(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
        if (HttpStatus.hasNoBody(status)) {
            callback.succeeded();
            return true;
        }
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if ("HEAD".equals(request.getMethod())) {
            callback.succeeded();
        } else {
            response.write(true, ByteBuffer.wrap(bytes), callback);
        }
        return true;
    }

    private static String reason(Request request) {
        Object reason = request.getAttribute(ERROR_MESSAGE);
        if (reason == null) {
            reason = request.getAttribute(SERVLET_MESSAGE);
        }
        return reason instanceof String ? (String) reason : null;
    }

    /**
     * The detail of a 400, from what Jetty says it refused: its reason ("No Host", "Invalid Content-Length Value",
     * "Ambiguous URI path separator", ...) and the causes under it (a percent-escape that is not hexadecimal), or a
     * Content-Length header that is no length. Anything else gets DRF's "Malformed request.".
     */
    private static String badRequest(Request request, String reason) {
        StringBuilder said = new StringBuilder(reason == null ? "" : reason);
        for (Object cause = request.getAttribute(ERROR_EXCEPTION); cause instanceof Throwable;
                cause = ((Throwable) cause).getCause()) {
            said.append(' ').append(((Throwable) cause).getMessage());
        }
        String refused = said.toString().toLowerCase(Locale.ROOT);
        String length = request.getHeaders().get(HttpHeader.CONTENT_LENGTH);
        boolean contentLength = refused.contains("content-length")
                || length != null && !LENGTH.matcher(length).matches();
        boolean transferEncoding = refused.contains("transfer-encoding");
        if (contentLength && transferEncoding) {
            return Messages.get("error.content_length_and_transfer_encoding");
        }
        if (contentLength) {
            return Messages.get("error.bad_content_length");
        }
        if (transferEncoding) {
            return Messages.get("error.bad_transfer_encoding");
        }
        if (refused.contains("host") || refused.contains("authority")) {
            return Messages.get("error.invalid_host");
        }
        if (refused.contains("uri") || refused.contains("path") || refused.contains("utf-8")
                || refused.contains("fragment") || refused.contains("!hex")) {
            return Messages.get("error.bad_path");
        }
        return Messages.get("error.bad_request");
    }
}
