package chat.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.OptionalLong;

/**
 * How many sessions the process can hold on its file descriptors: one per session, after those
 * already open and a reserve. Keeping sessions under it lets a full server accept and refuse
 * with {@code server-full}, instead of failing {@code accept} with "Too many open files".
 */
final class DescriptorBudget {

    private DescriptorBudget() {}

    /** Sessions that fit, or empty where the platform does not tell its descriptor limit. */
    static OptionalLong sessionsThatFit(int reserve) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof com.sun.management.UnixOperatingSystemMXBean unix)) {
            return OptionalLong.empty();
        }
        long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - reserve;
        return OptionalLong.of(Math.max(0, free));
    }
}
