package io.leadjourney.sla;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The contact cadence of the sales SLA: the rep makes up to a contracted number of calls and e-mails
 * (default 3 + 3) until the lead is reached.
 */
@Service
public class ContactCadenceService {

    private final ContactAttemptRepository attempts;
    private final Clock clock;

    public ContactCadenceService(ContactAttemptRepository attempts, Clock clock) {
        this.attempts = attempts;
        this.clock = clock;
    }

    /** Logs one attempt and answers what is left of the contract. */
    @Transactional
    public CadenceState logAttempt(long leadId, String repId, ContactChannel channel, boolean reached, String note,
                                   int callsMade, int emailsMade, int maxCalls, int maxEmails) {
        attempts.save(new ContactAttempt(leadId, repId, channel, reached, note, Instant.now(clock)));
        int calls = callsMade + (channel == ContactChannel.CALL ? 1 : 0);
        int emails = emailsMade + (channel == ContactChannel.EMAIL ? 1 : 0);
        int callsLeft = Math.max(0, maxCalls - calls);
        int emailsLeft = Math.max(0, maxEmails - emails);
        return new CadenceState(calls, emails, callsLeft, emailsLeft, reached,
                !reached && callsLeft == 0 && emailsLeft == 0);
    }
}
