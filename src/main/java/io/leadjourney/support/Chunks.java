package io.leadjourney.support;

import java.util.ArrayList;
import java.util.List;

/** Splits long lists for {@code in (...)} queries, which databases limit in length. */
public final class Chunks {

    /** At most this many values in one {@code in (...)} list. */
    public static final int IN_LIST = 1000;

    private Chunks() {
    }

    public static <T> List<List<T>> of(List<T> values, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            chunks.add(values.subList(from, Math.min(values.size(), from + size)));
        }
        return chunks;
    }

    public static <T> List<List<T>> of(List<T> values) {
        return of(values, IN_LIST);
    }
}
