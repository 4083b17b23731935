package dev.restauth.http;

import com.google.gson.JsonObject;

import dev.restauth.text.Messages;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Map;

/**
 * restauth's answer to an error the server or servlet container raised instead of restauth's own code: a request line,
 * path or header it refused, a path no servlet serves, an exception that escaped. The answer has DRF's
 * {@code {"detail": "..."}} shape, chosen by the status, so whoever refused a request, its client reads JSON.
 *
 * <p>Used by the front servlet for the container's error dispatch (the WAR's {@code <error-page>}) and by the
 * standalone server's error handler. Thread-safe.
 */
public final class ContainerErrors {
    private ContainerErrors() {
    }

    /**
     * The detail for {@code status}.
     *
     * @param method      the request's method, for 405 and 501; may be null
     * @param contentType the request's Content-Type, for 415; may be null
     */
    public static String detail(int status, String method, String contentType) {
        String methodName = method == null ? "" : method;
        switch (status) {
            case 400:
                return Messages.get("error.bad_request");
            case 403:
                return Messages.get("error.permission_denied");
            case 404:
                return Messages.get("error.not_found");
            case 405:
                return Messages.get("error.method_not_allowed", methodName);
            case 406:
                return Messages.get("error.not_acceptable");
            case 408:
                return Messages.get("error.request_timeout");
            case 413:
                return Messages.get("error.request_too_large");
            case 414:
                return Messages.get("error.uri_too_long");
            case 415:
                return Messages.get("error.unsupported_media_type", contentType == null ? "" : contentType);
            case 417:
                return Messages.get("error.expectation_failed");
            case 431:
                return Messages.get("error.headers_too_large");
            case 501:
                return Messages.get("error.unknown_method", methodName);
            case 503:
                return Messages.get("error.unavailable");
            case 505:
                return Messages.get("error.http_version");
            default:
                return Messages.get(status < 500 ? "error.bad_request" : "error.server");
        }
    }

    /** The answer to {@code status}: its detail, and no headers beyond those every answer has. */
    private static ErrorAnswer answer(int status, String detail) {
        JsonObject body = new JsonObject();
        body.addProperty("detail", detail);
        return new ErrorAnswer(status, Map.of(), body);
    }

    /**
     * The answer to the container's error dispatch of {@code request}: the status the container recorded (500 when
     * it recorded none, as for an escaped exception).
     */
    public static ErrorAnswer forErrorDispatch(HttpServletRequest request) {
        Object recorded = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = recorded instanceof Integer && (Integer) recorded >= 400 ? (Integer) recorded : 500;
        return answer(status, detail(status, request.getMethod(), request.getHeader("Content-Type")));
    }
}
