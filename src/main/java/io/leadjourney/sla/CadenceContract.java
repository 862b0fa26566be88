package io.leadjourney.sla;

import java.time.Instant;
import java.util.Locale;

/**
 * The contact cadence a lead got from {@code contact-cadence.dmn}: how many calls and e-mails, until when, and when
 * the contract counts as used up without reaching the lead.
 *
 * @param usedUpWhen {@code both}: every call and every e-mail made (the default); {@code either}: every call or every
 *                   e-mail made
 */
public record CadenceContract(int maxCalls, int maxEmails, UsedUpWhen usedUpWhen, Instant windowEnd) {

    public enum UsedUpWhen {
        BOTH, EITHER;

        /** The table's word for it; none is {@link #BOTH}. */
        public static UsedUpWhen of(String word) {
            if (word == null || word.isBlank()) {
                return BOTH;
            }
            try {
                return valueOf(word.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("contact-cadence says the contract is used up when '" + word
                        + "'; it takes both or either", e);
            }
        }
    }

    boolean usedUp(int callsLeft, int emailsLeft) {
        return usedUpWhen == UsedUpWhen.EITHER ? callsLeft == 0 || emailsLeft == 0 : callsLeft == 0 && emailsLeft == 0;
    }
}
