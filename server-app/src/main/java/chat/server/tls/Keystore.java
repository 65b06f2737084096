package chat.server.tls;

import java.nio.file.Path;

/** A PKCS12 keystore file, the password that opens it, and whether this start made it. */
record Keystore(Path file, char[] password, boolean madeNow) {}
