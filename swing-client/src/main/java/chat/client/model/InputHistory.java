package chat.client.model;

import java.util.ArrayList;
import java.util.List;

/** The lines the user sent, for recalling with Up and Down like a shell. */
public final class InputHistory {

    private final int capacity;
    private final List<String> lines = new ArrayList<>();
    private int cursor;
    private String draft = "";

    public InputHistory(int capacity) {
        this.capacity = capacity;
    }

    public void remember(String line) {
        if (!line.isBlank() && (lines.isEmpty() || !lines.get(lines.size() - 1).equals(line))) {
            lines.add(line);
            if (lines.size() > capacity) {
                lines.remove(0);
            }
        }
        cursor = lines.size();
        draft = "";
    }

    /** The line before the one shown; {@code current} is kept as the draft when leaving it. */
    public String previous(String current) {
        if (cursor == lines.size()) {
            draft = current;
        }
        if (cursor > 0) {
            cursor--;
        }
        return lines.isEmpty() ? current : lines.get(cursor);
    }

    /** The line after the one shown, and finally the draft the user was typing. */
    public String next(String current) {
        if (cursor >= lines.size()) {
            return current;
        }
        cursor++;
        return cursor == lines.size() ? draft : lines.get(cursor);
    }
}
