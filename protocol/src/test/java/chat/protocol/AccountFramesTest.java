package chat.protocol;

import static chat.protocol.Wire.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The frames of accounts, both ways, and a password that never shows. */
class AccountFramesTest {

    private final FrameCodec codec = new FrameCodec();

    private Decoded decoded(String singleQuoted) {
        return codec.decodeRequest(line(singleQuoted));
    }

    private String encoded(ServerFrame frame) {
        return new String(codec.encode(frame), StandardCharsets.UTF_8);
    }

    @Test
    void aHelloWithAPasswordLogsInAndOneWithoutIsAGuest() {
        assertThat(decoded("{'type':'hello','nick':'alice','password':'correct horse'}")).isEqualTo(new Decoded.Request(
                new ClientFrame.Hello(null, "alice", null, null, new Secret("correct horse"))));
        assertThat(((ClientFrame.Hello) ((Decoded.Request) decoded("{'type':'hello','nick':'bob'}")).frame()).password())
                .isNull();
    }

    @Test
    void registerAndPasswordCarryTheirSecrets() {
        assertThat(decoded("{'type':'register','password':'correct horse','id':'r1'}"))
                .isEqualTo(new Decoded.Request(new ClientFrame.Register("r1", new Secret("correct horse"))));
        assertThat(decoded("{'type':'password','old':'correct horse','new':'battery staple'}"))
                .isEqualTo(new Decoded.Request(new ClientFrame.ChangePassword(null, new Secret("correct horse"),
                        new Secret("battery staple"))));
    }

    @Test
    void aMissingOrNonStringPasswordIsABadRequest() {
        assertThat(decoded("{'type':'register'}")).isEqualTo(
                new Decoded.Rejected(ErrorCode.BAD_REQUEST, "field \"password\" is required", null));
        assertThat(decoded("{'type':'hello','nick':'alice','password':12345678,'id':'h'}")).isEqualTo(
                new Decoded.Rejected(ErrorCode.BAD_REQUEST, "field \"password\" must be a string", "h"));
        assertThat(decoded("{'type':'password','old':'correct horse'}")).isEqualTo(
                new Decoded.Rejected(ErrorCode.BAD_REQUEST, "field \"new\" is required", null));
    }

    @Test
    void aPasswordNeverPrintsItself() {
        ClientFrame hello = new ClientFrame.Hello(null, "alice", null, null, new Secret("correct horse"));
        assertThat(hello.toString()).doesNotContain("correct horse").contains("Secret[hidden]");
        assertThat(new ClientFrame.ChangePassword(null, new Secret("correct horse"), new Secret("battery staple")).toString())
                .doesNotContain("correct").doesNotContain("battery");
    }

    @Test
    void aPasswordIsEightTo256CharactersCountedAsPeopleCountThem() {
        assertThat(new Secret("1234567").problem()).contains("a password is 8 to 256 characters; this one has 7");
        assertThat(new Secret("密码密码密码密码").problem()).isEmpty();
        assertThat(new Secret("🔑".repeat(256)).problem()).isEmpty();
        assertThat(new Secret("🔑".repeat(257)).problem()).isPresent();
    }

    @Test
    void theServerNamesTheAccountInWelcomeAndRegistered() {
        assertThat(encoded(new ServerFrame.Welcome("alice", 1, "pekko-chat/1.0", 30, "hi", "alice", "h1"))).isEqualTo(
                "{\"type\":\"welcome\",\"nick\":\"alice\",\"protocol\":1,\"server\":\"pekko-chat/1.0\",\"heartbeat\":30,"
                        + "\"motd\":\"hi\",\"account\":\"alice\",\"re\":\"h1\"}\n");
        assertThat(encoded(new ServerFrame.Welcome("bob", 1, "pekko-chat/1.0", 30, "hi", null))).doesNotContain("account");
        assertThat(encoded(new ServerFrame.Registered("alice", "r1")))
                .isEqualTo("{\"type\":\"registered\",\"account\":\"alice\",\"re\":\"r1\"}\n");
        assertThat(encoded(new ServerFrame.PasswordChanged(null))).isEqualTo("{\"type\":\"password-changed\"}\n");
        assertThat(encoded(new ServerFrame.Error(ErrorCode.AUTH_REQUIRED, "log in", null)))
                .contains("\"code\":\"auth-required\"");
    }

    @Test
    void aClientReadsTheAccountFramesBack() throws ProtocolException {
        for (ServerFrame frame : new ServerFrame[] {
                new ServerFrame.Welcome("alice", 1, "s", 30, "m", "alice", "h"),
                new ServerFrame.Registered("alice", "r"), new ServerFrame.PasswordChanged("p"),
                new ServerFrame.Error(ErrorCode.ACCOUNT_EXISTS, "taken", null),
                new ServerFrame.Error(ErrorCode.AUTH_FAILED, "wrong", null),
                new ServerFrame.Error(ErrorCode.BAD_PASSWORD, "short", null)}) {
            assertThat(codec.decodeServerFrame(codec.encode(frame))).isEqualTo(frame);
        }
    }
}
