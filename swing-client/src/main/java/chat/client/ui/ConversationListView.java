package chat.client.ui;

import chat.client.model.ChatModel;
import chat.client.model.Conversation;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Font;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.ListCellRenderer;
import javax.swing.ListSelectionModel;

/** Rooms and whisper conversations on the left, each with its unread count; selecting one shows it. */
final class ConversationListView extends JList<Conversation> {

    private final DefaultListModel<Conversation> items = new DefaultListModel<>();
    private final ChatModel model;
    private boolean refreshing;

    ConversationListView(ChatModel model, Supplier<Theme> theme) {
        this.model = model;
        setName("conversations");
        setModel(items);
        setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        setCellRenderer(new Renderer(theme));
        addListSelectionListener(event -> {
            Conversation chosen = getSelectedValue();
            if (!refreshing && !event.getValueIsAdjusting() && chosen != null
                    && model.selected().map(current -> current != chosen).orElse(true)) {
                model.select(chosen.key());
            }
        });
    }

    void refresh() {
        refreshing = true;
        try {
            items.clear();
            model.conversations().forEach(items::addElement);
            model.selected().ifPresent(selected -> setSelectedValue(selected, true));
        } finally {
            refreshing = false;
        }
        repaint();
    }

    /** Moves the selection up or down the list, wrapping around; for keyboard users. */
    void step(int delta) {
        int size = items.getSize();
        if (size > 0) {
            int next = Math.floorMod(Math.max(getSelectedIndex(), 0) + delta, size);
            model.select(items.get(next).key());
        }
    }

    /** A row: the name with # for rooms and @ for people, and the badge. */
    private static final class Renderer extends JPanel implements ListCellRenderer<Conversation> {
        private final JLabel name = new JLabel();
        private final UnreadBadge badge = new UnreadBadge();
        private final Supplier<Theme> theme;

        Renderer(Supplier<Theme> theme) {
            super(new BorderLayout(8, 0));
            this.theme = theme;
            setBorder(BorderFactory.createEmptyBorder(5, 10, 5, 10));
            add(name, BorderLayout.CENTER);
            add(badge, BorderLayout.EAST);
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends Conversation> list, Conversation value, int index,
                boolean isSelected, boolean cellHasFocus) {
            name.setText(value.kind().sigil() + value.name());
            name.setFont(list.getFont().deriveFont(value.unread() > 0 ? Font.BOLD : Font.PLAIN));
            // A room this user is no longer in (kicked) is greyed until they join it again.
            name.setForeground(isSelected ? list.getSelectionForeground()
                    : value.joined() ? list.getForeground() : theme.get().palette().muted());
            badge.setFont(list.getFont().deriveFont(Font.BOLD, list.getFont().getSize2D() - 2));
            badge.show(value.unread(), value.mentioned(), theme.get());
            setBackground(isSelected ? list.getSelectionBackground() : list.getBackground());
            return this;
        }
    }
}
