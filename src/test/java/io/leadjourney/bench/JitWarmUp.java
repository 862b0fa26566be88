package io.leadjourney.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Warm-up that lasts until the JIT compiler is quiet, not for a fixed count.
 * <p>
 * On two cores the compiler competes with the code it compiles. Profiles (JFR, {@code jdk.ThreadCPULoad}) of a
 * warm-up of 1,000 single events showed the C2 compiler thread as busy as the request threads all through the
 * measurement that followed, so the figure was part JIT: on PostgreSQL, rounds of 1,000 events from 4 clients went
 * from 177/s in the first round to about 1,000/s by the 29th, the compiler busy all along. Here the warm-up repeats
 * one round of the case until the compiler spent at most {@value #QUIET_SHARE_PERCENT} % of the round's wall time
 * compiling (the JVM's {@link CompilationMXBean}, summed over the compiler threads, so one busy compiler thread is
 * 100 %), or {@value #MAX_ROUNDS} rounds or {@value #MAX_SECONDS} s have run. What it took is reported with the
 * figures. The intake, whose journey runs the most code, was still compiling after 60 rounds (140 s) on a fresh
 * H2 database and went quiet after 58 rounds after three other benchmarks; hence the time cap, not a round count
 * alone.
 */
final class JitWarmUp {

    static final int QUIET_SHARE_PERCENT = 10;
    static final int MIN_ROUNDS = 2;
    static final int MAX_ROUNDS = 150;
    static final int MAX_SECONDS = 300;

    /** How the warm-up ended: the rounds it ran and the compiler's share of the last one's wall time. */
    record Result(String what, int rounds, double compilerShare, double seconds, long codeCacheUsed,
                  long codeCacheMax) {

        boolean quiet() {
            return compilerShare * 100 <= QUIET_SHARE_PERCENT;
        }

        String describe() {
            return String.format("%s warmed up in %d rounds (%.0f s) until the JIT compiler used %.1f %% of a round%s;"
                            + " code cache %d of %d MiB", what, rounds, seconds, 100 * compilerShare,
                    quiet() ? "" : " (still compiling: not quiet within " + MAX_ROUNDS + " rounds or " + MAX_SECONDS
                            + " s)",
                    codeCacheUsed >> 20, codeCacheMax >> 20);
        }
    }

    /** One round of the case being warmed up. */
    @FunctionalInterface
    interface Round {
        void run() throws Exception;
    }

    private JitWarmUp() {
    }

    /** Runs {@code round} at least {@value #MIN_ROUNDS} times and until the compiler is quiet during one. */
    static Result untilQuiet(String what, Round round) throws Exception {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("This JVM does not report its JIT compilation time");
        }
        long started = System.nanoTime();
        double share = 1;
        int rounds = 0;
        long deadline = started + MAX_SECONDS * 1_000_000_000L;
        while (rounds < MAX_ROUNDS && (rounds < MIN_ROUNDS || System.nanoTime() < deadline)) {
            long compiledBefore = compiler.getTotalCompilationTime();
            long roundStarted = System.nanoTime();
            round.run();
            rounds++;
            double wallMillis = Math.max(1, (System.nanoTime() - roundStarted) / 1e6);
            share = (compiler.getTotalCompilationTime() - compiledBefore) / wallMillis;
            System.out.printf("JIT warm-up %s round %d: %.0f ms, compiler %.1f %%, code cache %d MiB%n", what, rounds,
                    wallMillis, 100 * share, codeCacheUsed() >> 20);
            if (rounds >= MIN_ROUNDS && share * 100 <= QUIET_SHARE_PERCENT) {
                break;
            }
        }
        Result result = new Result(what, rounds, share, (System.nanoTime() - started) / 1e9, codeCacheUsed(),
                codeCacheMax());
        System.out.println(result.describe());
        return result;
    }

    /**
     * Bytes of compiled code held now, over the code heaps. A cache near its maximum makes the JVM flush methods and
     * compile them again, which would keep the compiler busy however long the warm-up runs.
     */
    static long codeCacheUsed() {
        return codeHeaps().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    static long codeCacheMax() {
        return codeHeaps().mapToLong(pool -> Math.max(0, pool.getUsage().getMax())).sum();
    }

    private static java.util.stream.Stream<MemoryPoolMXBean> codeHeaps() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.NON_HEAP && pool.getName().startsWith("CodeHeap"));
    }
}
