package chat.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM: full collections through {@code jcmd PID GC.run}, then the used
 * size from {@code jcmd PID GC.heap_info}. No JMX agent in the server under test.
 */
final class HeapProbe {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** A second collection finishes what the first left to reference processing. */
    private static final int COLLECTIONS = 2;
    private static final long BYTES_PER_KIB = 1024;
    private static final int HISTOGRAM_HEADER_LINES = 3;

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

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output);
        }
        return output;
    }
}
