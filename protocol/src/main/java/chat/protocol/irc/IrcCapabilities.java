package chat.protocol.irc;

import java.util.EnumSet;
import java.util.Set;

/** The capabilities one client has enabled: an immutable value, replaced whole by {@code CAP REQ}. */
record IrcCapabilities(Set<IrcCapability> enabled) {

    static final IrcCapabilities NONE = new IrcCapabilities(IrcCapability.none());

    IrcCapabilities {
        enabled = enabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabled));
    }

    boolean has(IrcCapability capability) {
        return enabled.contains(capability);
    }

    IrcCapabilities with(IrcCapability capability, boolean on) {
        EnumSet<IrcCapability> changed = enabled.isEmpty() ? IrcCapability.none() : EnumSet.copyOf(enabled);
        if (on) {
            changed.add(capability);
        } else {
            changed.remove(capability);
        }
        return new IrcCapabilities(changed);
    }

    /**
     * A number from 0 to 2^n - 1 that tells apart every combination of the n capabilities that
     * shape events: the index of its shared encoder.
     */
    int index() {
        int index = 0;
        for (IrcCapability capability : enabled) {
            if (capability.shapesEvents()) {
                index |= 1 << capability.ordinal();
            }
        }
        return index;
    }

    /** The names, as {@code CAP LIST} shows them. */
    String names() {
        StringBuilder names = new StringBuilder();
        for (IrcCapability capability : IrcCapability.values()) {
            if (has(capability)) {
                names.append(names.length() == 0 ? "" : " ").append(capability.wire());
            }
        }
        return names.toString();
    }
}
