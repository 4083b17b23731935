package dev.restauth.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a server on 127.0.0.1: writes a prepared request and reads the answer's
 * status, the two headers the bench looks at, and a {@code Content-Length} body (restauth and the baseline always
 * send one). Just enough for the built-in load generator and the cold-start probe, whose own start-up must not be
 * timed as the server's. Not thread-safe: one per load thread.
 */
final class HttpConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    /**
     * @param timeout how long a read may wait before {@link java.net.SocketTimeoutException}
     * @throws IOException when the connection is refused
     */
    HttpConnection(int port, Duration timeout) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** What came back. {@code close}: the server said {@code Connection: close}, so this connection is spent. */
    record Answer(int status, boolean retryAfter, boolean close) {
    }

    /** Sends {@code request} and reads the whole answer. */
    Answer exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean retryAfter = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, Math.max(colon, 0)).toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "retry-after" -> retryAfter = true;
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // not needed
                }
            }
        }
        if (length < 0 && status != 204) {
            throw new IOException("answer " + status + " without Content-Length");
        }
        for (long left = Math.max(length, 0); left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed inside the body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return new Answer(status, retryAfter, close);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
