package dev.restauth.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import dev.restauth.error.ApiException;
import dev.restauth.text.Messages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Reads a request body the way Django REST framework's default parsers do: JSON,
 * {@code application/x-www-form-urlencoded} and {@code multipart/form-data}. A request without a body is an empty
 * object whatever its Content-Type; any other media type is 415; a body over the limit is 413.
 *
 * <p>The result is the parsed JSON value: usually an object, but a client may send an array or a scalar, which the
 * serializer then refuses in DRF's words. Form fields become string members (the last value of a repeated field
 * wins, as in Django's {@code QueryDict}); file parts are ignored.
 */
public final class RequestBody {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private RequestBody() {
    }

    /**
     * Parses the body of {@code request}.
     *
     * @throws ApiException 400 (unparsable), 413 (too large) or 415 (unsupported media type)
     */
    public static JsonElement parse(HttpServletRequest request, int maxBytes) {
        // The header as sent: the container's getContentType() throws an unchecked exception for an unknown charset.
        String contentType = request.getHeader("Content-Type");
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw ApiException.payloadTooLarge(maxBytes);
        }
        String mediaType = mediaType(contentType);
        if (MULTIPART.equals(mediaType)) {
            charset(contentType); // refuses an unknown charset before the container trips over it
            return declared == 0 ? new JsonObject() : multipart(request);
        }
        byte[] bytes = read(request, maxBytes);
        if (bytes.length == 0) {
            return new JsonObject();
        }
        if (JSON.equals(mediaType)) {
            return json(bytes, charset(contentType));
        }
        if (FORM.equals(mediaType)) {
            return form(new String(bytes, StandardCharsets.ISO_8859_1), charset(contentType));
        }
        throw ApiException.unsupportedMediaType(contentType == null ? "" : contentType);
    }

    private static JsonElement json(byte[] bytes, Charset charset) {
        try {
            return Json.parse(text(bytes, charset));
        } catch (JsonParseException e) {
            throw ApiException.parseError(Messages.get("error.json_parse", e.getMessage()));
        }
    }

    /**
     * The body as text, as DRF decodes it: bytes that are not in {@code charset} are an error (naming the first), not
     * replaced, so what a serializer sees is what the client sent.
     */
    private static String text(byte[] bytes, Charset charset) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            int at = in.position();
            throw new JsonParseException(String.format(Locale.ROOT, "Invalid %s data: byte 0x%02x at position %d",
                    charset.name(), bytes[Math.min(at, bytes.length - 1)] & 0xff, at));
        }
    }

    private static JsonObject form(String body, Charset charset) {
        JsonObject fields = new JsonObject();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                fields.addProperty(decode(name, charset), decode(value, charset));
            } catch (IllegalArgumentException e) {
                throw ApiException.parseError(Messages.get("error.form_parse", "malformed percent-encoding"));
            }
        }
        return fields;
    }

    private static String decode(String text, Charset charset) {
        // The body was read as ISO-8859-1 (one char per byte) so percent-escapes decode to bytes in `charset`.
        String bytesAsText = URLDecoder.decode(text, StandardCharsets.ISO_8859_1);
        return new String(bytesAsText.getBytes(StandardCharsets.ISO_8859_1), charset);
    }

    private static JsonObject multipart(HttpServletRequest request) {
        JsonObject fields = new JsonObject();
        try {
            for (Part part : request.getParts()) {
                if (part.getSubmittedFileName() != null) {
                    continue;
                }
                try (InputStream in = part.getInputStream()) {
                    fields.addProperty(part.getName(), new String(in.readAllBytes(), charset(part.getContentType())));
                }
            }
        } catch (IllegalStateException e) {
            // The container enforces the multipart size limits it was configured with.
            throw ApiException.parseError(Messages.get("error.multipart_parse", "request too large"));
        } catch (IOException | ServletException e) {
            throw ApiException.parseErrorClosingConnection(
                    Messages.get("error.multipart_parse", "malformed multipart body"));
        }
        return fields;
    }

    private static byte[] read(HttpServletRequest request, int maxBytes) {
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw ApiException.payloadTooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // The client went away or sent less than it announced: its fault, not the server's.
            throw ApiException.parseError(Messages.get("error.body_incomplete"));
        }
    }

    /**
     * Reads and drops what is left of a body nobody parsed (an endpoint that ignores its body, a 415), so the
     * connection can carry the next request. Reads at most {@code maxBytes}, the same bound as {@link #parse}.
     *
     * @return false when the connection cannot carry another request: the body is over {@code maxBytes}, or it
     *         cannot be read (the client went away)
     */
    public static boolean drain(HttpServletRequest request, int maxBytes) {
        if (!hasContent(request)) {
            return true;
        }
        if (request.getContentLengthLong() > maxBytes) {
            return false;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * Whether the request carries a body at all: a positive {@code Content-Length}, or chunked transfer coding. A
     * request without one leaves its connection ready for the next request whether or not the body is read.
     */
    public static boolean hasContent(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        return declared > 0 || (declared < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    /** The media type without parameters, lower-cased; null when there is no Content-Type. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        throw ApiException.parseError(Messages.get("error.charset", pair[1].strip()));
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
