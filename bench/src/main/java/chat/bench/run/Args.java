package chat.bench.run;

import java.util.ArrayList;
import java.util.List;

/** A load generator's command line, built up option by option. */
final class Args {

    private final List<String> args = new ArrayList<>();

    Args with(String option, Object value) {
        args.add("--" + option);
        args.add(String.valueOf(value));
        return this;
    }

    List<String> list() {
        return List.copyOf(args);
    }
}
