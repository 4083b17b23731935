package dev.restauth.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A write load of a few client threads, each repeating one kind of request until told to stop or until a request
 * gets no answer (the server was killed). A client records a write only once its answer arrived (an
 * acknowledgement); the one request the server never answered is not an acknowledgement, whatever became of it.
 */
final class Acknowledged {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();

    /** One client: {@code step} runs again and again, its number counting up from 0, until {@link #stop}. */
    @FunctionalInterface
    interface Step {
        void run(int n) throws Exception;
    }

    /** Starts a client thread. */
    void client(String name, Step step) {
        Thread thread = new Thread(() -> {
            for (int n = 0; !stopping.get(); n++) {
                try {
                    step.run(n);
                } catch (java.io.IOException unanswered) {
                    return; // the server is gone: this request was not acknowledged, and no other is sent
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    return;
                }
            }
        }, name);
        threads.add(thread);
        thread.start();
    }

    /** Stops every client and waits for them; failures of the clients themselves (not of requests) are thrown. */
    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                AssertionError error = new AssertionError("a client failed", failures.get(0));
                failures.stream().skip(1).forEach(error::addSuppressed);
                throw error;
            }
        }
    }

    /** Runs {@code action} on each element of a snapshot of {@code list}, which clients may still append to. */
    static <T> void forEach(List<T> list, Consumer<T> action) {
        List<T> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        copy.forEach(action);
    }
}
