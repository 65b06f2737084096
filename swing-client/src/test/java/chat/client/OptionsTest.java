package chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void optionsNameTheServerAndNick() {
        Options options = Options.parse("--host", "chat.example", "--port", "7000", "--nick", "小明", "--theme", "Dark");

        assertThat(options).isEqualTo(new Options(Optional.of("chat.example"), Optional.of(7000), Optional.of("小明"), Optional.of("dark")));
    }

    @Test
    void nonsenseIsRefusedWithASentence() {
        assertThatThrownBy(() -> Options.parse("--port", "seventy")).hasMessage("--port takes a number from 1 to 65535, not seventy");
        assertThatThrownBy(() -> Options.parse("--nick")).hasMessageStartingWith("--nick needs a value");
        assertThatThrownBy(() -> Options.parse("--colour", "red")).hasMessageStartingWith("unknown option --colour");
    }
}
