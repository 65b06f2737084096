package chat.client.ui;

import chat.client.model.AccountAnswer;
import chat.client.model.ChatClient;
import chat.client.model.ChatListener;
import chat.client.model.ChatModel;
import chat.client.model.ConnectionStatus;
import chat.client.model.Conversation;
import chat.client.model.TranscriptEntry;
import chat.protocol.Role;
import chat.protocol.RoomMode;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;
import net.miginfocom.swing.MigLayout;

/**
 * The main window: conversations on the left, the transcript in the middle, members on the right,
 * the input at the bottom. It listens to the model and sends what the user does to the client.
 */
public final class ChatWindow extends JFrame implements ChatListener {

    private static final int DEFAULT_WIDTH = 1000;
    private static final int DEFAULT_HEIGHT = 680;
    private static final int MIN_WIDTH = 640;
    private static final int MIN_HEIGHT = 420;
    /** The side panels' widths: the list of conversations, the member list, and what neither goes below. */
    private static final int CONVERSATIONS_MAX = 200;
    private static final int MEMBERS_MAX = 180;
    private static final int SIDE_MIN = 120;
    /** Narrower than this, the member list folds away. */
    private static final int MEMBERS_FROM = 860;

    private final ChatClient client;
    private final ChatModel model;
    private final Consumer<Theme> themeSwitch;
    private final ConversationListView conversations;
    private final TranscriptView transcript;
    private final MemberListView members;
    private final InputArea input;
    private final JButton send = new JButton("Send");
    private final JLabel title = new JLabel(" ");
    private final JLabel topic = new JLabel(" ");
    /** The room's modes, such as "invite-only", beside its name; empty for an open room. */
    private final JLabel roomMode = new JLabel("");
    private final JLabel membersHeading = new JLabel("MEMBERS");
    private final JLabel conversationsHeading = new JLabel("CONVERSATIONS");
    private final ConnectionBanner banner;
    private final StatusBar statusBar;
    private final JPanel left = new JPanel(new BorderLayout());
    private final JPanel right = new JPanel(new BorderLayout());
    private final JCheckBoxMenuItem darkItem = new JCheckBoxMenuItem("Dark theme");
    private final JMenuItem registerItem = new JMenuItem("Register this nick…");
    private final JMenuItem changePasswordItem = new JMenuItem("Change password…");
    private final JMenu roomMenu = new JMenu("Room");
    private final JMenuItem inviteItem = new JMenuItem("Invite someone…");
    private final JCheckBoxMenuItem inviteOnlyItem = new JCheckBoxMenuItem("Invite-only");
    private final JCheckBoxMenuItem moderatedItem = new JCheckBoxMenuItem("Moderated (only owners and ops speak)");
    private final JCheckBoxMenuItem secretItem = new JCheckBoxMenuItem("Secret (not in the list of rooms)");
    private final JMenuItem claimItem = new JMenuItem("Claim this room");
    private final JMenuItem leaveItem = new JMenuItem("Leave this room");
    /** The register or password form on screen, which the server's answer goes to. */
    private AccountDialog accountDialog;
    private final Attention attention = new Attention(this);
    private Theme theme;

    /** {@code themeSwitch} installs a theme for the whole application when the user picks one. */
    public ChatWindow(ChatClient client, Theme theme, Consumer<Theme> themeSwitch) {
        super("Chat");
        this.client = client;
        this.model = client.model();
        this.theme = theme;
        this.themeSwitch = themeSwitch;
        setName("chatWindow");
        setIconImages(AppIcon.images());
        banner = new ConnectionBanner(client, theme);
        statusBar = new StatusBar(theme);
        conversations = new ConversationListView(model, () -> this.theme);
        transcript = new TranscriptView(theme, client::loadOlder, model::readingBack);
        members = new MemberListView(() -> this.theme, model::nick, this::startWhisper, this::memberMenu);
        input = new InputArea(client::submit, client::completionNicks);
        send.setName("send");
        send.addActionListener(event -> input.getActionMap().get("send").actionPerformed(event));

        setJMenuBar(menus());
        setContentPane(layoutContent());
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent event) {
                client.quit();
            }
        });
        setMinimumSize(new Dimension(MIN_WIDTH, MIN_HEIGHT));
        setSize(DEFAULT_WIDTH, DEFAULT_HEIGHT);
        setLocationByPlatform(true);
        model.addListener(this);
        statusChanged(model.status());
        conversationsChanged();
        model.selected().ifPresent(this::selected);
    }

    /** Shows this window in {@code newTheme}; the look itself is installed by the caller. */
    public void theme(Theme newTheme) {
        theme = newTheme;
        darkItem.setSelected(newTheme.dark());
        transcript.theme(newTheme);
        banner.theme(newTheme);
        statusBar.theme(newTheme);
        styleHeadings();
        members.repaint();
        conversations.repaint();
    }

    private JComponent layoutContent() {
        left.add(heading(conversationsHeading), BorderLayout.NORTH);
        left.add(borderless(new JScrollPane(conversations)), BorderLayout.CENTER);
        left.setBorder(SeparatorBorder.right());

        right.add(heading(membersHeading), BorderLayout.NORTH);
        right.add(borderless(new JScrollPane(members)), BorderLayout.CENTER);
        right.setBorder(SeparatorBorder.left());

        title.setName("title");
        topic.setName("topic");
        roomMode.setName("roomMode");
        JPanel header = new JPanel(new MigLayout("insets 10 14 10 14, gap 12", "[][][grow]"));
        header.add(title);
        header.add(roomMode, "hidemode 3");
        header.add(topic, "growx, wmin 0");
        header.setBorder(SeparatorBorder.bottom());

        JScrollPane inputScroll = new JScrollPane(input);
        JPanel compose = new JPanel(new MigLayout("insets 8 12 8 12, gap 8", "[grow,fill][]", "[fill]"));
        compose.add(inputScroll, "hmin 44");
        compose.add(send, "aligny bottom");

        JPanel middle = new JPanel(new BorderLayout());
        JPanel top = new JPanel(new BorderLayout());
        top.add(header, BorderLayout.CENTER);
        top.add(banner, BorderLayout.SOUTH);
        middle.add(top, BorderLayout.NORTH);
        middle.add(transcript, BorderLayout.CENTER);
        middle.add(compose, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout());
        content.add(left, BorderLayout.WEST);
        content.add(middle, BorderLayout.CENTER);
        content.add(right, BorderLayout.EAST);
        content.add(statusBar, BorderLayout.SOUTH);
        content.addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent event) {
                fitSidePanels(content.getWidth());
            }
        });
        fitSidePanels(DEFAULT_WIDTH);
        styleHeadings();
        return content;
    }

    /**
     * Gives the side panels a fifth of the width each, within bounds, and folds the member list
     * away when the window is narrow: the messages keep most of a small window.
     */
    private void fitSidePanels(int width) {
        int side = Math.max(SIDE_MIN, Math.min(CONVERSATIONS_MAX, width / 5));
        left.setPreferredSize(new Dimension(side, 0));
        right.setPreferredSize(new Dimension(Math.min(side, MEMBERS_MAX), 0));
        boolean members = width >= MEMBERS_FROM;
        if (right.isVisible() != members) {
            right.setVisible(members);
        }
        left.revalidate();
    }

    private JMenuBar menus() {
        JMenu chat = new JMenu("Chat");
        chat.setMnemonic(KeyEvent.VK_C);
        chat.add(item("Join a room…", KeyStroke.getKeyStroke(KeyEvent.VK_J, InputEvent.CTRL_DOWN_MASK), () -> prefill("/join ")));
        chat.add(item("Whisper to…", KeyStroke.getKeyStroke(KeyEvent.VK_M, InputEvent.CTRL_DOWN_MASK), () -> prefill("/msg ")));
        chat.add(item("Previous conversation", KeyStroke.getKeyStroke(KeyEvent.VK_UP, InputEvent.ALT_DOWN_MASK), () -> conversations.step(-1)));
        chat.add(item("Next conversation", KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, InputEvent.ALT_DOWN_MASK), () -> conversations.step(1)));
        chat.addSeparator();
        chat.add(item("Quit", KeyStroke.getKeyStroke(KeyEvent.VK_Q, InputEvent.CTRL_DOWN_MASK), client::quit));
        JMenu view = new JMenu("View");
        view.setMnemonic(KeyEvent.VK_V);
        darkItem.setSelected(theme.dark());
        darkItem.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        darkItem.addActionListener(event -> themeSwitch.accept(darkItem.isSelected() ? Theme.DARK : Theme.LIGHT));
        view.add(darkItem);
        JMenu account = new JMenu("Account");
        account.setMnemonic(KeyEvent.VK_A);
        registerItem.setName("registerItem");
        registerItem.addActionListener(event -> openAccountDialog(new RegisterDialog(this, client, model.nick())));
        changePasswordItem.setName("changePasswordItem");
        changePasswordItem.addActionListener(event -> model.account().ifPresent(
                name -> openAccountDialog(new ChangePasswordDialog(this, client, name))));
        account.add(registerItem);
        account.add(changePasswordItem);
        accountChanged(model.account().orElse(null));
        roomMenu.setMnemonic(KeyEvent.VK_R);
        roomMenu.setName("roomMenu");
        inviteItem.setName("inviteItem");
        inviteItem.addActionListener(event -> currentRoom().ifPresent(this::askWhomToInvite));
        inviteOnlyItem.setName("inviteOnlyItem");
        inviteOnlyItem.addActionListener(event -> currentRoom().ifPresent(room ->
                client.mode(room, inviteOnlyItem.isSelected(), null, null)));
        moderatedItem.setName("moderatedItem");
        moderatedItem.addActionListener(event -> currentRoom().ifPresent(room ->
                client.mode(room, null, moderatedItem.isSelected(), null)));
        secretItem.setName("secretItem");
        secretItem.addActionListener(event -> currentRoom().ifPresent(room ->
                client.mode(room, null, null, secretItem.isSelected())));
        claimItem.setName("claimItem");
        claimItem.addActionListener(event -> currentRoom().ifPresent(client::claim));
        leaveItem.setName("leaveItem");
        leaveItem.addActionListener(event -> currentRoom().ifPresent(room -> client.submit("/leave " + room.name())));
        roomMenu.add(inviteItem);
        roomMenu.addSeparator();
        roomMenu.add(inviteOnlyItem);
        roomMenu.add(moderatedItem);
        roomMenu.add(secretItem);
        roomMenu.addSeparator();
        roomMenu.add(claimItem);
        roomMenu.add(leaveItem);
        roomMenu.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent event) {
                showRoomMenu();
            }

            @Override
            public void menuDeselected(MenuEvent event) { }

            @Override
            public void menuCanceled(MenuEvent event) { }
        });
        showRoomMenu();
        JMenu help = new JMenu("Help");
        help.setMnemonic(KeyEvent.VK_H);
        help.add(item("Commands", KeyStroke.getKeyStroke(KeyEvent.VK_F1, 0), () -> client.submit("/help")));
        JMenuBar bar = new JMenuBar();
        bar.add(chat);
        bar.add(view);
        bar.add(roomMenu);
        bar.add(account);
        bar.add(help);
        return bar;
    }

    private static JMenuItem item(String text, KeyStroke key, Runnable action) {
        JMenuItem item = new JMenuItem(new AbstractAction(text) {
            @Override
            public void actionPerformed(ActionEvent event) {
                action.run();
            }
        });
        item.setAccelerator(key);
        return item;
    }

    private void openAccountDialog(AccountDialog dialog) {
        if (accountDialog != null) {
            accountDialog.dispose();
        }
        accountDialog = dialog;
        dialog.setVisible(true);
    }

    private void prefill(String text) {
        input.setText(text);
        input.requestFocusInWindow();
    }

    private void startWhisper(String nick) {
        prefill("/msg " + nick + " ");
    }

    /** The room in view, if this user is in it. */
    private Optional<Conversation> currentRoom() {
        return model.selected().filter(c -> c.isRoom() && c.joined());
    }

    /**
     * The Room menu as the room in view has it: its modes ticked, and what this user may not do
     * greyed out (owners and ops change modes and invite; an account claims a room nobody owns).
     */
    private void showRoomMenu() {
        Optional<Conversation> room = currentRoom();
        boolean moderates = room.map(r -> r.role(model.nick()).moderates()).orElse(false);
        RoomMode mode = room.map(Conversation::mode).orElse(RoomMode.OPEN);
        String onlyOps = room.isEmpty() ? "Join a room first" : moderates ? null : "Only the room's owners and ops may do this";
        for (JMenuItem item : new JMenuItem[] {inviteItem, inviteOnlyItem, moderatedItem, secretItem}) {
            item.setEnabled(moderates);
            item.setToolTipText(onlyOps);
        }
        inviteOnlyItem.setSelected(mode.invite());
        moderatedItem.setSelected(mode.moderated());
        secretItem.setSelected(mode.secret());
        boolean claimable = room.isPresent() && !room.get().hasOwner() && model.account().isPresent();
        claimItem.setEnabled(claimable);
        claimItem.setToolTipText(claimable ? null : room.isPresent() && room.get().hasOwner() ? "This room has an owner"
                : "Only an account can own a room: Account ▸ Register this nick");
        leaveItem.setEnabled(room.isPresent());
    }

    private void askWhomToInvite(Conversation room) {
        new AskDialog(this, "inviteDialog", "Invite to " + room.name(),
                "Whom? They may then join " + room.name() + " once, even while it is invite-only.", "Invite", false,
                nick -> client.invite(room, nick)).setVisible(true);
    }

    /** What this user may do to {@code nick}, a member of the room in view: the right-click menu of the member list. */
    private Optional<JPopupMenu> memberMenu(String nick) {
        Optional<Conversation> current = currentRoom();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Conversation room = current.get();
        Role role = room.role(nick);
        boolean me = model.isMe(nick);
        boolean may = !me && room.mayModerate(model.nick(), nick);
        String why = me ? null : may ? null : "Only an owner or op above " + nick + " may do this";
        JPopupMenu menu = new JPopupMenu();
        menu.setName("memberMenu");
        JMenuItem who = new JMenuItem(nick + (role == Role.OWNER ? " — owner" : role == Role.OP ? " — op" : ""));
        who.setEnabled(false);
        menu.add(who);
        JMenuItem whisper = new JMenuItem("Whisper to " + nick);
        whisper.setName("whisperItem");
        whisper.setEnabled(!me);
        whisper.addActionListener(event -> startWhisper(nick));
        menu.add(whisper);
        menu.addSeparator();
        boolean deop = role == Role.OP;
        JMenuItem op = new JMenuItem(deop ? "Deop (take op)" : "Op (make a moderator)");
        op.setName(deop ? "deopItem" : "opItem");
        op.setEnabled(may && role != Role.OWNER);
        op.setToolTipText(role == Role.OWNER ? nick + " owns the room" : why);
        op.addActionListener(event -> client.op(room, nick, !deop));
        menu.add(op);
        JMenuItem kick = new JMenuItem("Kick…");
        kick.setName("kickItem");
        kick.setEnabled(may);
        kick.setToolTipText(why);
        kick.addActionListener(event -> new AskDialog(this, "kickDialog", "Kick " + nick,
                "Put " + nick + " out of " + room.name() + "? They may come back unless banned. A reason, if you give one, is shown to everyone in the room.",
                "Kick", true, reason -> client.kick(room, nick, reason)).setVisible(true));
        menu.add(kick);
        JMenuItem ban = new JMenuItem("Ban (keep out of the room)");
        ban.setName("banItem");
        ban.setEnabled(may);
        ban.setToolTipText(why);
        ban.addActionListener(event -> client.ban(room, nick, true));
        menu.add(ban);
        return Optional.of(menu);
    }

    private JLabel heading(JLabel label) {
        label.setBorder(BorderFactory.createEmptyBorder(12, 12, 6, 12));
        return label;
    }

    private void styleHeadings() {
        Font base = UIManager.getFont("Label.font");
        title.setFont(base.deriveFont(Font.BOLD, base.getSize2D() + 3));
        Color muted = theme.palette().muted();
        topic.setForeground(muted);
        roomMode.setForeground(muted);
        for (JLabel heading : new JLabel[] {membersHeading, conversationsHeading}) {
            heading.setForeground(muted);
            heading.setFont(base.deriveFont(Font.BOLD, base.getSize2D() - 1));
        }
    }

    private static JScrollPane borderless(JScrollPane scroll) {
        scroll.setBorder(BorderFactory.createEmptyBorder());
        return scroll;
    }

    @Override
    public void conversationsChanged() {
        conversations.refresh();
        model.selected().ifPresent(this::showTitle);
    }

    @Override
    public void conversationChanged(Conversation conversation) {
        if (model.selected().orElse(null) == conversation) {
            showHeader(conversation);
        }
    }

    @Override
    public void entryAppended(Conversation conversation, TranscriptEntry entry) {
        transcript.changed(conversation);
    }

    @Override
    public void transcriptReplaced(Conversation conversation) {
        transcript.changed(conversation);
    }

    @Override
    public void selected(Conversation conversation) {
        transcript.show(conversation);
        showHeader(conversation);
        input.requestFocusInWindow();
    }

    @Override
    public void statusChanged(ConnectionStatus status) {
        statusBar.show(status);
        banner.show(status);
        boolean online = status.online();
        input.setEnabled(online);
        send.setEnabled(online);
        if (!online && accountDialog != null && accountDialog.isDisplayable()) {
            accountDialog.connectionLost();
        }
    }

    @Override
    public void nickChanged(String nick) {
        model.selected().ifPresent(this::showHeader);
    }

    /** A guest may register the nick; an account's owner may change its password. */
    @Override
    public void accountChanged(String account) {
        registerItem.setEnabled(account == null);
        changePasswordItem.setEnabled(account != null);
    }

    @Override
    public void accountAnswered(AccountAnswer answer) {
        if (accountDialog != null && accountDialog.isDisplayable()) {
            accountDialog.answered(answer);
        }
    }

    @Override
    public void attentionWanted(Conversation conversation, TranscriptEntry entry) {
        String where = conversation.isRoom() ? entry.nick() + " in " + conversation.name() : entry.nick() + " whispers";
        attention.request(where, entry.text());
    }

    @Override
    public void ended() {
        attention.dispose();
        if (accountDialog != null) {
            accountDialog.dispose();
        }
        dispose();
    }

    private void showHeader(Conversation conversation) {
        title.setText(conversation.kind().sigil() + conversation.name());
        topic.setToolTipText(conversation.topic().isEmpty() ? null : conversation.topic());
        List<String> people = switch (conversation.kind()) {
            case ROOM -> conversation.members();
            case WHISPER -> List.of(conversation.name(), model.nick());
            case SERVER -> List.of();
        };
        topic.setText(switch (conversation.kind()) {
            case ROOM -> conversation.topic();
            case WHISPER -> "private conversation";
            case SERVER -> "notices from the server: /join a room to chat";
        });
        members.show(conversation.isRoom() ? conversation.name() : null, people, conversation::role);
        membersHeading.setText("MEMBERS \u2014 " + people.size());
        String modes = !conversation.isRoom() ? "" : !conversation.joined() ? "not joined"
                : conversation.mode().isOpen() ? "" : ChatModel.describe(conversation.mode());
        roomMode.setText(modes);
        roomMode.setVisible(!modes.isEmpty());
        showRoomMenu();
        showTitle(conversation);
        input.hint(switch (conversation.kind()) {
            case ROOM -> "Message #" + conversation.name();
            case WHISPER -> "Whisper to " + conversation.name();
            case SERVER -> "/join ROOM";
        } + "   (/help for commands)");
    }

    /** The window title names the conversation and, for the taskbar, how many messages wait elsewhere. */
    private void showTitle(Conversation conversation) {
        int unread = model.conversations().stream().mapToInt(Conversation::unread).sum();
        setTitle((unread > 0 ? "(" + unread + ") " : "") + conversation.name() + " \u2014 " + model.nick() + " \u2014 Chat");
    }

    /** The last line of the newest transcript row that shows {@code text}, in window coordinates; empty when none does. */
    public Optional<Rectangle> transcriptLineOf(String text) {
        return transcript.lastLineOf(text).map(line -> SwingUtilities.convertRectangle(transcript, line, getRootPane()));
    }

    /** Where clicked links go: the desktop's browser, unless a test says otherwise. */
    public void openLinksWith(Consumer<String> opener) {
        transcript.openLinksWith(opener);
    }

    /** The plain text of the shown transcript, for tests and screen readers. */
    public String transcriptText() {
        return transcript.plainText();
    }
}
