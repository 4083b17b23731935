package dev.restauth.standalone;

import com.google.gson.JsonObject;

import dev.restauth.config.Settings;
import dev.restauth.http.Json;
import dev.restauth.http.SecurityHeaders;
import dev.restauth.text.Messages;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a request on only once its whole body is in memory, so that a client sending its body slowly holds no request
 * thread: the body is read as it arrives, without a thread waiting for it, and the servlet then reads it from memory.
 * restauth's servlets read bodies with blocking I/O; without this, each client trickling a body would pin one of the
 * server's threads, and a few hundred of them would leave none for anyone else.
 *
 * <p>What one body may hold is bounded:
 * <ul>
 * <li>time: the body must be complete within {@code body_timeout} seconds of the end of the headers, and, once it has
 * taken {@value #RATE_GRACE_SECONDS} seconds, must have averaged {@code body_min_rate} bytes per second; otherwise
 * the answer is 408 and the connection is closed;</li>
 * <li>memory: at most {@code max_body_bytes} (and one network read) per body, and {@code body_buffer_bytes} over all
 * bodies being received; a body that would go beyond gets 503 and its connection is closed.</li>
 * </ul>
 * A body over {@code max_body_bytes}, announced or streamed, is not read further: the request goes on with the part
 * read, and reading beyond it fails, so the endpoint answers 413 (or ignores the body) exactly as it does in a
 * container. A body that fails on the way (the client went away, a malformed chunk) goes on with the part read and
 * then the failure, which the endpoint sees as a body cut short.
 *
 * <p>Thread-safe; the budget is shared by every request of the server.
 */
public final class BufferedBodyHandler extends Handler.Wrapper {
    /** Seconds a body may take before its average rate is checked: a client's first packet may be lost and resent. */
    static final int RATE_GRACE_SECONDS = 5;

    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long RATE_GRACE_NANOS = RATE_GRACE_SECONDS * NANOS_PER_SECOND;
    private static final int FIRST_BUFFER = 4096;

    private final int maxBodyBytes;
    private final int timeoutSeconds;
    private final int minRate;
    private final long budget;
    private final AtomicLong buffered = new AtomicLong();

    /** Bodies for {@code next}, with the limits {@code settings} give. */
    public BufferedBodyHandler(Handler next, Settings settings) {
        super(next);
        this.maxBodyBytes = settings.get(Settings.MAX_BODY_BYTES);
        this.timeoutSeconds = settings.get(Settings.BODY_TIMEOUT);
        this.minRate = settings.get(Settings.BODY_MIN_RATE);
        this.budget = settings.get(Settings.BODY_BUFFER_BYTES);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean hasBody = length > 0 || (length < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
        if (!hasBody || length > maxBodyBytes) {
            // Nothing to wait for, or a body the endpoint refuses, or ignores, by its announced length alone.
            return super.handle(request, response, callback);
        }
        new Arrival(request, response, callback, length).start();
        return true;
    }

    /**
     * One body on its way in. Its chunks are read by one thread at a time (the one that handles the request, then
     * those Jetty calls back when more has arrived); the check of its time limits runs on the scheduler. Whichever
     * settles it first (handing the request on, or refusing it) wins; the other stops.
     */
    private final class Arrival implements Invocable.Task {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long announced;
        private final long start = NanoTime.now();
        private final AtomicBoolean settled = new AtomicBoolean();
        private long held; // bytes counted against the server's budget; guarded by this
        private boolean released; // guarded by this
        private byte[] bytes = new byte[0];
        private volatile int received;
        private volatile Scheduler.Task check;

        Arrival(Request request, Response response, Callback callback, long announced) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.announced = announced;
        }

        void start() {
            scheduleCheck();
            read(false);
        }

        /** Jetty's call when more of the body has arrived. */
        @Override
        public void run() {
            read(true);
        }

        /** Reading and copying never block, so Jetty may call back on its selector thread. */
        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean calledBack) {
            while (true) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (!settled.get()) {
                        request.demand(this);
                    }
                    return;
                }
                if (settled.get()) {
                    chunk.release();
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (chunk.isLast()) {
                        handOn(false, chunk, calledBack);
                    } else { // the connection fell silent for the idle timeout
                        refuse(HttpStatus.REQUEST_TIMEOUT_408, Messages.get("error.body_timeout", timeoutSeconds));
                    }
                    return;
                }
                boolean kept = keep(chunk);
                boolean last = chunk.isLast();
                chunk.release();
                if (!kept) {
                    refuse(HttpStatus.SERVICE_UNAVAILABLE_503, Messages.get("error.unavailable"));
                    return;
                }
                if (last || received > maxBodyBytes) {
                    handOn(last, last ? null : overLimit(), calledBack);
                    return;
                }
                String late = lateness();
                if (late != null) {
                    refuse(HttpStatus.REQUEST_TIMEOUT_408, late);
                    return;
                }
            }
        }

        /** Copies the chunk if the server's budget has room for it. */
        private boolean keep(Content.Chunk chunk) {
            int size = chunk.remaining();
            if (size == 0) {
                return true;
            }
            if (!reserve(size)) {
                return false;
            }
            int needed = received + size;
            if (needed > bytes.length) {
                // Grown as the body arrives, never to the announced length up front: announcing costs a client nothing.
                int most = announced > 0 ? (int) announced : maxBodyBytes + 1;
                int grown = Math.min(most, Math.max(FIRST_BUFFER, 2 * bytes.length));
                bytes = Arrays.copyOf(bytes, Math.max(needed, grown));
            }
            chunk.getByteBuffer().duplicate().get(bytes, received, size);
            received = needed;
            return true;
        }

        /** Passes the request on with the body read so far, then {@code tail} (none: the body is complete). */
        private void handOn(boolean complete, Content.Chunk tail, boolean calledBack) {
            if (!settle()) {
                return;
            }
            Request arrived = new ArrivedRequest(request,
                    Content.Chunk.from(ByteBuffer.wrap(bytes, 0, received), complete), tail);
            Callback released = new Callback() {
                @Override
                public void succeeded() {
                    release();
                    forgetFailedParts();
                    callback.succeeded();
                }

                @Override
                public void failed(Throwable failure) {
                    release();
                    forgetFailedParts();
                    callback.failed(failure);
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            };
            Runnable handling = () -> {
                try {
                    if (!getHandler().handle(arrived, response, released)) {
                        Response.writeError(arrived, response, released, HttpStatus.NOT_FOUND_404);
                    }
                } catch (Throwable failure) {
                    Response.writeError(arrived, response, released, failure);
                }
            };
            if (calledBack) {
                request.getContext().execute(handling); // the servlet blocks: never on the thread that called back
            } else {
                handling.run();
            }
        }

        /**
         * Drops the record of a multipart parse that failed (a body over the limit, a malformed one), which the
         * endpoint has answered already. Jetty closes the parsed parts when the exchange completes by joining that
         * parse, and a failed one would throw out of the completion of a request handed on from here; the parser
         * released what it held when it failed.
         */
        private void forgetFailedParts() {
            String parts = MultiPartFormData.class.getName();
            if (request.getAttribute(parts) instanceof CompletableFuture<?> parse && parse.isCompletedExceptionally()) {
                request.removeAttribute(parts);
            }
        }

        /** Answers {@code {"detail": detail}} with {@code status} and closes the connection; the body stays unread. */
        private void refuse(int status, String detail) {
            if (!settle()) {
                return;
            }
            release();
            JsonObject body = new JsonObject();
            body.addProperty("detail", detail);
            byte[] json = Json.bytes(body);
            response.setStatus(status);
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.put(SecurityHeaders.CONTENT_TYPE_OPTIONS, SecurityHeaders.NOSNIFF);
            headers.put(SecurityHeaders.CACHE_CONTROL, SecurityHeaders.NO_STORE);
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            headers.put(HttpHeader.CONTENT_LENGTH, json.length);
            response.write(true, ByteBuffer.wrap(json), callback);
        }

        private boolean settle() {
            if (!settled.compareAndSet(false, true)) {
                return false;
            }
            Scheduler.Task pending = check;
            if (pending != null) {
                pending.cancel();
            }
            return true;
        }

        /** Counts {@code size} more bytes against the budget; false when it has no room, or all was released. */
        private synchronized boolean reserve(int size) {
            if (released) {
                return false;
            }
            if (buffered.addAndGet(size) > budget) {
                buffered.addAndGet(-size);
                return false;
            }
            held += size;
            return true;
        }

        /** Gives back every byte this body counted: once settled, nothing more is counted. */
        private synchronized void release() {
            released = true;
            buffered.addAndGet(-held);
            held = 0;
        }

        /** Schedules the next look at the time limits: when the body will be late if nothing more arrives. */
        private void scheduleCheck() {
            long due = timeoutSeconds * NANOS_PER_SECOND;
            if (minRate > 0) {
                due = Math.min(due, RATE_GRACE_NANOS + (long) (received * (double) NANOS_PER_SECOND / minRate));
            }
            long delay = Math.max(0, due - NanoTime.since(start)) + TimeUnit.MILLISECONDS.toNanos(1);
            check = request.getComponents().getScheduler().schedule(this::checkTime, delay, TimeUnit.NANOSECONDS);
        }

        private void checkTime() {
            if (settled.get()) {
                return;
            }
            String late = lateness();
            if (late != null) {
                refuse(HttpStatus.REQUEST_TIMEOUT_408, late);
            } else {
                scheduleCheck();
            }
        }

        /** Why the body is late (its deadline passed, or it comes too slowly), or null while it is not. */
        private String lateness() {
            long elapsed = NanoTime.since(start);
            if (elapsed >= timeoutSeconds * NANOS_PER_SECOND) {
                return Messages.get("error.body_timeout", timeoutSeconds);
            }
            if (minRate > 0 && elapsed > RATE_GRACE_NANOS
                    && received < minRate * ((elapsed - RATE_GRACE_NANOS) / (double) NANOS_PER_SECOND)) {
                return Messages.get("error.body_too_slow", minRate);
            }
            return null;
        }

        private Content.Chunk overLimit() {
            return Content.Chunk.from(new IOException("request body over " + maxBodyBytes + " bytes, not read"), true);
        }
    }

    /**
     * The request as the servlet sees it: the body from memory, then the end, or the failure that stopped the
     * reading. Its content is always available, so a read never waits.
     */
    private static final class ArrivedRequest extends Request.Wrapper {
        private Content.Chunk body;
        private final Content.Chunk tail;

        ArrivedRequest(Request request, Content.Chunk body, Content.Chunk tail) {
            super(request);
            this.body = body;
            this.tail = tail;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk next = body;
            if (next != null) {
                body = null;
                return next;
            }
            return tail != null ? tail : Content.Chunk.EOF;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }

        @Override
        public boolean consumeAvailable() {
            body = null;
            return tail == null;
        }
    }
}
