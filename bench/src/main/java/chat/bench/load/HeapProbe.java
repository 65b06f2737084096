package chat.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks into the server's JVM through {@code jcmd}: the live heap (full collections through
 * {@code GC.run}, then the used size from {@code GC.heap_info}), a class histogram, and JFR
 * recordings of chosen phases. No JMX agent in the server under test.
 */
final class HeapProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** A second collection finishes what the first left to reference processing. */
    private static final int COLLECTIONS = 2;
    private static final long BYTES_PER_KIB = 1024;
    private static final int HISTOGRAM_HEADER_LINES = 3;
    private static final String RECORDING = "bench";

    private HeapProbe() {}

    static long liveHeapBytes(long pid) throws IOException, InterruptedException {
        for (int round = 0; round < COLLECTIONS; round++) {
            jcmd(pid, "GC.run");
        }
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IOException("no heap size in jcmd output: " + info);
        }
        return Long.parseLong(used.group(1)) * BYTES_PER_KIB;
    }

    /** The classes holding the most live heap, as {@code jcmd PID GC.class_histogram} prints them. */
    static String classHistogram(long pid, int classes) throws IOException, InterruptedException {
        String[] lines = jcmd(pid, "GC.class_histogram").split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, classes + HISTOGRAM_HEADER_LINES))) + "\n";
    }

    /** Starts a JFR recording with the profiling settings in the other JVM. */
    static void startRecording(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}. */
    static void stopRecording(long pid, String file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + RECORDING, "filename=" + file);
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of("jcmd", Long.toString(pid)));
        line.addAll(java.util.List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
