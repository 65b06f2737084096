package chat.client.model;

import chat.protocol.Names;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A room or a whisper conversation as this client shows it: transcript, members, topic, unread
 * count and how far back its history is loaded; for a room also its members' roles and its mode. Room messages are kept in {@code seq} order and
 * each is shown once, however often the server repeats it (rejoin, paging). A room's {@code seq}s
 * count within its server-side history, named by its epoch: when the epoch changes, the history
 * started over, and the lines shown so far stay above the new ones instead of swallowing them.
 *
 * <p>A conversation keeps a bounded number of lines: when new ones arrive at the bottom, the
 * oldest go, and scrolling back fetches them again from the server's history.
 */
public final class Conversation {

    /** Rooms, whispers with one person, and the place for notices while no room is open. */
    public enum Kind {
        ROOM("# "), WHISPER("@ "), SERVER("~ ");

        private final String sigil;

        Kind(String sigil) {
            this.sigil = sigil;
        }

        /** What a name is prefixed with in lists and headers. */
        public String sigil() {
            return sigil;
        }
    }

    /** The key of the one conversation of kind SERVER. */
    public static final String SERVER_KEY = "~server";

    /** Lines kept at hand: twenty pages of history, far more than a window shows. */
    public static final int KEPT_LINES = 1000;
    /** Lines kept while the user reads back in a conversation, so that what they read does not vanish under them. */
    public static final int KEPT_LINES_READING_BACK = 5 * KEPT_LINES;

    private static final Comparator<String> MEMBER_ORDER =
            Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder());

    private final Kind kind;
    private String name;
    private String topic = "";
    private final List<String> members = new ArrayList<>();
    /**
     * Owners and ops by nick key. A role stays when its holder leaves: roles belong to accounts
     * and are kept with the room, and a returning member's {@code join} does not repeat it.
     */
    private final Map<String, Role> roles = new HashMap<>();
    private RoomMode mode = RoomMode.OPEN;
    private final List<TranscriptEntry> transcript = new ArrayList<>();
    private final Set<Long> shownSeqs = new HashSet<>();
    private String epoch;
    /** Where the current history starts in the transcript: what is above belongs to an earlier one. */
    private int historyStart;
    private long newestSeq;
    private long oldestSeq;
    private boolean olderAvailable = true;
    private boolean loadingOlder;
    private boolean joined;
    private int unread;
    private boolean mentioned;
    private boolean readingBack;
    /** The first line that arrived while the user looked elsewhere; null when nothing is unread. */
    private TranscriptEntry firstUnread;
    /** Where the "new messages" marker stands while the user is here: the first line they had not read. */
    private TranscriptEntry newSince;

    Conversation(Kind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    /** The key a room is found by: rooms compare like the server compares them. */
    public static String roomKey(String room) {
        return "#" + Names.key(room);
    }

    /** The key of the whisper conversation with {@code nick}. */
    public static String whisperKey(String nick) {
        return "@" + Names.key(nick);
    }

    public String key() {
        return switch (kind) {
            case ROOM -> roomKey(name);
            case WHISPER -> whisperKey(name);
            case SERVER -> SERVER_KEY;
        };
    }

    public Kind kind() {
        return kind;
    }

    public boolean isRoom() {
        return kind == Kind.ROOM;
    }

    /** The room name or the other person's nick, spelled as the server spells it. */
    public String name() {
        return name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    public String topic() {
        return topic;
    }

    void topic(String newTopic) {
        this.topic = newTopic == null ? "" : newTopic;
    }

    /** The members, owners first, then ops, then everyone else, each group by name. */
    public List<String> members() {
        return Collections.unmodifiableList(members);
    }

    void members(List<String> nicks) {
        members.clear();
        members.addAll(nicks);
        sortMembers();
    }

    void addMember(String nick) {
        removeMember(nick);
        members.add(nick);
        sortMembers();
    }

    /** A member renamed: the role goes along with the nick. */
    void renameMember(String old, String now) {
        Role role = roles.remove(Names.key(old));
        if (role != null) {
            roles.put(Names.key(now), role);
        }
        removeMember(old);
        addMember(now);
    }

    private void sortMembers() {
        members.sort(Comparator.comparing((String nick) -> role(nick)).thenComparing(MEMBER_ORDER));
    }

    /** {@code nick}'s role in this room: {@code MEMBER} unless they are known to be an owner or op. */
    public Role role(String nick) {
        return nick == null ? Role.MEMBER : roles.getOrDefault(Names.key(nick), Role.MEMBER);
    }

    /** The roles a {@code joined} names: everybody else here is a member. */
    void roles(Map<String, Role> byNick) {
        roles.clear();
        byNick.forEach(this::role);
    }

    void role(String nick, Role role) {
        if (role == Role.MEMBER) {
            roles.remove(Names.key(nick));
        } else {
            roles.put(Names.key(nick), role);
        }
        sortMembers();
    }

    /** True when somebody in the room is known to own it. */
    public boolean hasOwner() {
        return roles.containsValue(Role.OWNER);
    }

    /**
     * True when {@code actor} may op, deop, kick or ban {@code target} here: owners and ops act
     * on people below them (the server decides; this is what the menus offer).
     */
    public boolean mayModerate(String actor, String target) {
        Role mine = role(actor);
        return mine.moderates() && mine.compareTo(role(target)) < 0;
    }

    public RoomMode mode() {
        return mode;
    }

    void mode(RoomMode newMode) {
        this.mode = newMode == null ? RoomMode.OPEN : newMode;
    }

    void removeMember(String nick) {
        String key = Names.key(nick);
        members.removeIf(member -> Names.key(member).equals(key));
    }

    public List<TranscriptEntry> transcript() {
        return Collections.unmodifiableList(transcript);
    }

    void append(TranscriptEntry entry) {
        transcript.add(entry);
    }

    /**
     * Puts a room message where its {@code seq} belongs.
     *
     * @return its index, or -1 when it is already shown
     */
    int insert(TranscriptEntry message) {
        long seq = message.seq();
        if (!shownSeqs.add(seq)) {
            return -1;
        }
        int index = transcript.size();
        if (seq < newestSeq) {
            while (index > historyStart && !precedes(transcript.get(index - 1), seq)) {
                index--;
            }
        }
        transcript.add(index, message);
        newestSeq = Math.max(newestSeq, seq);
        oldestSeq = oldestSeq == 0 ? seq : Math.min(oldestSeq, seq);
        return index;
    }

    /**
     * Takes the epoch of the room's history from a {@code joined}. Returns true when it names
     * another history than the one shown: the {@code seq}s seen so far mean nothing any more and
     * are forgotten, and {@link #startHistoryHere()} marks where the new history begins.
     */
    boolean adoptEpoch(String newEpoch) {
        if (newEpoch == null || newEpoch.isEmpty()) {
            return false;
        }
        boolean startedOver = epoch != null && !epoch.equals(newEpoch);
        epoch = newEpoch;
        if (startedOver) {
            shownSeqs.clear();
            newestSeq = 0;
            oldestSeq = 0;
            olderAvailable = true;
        }
        return startedOver;
    }

    /** The lines added from now on belong to the current history; those above stay where they are. */
    void startHistoryHere() {
        historyStart = transcript.size();
    }

    private static boolean precedes(TranscriptEntry entry, long seq) {
        return entry.isRoomMessage() && entry.seq() < seq;
    }

    /** The last message number shown: where a rejoin continues. 0 when none was shown. */
    public long newestSeq() {
        return newestSeq;
    }

    /** The first message number shown: where paging back continues. 0 when none was shown. */
    public long oldestSeq() {
        return oldestSeq;
    }

    public boolean olderAvailable() {
        return olderAvailable && oldestSeq > 1;
    }

    void olderAvailable(boolean available) {
        this.olderAvailable = available;
    }

    public boolean loadingOlder() {
        return loadingOlder;
    }

    void loadingOlder(boolean loading) {
        this.loadingOlder = loading;
    }

    /** True while this client is a member of the room; other conversations are always open. */
    public boolean joined() {
        return joined || kind != Kind.ROOM;
    }

    void joined(boolean isJoined) {
        this.joined = isJoined;
    }

    public int unread() {
        return unread;
    }

    /** True when an unread message mentions this user. */
    public boolean mentioned() {
        return mentioned;
    }

    void markUnread(TranscriptEntry entry, boolean mention) {
        if (unread == 0) {
            firstUnread = entry;
        }
        unread++;
        mentioned |= mention;
    }

    /** The user looks at this conversation: what was unread is read, and the marker goes where it began. */
    void markRead() {
        newSince = firstUnread;
        firstUnread = null;
        unread = 0;
        mentioned = false;
    }

    /** The first line that was new when the user came here, for the "new messages" marker; null for none. */
    public TranscriptEntry newSince() {
        return newSince;
    }

    public boolean readingBack() {
        return readingBack;
    }

    void readingBack(boolean reading) {
        this.readingBack = reading;
    }

    /**
     * Drops the oldest lines beyond what this conversation keeps; their messages come back
     * through history when the user scrolls back to them.
     *
     * @return how many lines were dropped
     */
    int trim() {
        int excess = transcript.size() - (readingBack ? KEPT_LINES_READING_BACK : KEPT_LINES);
        if (excess <= 0) {
            return 0;
        }
        List<TranscriptEntry> dropped = transcript.subList(0, excess);
        for (int index = historyStart; index < excess; index++) {
            if (dropped.get(index).isRoomMessage()) {
                shownSeqs.remove(dropped.get(index).seq());
                olderAvailable = true;
            }
        }
        dropped.clear();
        historyStart = Math.max(0, historyStart - excess);
        oldestSeq = transcript.stream().skip(historyStart).filter(TranscriptEntry::isRoomMessage)
                .mapToLong(TranscriptEntry::seq).min()
                .orElse(newestSeq == 0 ? 0 : newestSeq + 1);
        return excess;
    }
}
