package io.northstar.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GreenMail SMTP server that refuses the addresses it is told to at RCPT TO, with 550, as a
 * real server refuses an unknown or blocked mailbox; every other address is accepted as usual.
 */
public final class RefusingGreenMail extends GreenMail {
    public static final String REPLY = "550 5.1.1 Recipient address rejected: mailbox unavailable";

    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public RefusingGreenMail(ServerSetup setup) {
        super(setup);
    }

    /** Refuses this address from now on. */
    public RefusingGreenMail refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
        return this;
    }

    public void acceptEveryone() {
        refused.clear();
    }

    // called from GreenMail's constructor, before this class's fields are set: the check reads
    // the field only when a message arrives
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
        managers = new Managers() {
            private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress recipient) {
                    return refused.contains(recipient.getEmail().toLowerCase(Locale.ROOT)) ? REPLY
                            : super.checkRecipient(state, recipient);
                }
            };

            @Override
            public SmtpManager getSmtpManager() {
                return smtp;
            }
        };
        return super.createServices(config, managers);
    }
}
