package dev.restauth.social;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.http.HTTPRequestSender;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPRequest;
import com.nimbusds.oauth2.sdk.http.ReadOnlyHTTPResponse;

import dev.restauth.error.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Every request restauth sends to a social provider: the Nimbus SDK's messages (token, UserInfo and discovery
 * requests) go through it as their {@link HTTPRequestSender}, and the ID token validators fetch the provider's keys
 * through it as their {@link ResourceRetriever}.
 *
 * <p>Each exchange is bounded as a whole, not just per read: the connection must be accepted within the connect
 * timeout and the complete answer must arrive within the read timeout after that, or the request is abandoned with a
 * {@link ProviderUnavailableException} and the request thread moves on. Answers over {@link #MAX_ANSWER_BYTES} are
 * refused, and redirects are not followed. Nothing here logs a request: URLs and bodies carry tokens and secrets.
 * Thread-safe; one instance serves every provider.
 */
public final class ProviderHttp implements HTTPRequestSender, ResourceRetriever {
    /** The largest answer read from a provider; profiles, token answers, metadata and key sets are far smaller. */
    public static final int MAX_ANSWER_BYTES = 1 << 20;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;
    private final Duration deadline;

    /**
     * @param connectTimeout how long a provider may take to accept a connection
     * @param readTimeout    how long it may then take to send its complete answer
     */
    public ProviderHttp(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
        this.deadline = connectTimeout.plus(readTimeout);
    }

    /**
     * Sends a Nimbus request to a provider and returns its answer, whatever its status.
     *
     * @throws ApiException 502 or 504 when the provider gave no answer
     */
    public HTTPResponse call(String providerId, HTTPRequest request) {
        try {
            return request.send(this);
        } catch (ProviderUnavailableException e) {
            throw ProviderErrors.unavailable(providerId, e);
        } catch (IOException e) {
            // Only this sender does I/O, and it throws nothing else; kept for the compiler.
            throw ProviderErrors.unavailable(providerId, new ProviderUnavailableException(
                    "failed: " + e.getClass().getSimpleName(), false));
        }
    }

    @Override
    public ReadOnlyHTTPResponse send(ReadOnlyHTTPRequest request) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getURI()).timeout(readTimeout);
        try {
            request.getHeaderMap().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        } catch (IllegalArgumentException e) {
            // A header carrying a client's token with a line break or control character: no provider issued that.
            throw ProviderErrors.incorrectValue();
        }
        String body = request.getBody();
        builder.method(request.getMethod().name(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> answer = exchange(builder.build());
        HTTPResponse response = new HTTPResponse(answer.statusCode());
        answer.headers().map().forEach((name, values) -> response.setHeader(name, values.toArray(new String[0])));
        response.setBody(new String(answer.body(), StandardCharsets.UTF_8));
        return response;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new ProviderUnavailableException("malformed key set URL", false);
        }
        HttpResponse<byte[]> answer = exchange(HttpRequest.newBuilder(uri).timeout(readTimeout)
                .header("Accept", "application/json").GET().build());
        if (answer.statusCode() != 200) {
            throw new ProviderUnavailableException(uri.getHost() + " answered " + answer.statusCode()
                    + " for its key set", false);
        }
        return new Resource(new String(answer.body(), StandardCharsets.UTF_8),
                answer.headers().firstValue("Content-Type").orElse(null));
    }

    /** Sends a request and waits for the complete answer, at most the connect plus the read timeout. */
    private HttpResponse<byte[]> exchange(HttpRequest request) throws ProviderUnavailableException {
        String host = request.uri().getHost();
        CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(request, info -> new LimitedBody(MAX_ANSWER_BYTES));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new ProviderUnavailableException(host + " did not answer within " + deadline.toSeconds() + " s",
                    true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            boolean timedOut = cause instanceof HttpTimeoutException;
            String what = cause instanceof ConnectException ? "refused the connection"
                    : timedOut ? "did not answer in time" : "failed: " + cause.getClass().getSimpleName();
            throw new ProviderUnavailableException(host + " " + what, timedOut);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(host + ": interrupted while waiting", false);
        }
    }

    /** Collects an answer's body, refusing (and abandoning) one larger than its limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("answer larger than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
