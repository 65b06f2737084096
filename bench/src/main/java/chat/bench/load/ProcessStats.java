package chat.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time, resident memory and threads of a process, read from {@code /proc/PID}. */
record ProcessStats(double cpuSeconds, long rssBytes, int threads) {

    /** Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every mainstream build. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final int UTIME_FIELD_AFTER_COMM = 11;
    private static final long BYTES_PER_KIB = 1024;

    /** Several processes as one: their CPU time, memory and threads added up. */
    static ProcessStats sum(List<ProcessStats> processes) {
        return new ProcessStats(processes.stream().mapToDouble(ProcessStats::cpuSeconds).sum(),
                processes.stream().mapToLong(ProcessStats::rssBytes).sum(),
                processes.stream().mapToInt(ProcessStats::threads).sum());
    }

    static ProcessStats of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces; the fields after its closing parenthesis are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[UTIME_FIELD_AFTER_COMM]) + Long.parseLong(fields[UTIME_FIELD_AFTER_COMM + 1]);
            long rss = 0;
            int threads = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * BYTES_PER_KIB;
                } else if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.replaceAll("\\D", ""));
                }
            }
            return new ProcessStats(ticks / TICKS_PER_SECOND, rss, threads);
        } catch (IOException | RuntimeException e) {
            return new ProcessStats(Double.NaN, 0, 0);
        }
    }
}
