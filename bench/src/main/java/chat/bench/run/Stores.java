package chat.bench.run;

import java.io.IOException;
import java.nio.file.Path;

/** Hands each run of our server a fresh store of its own, in a folder under the results folder. */
final class Stores implements AutoCloseable {

    private final Path folder;

    Stores(Path folder) {
        this.folder = folder;
    }

    /** An empty store of {@code kind} for the run named {@code run} (for example {@code s2-ours}). */
    RunStore fresh(StoreKind kind, String run) throws IOException {
        return switch (kind) {
            case H2 -> H2FileStore.fresh(folder.resolve(run));
            case POSTGRES -> throw new UnsupportedOperationException("PostgreSQL comes with the next step");
        };
    }

    @Override
    public void close() {
    }
}
