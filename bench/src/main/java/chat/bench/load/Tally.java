package chat.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of things that went wrong, by what went wrong; safe to bump from any reactor. */
final class Tally {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((what, count) -> result.put(what, count.sum()));
        return result;
    }
}
