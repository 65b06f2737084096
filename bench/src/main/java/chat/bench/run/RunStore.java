package chat.bench.run;

import java.io.IOException;
import java.util.List;

/** The store of one run of our server: fresh and its own, so that no run sees another's rooms. */
interface RunStore extends AutoCloseable {

    /** The {@code -D} options that point our server at this store. */
    List<String> serverOptions();

    /** What the store takes on disk now. */
    long bytes() throws IOException;

    /** Frees what the store holds; the server that used it has stopped. */
    @Override
    void close() throws IOException;
}
