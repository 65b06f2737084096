package chat.protocol;

/**
 * A room's modes: {@code invite}-only rooms let in only the invited (and their owners and ops),
 * in {@code moderated} ones only owners and ops speak, {@code secret} ones are hidden from
 * everyone outside them.
 */
public record RoomMode(boolean invite, boolean moderated, boolean secret) {

    public static final RoomMode OPEN = new RoomMode(false, false, false);

    /** This mode with each non-null flag of a request applied. */
    public RoomMode with(Boolean invite, Boolean moderated, Boolean secret) {
        return new RoomMode(invite == null ? this.invite : invite, moderated == null ? this.moderated : moderated,
                secret == null ? this.secret : secret);
    }

    public boolean isOpen() {
        return equals(OPEN);
    }
}
