package chat.client.ui;

import chat.protocol.Names;
import java.awt.Component;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

/** Who is in the current room, each nick in its colour; a double click starts a whisper. */
final class MemberListView extends JList<String> {

    private final DefaultListModel<String> items = new DefaultListModel<>();

    MemberListView(Supplier<Theme> theme, Supplier<String> ownNick, Consumer<String> whisperTo) {
        setName("members");
        setModel(items);
        setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean isSelected,
                    boolean cellHasFocus) {
                String nick = (String) value;
                boolean me = Names.key(nick).equals(Names.key(ownNick.get()));
                JLabel label = (JLabel) super.getListCellRendererComponent(list, me ? nick + " (you)" : nick, index,
                        isSelected, cellHasFocus);
                label.setBorder(BorderFactory.createEmptyBorder(3, 10, 3, 10));
                if (!isSelected) {
                    label.setForeground(NickColors.of(nick, theme.get()));
                }
                return label;
            }
        });
        addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent event) {
                if (event.getClickCount() == 2 && getSelectedValue() != null) {
                    whisperTo.accept(getSelectedValue());
                }
            }
        });
    }

    void show(List<String> members) {
        items.clear();
        members.forEach(items::addElement);
    }
}
