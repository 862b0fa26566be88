package io.leadjourney.sla;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where the contact cadence contract stands after an attempt.
 *
 * @param contractUsedUp every call and e-mail of the contract has been made without reaching the lead
 */
public record CadenceState(int callsMade, int emailsMade, int callsLeft, int emailsLeft, boolean reached,
                           boolean contractUsedUp, Instant nextAttemptDue, ZoneId zone) {

    /** How the cadence shows a moment to the rep: "Fri 4 Dec 11:00". */
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    /** For the contact-attempt form: "2 call(s) and 3 e-mail(s) left; next attempt due by Tue 24 Nov 14:00 (UTC)". */
    public String summary() {
        String left = callsLeft + " call(s) and " + emailsLeft + " e-mail(s) left";
        if (reached || contractUsedUp || nextAttemptDue == null) {
            return left;
        }
        return left + "; next attempt due by " + DUE.format(nextAttemptDue.atZone(zone)) + " (" + zone + ")";
    }
}
