package io.leadjourney.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a benchmark's clients on threads of their own, all at once, and fails if any of them failed. Unlike
 * {@link EngineBenchmark#inParallel}, which hands out indices to a pool, each client here lives for the whole case,
 * so it can hold its own kept-alive HTTP connection or database connection.
 */
final class ConcurrentClients {

    /** One client's work; {@code client} numbers them from 0. */
    interface Client {
        void run(int client) throws Exception;
    }

    private ConcurrentClients() {
    }

    /** Starts {@code count} clients, waits for all of them, and returns the wall-clock seconds they took. */
    static double run(int count, String what, Client body) throws InterruptedException {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < count; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    body.run(client);
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(failures).as(what).isEmpty();
        return seconds;
    }
}
