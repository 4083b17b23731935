package dev.restauth.hostile;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Requests written byte for byte on a socket, for what an HTTP client would normalise or refuse to send (encoded
 * dots and slashes, broken headers, a missing Host). Every read is bounded, so a server that does not answer fails
 * the test instead of hanging it.
 */
final class RawHttp {
    /** The longest a test waits for an answer it expects. */
    static final int ANSWER_TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** An answer as received: the status, the headers by lower-cased name, the body as text. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /** Sends {@code request} as ISO-8859-1 bytes on a new connection and reads the answer until the server closes. */
    static Answer exchange(int port, String request) {
        return exchange(port, request.getBytes(ISO_8859_1));
    }

    static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one answer: status line, headers, and a body of its Content-Length, or up to the end of the stream
     * without one. An interim {@code 100 Continue} before it is skipped.
     */
    static Answer read(InputStream in) throws IOException {
        while (true) {
            String head = head(in);
            int status = Integer.parseInt(head.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            String[] lines = head.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            if (status == 100) {
                continue;
            }
            String length = headers.get("content-length");
            byte[] body = length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes();
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    /** Whether the server closed the connection without answering, within the answer timeout. */
    static boolean closedWithoutAnswer(Socket socket) throws IOException {
        socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true; // closed with unread request bytes: the peer resets
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.size() + " bytes: " + head.toString(ISO_8859_1));
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }
}
