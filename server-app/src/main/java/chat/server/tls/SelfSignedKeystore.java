package chat.server.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The server's own certificate, for when the operator names none: made by the JDK's keytool on
 * first start (the JDK has no public API that makes a certificate) and kept with the keystore's
 * random password beside it, in a directory only the server's user may enter. Every later start,
 * and every server started in the same directory, presents the same certificate, so the
 * fingerprint people were told stays true.
 */
final class SelfSignedKeystore {

    private static final String KEYSTORE = "keystore.p12";
    private static final String PASSWORD = "keystore.password";
    /** Held while a server looks for the keystore and makes it: two servers starting at once make one. */
    private static final String LOCK = ".lock";
    /** Written first and renamed when complete, so a start that dies half-way leaves no keystore to trust. */
    private static final String PENDING = KEYSTORE + ".new";
    private static final String OWNER_ONLY_DIR = "rwx------";
    private static final String OWNER_ONLY_FILE = "rw-------";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    /**
     * The longest validity Apple's systems accept for any TLS server certificate, a self-signed one
     * a user chose to trust included; long enough that nobody has to think about it for two years.
     */
    private static final int VALIDITY_DAYS = 825;
    /** P-256: what every TLS client takes, and signing a handshake costs a fraction of RSA's. */
    private static final List<String> KEY = List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA");
    private static final int PASSWORD_BYTES = 32;
    /** A host name keytool takes as it is, in the name and as a DNS name: letters, digits, hyphens, dots. */
    private static final Pattern PLAIN_HOST_NAME =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);
    private static final String LOCALHOST = "localhost";

    private SelfSignedKeystore() {}

    /** The keystore in {@code dir}, made first if it is not there. Synchronized: a file lock is per process. */
    static synchronized Keystore openOrCreate(Path dir) {
        try {
            createOwnerOnlyDirectory(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly(OWNER_ONLY_FILE));
                 FileLock held = lockFile.lock()) {
                Path keystore = dir.resolve(KEYSTORE);
                boolean missing = !Files.exists(keystore);
                if (missing) {
                    create(dir);
                }
                char[] password = Files.readString(dir.resolve(PASSWORD), StandardCharsets.UTF_8).strip().toCharArray();
                return new Keystore(keystore, password, missing);
            }
        } catch (IOException e) {
            // A bare IOException is one of ours, whose message says it all; the JDK's name the file.
            String reason = e.getClass() == IOException.class ? e.getMessage() : e.toString();
            throw new TlsUnusable("cannot keep a self-signed TLS certificate in " + dir.toAbsolutePath() + ": " + reason, e);
        }
    }

    private static void create(Path dir) throws IOException {
        Path password = dir.resolve(PASSWORD);
        Files.deleteIfExists(password);
        Files.createFile(password, ownerOnly(OWNER_ONLY_FILE));
        Files.writeString(password, randomPassword(), StandardCharsets.UTF_8);
        Path pending = dir.resolve(PENDING);
        Files.deleteIfExists(pending);
        runKeytool(pending, password);
        if (POSIX) {
            Files.setPosixFilePermissions(pending, PosixFilePermissions.fromString(OWNER_ONLY_FILE));
        }
        Files.move(pending, dir.resolve(KEYSTORE), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void runKeytool(Path keystore, Path password) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new IOException(keytool + " is missing (a Java runtime without the JDK's tools); set chat.tls.keystore");
        }
        String host = hostName();
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "chat", "-dname", "CN=" + host,
                // Clients check these, not the name: localhost for trying it out, the host name for the LAN.
                "-ext", "SAN=dns:" + LOCALHOST + ",ip:127.0.0.1,ip:::1" + (host.equals(LOCALHOST) ? "" : ",dns:" + host),
                "-validity", Integer.toString(VALIDITY_DAYS),
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                // From the owner-only file, never on the command line that ps shows everyone.
                "-storepass:file", password.toString()));
        command.addAll(KEY);
        Process keytoolRun = new ProcessBuilder(command).redirectErrorStream(true).start();
        keytoolRun.getOutputStream().close();
        String output = new String(keytoolRun.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (keytoolRun.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool made the certificate", e);
        }
    }

    /** This machine's name when it is a plain DNS name; otherwise (or when the machine cannot tell) localhost. */
    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return PLAIN_HOST_NAME.matcher(name).matches() ? name : LOCALHOST;
        } catch (UnknownHostException e) {
            return LOCALHOST;
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        try {
            Files.createDirectory(absolute, ownerOnly(OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
    }

    /** On systems without POSIX permissions the files get what their directory gives. */
    private static FileAttribute<?>[] ownerOnly(String permissions) {
        return POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
