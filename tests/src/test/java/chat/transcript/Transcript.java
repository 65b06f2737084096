package chat.transcript;

import com.typesafe.config.Config;
import java.util.List;

/** A parsed transcript: its file name, the server settings it asks for and its steps in order. */
record Transcript(String name, Config settings, List<Step> steps) {

    Transcript {
        steps = List.copyOf(steps);
    }
}
