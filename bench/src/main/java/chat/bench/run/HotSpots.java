package chat.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of our server: where the CPU samples fall (own time and time
 * including callees) and which call sites allocate the most.
 */
final class HotSpots {

    private static final int SHOWN = 25;
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    private HotSpots() {}

    static String summarise(Path recording) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> selfByPackage = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Double> allocated = new HashMap<>();
        long samples = 0;
        double allocatedTotal = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = stack.getFrames();
                if (type.equals("jdk.ExecutionSample")) {
                    samples++;
                    self.merge(method(frames.get(0)), 1L, Long::sum);
                    selfByPackage.merge(packageOf(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame frame : frames) {
                        if (seen.add(method(frame))) {
                            total.merge(method(frame), 1L, Long::sum);
                        }
                    }
                } else if (type.equals("jdk.ObjectAllocationSample")) {
                    double weight = event.getLong("weight");
                    allocatedTotal += weight;
                    String site = event.getClass("objectClass").getName() + " at " + firstOwnFrame(frames);
                    allocated.merge(site, weight, Double::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "CPU samples: %,d%n%nOwn time (top frame):%n", samples));
        top(self, samples, out);
        out.append(String.format(Locale.ROOT, "%nOwn time by package:%n"));
        top(selfByPackage, samples, out);
        out.append(String.format(Locale.ROOT, "%nTime including callees:%n"));
        top(total, samples, out);
        Map<String, Long> ours = new HashMap<>();
        total.forEach((method, count) -> {
            if (method.startsWith("chat.")) {
                ours.put(method, count);
            }
        });
        out.append(String.format(Locale.ROOT, "%nTime including callees, our own methods only:%n"));
        top(ours, samples, out);
        out.append(String.format(Locale.ROOT, "%nAllocation (sampled weight, %,.0f MiB in all), by class and first chat.* frame:%n",
                allocatedTotal / BYTES_PER_MIB));
        double allocatedAll = allocatedTotal;
        allocated.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(SHOWN)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
                        100 * entry.getValue() / allocatedAll, entry.getKey())));
        return out.toString();
    }

    private static void top(Map<String, Long> counts, long samples, StringBuilder out) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(SHOWN)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
                        100.0 * entry.getValue() / samples, entry.getKey())));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(0, dot);
    }

    private static String firstOwnFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("chat.")) {
                return method(frame) + ":" + frame.getLineNumber();
            }
        }
        return method(frames.get(0));
    }
}
