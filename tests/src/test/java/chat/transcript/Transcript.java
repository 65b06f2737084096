package chat.transcript;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A parsed transcript: its file name, the server settings it asks for, its steps in order, and
 * how long the clients are watched after the last step when it says so ({@code quiet after end:}).
 */
record Transcript(String name, Config settings, List<Step> steps, Optional<Duration> quietAfterEnd) {

    Transcript {
        steps = List.copyOf(steps);
    }
}
