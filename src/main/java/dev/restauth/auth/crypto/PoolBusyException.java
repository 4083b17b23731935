package dev.restauth.auth.crypto;

/**
 * Thrown by {@link HashingPool#run} when its queue is full: the server is at its hashing capacity. Callers answer
 * {@code 503 Service Unavailable} with a {@code Retry-After} header rather than wait.
 *
 * <p>Carries no stack trace: it is expected under load, where filling in traces would only add to the load.
 */
public final class PoolBusyException extends RuntimeException {
    PoolBusyException(String message) {
        super(message, null, false, false);
    }
}
