package chat.client.ui;

import chat.protocol.Names;
import chat.protocol.Role;
import java.awt.Component;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPopupMenu;

/**
 * Who is in the current room, each nick in its colour, owners (★) and ops (@) first and in bold.
 * A double click starts a whisper; a right click opens what this user may do to that member.
 */
final class MemberListView extends JList<String> {

    /** The mark before an owner's nick and an op's. */
    static final String OWNER_MARK = "\u2605 ";
    static final String OP_MARK = "@ ";

    private final DefaultListModel<String> items = new DefaultListModel<>();
    private Function<String, Role> roles = nick -> Role.MEMBER;
    private String room;

    /** {@code menuFor} gives the menu for a member, or nothing when there is none (a whisper conversation). */
    MemberListView(Supplier<Theme> theme, Supplier<String> ownNick, Consumer<String> whisperTo,
            Function<String, Optional<JPopupMenu>> menuFor) {
        setName("members");
        setModel(items);
        setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean isSelected,
                    boolean cellHasFocus) {
                String nick = (String) value;
                boolean me = Names.key(nick).equals(Names.key(ownNick.get()));
                Role role = roles.apply(nick);
                String mark = switch (role) {
                    case OWNER -> OWNER_MARK;
                    case OP -> OP_MARK;
                    case MEMBER -> "";
                };
                JLabel label = (JLabel) super.getListCellRendererComponent(list, mark + nick + (me ? " (you)" : ""), index,
                        isSelected, cellHasFocus);
                label.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
                label.setFont(list.getFont().deriveFont(role.moderates() ? Font.BOLD : Font.PLAIN));
                label.setToolTipText(role.moderates() && room != null
                        ? nick + (role == Role.OWNER ? " owns " : " is an op of ") + room : null);
                if (!isSelected) {
                    label.setForeground(NickColors.of(nick, theme.get()));
                }
                return label;
            }
        });
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent event) {
                if (event.getClickCount() == 2 && !event.isPopupTrigger() && getSelectedValue() != null) {
                    whisperTo.accept(getSelectedValue());
                }
            }

            @Override
            public void mousePressed(MouseEvent event) {
                popUp(event, menuFor);
            }

            @Override
            public void mouseReleased(MouseEvent event) {
                popUp(event, menuFor);
            }
        });
    }

    /** A right click (the popup trigger of the platform) selects the member under it and opens its menu. */
    private void popUp(MouseEvent event, Function<String, Optional<JPopupMenu>> menuFor) {
        if (!event.isPopupTrigger()) {
            return;
        }
        int index = locationToIndex(event.getPoint());
        Rectangle cell = index < 0 ? null : getCellBounds(index, index);
        if (cell == null || !cell.contains(event.getPoint())) {
            return;
        }
        setSelectedIndex(index);
        menuFor.apply(items.get(index)).ifPresent(menu -> menu.show(this, event.getX(), event.getY()));
    }

    /** Shows {@code members} of {@code room} (null for a whisper conversation), marked by {@code roleOf}. */
    void show(String room, List<String> members, Function<String, Role> roleOf) {
        this.room = room;
        this.roles = roleOf;
        items.clear();
        members.forEach(items::addElement);
    }
}
