package io.leadjourney.sla;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The contact cadence of the sales SLA: the rep makes up to a contracted number of calls and e-mails
 * (default 3 + 3) until the lead is reached.
 */
@Service
public class ContactCadenceService {

    private final ContactAttemptRepository attempts;
    private final SlaCalendar calendar;
    private final Clock clock;

    public ContactCadenceService(ContactAttemptRepository attempts, SlaCalendar calendar, Clock clock) {
        this.attempts = attempts;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The contract as it starts at acceptance: nothing made yet, the first attempt due by the first-contact SLA.
     *
     * @return the state, and when the cadence window closes ({@link #windowEnd})
     */
    public CadenceState start(int maxCalls, int maxEmails, Instant firstAttemptDue) {
        return new CadenceState(0, 0, maxCalls, maxEmails, false, false, firstAttemptDue, calendar.zone());
    }

    /** The lead's contact attempts so far, a line each, oldest first, for the rep's next attempt. */
    @Transactional(readOnly = true)
    public String earlierAttempts(long leadId) {
        List<ContactAttempt> made = attempts.findByLeadIdOrderByIdAsc(leadId);
        if (made.isEmpty()) {
            return "No attempts yet";
        }
        DateTimeFormatter when = CadenceState.DUE.withZone(calendar.zone());
        return made.stream().map(attempt -> when.format(attempt.getAttemptedAt()) + " " + attempt.getChannel()
                        + " by " + attempt.getRepId() + ", " + (attempt.isReached() ? "reached" : "not reached")
                        + (attempt.getNote() == null || attempt.getNote().isBlank() ? "" : ": " + attempt.getNote()))
                .collect(Collectors.joining("\n"));
    }

    /** When a cadence that starts now ends, as the cadence timer counts it. */
    public Instant windowEnd(String cadenceWindow) {
        return calendar.plus(Instant.now(clock), cadenceWindow);
    }

    /**
     * Logs one attempt and answers what is left of the contract. The next attempt is due so that the attempts left
     * are spread evenly over what is left of the cadence window.
     */
    @Transactional
    public CadenceState logAttempt(long leadId, String repId, ContactChannel channel, boolean reached, String note,
                                   int callsMade, int emailsMade, CadenceContract contract) {
        Instant windowEnd = contract.windowEnd();
        Instant now = Instant.now(clock);
        attempts.save(new ContactAttempt(leadId, repId, channel, reached, note, now));
        int calls = callsMade + (channel == ContactChannel.CALL ? 1 : 0);
        int emails = emailsMade + (channel == ContactChannel.EMAIL ? 1 : 0);
        int callsLeft = Math.max(0, contract.maxCalls() - calls);
        int emailsLeft = Math.max(0, contract.maxEmails() - emails);
        boolean usedUp = !reached && contract.usedUp(callsLeft, emailsLeft);
        int left = usedUp ? 0 : callsLeft + emailsLeft;
        // Spread over what is left of the window, and due when the team works (not on a Sunday).
        Instant nextDue = left == 0 || windowEnd == null || !windowEnd.isAfter(now) ? null
                : calendar.workingMoment(now.plus(Duration.between(now, windowEnd).dividedBy(left)));
        return new CadenceState(calls, emails, callsLeft, emailsLeft, reached, usedUp, nextDue, calendar.zone());
    }
}
